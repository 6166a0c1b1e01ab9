package critic

import (
	"strings"
	"testing"
)

// resolveAll parses src and resolves every change one way.
func resolveAll(t *testing.T, src string, accept bool) string {
	t.Helper()
	d, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	if accept {
		return string(d.AcceptAll())
	}
	return string(d.RejectAll())
}

// Cases modelled on the examples of the CriticMarkup specification: each
// mark inline, then across paragraphs, and the whitespace rules.
func TestCriticSpecExamples(t *testing.T) {
	tests := []struct {
		name, src, accepted, rejected string
	}{
		{"addition", "Lorem ipsum dolor{++ sit++} amet.\n", "Lorem ipsum dolor sit amet.\n", "Lorem ipsum dolor amet.\n"},
		{"deletion", "Lorem{-- ipsum--} dolor sit amet.\n", "Lorem dolor sit amet.\n", "Lorem ipsum dolor sit amet.\n"},
		{"substitution", "Lorem {~~hipsum~>ipsum~~} dolor.\n", "Lorem ipsum dolor.\n", "Lorem hipsum dolor.\n"},
		{"highlight and comment", "Lorem {==ipsum==}{>>is this right?<<} dolor.\n", "Lorem ipsum dolor.\n", "Lorem ipsum dolor.\n"},
		{"lone comment", "Lorem ipsum {>>a note<<} dolor.\n", "Lorem ipsum dolor.\n", "Lorem ipsum dolor.\n"},
		{"deletion between spaces", "word {--old--} word\n", "word word\n", "word old word\n"},
		{"deletion before full stop", "the end {--now--}.\n", "the end.\n", "the end now.\n"},
		{"deletion at line start", "{--Old--} text\n", "text\n", "Old text\n"},
		{"deletion at line end", "text {--old--}\nmore\n", "text\nmore\n", "text old\nmore\n"},
		{"padded insertion", "a {++ b ++} c\n", "a  b  c\n", "a c\n"}, // kept text is never tidied
		{"insertion at a seam", "a{++ b++} c\n", "a b c\n", "a c\n"},
		{"paragraph inserted", "Para one.\n\n{++Para two.++}\n\nPara three.\n", "Para one.\n\nPara two.\n\nPara three.\n", "Para one.\n\nPara three.\n"},
		{"paragraph deleted at end", "Para one.\n\n{--Para two.--}\n", "Para one.\n", "Para one.\n\nPara two.\n"},
		{"paragraph deleted at start", "{--Para one.--}\n\nPara two.\n", "Para two.\n", "Para one.\n\nPara two.\n"},
		{"paragraphs split", "First half.{++\n\n++}Second half.\n", "First half.\n\nSecond half.\n", "First half.Second half.\n"},
		{"paragraphs joined", "First half. {--\n\n--}Second half.\n", "First half. Second half.\n", "First half. \n\nSecond half.\n"},
		{"paragraphs joined at the seam", "First half.{~~\n\n~> ~~}Second half.\n", "First half. Second half.\n", "First half.\n\nSecond half.\n"},
		{"hard line break kept", "Yours  \n{--ever--}\nMargaret\n", "Yours  \nMargaret\n", "Yours  \never\nMargaret\n"},
		{"deleted list item keeps indentation", "- one\n  {--sub--}\n- two\n", "- one\n- two\n", "- one\n  sub\n- two\n"},
		{"deletion after a bracket", "see ({--the--} note)\n", "see (note)\n", "see (the note)\n"},
		{"span over blank lines", "Keep.\n\n{--Gone one.\n\nGone two.--}\n\nKept.\n", "Keep.\n\nKept.\n", "Keep.\n\nGone one.\n\nGone two.\n\nKept.\n"},
		{"paragraph replaced", "A.\n\n{~~Old para.~>New para.\n\nAnother new.~~}\n", "A.\n\nNew para.\n\nAnother new.\n", "A.\n\nOld para.\n"},
		{"whole list", "Intro:\n\n{--- one\n- two\n--}\nEnd.\n", "Intro:\n\nEnd.\n", "Intro:\n\n- one\n- two\n\nEnd.\n"},
		{"list item", "- one\n{++- two\n++}- three\n", "- one\n- two\n- three\n", "- one\n- three\n"},
		{"list item line", "- one\n{--- two--}\n- three\n", "- one\n- three\n", "- one\n- two\n- three\n"},
		{"delete then insert", "our {--people--}{++experts++}{>>@CDP No. 10: more precise<<} have\n", "our experts have\n", "our people have\n"},
		{"escaped opening", "a \\{++b++} c\n", "a \\{++b++} c\n", "a \\{++b++} c\n"},
		{"escaped backslash", "a \\\\{++b++} c\n", "a \\\\b c\n", "a \\\\ c\n"},
		{"code span", "run `{++x++}` now {++ok++}\n", "run `{++x++}` now ok\n", "run `{++x++}` now\n"},
		{"fenced code", "```\n{--x\n```\n\n{--gone--} kept\n", "```\n{--x\n```\n\nkept\n", "```\n{--x\n```\n\ngone kept\n"},
		{"indented code", "Text.\n\n    {++code\n\nMore {++x++}.\n", "Text.\n\n    {++code\n\nMore x.\n", "Text.\n\n    {++code\n\nMore.\n"},
		{"closer inside code span", "{++a `++}` b++}\n", "a `++}` b\n", ""},
		{"front matter untouched", "---\ntitle: \"{++x++}\"\n---\nBody {++y++}.\n", "---\ntitle: \"{++x++}\"\n---\nBody y.\n", "---\ntitle: \"{++x++}\"\n---\nBody.\n"},
		{"crlf", "a {--b--} c\r\n\r\n{--d--}\r\n\r\ne\r\n", "a c\r\n\r\ne\r\n", "a b c\r\n\r\nd\r\n\r\ne\r\n"},
		{"escaped closing too", "a \\{++b\\++} c {++d++}\n", "a \\{++b\\++} c d\n", "a \\{++b\\++} c\n"},
		{"indented code inserted", "Text.\n\n{++    code\n++}\nMore.\n", "Text.\n\n    code\n\nMore.\n", "Text.\n\nMore.\n"},
		{"empty marks", "a{++++}b{----}c\n", "abc\n", "abc\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resolveAll(t, tt.src, true); got != tt.accepted {
				t.Errorf("accept all:\n got %q\nwant %q", got, tt.accepted)
			}
			if got := resolveAll(t, tt.src, false); got != tt.rejected {
				t.Errorf("reject all:\n got %q\nwant %q", got, tt.rejected)
			}
		})
	}
}

func TestCriticChanges(t *testing.T) {
	src := "---\ntitle: x\n---\nWe {~~can no longer delay~>shall have to reach~~} a decision.\n\n" +
		"Our {--people--}{++experts++}{>>@CDP No. 10: more precise<<} have {==kept==}{>>check<<} in touch.\n" +
		"Café {++très ++}bien {>>@Jane<<} {>>@A B: line one\nline two<<} {--x--}\n"
	d, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{Number: 1, Kind: "substitute", Line: 4, Column: 4, Old: "can no longer delay", New: "shall have to reach"},
		{Number: 2, Kind: "substitute", Line: 6, Column: 5, Old: "people", New: "experts", Author: "CDP No. 10", Comment: "more precise"},
		{Number: 3, Kind: "highlight", Line: 6, Column: 67, Old: "kept", New: "kept", Comment: "check"},
		{Number: 4, Kind: "insert", Line: 7, Column: 6, New: "très "},
		{Number: 5, Kind: "comment", Line: 7, Column: 22, Author: "Jane"},
		{Number: 6, Kind: "comment", Line: 7, Column: 34, Author: "A B", Comment: "line one\nline two"},
		{Number: 7, Kind: "delete", Line: 8, Column: 13, Old: "x"},
	}
	got := d.Changes()
	if len(got) != len(want) {
		t.Fatalf("got %d changes, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g := got[i]
		g.Start, g.End = 0, 0
		if g != want[i] {
			t.Errorf("change %d:\n got %+v\nwant %+v", i+1, g, want[i])
		}
		if s := src[got[i].Start:got[i].End]; s[0] != '{' || s[len(s)-1] != '}' {
			t.Errorf("change %d spans %q", i+1, s)
		}
	}
}

func TestCriticErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a {++b\n\nc\n", "t.md:1:3: unclosed {++: end it with ++}"},
		{"x\n\nsay {~~a~~}\n", "t.md:3:5: substitution {~~ has no ~>"},
		{"a {++b {--c--} d++}\n", "t.md:1:8: {-- inside the {++ opened at 1:3: marks cannot nest"},
		{"a {++b --} c\n", "t.md:1:8: --} cannot close the {++ opened at 1:3"},
		{"a b ++} c\n", "t.md:1:5: ++} closes no mark"},
		{"{~~a~>b~>c~~}\n", "t.md:1:8: second ~> in the substitution"},
		{"---\ntitle: x\n---\né {==x\n", "t.md:4:3: unclosed {=="},
		{"```\n{++\n```\n{++\n", "t.md:4:1: unclosed {++"},
	}
	for _, tt := range tests {
		_, err := Parse("t.md", []byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want an error starting %q", tt.src, err, tt.want)
		}
	}
}

func TestCriticCommentsAreText(t *testing.T) {
	// Inside a comment other marks' delimiters are plain text.
	d, err := Parse("t.md", []byte("a {>>use {++ or --} here<<} b\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c := d.Changes(); len(c) != 1 || c[0].Comment != "use {++ or --} here" {
		t.Fatalf("got %+v", c)
	}
}

func TestCriticResolveSome(t *testing.T) {
	src := "One {++two ++}three {--four --}five {~~six~>seven~~}.\n"
	d, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.Resolve(map[int]bool{1: true, 3: false})
	if err != nil {
		t.Fatal(err)
	}
	if want := "One two three {--four --}five six.\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := d.Resolve(map[int]bool{4: true, 0: true}); err == nil || err.Error() != "t.md has 3 changes: no change 0, 4" {
		t.Errorf("out of range: %v", err)
	}
}

func TestUnresolvedMarks(t *testing.T) {
	c, err := UnresolvedMarks("t.md", []byte("clean `{++code++}` text\n"))
	if err != nil || len(c) != 0 {
		t.Errorf("clean draft: %v %v", c, err)
	}
	c, err = UnresolvedMarks("t.md", []byte("not {++clean++}\n"))
	if err != nil || len(c) != 1 || c[0].New != "clean" {
		t.Errorf("marked draft: %v %v", c, err)
	}
}

// SeamTidy tidies only what taking text away created.
func TestCriticSeamTidy(t *testing.T) {
	tests := []struct {
		before, after string
		cut, skip     int
	}{
		{"word", "next", 0, 0},   // nothing meets
		{"word ", "next", 0, 0},  // one space: nothing doubled
		{"word", " next", 0, 0},  // likewise
		{"word ", " next", 0, 1}, // two spaces meet: one goes
		{"end ", ".", 1, 0},      // a space before punctuation
		{"(", " x)", 0, 1},       // a space after a bracket
		{"", " x", 0, 1},         // the start of the text
		{"\n", "\n\nx", 0, 2},    // at the start, the white space after goes
		{"x ", "", 1, 0},         // the end of the text
		{"x\n\n", "\n", 2, 0},    // the end keeps what follows
		{"a\n\n", "\n\nb", 2, 0}, // paragraph breaks meet: one stays
		{"a  \n", "\nb", 1, 0},   // a hard line break stays
		{"a\n", "  \nb", 1, 2},   // spaces at a line's end go with the line
		{"a\n\n", "\n  b", 0, 1}, // indentation of the next line stays
		{"a\n  ", "\nb", 3, 0},   // an emptied indented line goes
		{"a \n\n", " b", 0, 1},   // a line break beats spaces
		{"a\r\n\r\n", "\r\n\r\nb", 4, 0},
	}
	for _, tt := range tests {
		cut, skip := SeamTidy([]byte(tt.before), []byte(tt.after))
		if cut != tt.cut || skip != tt.skip {
			t.Errorf("SeamTidy(%q, %q) = %d, %d; want %d, %d", tt.before, tt.after, cut, skip, tt.cut, tt.skip)
		}
	}
}

// Mark openings in code are text, not changes; MarksInCode finds them so
// that accept can say they are still there (QA "F20 remnant").
func TestCriticMarksInCode(t *testing.T) {
	src := "Intro {++real++}.\n\n-        code {~~human~>Moscow~~} here\n\nSee `a {--b--}` and \\{++not this++}.\n\n```\n\\{== escaped {>>note<<}\n```\n"
	d, err := Parse("c.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Changes()); n != 1 {
		t.Fatalf("got %d changes, want 1 (the others are in code)", n)
	}
	got := d.MarksInCode()
	want := []CodeMark{{Line: 3, Column: 15, Delimiter: "{~~"}, {Line: 5, Column: 8, Delimiter: "{--"}, {Line: 8, Column: 14, Delimiter: "{>>"}}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Line != want[i].Line || got[i].Column != want[i].Column || got[i].Delimiter != want[i].Delimiter {
			t.Errorf("mark %d: got %+v, want %+v", i, got[i], want[i])
		}
		if src[got[i].Offset:got[i].Offset+3] != want[i].Delimiter {
			t.Errorf("mark %d: offset %d holds %q", i, got[i].Offset, src[got[i].Offset:got[i].Offset+3])
		}
	}
	clean, err := Parse("d.md", []byte("No code here {++x++}.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m := clean.MarksInCode(); len(m) != 0 {
		t.Errorf("got %+v in a text without code", m)
	}
}

// The running position cursor agrees with Position at every character,
// in order and after a step back.
func TestPositionsAgreeWithPosition(t *testing.T) {
	src := []byte("ab\ncé{++x++}\n\n日本 {--y--}\nz")
	d, err := Parse("p.md", src)
	if err != nil {
		t.Fatal(err)
	}
	pos := positions{d: d}
	offsets := []int{}
	for i := range string(src) { // offsets of characters, as marks have
		offsets = append(offsets, i)
	}
	offsets = append(offsets, 3, 0, len(src))
	for _, off := range offsets {
		l, c := pos.at(off)
		wl, wc := d.Position(off)
		if l != wl || c != wc {
			t.Errorf("offset %d: cursor %d:%d, Position %d:%d", off, l, c, wl, wc)
		}
	}
}
