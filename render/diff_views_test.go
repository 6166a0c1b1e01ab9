package render

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/redline-dev/redline/diff"
)

// moveCase is a small comparison made by hand: a paragraph moved to the top
// with edits inside it, a deletion, a substitution and a field change.
func moveCase() *diff.Comparison {
	seg := func(op diff.Op, a, b string, change, move int) diff.Segment {
		return diff.Segment{Op: op, A: a, B: b, Change: change, Move: move}
	}
	return &diff.Comparison{
		Old: diff.Side{Name: "fco-draft.md", Kind: "markdown", Revision: 1, Label: "fco-draft",
			Author: "R. Parsons", Office: "FCO", Time: "1988-12-21T18:00:00Z", Classification: "CONFIDENTIAL"},
		New: diff.Side{Name: "no10.md", Kind: "markdown", Revision: 2, Label: "no10",
			Author: "C. D. Powell", Office: "No. 10", Time: "1988-12-21T20:15:00Z", Classification: "SECRET"},
		Notes:  []string{"a note on how the comparison was made"},
		Fields: []diff.FieldChange{{Name: "precedence", Old: "PRIORITY", New: "IMMEDIATE"}},
		Stats: diff.Stats{OldWords: 34, NewWords: 35, DeletedWords: 6, InsertedWords: 8,
			MovedWords: 8, Changes: 3, Similarity: 0.8},
		Segments: []diff.Segment{
			seg(diff.OpEqual, "Dear Ron,\n\n", "Dear Ron,\n\n", 0, 0),
			seg(diff.OpMoveTo, "", "We ", 1, 1),
			seg(diff.OpInsert, "", "shall have to reach ", 1, 1),
			seg(diff.OpMoveTo, "", "a decision on the conference", 1, 1),
			seg(diff.OpInsert, "", " very soon", 1, 1),
			seg(diff.OpMoveTo, "", ".\n\n", 1, 1),
			seg(diff.OpEqual, "The meeting will consider the proposal on Tuesday ", "The meeting will consider the proposal on Tuesday ", 0, 0),
			seg(diff.OpDelete, "next week ", "", 2, 0),
			seg(diff.OpEqual, "in Vienna.\n\n", "in Vienna.\n\n", 0, 0),
			seg(diff.OpMoveFrom, "We ", "", 1, 1),
			seg(diff.OpDelete, "can no longer delay ", "", 1, 1),
			seg(diff.OpMoveFrom, "a decision on the conference.\n\n", "", 1, 1),
			seg(diff.OpEqual, "With ", "With ", 0, 0),
			seg(diff.OpDelete, "warm regards", "", 3, 0),
			seg(diff.OpInsert, "", "best wishes", 3, 0),
			seg(diff.OpEqual, ",", ",", 0, 0),
		},
	}
}

// joinSides rebuilds both sides' texts from the segments.
func joinSides(c *diff.Comparison) (old, new string) {
	var a, b strings.Builder
	for _, s := range c.Segments {
		a.WriteString(s.A)
		b.WriteString(s.B)
	}
	return a.String(), b.String()
}

// visible makes terminal escapes readable in golden files.
func visible(s string) string { return strings.ReplaceAll(s, "\x1b", "␛") }

// checkGolden compares got with testdata/views/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "views", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		i := 0
		for i < len(gl) && i < len(wl) && gl[i] == wl[i] {
			i++
		}
		line := func(l []string) string {
			if i < len(l) {
				return l[i]
			}
			return "(end of file)"
		}
		t.Errorf("%s differs from the golden file at line %d (go test ./render -update rewrites it):\n got %s\nwant %s", name, i+1, line(gl), line(wl))
	}
}

func renderString(t *testing.T, format string, c *diff.Comparison, opts DiffOptions) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Diff(&buf, c, format, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// cjkCase has CJK text, over-long words and a URL: the hard cases for the
// side-by-side layout.
func cjkCase() *diff.Comparison {
	long := strings.Repeat("Donaudampfschifffahrtsgesellschaft", 4)
	return &diff.Comparison{
		Old: diff.Side{Name: "草案.md", Kind: "markdown"},
		New: diff.Side{Name: "電報-" + strings.Repeat("很长的名字", 12) + ".txt", Kind: "text"},
		Segments: []diff.Segment{
			{Op: diff.OpEqual, A: "人权会议的问题", B: "人权会议的问题"},
			{Op: diff.OpDelete, A: "必须尽快解决", Change: 1},
			{Op: diff.OpInsert, B: "应当在明年之前解决", Change: 1},
			{Op: diff.OpEqual, A: "。 See https://example.org/" + long + " and ", B: "。 See https://example.org/" + long + " and "},
			{Op: diff.OpInsert, B: long + "\u0301 ☺️ 👩‍👩‍👧 ", Change: 2},
			{Op: diff.OpEqual, A: "the end.\n\n- 項目一\n- 項目二", B: "the end.\n\n- 項目一\n- 項目二"},
			{Op: diff.OpDelete, A: "\n\n" + strings.Repeat("全角文字", 30), Change: 3},
		},
	}
}

var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func TestSideBySideWidth(t *testing.T) {
	cases := map[string]*diff.Comparison{"move": moveCase(), "cjk": cjkCase(), "1988": exampleComparison(t)}
	r := rand.New(rand.NewPCG(7, 40))
	for i := 0; i < 3; i++ {
		old := randomDoc(r, testVocab, 4)
		cases[fmt.Sprint("random", i)] = compareTexts(t, old, edit(r, old, testVocab), "text")
	}
	for name, c := range cases {
		for width := 40; width <= 200; width++ {
			color := width%2 == 0 // both modes, on alternate widths
			out := renderString(t, "side-by-side", c, DiffOptions{Width: width, Color: color, Numbers: true, Context: -1})
			for n, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if w := widths.StringWidth(sgr.ReplaceAllString(line, "")); w > width {
					t.Fatalf("%s, width %d, colour %v: line %d is %d columns wide:\n%s", name, width, color, n+1, w, line)
				}
			}
		}
	}
}

// The layout keeps every character: with the markers and the column
// rules taken away, the left column holds the old text and the right
// column the new, in order.
func TestSideBySideKeepsText(t *testing.T) {
	c := cjkCase()
	old, new := joinSides(c)
	squash := func(s string) string {
		s = strings.NewReplacer("[-", "", "-]", "", "{+", "", "+}", "", "¶", "").Replace(s)
		return strings.Join(strings.Fields(s), "")
	}
	for _, width := range []int{40, 57, 80, 121} {
		out := renderString(t, "side-by-side", c, DiffOptions{Width: width, Context: -1})
		lines := strings.Split(out, "\n")
		first, last := 0, 0
		for i, line := range lines {
			if strings.Contains(line, "─┼─") {
				first = i + 1
			}
			if strings.Contains(line, "─┴─") {
				last = i
			}
		}
		var left, right strings.Builder
		for _, line := range lines[first:last] { // between the rules
			l, rr, ok := strings.Cut(line, " │")
			if !ok {
				l, rr, ok = strings.Cut(line, " ┃")
			}
			if !ok {
				t.Fatalf("width %d: line without a gutter: %q", width, line)
			}
			left.WriteString(l + " ")
			right.WriteString(rr + " ")
		}
		if got, want := squash(left.String()), squash(old); got != want {
			t.Errorf("width %d: left column\n got %q\nwant %q", width, got, want)
		}
		if got, want := squash(right.String()), squash(new); got != want {
			t.Errorf("width %d: right column\n got %q\nwant %q", width, got, want)
		}
	}
}

func FuzzSideBySideWidth(f *testing.F) {
	f.Add("The quick brown fox.\n\nJumps over.", "The quick red fox.\n\nJumps over the dog.", 40)
	f.Add("人权会议的问题必须尽快解决", "人权会议的问题应当在明年之前解决", 47)
	f.Add(strings.Repeat("x", 300), strings.Repeat("y", 300)+" z", 200)
	f.Fuzz(func(t *testing.T, old, new string, w int) {
		width := 40 + (w%161+161)%161
		c, err := diff.Compare(diff.Input{Name: "a", Data: []byte(old), Kind: "text"}, diff.Input{Name: "b", Data: []byte(new), Kind: "text"}, diff.Options{Moves: true})
		if err != nil {
			t.Skip(err)
		}
		for _, color := range []bool{false, true} {
			out := renderString(t, "side-by-side", c, DiffOptions{Width: width, Color: color, Context: -1})
			for _, line := range strings.Split(out, "\n") {
				if wd := widths.StringWidth(sgr.ReplaceAllString(line, "")); wd > width {
					t.Fatalf("width %d: line is %d columns wide: %q", width, wd, line)
				}
			}
		}
	})
}

// No format writes a terminal escape without colour, even when the texts
// hold escapes of their own; with colour, the only escapes are redline's
// own styles.
func TestColorOffHasNoEscapes(t *testing.T) {
	c := moveCase()
	c.Segments = append(c.Segments,
		diff.Segment{Op: diff.OpEqual, A: " \x1b[2J\x1b]0;pwned\a", B: " \x1b[2J\x1b]0;pwned\a"},
		diff.Segment{Op: diff.OpInsert, B: "\x1b[31mred\x9b1m", Change: 4})
	c.Fields = append(c.Fields, diff.FieldChange{Name: "subject\x1b[8m", Old: "a\x1b", New: "b"})
	c.Notes = append(c.Notes, "note \x1b[5m")
	// (critic is left out: it is a document whose accept and reject
	// must give back each side's bytes, escapes included.)
	for _, format := range []string{"ansi", "side-by-side", "html"} {
		out := renderString(t, format, c, DiffOptions{Context: -1, Numbers: true})
		if hasControl(out) {
			t.Errorf("%s without colour writes escapes: %q", format, out)
		}
	}
	for _, format := range []string{"ansi", "side-by-side"} {
		out := renderString(t, format, c, DiffOptions{Context: -1, Numbers: true, Color: true})
		if !strings.Contains(out, "\x1b[") {
			t.Errorf("%s with colour has no styles", format)
		}
		if rest := sgr.ReplaceAllString(out, ""); hasControl(rest) {
			t.Errorf("%s with colour passes the text's escapes through: %q", format, rest)
		}
		if !strings.Contains(out, "␛[2J") {
			t.Errorf("%s does not show the text's escape as ␛", format)
		}
	}
}

func TestGoldenViews(t *testing.T) {
	cases := []struct {
		name string
		c    *diff.Comparison
	}{{"move", moveCase()}, {"1988", exampleComparison(t)}}
	for _, tc := range cases {
		outputs := []struct {
			file, format string
			opts         DiffOptions
		}{
			{"ansi-color.txt", "ansi", DiffOptions{Color: true, Numbers: true, Context: -1}},
			{"ansi-plain.txt", "ansi", DiffOptions{Context: -1}},
			{"ansi-context1.txt", "ansi", DiffOptions{Context: 1}},
			{"sbs-plain-w80.txt", "side-by-side", DiffOptions{Width: 80, Numbers: true, Context: -1}},
			{"sbs-color-w120.txt", "side-by-side", DiffOptions{Color: true, Context: -1}},
			{"critic.md", "critic", DiffOptions{}},
			{"page.html", "html", DiffOptions{Context: -1}},
			{"page-context0.html", "html", DiffOptions{Context: 0, Paper: "letter", Title: "Vienna: the No. 10 amendments"}},
		}
		for _, o := range outputs {
			checkGolden(t, tc.name+"."+o.file, visible(renderString(t, o.format, tc.c, o.opts)))
		}
	}
}

func TestFormatsRegistered(t *testing.T) {
	have := strings.Join(DiffFormats(), " ")
	for _, f := range []string{"ansi", "side-by-side", "sbs", "critic", "html"} {
		if !strings.Contains(" "+have+" ", " "+f+" ") {
			t.Errorf("format %q is not registered (have %s)", f, have)
		}
	}
}

// hasControl reports terminal controls: ESC, BEL, C1 controls (CSI).
func hasControl(s string) bool {
	for _, r := range s {
		if r == 0x1b || r == 0x07 || (r >= 0x80 && r < 0xa0) {
			return true
		}
	}
	return false
}

// Odd comparisons draw without failing in every format and width.
func TestViewsOddComparisons(t *testing.T) {
	cases := map[string]*diff.Comparison{
		"empty":       {},
		"fields only": {Fields: []diff.FieldChange{{Name: "to", Old: "", New: "THE WHITE HOUSE"}}},
		"insert only": {Segments: []diff.Segment{{Op: diff.OpInsert, B: "All new.\n\nTwo paragraphs.", Change: 1}}},
		"delete only": {Segments: []diff.Segment{{Op: diff.OpDelete, A: "All gone.\r\n\r\nTwo paragraphs.\r\n", Change: 1}}},
		"white space": {Segments: []diff.Segment{{Op: diff.OpEqual, A: "\n\n\n", B: "  \n"}, {Op: diff.OpInsert, B: "\n\n", Change: 1}, {Op: diff.OpDelete, A: " \t ", Change: 2}}},
		"split and join": {Segments: []diff.Segment{
			{Op: diff.OpEqual, A: "One", B: "One"}, {Op: diff.OpDelete, A: " ", Change: 1}, {Op: diff.OpInsert, B: "\n\n", Change: 1},
			{Op: diff.OpEqual, A: "two", B: "two"}, {Op: diff.OpDelete, A: "\n\n", Change: 2}, {Op: diff.OpInsert, B: " ", Change: 2},
			{Op: diff.OpEqual, A: "three.", B: "three."}}},
		"move alone": {Segments: []diff.Segment{{Op: diff.OpMoveFrom, A: "a b c d e f g h ", Change: 1, Move: 1}, {Op: diff.OpEqual, A: "x", B: "x"}, {Op: diff.OpMoveTo, B: " a b c d e f g h", Change: 1, Move: 1}}},
	}
	for name, c := range cases {
		for _, format := range []string{"ansi", "side-by-side", "critic", "html"} {
			for _, width := range []int{0, 1, 9, 10000} {
				for _, ctx := range []int{-1, 0} {
					var buf bytes.Buffer
					if err := Diff(&buf, c, format, DiffOptions{Width: width, Context: ctx, Color: width == 9, Numbers: true}); err != nil {
						t.Errorf("%s, %s: %v", name, format, err)
					}
				}
			}
		}
		if name != "white space" { // draft's accept and reject tidy runs of blank lines and spaces
			roundTrip(t, c)
		}
	}
	// A paragraph split shows as an inserted ¶, a join as a deleted one.
	out := renderString(t, "ansi", cases["split and join"], DiffOptions{Context: -1})
	if !strings.Contains(out, "{+¶+}") || !strings.Contains(out, "[-¶-]") {
		t.Errorf("paragraph marks missing:\n%s", out)
	}
}

// paraBreak is what splitParas finds: a paragraph break.
var paraBreak = regexp.MustCompile(`[ \t]*\n(?:[ \t]*\n)+[ \t]*`)

// splitParas finds exactly the breaks the paraBreak expression describes.
func TestSplitParasMatchesRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	alpha := []string{"a", " ", "\t", "\n", "b "}
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for j := r.IntN(12); j > 0; j-- {
			b.WriteString(alpha[r.IntN(len(alpha))])
		}
		s := b.String()
		want := paraBreak.Split(s, -1)
		if got := splitParas(s); strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Fatalf("%q: got %q, want %q", s, got, want)
		}
	}
}

type discardWriter struct{}

func (discardWriter) Write(p []byte) (int, error) { return len(p), nil }

// BenchmarkViews draws a redline of about 100 KB with dense edits in each
// view.
func BenchmarkViews(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	old := randomDoc(r, testVocab, 800)
	new := edit(r, old, testVocab)
	c, err := diff.Compare(diff.Input{Name: "old", Data: []byte(old), Kind: "text"}, diff.Input{Name: "new", Data: []byte(new), Kind: "text"}, diff.Options{Moves: true})
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{"ansi", "side-by-side", "critic", "html"} {
		b.Run(format, func(b *testing.B) {
			b.SetBytes(int64(len(old) + len(new)))
			for i := 0; i < b.N; i++ {
				if err := Diff(discardWriter{}, c, format, DiffOptions{Context: -1, Color: true, Numbers: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestPlainPrintable: the eight-bytes-at-a-time check agrees with a byte
// by byte one at every byte value, at every place in a word and at the
// tail.
func TestPlainPrintable(t *testing.T) {
	slow := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if c := s[i]; (c < 0x20 && c != '\n') || c >= 0x7f {
				return false
			}
		}
		return true
	}
	base := "The Soviet side knows our position.\nAnd so on"
	for c := 0; c < 256; c++ {
		for at := 0; at < len(base); at++ {
			s := base[:at] + string([]byte{byte(c)}) + base[at+1:]
			if got, want := plainPrintable(s), slow(s); got != want {
				t.Fatalf("byte %#x at %d: %v, want %v", c, at, got, want)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(0x1e + r.IntN(4)) // around the edge: 0x1e 0x1f 0x20 0x21
			if r.IntN(3) == 0 {
				b[i] = "\n\x7f\x80 a"[r.IntN(5)]
			}
		}
		if got, want := plainPrintable(string(b)), slow(string(b)); got != want {
			t.Fatalf("%q: %v, want %v", b, got, want)
		}
	}
}

// TestNeedsCleaning: the text the rune-by-rune rewriting would leave
// alone is exactly the text needsCleaning passes (and plainPrintable
// passes only such text), over every rune class the rewriting treats
// apart.
func TestNeedsCleaning(t *testing.T) {
	parts := []string{"a", " ", "\n", "\r\n", "\t", "\x1b", "\x7f", "\u0085", "\u009f", "\u00a0", "é", "\u2019", "\u2014",
		"\u2028", "\u2029", "\u202e", "\u200f", "\u061c", "\u2066", "\u2069", "\u206a", "\ufffd", "\xff", "\xe2\x80", "中"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		if got, want := needsCleaning(s), cleanRunes(s) != s; got != want {
			t.Fatalf("%q: needsCleaning %v, but rewriting it changes it: %v", s, got, want)
		}
		if plainPrintable(s) && cleanRunes(s) != s {
			t.Fatalf("%q: passed as plain, but rewriting it changes it", s)
		}
	}
}
