package archtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestModuleFollowsArchitecture is the rule itself: every package of the
// module against docs/architecture.md.
func TestModuleFollowsArchitecture(t *testing.T) {
	doc, err := os.ReadFile("../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	rules, err := ParseRules(doc)
	if err != nil {
		t.Fatal(err)
	}
	module, pkgs, err := List("../..")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 5 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	problems, legacy := CheckImports(module, rules, pkgs)
	for _, p := range problems {
		t.Error(p)
	}
	for _, l := range legacy {
		t.Logf("arrow being removed (marked † in docs/architecture.md): %s", l)
	}
	effects, err := CheckEffects(pkgs)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range effects {
		t.Error(p)
	}
}

const sampleDoc = "# x\n\n## Packages\n\n| Package | May import | What |\n|---|---|---|\n" +
	"| `cmd` | `*` | commands |\n| `cable` | | leaf |\n| `diff` | `cable`, `draft`† | engine |\n| `draft` | `cable` | model |\n" +
	"| `render` | `diff` | views |\n\n## Libraries\n\n| Library | Only in |\n|---|---|\n| `github.com/spf13/cobra` | `cmd` |\n| `github.com/sergi/go-diff` | `diff` |\n"

const mod = "example.com/m"

func samplePkgs() []Package {
	return []Package{
		{Path: "cmd", Imports: []string{mod + "/diff", mod + "/render", "github.com/spf13/cobra"}},
		{Path: "cable", Imports: []string{"strings"}},
		{Path: "diff", Imports: []string{mod + "/cable", mod + "/draft", "github.com/sergi/go-diff/diffmatchpatch"}},
		{Path: "draft", Imports: []string{mod + "/cable"}},
		{Path: "render", Imports: []string{mod + "/diff"}},
	}
}

func TestRulesParse(t *testing.T) {
	r, err := ParseRules([]byte(sampleDoc))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.Allowed["diff"], ","); got != "cable,draft" || !r.Legacy["diff"]["draft"] {
		t.Fatalf("diff may import %q, legacy %v", got, r.Legacy)
	}
	if len(r.Allowed["cable"]) != 0 || r.Libraries["github.com/spf13/cobra"][0] != "cmd" {
		t.Fatalf("rules %+v", r)
	}
}

func TestCheckerPassesAGoodGraph(t *testing.T) {
	r, _ := ParseRules([]byte(sampleDoc))
	problems, legacy := CheckImports(mod, r, samplePkgs())
	if len(problems) != 0 {
		t.Fatalf("a graph that follows the table gave %v", problems)
	}
	if len(legacy) != 1 || legacy[0] != "diff -> draft" {
		t.Fatalf("legacy arrows %v", legacy)
	}
}

// The checker must fail for each kind of broken rule.
func TestCheckerFailsABrokenArrow(t *testing.T) {
	r, _ := ParseRules([]byte(sampleDoc))
	cases := map[string]struct {
		change func([]Package) []Package
		want   string
	}{
		"a view importing the model": {func(p []Package) []Package {
			p[4].Imports = append(p[4].Imports, mod+"/draft")
			return p
		}, "render imports draft, against docs/architecture.md (render may import diff)"},
		"a leaf importing anything of ours": {func(p []Package) []Package {
			p[1].Imports = append(p[1].Imports, mod+"/diff")
			return p
		}, "cable imports diff, against docs/architecture.md (cable may import nothing of ours)"},
		"an unknown package": {func(p []Package) []Package {
			return append(p, Package{Path: "render/pdf"})
		}, "add render/pdf to"},
		"cobra outside cmd": {func(p []Package) []Package {
			p[3].Imports = append(p[3].Imports, "github.com/spf13/cobra")
			return p
		}, "draft imports github.com/spf13/cobra, which docs/architecture.md keeps to cmd"},
		"a view importing go-diff": {func(p []Package) []Package {
			p[4].Imports = append(p[4].Imports, "github.com/sergi/go-diff/diffmatchpatch")
			return p
		}, "render imports github.com/sergi/go-diff/diffmatchpatch"},
		"anything importing cmd": {func(p []Package) []Package {
			p[2].Imports = append(p[2].Imports, mod+"/cmd")
			return p
		}, "diff imports cmd"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			problems, _ := CheckImports(mod, r, c.change(samplePkgs()))
			if len(problems) != 1 || !strings.Contains(problems[0], c.want) {
				t.Fatalf("got %q, want one problem containing %q", problems, c.want)
			}
		})
	}
}

// A package below cmd that prints, exits or touches a standard stream is
// found in its source, under any import name.
func TestCheckerFindsPrinting(t *testing.T) {
	dir := t.TempDir()
	src := `package leaf

import (
	"fmt"
	stdlog "log"
	"os"
)

func A() string { return fmt.Sprintf("%d", 1) }
func B() { fmt.Println("x") }
func C() { stdlog.Fatalf("x") }
func D() { os.Exit(2) }
func E() { fmt.Fprintln(os.Stderr, "x") }
func F() { println("x") }
`
	if err := os.WriteFile(filepath.Join(dir, "leaf.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	pkgs := []Package{{Path: "leaf", Dir: dir, GoFiles: []string{"leaf.go"}}, {Path: "cmd", Dir: dir, GoFiles: []string{"leaf.go"}}}
	problems, err := CheckEffects(pkgs)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"fmt.Println", "log.Fatalf", "os.Exit", "os.Stderr", "builtin println"}
	if len(problems) != len(want) {
		t.Fatalf("got %d problems, want %d: %q", len(problems), len(want), problems)
	}
	all := strings.Join(problems, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("no problem names %s in %s", w, all)
		}
	}
	if strings.Contains(all, ":9:") {
		t.Errorf("fmt.Sprintf is not printing: %s", all)
	}
}
