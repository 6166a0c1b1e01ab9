//go:build unix

package draft

import (
	"fmt"
	"os"
	"syscall"
)

// LockWorkingCopy takes an exclusive lock on a working copy for a
// read-modify-write (accept, reject), so that two processes rewriting the
// same draft do not lose each other's decisions. The file is replaced by
// rename when it is written, so the lock is taken on the file that is there
// once the lock is held: a process that locked a file since replaced tries
// again on the new one. The returned function releases the lock.
func LockWorkingCopy(path string) (func(), error) {
	for attempt := 0; attempt < 100; attempt++ {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("cannot lock %s: %w", path, err)
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			f.Close()
			return nil, fmt.Errorf("cannot lock %s: %w", path, err)
		}
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return func() { f.Close() }, nil
		}
		f.Close() // replaced while we waited: lock the new file
	}
	return nil, fmt.Errorf("cannot lock %s: it keeps being replaced; try again", path)
}
