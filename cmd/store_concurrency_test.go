package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/redline-dev/redline/draft"
)

// TestStoreConcurrentCommands runs `redline commit` from 8 workers at once,
// 25 commits each to their own drafts, while they also label revisions of
// one shared draft: every revision is kept, numbered 1 to 25 without gaps,
// and fsck is clean. (Commits of one shared draft from many processes are
// tested in the draft package, through the store API, since a shared
// working copy cannot hold eight different texts at once.)
func TestStoreConcurrentCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	exe := redlineExe(t)
	dir := t.TempDir()
	ws, err := draft.Init(dir)
	if err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(dir, "shared.md")
	for i := 1; i <= 3; i++ {
		os.WriteFile(shared, []byte(fmt.Sprintf("shared %d\n", i)), 0o644)
		if _, err := ws.Commit(draft.CommitRequest{Path: shared, Author: "a", Office: "b", Message: "m"}); err != nil {
			t.Fatal(err)
		}
	}
	const workers, commits = 8, 25
	start := time.Now()
	for _, err := range inParallel(workers, func(w int) error {
		return commitAndLabel(exe, dir, w, commits, "test")
	}) {
		t.Fatal(err)
	}
	t.Logf("%d workers, %d commands each: %v", workers, commits, time.Since(start))
	for w := 0; w < workers; w++ {
		revs, err := ws.LogDraft(fmt.Sprintf("w%d.md", w))
		if err != nil {
			t.Fatal(err)
		}
		if want := commits - commits/5; len(revs) != want {
			t.Errorf("w%d.md has %d revisions, want %d", w, len(revs), want)
		}
		for k, r := range revs {
			if r.Number != k+1 || r.Author != fmt.Sprintf("w%d", w) {
				t.Errorf("w%d.md revision %d: %+v", w, k+1, r)
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
		t.Errorf("shared.md carries %d labels, want %d", labels, workers)
	}
	rep, err := ws.Fsck()
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.Labels != workers*(commits/5) {
		t.Errorf("fsck: %+v", rep)
	}
}
