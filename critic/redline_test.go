package critic

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// redlineSides is what pieces resolve to when every change is accepted
// (new) or rejected (old), after head.
func redlineSides(head string, pieces []Piece) (old, new string) {
	var o, n strings.Builder
	o.WriteString(head)
	n.WriteString(head)
	for _, p := range pieces {
		o.WriteString(p.Old)
		n.WriteString(p.New)
	}
	return o.String(), n.String()
}

// checkRedline writes pieces with Redline and reports whether they came
// back: accepting everything must give the new text, rejecting everything
// the old, and no mark may be left in code. An ErrUnmarkable error is a
// refusal (false); any other error, or a redline that resolves to other
// text, fails the test.
func checkRedline(t *testing.T, head string, pieces []Piece) bool {
	t.Helper()
	old, new := redlineSides(head, pieces)
	out, err := Redline("new.md", head, pieces)
	if errors.Is(err, ErrUnmarkable) {
		if !strings.HasPrefix(err.Error(), "new.md:") {
			t.Errorf("refusal %q does not name new.md and a line", err)
		}
		return false
	}
	if err != nil {
		t.Fatalf("pieces %+v: %v", pieces, err)
	}
	doc, err := Parse("redline.md", []byte(out))
	if err != nil {
		t.Fatalf("pieces %+v: redline %q does not parse: %v", pieces, out, err)
	}
	if got := string(doc.AcceptAll()); got != new {
		t.Errorf("pieces %+v\nredline %q\naccepted %q\nwant     %q", pieces, out, got, new)
	}
	if got := string(doc.RejectAll()); got != old {
		t.Errorf("pieces %+v\nredline %q\nrejected %q\nwant     %q", pieces, out, got, old)
	}
	if m := doc.MarksInCode(); len(m) != 0 {
		t.Errorf("pieces %+v: redline %q has marks in code: %v", pieces, out, m)
	}
	return true
}

// prose is a vocabulary with no Markdown code in it; markup adds what
// makes code (backticks, fences, indentation, list and quote markers).
var (
	prose  = []string{"the", "Prime", "Minister", "Reagan", ",", ".", ";", "—", "“", "”", " ", " ", "  ", "\n", "\n\n", "\r\n", "# ", "1. ", "- "}
	markup = []string{"`", "``", "```\n", "~~~\n", "    ", "\t", "> ", "-     ", "*"}
)

func randomText(r *rand.Rand, vocab []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(vocab[r.IntN(len(vocab))])
	}
	return b.String()
}

// randomPieces is a document as unchanged runs and changes: insertions,
// deletions, substitutions, respellings of unchanged text and moves'
// comments, side by side in any order.
func randomPieces(r *rand.Rand, vocab []string) []Piece {
	var ps []Piece
	for range 1 + r.IntN(12) {
		t := randomText(r, vocab, 1+r.IntN(6))
		switch r.IntN(6) {
		case 0, 1:
			ps = append(ps, Piece{Old: t, New: t})
		case 2:
			ps = append(ps, Piece{Change: true, New: t})
		case 3:
			ps = append(ps, Piece{Change: true, Old: t})
		case 4:
			ps = append(ps, Piece{Change: true, Old: t, New: randomText(r, vocab, 1+r.IntN(6))})
		default:
			ps = append(ps, Piece{Change: true, Old: t, Comment: "moved to 1"})
		}
	}
	return ps
}

// Prose with any changes always comes back exactly, under front matter
// or none: there is no code for a mark to fall in.
func TestRedlineRoundTripProse(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 3))
	for i := range 3000 {
		head := ""
		if i%3 == 0 {
			head = "---\ntitle: T\n---\n"
		}
		ps := randomPieces(r, prose)
		if old, new := redlineSides("", ps); strings.Contains(old+"\n"+new, "    ") {
			continue // spaces in a row can indent a line as code
		}
		if !checkRedline(t, head, ps) {
			t.Fatalf("case %d: prose refused: %+v", i, ps)
		}
	}
}

// With Markdown code about, every redline written comes back, and
// refusals stay rare: widening and finer marking find a place for most
// marks.
func TestRedlineRoundTripCode(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	vocab := append(append([]string(nil), prose...), markup...)
	const n = 2000
	refused := 0
	for range n {
		ps := randomPieces(r, vocab)
		old, new := redlineSides("", ps)
		if outOfScope(old) || outOfScope(new) {
			continue
		}
		if !checkRedline(t, "", ps) {
			refused++
		}
	}
	if refused > n/20 {
		t.Errorf("%d of %d redlines refused", refused, n)
	}
	t.Logf("%d of %d refused", refused, n)
}

// outOfScope reports the texts Redline documents it cannot give back
// exactly or always mark: unmatched backticks (Markdown pairs one side's
// with the other's across the marks), an indented last line, or a fence
// ending the text with no line break.
func outOfScope(s string) bool {
	if strings.Count(s, "`")%2 == 1 {
		return true
	}
	t := strings.TrimRight(s, " \t\r\n")
	last := t[strings.LastIndexByte(t, '\n')+1:]
	last = strings.TrimLeft(last, "> -")
	if strings.HasPrefix(last, "    ") || strings.HasPrefix(last, "\t") || strings.Contains(t[strings.LastIndexByte(t, '\n')+1:], "    ") {
		return true
	}
	return !strings.HasSuffix(s, "\n") && (strings.Contains(s, "```") || strings.Contains(s, "~~~"))
}

// An unmarkable change is refused with the line it begins on, counted
// after the head.
func TestRedlineRefusesWithLine(t *testing.T) {
	head := "---\ntitle: T\n---\n"
	ps := []Piece{{Old: "Intro.\n\n", New: "Intro.\n\n"}, {Change: true, Old: "    a", New: "    a\n\n    b"}}
	_, err := Redline("new.md", head, ps)
	if !errors.Is(err, ErrUnmarkable) {
		t.Fatalf("error %v, want ErrUnmarkable", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "new.md:4: ") && !strings.HasPrefix(msg, "new.md:6: ") {
		t.Errorf("error %q does not name line 4 or 6 of new.md", msg)
	}
}

func FuzzRedline(f *testing.F) {
	f.Add("Dear Ron,\n\n", "We can no longer", "We shall have to", " delay a decision.\n")
	f.Add("Run ", "`make test`", "`make check`", " now.\n")
	f.Add("Intro.\n\n- item ", "`go build`", "`go build -o x`", "\n")
	f.Add("a ", "b ", "", "c")
	f.Fuzz(func(t *testing.T, before, old, new, after string) {
		for _, s := range []string{before, old, new, after} {
			if !strings.Contains(s, "\x00") && strings.ToValidUTF8(s, "") == s && Escape(s) == s && !strings.Contains(s, "\\") {
				continue
			}
			t.Skip()
		}
		ps := []Piece{{Old: before, New: before}, {Change: true, Old: old, New: new}, {Old: after, New: after}}
		o, n := redlineSides("", ps)
		if outOfScope(o) || outOfScope(n) || strings.HasSuffix(strings.TrimRight(o+n, " \t\r\n"), "{") || strings.HasSuffix(strings.TrimRight(o+n, " \t\r\n"), "~") {
			t.Skip()
		}
		checkRedline(t, "", ps)
	})
}
