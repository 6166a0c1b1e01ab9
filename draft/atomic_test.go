package draft

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileAtomicReplacesContentAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "d.md")
	if err := os.WriteFile(p, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	fi, _ := os.Stat(p)
	if string(got) != "new" || fi.Mode().Perm() != 0o640 {
		t.Fatalf("got %q mode %v; want new, 0640", got, fi.Mode().Perm())
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".d.md.tmp-*"))
	if len(left) != 0 {
		t.Fatalf("temporary files left behind: %v", left)
	}
}

func TestWriteFileAtomicFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.md", link); err != nil {
		t.Skip("symlinks not available:", err)
	}
	if err := WriteFileAtomic(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("link was replaced by a regular file")
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Fatalf("target holds %q, want new", got)
	}
}

func TestWriteFileAtomicBrokenSymlink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink("missing/real.md", link); err != nil {
		t.Skip("symlinks not available:", err)
	}
	if err := WriteFileAtomic(link, []byte("new"), 0o644); err == nil {
		t.Fatal("wrote through a broken link")
	}
}

func TestWriteFileAtomicIntoSpecialFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan []byte, 1)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- b
	}()
	if err := WriteFileAtomic(fifo, []byte("cable"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b := <-got; string(b) != "cable" {
		t.Fatalf("reader got %q", b)
	}
	fi, err := os.Lstat(fifo)
	if err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO was replaced: %v %v", fi.Mode(), err)
	}
	if err := WriteFileAtomic(dir, []byte("x"), 0o644); err == nil {
		t.Fatal("wrote over a folder")
	}
}

// TestWriteFileAtomicFromFailure: content that fails to be made, after
// some of it was written, leaves the old file as it was and no temporary
// file behind; content that is made is streamed in whole, larger than the
// buffer.
func TestWriteFileAtomicFromFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "redline.html")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := errors.New("the view failed")
	err := WriteFileAtomicFrom(path, 0o644, func(w io.Writer) error {
		w.Write(bytes.Repeat([]byte("half "), 100_000))
		return bad
	})
	if !errors.Is(err, bad) {
		t.Fatalf("error %v, want the content's own", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("the file holds %d bytes after a failed write, want the old content", len(got))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries in the folder, want only the file: a temporary copy was left", len(entries))
	}
	want := bytes.Repeat([]byte("whole "), 200_000)
	if err := WriteFileAtomicFrom(path, 0o644, func(w io.Writer) error {
		for i := 0; i < len(want); i += 1000 {
			w.Write(want[i:min(i+1000, len(want))])
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Errorf("the file holds %d bytes, want %d", len(got), len(want))
	}
}
