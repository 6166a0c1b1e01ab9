package archtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHouseSizes is the rule over the module: no non-test file over 500
// lines, no function over 80.
func TestHouseSizes(t *testing.T) {
	_, pkgs, err := List("../..")
	if err != nil {
		t.Fatal(err)
	}
	problems, err := CheckSizes(pkgs)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// The checker finds a long function and a long file, and passes short ones.
func TestCheckerFindsLongFunctionsAndFiles(t *testing.T) {
	dir := t.TempDir()
	long := "package leaf\n\nfunc Long() {\n" + strings.Repeat("\t_ = 1\n", 80) + "}\n\nfunc Short() {}\n"
	big := "package leaf\n\n" + strings.Repeat("// a comment line\n", 500)
	for name, src := range map[string]string{"long.go": long, "big.go": big, "ok.go": "package leaf\n\nfunc OK() {\n\t_ = 1\n}\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	problems, err := CheckSizes([]Package{{Path: "leaf", Dir: dir, GoFiles: []string{"long.go", "big.go", "ok.go"}}})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(problems, "\n")
	if len(problems) != 2 || !strings.Contains(all, "long.go:3: func Long is 82 lines") || !strings.Contains(all, "big.go: 502 lines") {
		t.Errorf("problems:\n%s", all)
	}
}
