package archtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestErrorsNameNoFlags is the rule over the module: no package outside
// cmd makes an error that names a flag.
func TestErrorsNameNoFlags(t *testing.T) {
	_, pkgs, err := List("../..")
	if err != nil {
		t.Fatal(err)
	}
	problems, err := CheckFlagNames(pkgs)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// An error literal naming a flag is found under any import name, in
// errors.New and fmt.Errorf alike; other strings, Markdown rules and cmd's
// own errors are not.
func TestCheckerFindsFlagNamesInErrors(t *testing.T) {
	dir := t.TempDir()
	src := `package leaf

import (
	stderrors "errors"
	"fmt"
)

func A() error { return fmt.Errorf("%s: no author: give --author", "x") }
func B() error { return stderrors.New("use --as text") }
func C() string { return fmt.Sprintf("give --force") }
func D() error { return fmt.Errorf("a rule --- is not a flag, nor is a-- or x--y") }
func E() error { return fmt.Errorf("%s has no author", "--author") }
`
	if err := os.WriteFile(filepath.Join(dir, "leaf.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	pkgs := []Package{{Path: "leaf", Dir: dir, GoFiles: []string{"leaf.go"}}, {Path: "cmd", Dir: dir, GoFiles: []string{"leaf.go"}}}
	problems, err := CheckFlagNames(pkgs)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"leaf.go:8: leaf makes an error naming the flag --author", "leaf.go:9: leaf makes an error naming the flag --as", "leaf.go:12: leaf makes an error naming the flag --author"}
	if len(problems) != len(want) {
		t.Fatalf("got %d problems, want %d: %q", len(problems), len(want), problems)
	}
	all := strings.Join(problems, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("no problem says %q in:\n%s", w, all)
		}
	}
}
