package draft

import (
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
