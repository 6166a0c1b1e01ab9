package cmd

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
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
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			name := fmt.Sprintf("w%d.md", w)
			for j := 1; j <= commits; j++ {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(fmt.Sprintf("worker %d text %d\n", w, j)), 0o644); err != nil {
					errs <- err
					return
				}
				args := []string{"commit", name, "-m", fmt.Sprintf("%d", j), "--author", fmt.Sprintf("w%d", w), "--office", "test"}
				if j%5 == 0 {
					// Also move a label of the shared draft.
					args = []string{"label", fmt.Sprintf("shared.md@%d", 1+j%3), fmt.Sprintf("w%d", w), "--force"}
				}
				c := exec.Command(exe, args...)
				c.Dir = dir
				if out, err := c.CombinedOutput(); err != nil {
					errs <- fmt.Errorf("worker %d: redline %v: %v\n%s", w, args, err, out)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
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
