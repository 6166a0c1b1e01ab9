package render

import (
	"io"
	"strings"
	"testing"

	"github.com/redline-dev/redline/diff"
)

// The descriptors say what a caller needs to know about each view's bytes.
func TestFormatDescriptors(t *testing.T) {
	cases := []struct {
		name                 string
		binary, terminalSafe bool
	}{
		{"plain", false, false}, {"json", false, false}, {"stat", false, false},
		{"ansi", false, true}, {"side-by-side", false, true}, {"sbs", false, true},
		{"critic", false, false}, {"html", false, false}, {"pdf", true, false},
	}
	for _, tc := range cases {
		f, ok := LookupFormat(tc.name)
		if !ok {
			t.Errorf("%s: not registered", tc.name)
			continue
		}
		if f.Binary != tc.binary || f.TerminalSafe != tc.terminalSafe {
			t.Errorf("%s: binary %v, terminal-safe %v; want %v, %v", tc.name, f.Binary, f.TerminalSafe, tc.binary, tc.terminalSafe)
		}
	}
	if f, ok := LookupFormat("SBS"); !ok || f.Name != "side-by-side" {
		t.Errorf("LookupFormat(SBS) = %q, %v; want the side-by-side view", f.Name, ok)
	}
	if _, ok := LookupFormat("docx-or-anything"); ok {
		t.Errorf("an unknown name was found")
	}
	var names []string
	for _, f := range Formats() {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); strings.Contains(got, "sbs") || !strings.Contains(got, "side-by-side") {
		t.Errorf("Formats() = %s: want each view once, by its name", got)
	}
}

func TestRegisterFormatRefusesDuplicates(t *testing.T) {
	for _, f := range []Format{
		{Name: "plain", Render: renderDiffPlain},
		{Name: "fresh-name", Aliases: []string{"sbs"}, Render: renderDiffPlain},
		{Name: "", Render: renderDiffPlain},
		{Name: "no-renderer"},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("RegisterFormat(%q, aliases %q) did not panic", f.Name, f.Aliases)
				}
			}()
			RegisterFormat(f)
		}()
	}
	if _, ok := LookupFormat("fresh-name"); ok {
		t.Errorf("a refused registration left its name behind")
	}
}

// The PDF view hands its warnings to DiffOptions.Warn, through the same
// call as every other view.
func TestFormatWarningsReachCaller(t *testing.T) {
	var got []string
	err := Diff(io.Discard, emojiComparison(), "pdf", DiffOptions{Warn: func(m string) { got = append(got, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !strings.Contains(got[0], "no glyph") {
		t.Errorf("warnings = %q; want the one about characters without a glyph", got)
	}
	if err := Diff(io.Discard, &diff.Comparison{}, "nonesuch", DiffOptions{}); err == nil || !strings.Contains(err.Error(), "plain") {
		t.Errorf("unknown format: err = %v; want one listing the formats", err)
	}
}
