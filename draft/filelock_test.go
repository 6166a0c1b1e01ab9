package draft

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
)

// Read-modify-write cycles under LockWorkingCopy, each replacing the file
// by rename as accept does, lose no update.
func TestLockWorkingCopySerialisesRewrites(t *testing.T) {
	p := filepath.Join(t.TempDir(), "count.md")
	if err := os.WriteFile(p, []byte("0"), 0o644); err != nil {
		t.Fatal(err)
	}
	const n = 16
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			unlock, err := LockWorkingCopy(p)
			if err != nil {
				errs <- err
				return
			}
			defer unlock()
			b, err := os.ReadFile(p)
			if err != nil {
				errs <- err
				return
			}
			v, _ := strconv.Atoi(string(b))
			errs <- WriteFileAtomic(p, []byte(strconv.Itoa(v+1)), 0o644)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(p); string(b) != strconv.Itoa(n) {
		t.Fatalf("count is %s after %d locked increments: updates were lost", b, n)
	}
}
