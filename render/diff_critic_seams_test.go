package render

import (
	"fmt"
	"github.com/redline-dev/redline/critic"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/redline-dev/redline/diff"
)

// wsText writes a random text heavy in white space: words and punctuation
// separated by single and doubled spaces, tabs, hard line breaks (two
// spaces before a line break), trailing spaces, blank lines, list items,
// with or without a final line break, with LF or CRLF line endings.
func wsText(r *rand.Rand, crlf bool) string {
	words := []string{"the", "a", "Moscow", "conference", "human", "rights", "Yours", "ever", "Margaret", ",", ".", ";", ":", "(", ")", "[x]", "—", "’", "1.", "#", ">", "中文", "it's"}
	seps := []string{" ", " ", " ", " ", "  ", "\t", "\n", "  \n", " \n", "\n\n", "\n\n\n", "\n- ", "\n  ", " \n\n ", ""}
	var b strings.Builder
	if r.IntN(6) == 0 {
		b.WriteString(seps[r.IntN(len(seps))])
	}
	n := 1 + r.IntN(30)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(seps[r.IntN(len(seps))])
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	switch r.IntN(4) {
	case 0:
	case 1:
		b.WriteString("\n")
	default:
		b.WriteString(seps[r.IntN(len(seps))])
	}
	s := b.String()
	if crlf {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	return s
}

// wsEdit changes a white-space-heavy text at random: words and separators
// replaced, dropped or added, runs of white space changed.
func wsEdit(r *rand.Rand, s string, crlf bool) string {
	t := wsText(r, crlf)
	if r.IntN(4) == 0 {
		return t // unrelated texts
	}
	toks := strings.SplitAfter(s, " ")
	for k := 0; k < 1+r.IntN(5); k++ {
		i := r.IntN(len(toks))
		switch r.IntN(5) {
		case 0:
			toks[i] = ""
		case 1:
			toks[i] += strings.Fields(t + " x")[0] + " "
		case 2:
			toks[i] = strings.TrimRight(toks[i], " ") + "  "
		case 3:
			toks[i] = strings.TrimRight(toks[i], " ") + "\n"
		default:
			toks[i] = strings.ToUpper(toks[i])
		}
	}
	out := strings.Join(toks, "")
	if crlf {
		out = strings.ReplaceAll(strings.ReplaceAll(out, "\r\n", "\n"), "\n", "\r\n")
	}
	return out
}

// resolveCritic renders the critic view of a against b and resolves every
// change one way.
func resolveCritic(t *testing.T, a, b string, moves bool) (marked, accepted, rejected string) {
	t.Helper()
	c, err := diff.Compare(diff.Input{Name: "a.txt", Data: []byte(a), Kind: "text"},
		diff.Input{Name: "b.txt", Data: []byte(b), Kind: "text"}, diff.Options{Moves: moves, MinMoveWords: 3})
	if err != nil {
		t.Fatal(err)
	}
	var w strings.Builder
	if err := Diff(&w, c, "critic", DiffOptions{}); err != nil {
		t.Fatal(err)
	}
	d, err := critic.Parse("redline.md", []byte(w.String()))
	if err != nil {
		t.Fatalf("critic text does not parse: %v\n%q", err, w.String())
	}
	return w.String(), string(d.AcceptAll()), string(d.RejectAll())
}

// The critic view resolves to each side byte for byte, white space
// included (QA F20): doubled spaces, hard line breaks, trailing spaces,
// blank lines, a final line break or none, CRLF.
func TestCriticRoundTripWhiteSpace(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 1988))
	for i := 0; i < 1500; i++ {
		crlf := r.IntN(5) == 0
		a := wsText(r, crlf)
		b := wsEdit(r, a, crlf)
		critic, acc, rej := resolveCritic(t, a, b, r.IntN(2) == 0)
		if acc != b {
			t.Fatalf("case %d: accept all:\n got %q\nwant %q\ncritic %q\nold %q", i, acc, b, critic, a)
		}
		if rej != a {
			t.Fatalf("case %d: reject all:\n got %q\nwant %q\ncritic %q\nnew %q", i, rej, a, critic, b)
		}
	}
}

// The QA cases of F20 and F3.
func TestCriticRoundTripQACases(t *testing.T) {
	cases := []struct{ name, a, b string }{
		{"hard line breaks and a final newline", "Yours ever  \nMargaret\n\nC D Powell Esq  \n10 Downing Street\n",
			"Yours  \nMargaret\n\nC D Powell Esq  \n10 Downing Street  \nLondon SW1A 2AA\n"},
		{"blank lines and trailing spaces", ",a \n\n ", ",a\n"},
		{"leading space", " a — .) b", "a — .) b c"},
		{"trailing space", "a ^ ", "a ^ b"},
		{"trailing space lost", "the Moscow human ", "a Moscow human"},
		{"newline at the start", "human rights", "\nrights"},
		{"white space only", "a b\n", "a\tb  \n"},
		{"crlf", "one  two\r\n\r\nthree\r\n", "one two\r\n\r\n\r\nthree"},
		{"insertion at the end after a substitution", " conference )\t,\n- ’  it's  (\n  rights  \never\nhuman\n  [x]\n\n\n, ; \n\n — rights  \n> \nMoscow\n\n\n:  \nrights \n\n rights\n\n\n; \n,\n  .\n\n) rights\t, \n\n :  the\n  > ",
			"[x]\n>\n- , #>\n\n\n;\n  rights\n\nthe>.\n\nrights\tit'sit's .\nhuman it's human it's\n  )"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, moves := range []bool{false, true} {
				critic, acc, rej := resolveCritic(t, tc.a, tc.b, moves)
				if acc != tc.b || rej != tc.a {
					t.Errorf("critic %q\naccepted %q\nwant     %q\nrejected %q\nwant     %q", critic, acc, tc.b, rej, tc.a)
				}
			}
		})
	}
}

// Equal text whose sides differ only in white space is marked only where
// the white space differs (QA F3): no sentence shows as replaced by itself.
func TestCriticWhiteSpaceOnlyMarks(t *testing.T) {
	seg := func(op diff.Op, a, b string) diff.Segment { return diff.Segment{Op: op, A: a, B: b} }
	c := &diff.Comparison{Segments: []diff.Segment{
		seg(diff.OpEqual, "Intro.", "Intro."),
		seg(diff.OpInsert, "", " New words"),
		seg(diff.OpEqual, ".\n\nThe second paragraph stays.", ".\n\nThe second paragraph stays. "),
		seg(diff.OpInsert, "", "and more"),
		seg(diff.OpEqual, ".\n\nThird paragraph is here.", ".\n\nThird paragraph\nis here.\n"),
	}}
	c.Segments[1].Change, c.Segments[3].Change = 1, 2
	roundTrip(t, c)
	out := renderString(t, "critic", c, DiffOptions{})
	want := "Intro.{++ New words++}.\n\nThe second paragraph stays.{++ and more++}.\n\nThird paragraph{~~ ~>\n~~}is here.{++\n++}"
	if out != want {
		t.Errorf("critic:\n got %q\nwant %q", out, want)
	}
	for _, s := range []string{"stays.~>", "here.~>"} {
		if strings.Contains(out, s) {
			t.Errorf("critic marks unchanged words (%s): %q", s, out)
		}
	}
}

func BenchmarkCriticSeams(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	var old, new strings.Builder
	for i := 0; i < 200; i++ {
		a := wsText(r, false)
		fmt.Fprintf(&old, "%s\n\n", a)
		fmt.Fprintf(&new, "%s\n\n", wsEdit(r, a, false))
	}
	c, err := diff.Compare(diff.Input{Name: "a", Data: []byte(old.String()), Kind: "text"}, diff.Input{Name: "b", Data: []byte(new.String()), Kind: "text"}, diff.Options{Moves: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		var w strings.Builder
		if err := Diff(&w, c, "critic", DiffOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The new side's front matter is written before the body, so accepting
// everything gives the new draft whole (QA F4); rejecting everything gives
// the old body under it.
func TestCriticFrontMatter(t *testing.T) {
	old := "---\ntitle: Old\nclassification: SECRET\n---\nWe can no longer delay a decision.\n"
	new := "---\ntitle: New\nclassification: SECRET\n---\nWe shall have to reach a decision  \nvery soon.\n"
	c, err := diff.Compare(diff.Input{Name: "old.md", Data: []byte(old)}, diff.Input{Name: "new.md", Data: []byte(new)}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := renderString(t, "critic", c, DiffOptions{})
	d, err := critic.Parse("redline.md", []byte(out))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got := string(d.AcceptAll()); got != new {
		t.Errorf("accept all:\n got %q\nwant %q", got, new)
	}
	if got, want := string(d.RejectAll()), "---\ntitle: New\nclassification: SECRET\n---\nWe can no longer delay a decision.\n"; got != want {
		t.Errorf("reject all:\n got %q\nwant %q", got, want)
	}
}
