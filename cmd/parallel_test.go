package cmd

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
)

// inParallel runs work(0) … work(n-1) at once and returns the errors they
// returned, in no particular order.
func inParallel(n int, work func(i int) error) []error {
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if err := work(i); err != nil {
				errs <- err
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	var out []error
	for err := range errs {
		out = append(out, err)
	}
	return out
}

// commitAndLabel is worker w of the concurrent-commit tests: it rewrites
// its own draft wW.md in dir and commits it commits times as author wW of
// office, but every fifth time moves its label wW on the shared draft
// instead. It stops at the first command that fails.
func commitAndLabel(exe, dir string, w, commits int, office string) error {
	name := fmt.Sprintf("w%d.md", w)
	for j := 1; j <= commits; j++ {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(fmt.Sprintf("worker %d text %d\n", w, j)), 0o644); err != nil {
			return err
		}
		args := []string{"commit", name, "-m", fmt.Sprint(j), "--author", fmt.Sprintf("w%d", w), "--office", office}
		if j%5 == 0 {
			args = []string{"label", fmt.Sprintf("shared.md@%d", 1+j%3), fmt.Sprintf("w%d", w), "--force"}
		}
		c := exec.Command(exe, args...)
		c.Dir = dir
		if out, err := c.CombinedOutput(); err != nil {
			return fmt.Errorf("worker %d: redline %v: %v\n%s", w, args, err, out)
		}
	}
	return nil
}
