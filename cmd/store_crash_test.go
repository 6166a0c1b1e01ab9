package cmd

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redline-dev/redline/draft"
)

// redlineExe finds the redline command that testscript.Main put on PATH:
// the test binary itself, which runs Main when called by that name.
func redlineExe(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("redline")
	if err != nil {
		t.Skip("redline is not on PATH (run through go test)")
	}
	return p
}

func runRedline(t *testing.T, exe, dir string, args ...string) string {
	t.Helper()
	c := exec.Command(exe, args...)
	c.Dir = dir
	c.Env = append(os.Environ(), "REDLINE_AUTHOR=Crash Test", "REDLINE_OFFICE=Lab", "NO_COLOR=1")
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("redline %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestStoreCrashSafety kills `redline commit` and `redline restore` with
// SIGKILL at moments spread over their run, then checks that the store is
// valid (each revision wholly present or absent) and that the working copy
// holds either its old content or the restored content, never a mixture.
func TestStoreCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	exe := redlineExe(t)
	dir := t.TempDir()
	runRedline(t, exe, dir, "init")
	wc := filepath.Join(dir, "draft.md")
	// A large draft, so that writing and syncing a revision takes a while.
	var body bytes.Buffer
	body.WriteString("---\ntitle: Crash test\n---\n")
	for body.Len() < 256<<10 {
		body.WriteString("If the present Vienna CSCE meeting is to be concluded during your Administration, ")
	}
	if err := os.WriteFile(wc, body.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	runRedline(t, exe, dir, "commit", "draft.md", "-m", "first")
	rev1 := body.Bytes()

	// How long an undisturbed commit takes, to spread the kills over it.
	if err := os.WriteFile(wc, append(body.Bytes(), "timing\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	runRedline(t, exe, dir, "commit", "draft.md", "-m", "timing")
	span := time.Since(t0)
	t.Logf("an undisturbed commit of a 256 KB draft takes %v", span)

	const iterations = 30
	committed, restoresDone, finished := 0, 0, 0
	for i := 0; i < iterations; i++ {
		content := append(append([]byte(nil), body.Bytes()...), fmt.Sprintf("edit %d\n", i)...)
		if err := os.WriteFile(wc, content, 0o644); err != nil {
			t.Fatal(err)
		}
		before := sha256.Sum256(content)
		args := []string{"commit", "draft.md", "-m", fmt.Sprintf("edit %d", i)}
		restoring := i%3 == 2
		if restoring {
			args = []string{"restore", "draft.md@1", "--force"}
		}
		c := exec.Command(exe, args...)
		c.Dir = dir
		c.Env = append(os.Environ(), "REDLINE_AUTHOR=Crash Test", "REDLINE_OFFICE=Lab")
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill moments run from at once to twice an undisturbed run.
		delay := span * 2 * time.Duration(i) / iterations
		time.Sleep(delay)
		c.Process.Kill()
		c.Wait()
		if c.ProcessState.Success() {
			finished++
		}

		after, err := os.ReadFile(wc)
		if err != nil {
			t.Fatalf("iteration %d: working copy: %v", i, err)
		}
		switch {
		case restoring && bytes.Equal(after, rev1):
			restoresDone++
		case sha256.Sum256(after) != before:
			t.Fatalf("iteration %d (%s killed after %v): the working copy changed (%d bytes)", i, args[0], delay, len(after))
		}
		ws, err := draft.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := ws.Fsck()
		if err != nil {
			t.Fatal(err)
		}
		if !rep.OK() {
			t.Fatalf("iteration %d (%s killed after %v): fsck: %+v", i, args[0], delay, rep.Problems)
		}
		revs, err := ws.LogDraft("draft.md")
		if err != nil {
			t.Fatalf("iteration %d: log: %v", i, err)
		}
		if !restoring && revs[len(revs)-1].SHA256 == fmt.Sprintf("%x", before) {
			committed++
		}
	}
	t.Logf("%d kills: %d processes had finished; %d commits and %d restores had taken effect", iterations, finished, committed, restoresDone)
	// The store still takes commits, and a later commit clears any
	// temporary file a killed process left.
	if err := os.WriteFile(wc, []byte("final\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runRedline(t, exe, dir, "commit", "draft.md", "-m", "after the crashes")
	out := runRedline(t, exe, dir, "fsck")
	if !strings.Contains(out, ": ok") || strings.Contains(out, "note:") {
		t.Errorf("fsck after a clean commit:\n%s", out)
	}
}
