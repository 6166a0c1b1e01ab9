package cmd

import (
	"os"
	"strings"
	"testing"

	"github.com/redline-dev/redline/diff"
)

func TestDiffFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *DiffOptions
	c := NewCmdDiff(f, func(o *DiffOptions) error { got = o; return nil })
	err := parseOnly(t, c, "a.md", "b.txt", "--new-as", "CABLE", "--format", "SBS", "-i", "--numbers",
		"--context", "2", "--width", "90", "--min-move-words", "5", "--no-moves", "-o", "out.txt", "--paper", "letter", "--exit-code")
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Old != "a.md" || got.New != "b.txt" || got.IO != f.IO || got.Factory != f {
		t.Fatalf("options = %+v", got)
	}
	if got.oldKind != "" || got.newKind != diff.KindCable || !got.IgnoreCase || !got.Numbers || got.Context != 2 ||
		got.Width != 90 || got.MinMoveWords != 5 || !got.NoMoves || got.Output.Path != "out.txt" || got.Paper != "letter" || !got.ExitCode {
		t.Errorf("options = %+v", got)
	}
	if v, err := got.view(); err != nil || v.Name != "side-by-side" {
		t.Errorf("view = %q, %v; want side-by-side", v.Name, err)
	}

	got = nil
	c = NewCmdDiff(f, func(o *DiffOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "a.md", "--stat", "--as", "md"); err != nil {
		t.Fatal(err)
	}
	if got.Format != "stat" || got.oldKind != diff.KindMarkdown || got.newKind != diff.KindMarkdown || got.New != "" {
		t.Errorf("--stat --as md: options = %+v", got)
	}
	if v, err := got.view(); err != nil || v.Name != "stat" {
		t.Errorf("view = %q, %v; want stat", v.Name, err)
	}
}

// Bad flags are refused before anything is read, each naming the flag.
func TestDiffFlagsRefused(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"a", "b", "--as", "pdf"}, "--as takes text, markdown or cable"},
		{[]string{"a", "b", "--old-as", "x"}, "--old-as"},
		{[]string{"a", "b", "--format", "docs"}, `unknown format "docs"`},
		{[]string{"a", "b", "--stat", "--format", "json"}, "--stat cannot be used with --format json"},
		{[]string{"a", "b", "--paper", "foolscap"}, "--paper takes a4 or letter"},
		{[]string{"a", "b", "--context", "-2"}, "--context"},
		{[]string{"a", "b", "--width", "5"}, "--width 5"},
		{[]string{"a", "b", "--min-move-words", "0"}, "--min-move-words"},
		{[]string{"a", "b", "--moves", "--no-moves"}, "--moves and --no-moves"},
		{[]string{"a", "b", "--by", "desk"}, "--by takes revision or office"},
		{[]string{"a", "b", "c"}, "OLD [NEW]"},
	} {
		f, _, _ := testFactory(t)
		ran := false
		c := NewCmdDiff(f, func(*DiffOptions) error { ran = true; return nil })
		err := parseOnly(t, c, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) || ran {
			t.Errorf("%q: err = %v, ran %v; want an error with %q before the run", tc.args, err, ran, tc.want)
		}
	}
}

func TestDiffRefs(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tc := range []struct{ old, new, wantOld, wantNew string }{
		{"pm.md", "", "pm.md@latest", "pm.md"},
		{"pm.md@1", "", "pm.md@1", "pm.md"},
		{"pm.md@no10", "", "pm.md@no10", "pm.md"},
		{"a.md", "b.md", "a.md", "b.md"},
		{"a.md", "-", "a.md", "-"},
	} {
		o, n, err := diffRefs(tc.old, tc.new)
		if err != nil || o != tc.wantOld || n != tc.wantNew {
			t.Errorf("diffRefs(%q, %q) = %q, %q, %v; want %q, %q", tc.old, tc.new, o, n, err, tc.wantOld, tc.wantNew)
		}
	}
	// A file whose name has an @ is that file.
	if err := os.WriteFile("odd@name.md", []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if o, n, _ := diffRefs("odd@name.md", ""); o != "odd@name.md@latest" || n != "odd@name.md" {
		t.Errorf("diffRefs(odd@name.md) = %q, %q; want its latest revision against it", o, n)
	}
	for _, args := range [][2]string{{"-", ""}, {"-", "-"}} {
		if _, _, err := diffRefs(args[0], args[1]); err == nil {
			t.Errorf("diffRefs(%q, %q): no error", args[0], args[1])
		}
	}
}
