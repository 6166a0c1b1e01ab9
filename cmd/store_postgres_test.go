package cmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/store/storetest"
)

// sharedWorkspaces makes two workspaces, as two offices would, whose
// config.yaml points at one PostgreSQL schema. Without REDLINE_TEST_POSTGRES
// the test skips (fails under REDLINE_REQUIRE_POSTGRES=1, as in CI).
func sharedWorkspaces(t *testing.T, exe string) [2]string {
	t.Helper()
	dsn := storetest.PostgresDSN(t)
	var dirs [2]string
	for i := range dirs {
		dirs[i] = filepath.Join(t.TempDir(), fmt.Sprintf("office%d", i+1))
		despatchRun(t, exe, filepath.Dir(dirs[i]), "init", "--store", dsn, dirs[i])
	}
	return dirs
}

// TestStorePostgresSharedSends: two workspaces on one PostgreSQL store, 16
// processes each sending 16 drafts, half from each workspace, all at once.
// The register holds 256 distinct serials T 1/88 ... T 256/88 with no gap,
// each draft sent once, and fsck and serial verify are clean from both.
func TestStorePostgresSharedSends(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 256 processes")
	}
	exe := despatchExe(t)
	dirs := sharedWorkspaces(t, exe)
	const procs, each = 16, 16
	names := [2][]string{}
	for i := 0; i < procs*each; i++ {
		w := i % 2
		name := fmt.Sprintf("m%03d.md", i)
		if err := os.WriteFile(filepath.Join(dirs[w], name), []byte(despatchDraft(i)), 0o644); err != nil {
			t.Fatal(err)
		}
		names[w] = append(names[w], name)
	}
	for w, dir := range dirs {
		despatchRun(t, exe, dir, append([]string{"commit", "-m", "final"}, names[w]...)...)
	}
	start := time.Now()
	for _, err := range inParallel(procs, func(p int) error {
		// Process p works in workspace p%2 and sends every eighth of that
		// workspace's drafts.
		w := p % 2
		var failed []error
		for k := p / 2; k < len(names[w]); k += procs / 2 {
			name := names[w][k]
			out, err := despatchCmd(exe, dirs[w], "send", name, "--dtg", despatchDTG(2*k+w)).CombinedOutput()
			if err != nil {
				failed = append(failed, fmt.Errorf("office %d: send %s: %v\n%s", w+1, name, err, out))
			}
		}
		return errors.Join(failed...)
	}) {
		t.Error(err)
	}
	t.Logf("%d sends from 16 processes in two workspaces on PostgreSQL took %v", procs*each, time.Since(start))
	for w, dir := range dirs {
		reg := despatchRegister(t, exe, dir)
		if len(reg) != procs*each {
			t.Fatalf("office %d sees %d register entries, want %d", w+1, len(reg), procs*each)
		}
		// Gapless, distinct, each sealed draft in the register; fsck and
		// serial verify run from this workspace.
		despatchCheckGapless(t, exe, dir, reg)
	}
}

// TestStorePostgresSharedCommits: 8 processes, four in each of two
// workspaces sharing one PostgreSQL store, each make 25 commits of a draft
// of their own while moving labels of one shared draft. Every revision is
// kept, numbered without gaps, both workspaces see all of them, and fsck is
// clean from both.
func TestStorePostgresSharedCommits(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	exe := redlineExe(t)
	dirs := sharedWorkspaces(t, exe)
	shared := filepath.Join(dirs[0], "shared.md")
	for i := 1; i <= 3; i++ {
		os.WriteFile(shared, []byte(fmt.Sprintf("shared %d\n", i)), 0o644)
		runRedline(t, exe, dirs[0], "commit", "shared.md", "-m", "m")
	}
	const workers, commits = 8, 25
	start := time.Now()
	for _, err := range inParallel(workers, func(w int) error {
		return commitAndLabel(exe, dirs[w%2], w, commits, fmt.Sprintf("office%d", w%2+1))
	}) {
		t.Fatal(err)
	}
	t.Logf("%d workers in two workspaces, %d commands each, on PostgreSQL: %v", workers, commits, time.Since(start))
	for i, dir := range dirs {
		ws, err := draft.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer ws.Close()
		for w := 0; w < workers; w++ {
			revs, err := ws.LogDraft(fmt.Sprintf("w%d.md", w))
			if err != nil {
				t.Fatal(err)
			}
			if want := commits - commits/5; len(revs) != want {
				t.Errorf("office %d: w%d.md has %d revisions, want %d", i+1, w, len(revs), want)
			}
			for k, r := range revs {
				if r.Number != k+1 || r.Author != fmt.Sprintf("w%d", w) || r.Message != fmt.Sprint(k+1+k/4) {
					t.Errorf("office %d: w%d.md revision %d: number %d by %s, %q", i+1, w, k+1, r.Number, r.Author, r.Message)
				}
			}
		}
		revs, err := ws.LogDraft("shared.md")
		if err != nil {
			t.Fatal(err)
		}
		labels := 0
		for _, r := range revs {
			labels += len(r.Labels)
		}
		if labels != workers {
			t.Errorf("office %d: shared.md carries %d labels, want %d", i+1, labels, workers)
		}
		out := runRedline(t, exe, dir, "fsck")
		if !strings.Contains(out, ": ok") {
			t.Errorf("office %d: fsck:\n%s", i+1, out)
		}
	}
}
