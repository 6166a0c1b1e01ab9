package critic

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/redline-dev/redline/draft"
)

func all(d *Doc) ([]int, error) {
	var n []int
	for _, c := range d.Changes() {
		n = append(n, c.Number)
	}
	return n, nil
}

func TestResolveFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.md")
	src := []byte("a {++b++} c {--d--} e\n")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	first := func(*Doc) ([]int, error) { return []int{1}, nil }
	// A stale version and a refusal by Check leave the file as it was.
	if _, err := ResolveFile(path, "d.md", Decision{Accept: true, Select: first, Version: "0000"}); !errors.As(err, new(*StaleError)) {
		t.Errorf("stale version: %v", err)
	}
	refuse := errors.New("sealed")
	if _, err := ResolveFile(path, "d.md", Decision{Accept: true, Select: first, Check: func(string) error { return refuse }}); !errors.Is(err, refuse) {
		t.Errorf("check: %v", err)
	}
	if _, err := ResolveFile(path, "d.md", Decision{Accept: true, Select: func(*Doc) ([]int, error) { return []int{3}, nil }}); err == nil {
		t.Error("change 3 of 2 was resolved")
	}
	if b, _ := os.ReadFile(path); string(b) != string(src) {
		t.Fatalf("refused decisions changed the file: %q", b)
	}
	o, err := ResolveFile(path, "d.md", Decision{Accept: true, Select: first, Version: draft.HexSHA256(src)})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "a b c {--d--} e\n" || string(o.Result) != string(b) || o.Version != draft.HexSHA256(b) || o.Total != 2 || len(o.Numbers) != 1 {
		t.Errorf("file %q, outcome %+v", b, o)
	}
}

// Decisions made at once on one file, each on the file as it is, all
// take effect: the lock keeps one from overwriting another.
func TestResolveFileConcurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.md")
	var src []byte
	for i := 0; i < 8; i++ {
		src = append(src, "w {++x++}\n"...)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := ResolveFile(path, "d.md", Decision{Accept: true, Select: func(*Doc) ([]int, error) { return []int{1}, nil }}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	b, _ := os.ReadFile(path)
	d, err := Parse("d.md", b)
	if err != nil || len(d.Changes()) != 0 {
		t.Errorf("after 8 decisions: %v, %d changes left in %q", err, len(d.Changes()), b)
	}
	if _, err := ResolveData("d.md", b, Decision{Select: all}); err != nil {
		t.Error(err)
	}
}
