package draft

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// A write removes the temporary files that killed writes of the same file
// left behind, and nothing else.
func TestWriteFileAtomicRemovesStaleTempFiles(t *testing.T) {
	dir := t.TempDir()
	put := func(name string, age time.Duration) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-age)
		os.Chtimes(p, old, old)
		return p
	}
	// 99999999 is above any process id Linux hands out: that writer is gone.
	deadWriter := put(".draft.md.tmp-99999999-123", 0)
	oldNoPid := put(".draft.md.tmp-4567", 2*time.Hour)
	// A live writer: this process's parent, young.
	liveWriter := put(".draft.md.tmp-"+strconv.Itoa(os.Getppid())+"-89", 0)
	otherFile := put(".notes.md.tmp-99999999-1", 0)
	youngNoPid := put(".draft.md.tmp-777", 0)

	if err := WriteFileAtomic(filepath.Join(dir, "draft.md"), []byte("new\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gone := func(p string) bool { _, err := os.Stat(p); return os.IsNotExist(err) }
	if !gone(oldNoPid) {
		t.Error("a leftover older than an hour was kept")
	}
	if processGone(99999999) && !gone(deadWriter) {
		t.Error("the leftover of a process that is gone was kept")
	}
	for _, p := range []string{liveWriter, otherFile, youngNoPid} {
		if gone(p) {
			t.Errorf("%s was removed: it may belong to a live write", filepath.Base(p))
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n := e.Name(); len(n) > 14 && n[:14] == ".draft.md.tmp-" && n != filepath.Base(liveWriter) && n != filepath.Base(youngNoPid) {
			t.Errorf("left behind: %s", n)
		}
	}
}
