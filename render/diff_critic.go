package render

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/redline-dev/redline/diff"
)

func init() { registerDiffFormat("critic", renderCritic) }

// renderCritic writes the new document with the changes as CriticMarkup:
// {--deleted--}, {++inserted++}, {~~old~>new~~}, and each side of a move
// as a deletion or insertion followed by {>>moved to N<<} or
// {>>moved from N<<}. Accepting every change gives the new side's text and
// rejecting every change gives the old side's, byte for byte: where the
// sides' texts differ inside equal segments (case, line wraps, quotes),
// those differences are substitutions too, kept as short as the paired
// words allow.
//
// Text that itself holds CriticMarkup delimiters gets a backslash before
// them so that it stays text; the backslash is kept by accept and reject,
// so such texts round-trip only up to those backslashes.
func renderCritic(w io.Writer, c *diff.Comparison, _ DiffOptions) error {
	var e criticWriter
	for _, s := range c.Segments {
		switch {
		case s.Op == diff.OpEqual:
			e.flush()
			e.equal(s.A, s.B)
		case s.Move > 0 && (s.Op == diff.OpMoveFrom || s.Op == diff.OpDelete):
			e.pend(criticPending{move: s.Move, from: true}, s.A, "")
		case s.Move > 0 && (s.Op == diff.OpMoveTo || s.Op == diff.OpInsert):
			e.pend(criticPending{move: s.Move}, "", s.B)
		default:
			e.pend(criticPending{}, s.A, s.B)
		}
	}
	e.flush()
	_, err := io.WriteString(w, e.b.String())
	return err
}

type criticPending struct {
	move int
	from bool
}

type criticWriter struct {
	b        strings.Builder
	kind     criticPending
	old, new strings.Builder
	active   bool
}

func (e *criticWriter) pend(k criticPending, a, b string) {
	if e.active && k != e.kind {
		e.flush()
	}
	e.active, e.kind = true, k
	e.old.WriteString(a)
	e.new.WriteString(b)
}

func (e *criticWriter) flush() {
	if !e.active {
		return
	}
	old, new := e.old.String(), e.new.String()
	e.old.Reset()
	e.new.Reset()
	e.active = false
	e.change(old, new)
	if e.kind.move > 0 {
		if e.kind.from {
			fmt.Fprintf(&e.b, "{>>moved to %d<<}", e.kind.move)
		} else {
			fmt.Fprintf(&e.b, "{>>moved from %d<<}", e.kind.move)
		}
	}
}

// change writes one change.
func (e *criticWriter) change(old, new string) {
	switch {
	case old == "" && new == "":
	case new == "":
		e.b.WriteString("{--" + criticEscape(old) + "--}")
	case old == "":
		e.b.WriteString("{++" + criticEscape(new) + "++}")
	case strings.Contains(old, "~>") || strings.Contains(new, "~>"):
		// A substitution holds one separator only; a deletion followed
		// by an insertion is the same change.
		e.b.WriteString("{--" + criticEscape(old) + "--}{++" + criticEscape(new) + "++}")
	default:
		e.b.WriteString("{~~" + criticEscape(old) + "~>" + criticEscape(new) + "~~}")
	}
}

// equal writes text the engine found equal. The sides may still differ in
// case, wrapping, quotes or dashes; then the words are paired one for one
// (when both sides have the same run of words and spaces) and each run of
// differing words becomes a substitution, else the whole segment does.
func (e *criticWriter) equal(a, b string) {
	if a == b {
		e.b.WriteString(criticEscape(b))
		return
	}
	ta, tb := spaceRuns(a), spaceRuns(b)
	if len(ta) != len(tb) {
		e.change(a, b)
		return
	}
	for i := range ta {
		if isSpace(ta[i]) != isSpace(tb[i]) {
			e.change(a, b)
			return
		}
	}
	differs := make([]bool, len(ta))
	for i := range ta {
		differs[i] = ta[i] != tb[i]
	}
	// Same white space between two differing words joins them into one
	// substitution ("If the" → "IF THE", not two).
	for i := 1; i+1 < len(ta); i++ {
		if !differs[i] && isSpace(ta[i]) && differs[i-1] && differs[i+1] {
			differs[i] = true
		}
	}
	for i := 0; i < len(ta); {
		if !differs[i] {
			e.b.WriteString(criticEscape(tb[i]))
			i++
			continue
		}
		var o, n strings.Builder
		for ; i < len(ta) && differs[i]; i++ {
			o.WriteString(ta[i])
			n.WriteString(tb[i])
		}
		e.change(o.String(), n.String())
	}
}

// spaceRuns cuts text into alternating runs of white space and of other
// characters.
func spaceRuns(s string) []string {
	var out []string
	start, prev := 0, -1
	for i, r := range s {
		cls := 0
		if unicode.IsSpace(r) {
			cls = 1
		}
		if prev >= 0 && cls != prev {
			out = append(out, s[start:i])
			start = i
		}
		prev = cls
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// criticDelimiters are the marks' openings and closings.
var criticDelimiters = []string{"{++", "{--", "{~~", "{==", "{>>", "++}", "--}", "~~}", "==}", "<<}"}

// criticEscape puts a backslash before every CriticMarkup delimiter in s.
func criticEscape(s string) string {
	if !strings.ContainsAny(s, "{}>") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		hit := false
		for _, d := range criticDelimiters {
			if strings.HasPrefix(s[i:], d) {
				b.WriteByte('\\')
				b.WriteString(d)
				i += len(d)
				hit = true
				break
			}
		}
		if !hit {
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}
