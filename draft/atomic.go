package draft

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// WriteFileAtomic writes data to path so that a reader, or a crash at any
// instant, sees either the old content or the new, never a mixture: it writes
// a temporary file in the same folder, syncs it, renames it over path and
// syncs the folder. The file gets mode perm (or the existing file's mode).
// When path is a symbolic link, the file it points to is replaced and the
// link is kept, as editors do.
//
// The temporary file is named .NAME.tmp-PID-RANDOM. A process killed
// between creating it and the rename leaves it behind; the next write of
// the same file removes such leftovers (see removeStaleTempFiles).
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	return WriteFileAtomicFrom(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFileAtomicFrom is WriteFileAtomic with the content written by write,
// straight into the temporary file through a buffer, so that a large
// output is never held whole in memory. When write fails, nothing is
// renamed and the temporary file is removed: path keeps its old content.
// A device, pipe or socket is given the content only once write has
// succeeded, gathered in memory first.
func WriteFileAtomicFrom(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	// Stat follows links, so /dev/stdout (a link to a pipe or terminal)
	// counts as the special file it leads to.
	if fi, serr := os.Stat(path); serr == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return fmt.Errorf("cannot write %s: it is a folder; name a file", path)
		}
		// A device, pipe or socket (-o /dev/stdout, a FIFO): write into it;
		// renaming over it would replace it with a regular file.
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		return writeInto(path, buf.Bytes())
	}
	if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&os.ModeSymlink != 0 {
		target, terr := filepath.EvalSymlinks(path)
		if terr != nil {
			return fmt.Errorf("cannot write %s: it is a symbolic link whose target cannot be reached (%v): fix or remove the link", path, terr)
		}
		path = target
	}
	dir := filepath.Dir(path)
	if fi, statErr := os.Stat(path); statErr == nil {
		perm = fi.Mode().Perm()
	}
	removeStaleTempFiles(dir, filepath.Base(path), time.Now())
	tmp, err := os.CreateTemp(dir, tempPrefix(filepath.Base(path))+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	fw := &fileWriter{f: tmp}
	bw := bufio.NewWriterSize(fw, 256<<10)
	if err = write(bw); err == nil {
		err = bw.Flush()
	}
	if fw.err != nil {
		return fmt.Errorf("cannot write %s: %w", path, fw.err) // the disk's error, not the content's
	}
	if err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = os.Rename(name, path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return SyncDir(dir)
}

// SyncDir flushes a folder's entries (a rename or a new file in it) to disk.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("cannot sync folder %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("cannot sync folder %s: %w", dir, err)
	}
	return nil
}

// writeInto writes data into an existing special file without replacing it.
func writeInto(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// fileWriter writes to a file and keeps the first error the file gave, so
// that a failed write is told apart from content that failed to be made.
type fileWriter struct {
	f   *os.File
	err error
}

func (w *fileWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

// tempPrefix is the start of the temporary files' names for a file.
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// staleTempAge is how old a leftover temporary file must be before it is
// removed when the process that made it cannot be told apart from a live
// one (a name without a process id, or an id now in use by another).
const staleTempAge = time.Hour

// removeStaleTempFiles removes the temporary files that earlier writes of
// base left in dir when they were killed: those whose process is gone, and
// any older than staleTempAge. A live writer's file is never touched (its
// process exists and its file is young). Failures are ignored: this only
// tidies up.
func removeStaleTempFiles(dir, base string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := tempPrefix(base)
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !e.Type().IsRegular() {
			continue
		}
		rest := strings.TrimPrefix(name, prefix)
		stale := false
		if pid, _, ok := strings.Cut(rest, "-"); ok {
			if n, err := strconv.Atoi(pid); err == nil && n > 0 && n != os.Getpid() && processGone(n) {
				stale = true
			}
		}
		if !stale {
			info, err := e.Info()
			stale = err == nil && now.Sub(info.ModTime()) > staleTempAge
		}
		if stale {
			os.Remove(filepath.Join(dir, name))
		}
	}
}
