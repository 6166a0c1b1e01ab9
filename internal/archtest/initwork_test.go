package archtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoRegexpAtInit is the rule over the module: no package compiles a
// regular expression while it is initialised.
func TestNoRegexpAtInit(t *testing.T) {
	_, pkgs, err := List("../..")
	if err != nil {
		t.Fatal(err)
	}
	problems, err := CheckInitWork(pkgs)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// The checker finds a pattern compiled at init, and passes one compiled
// on first use.
func TestCheckerFindsRegexpAtInit(t *testing.T) {
	dir := t.TempDir()
	src := "package leaf\n\nimport (\n\t\"regexp\"\n\t\"sync\"\n)\n\n" +
		"var eager = regexp.MustCompile(`a+`)\n\n" +
		"var lazy = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`b+`) })\n"
	if err := os.WriteFile(filepath.Join(dir, "re.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	problems, err := CheckInitWork([]Package{{Path: "leaf", Dir: dir, GoFiles: []string{"re.go"}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], "re.go:8: regexp.MustCompile runs at package init") {
		t.Errorf("problems %q, want one naming re.go:8", problems)
	}
}
