package render

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/draft"
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
	out := widenOutOfCode(fixEdges(e.pieces))
	_, err := io.WriteString(w, out)
	return err
}

// criticPiece is unchanged text (old and new spelling) or one change.
type criticPiece struct {
	change   bool
	old, new string
	comment  string // written after a change: a move's direction
}

type criticPending struct {
	move int
	from bool
}

type criticWriter struct {
	pieces   []criticPiece
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
	p := criticPiece{change: true, old: e.old.String(), new: e.new.String()}
	e.old.Reset()
	e.new.Reset()
	e.active = false
	if e.kind.move > 0 {
		if e.kind.from {
			p.comment = fmt.Sprintf("moved to %d", e.kind.move)
		} else {
			p.comment = fmt.Sprintf("moved from %d", e.kind.move)
		}
	}
	if p.old != "" || p.new != "" {
		e.pieces = append(e.pieces, p)
	}
}

// equal adds text the engine found equal. The sides may still differ in
// case, wrapping, quotes or dashes; then the words are paired one for one
// (when both sides have the same run of words and spaces) and each run of
// differing words becomes a substitution, else the whole segment does.
func (e *criticWriter) equal(a, b string) {
	if a == b {
		e.pieces = append(e.pieces, criticPiece{old: a, new: b})
		return
	}
	whole := criticPiece{change: true, old: a, new: b}
	ta, tb := spaceRuns(a), spaceRuns(b)
	if len(ta) != len(tb) {
		e.pieces = append(e.pieces, whole)
		return
	}
	for i := range ta {
		if isSpace(ta[i]) != isSpace(tb[i]) {
			e.pieces = append(e.pieces, whole)
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
		var o, n strings.Builder
		d := differs[i]
		for ; i < len(ta) && differs[i] == d; i++ {
			o.WriteString(ta[i])
			n.WriteString(tb[i])
		}
		e.pieces = append(e.pieces, criticPiece{change: d, old: o.String(), new: n.String()})
	}
}

// oddBackslashes reports whether s ends with an odd number of backslashes,
// which would escape a delimiter written after it.
func oddBackslashes(s string) bool {
	n := len(s) - len(strings.TrimRight(s, "\\"))
	return n%2 == 1
}

// fixEdges keeps each mark's delimiters whole: a change whose text ends
// with "{" (which would read as a mark opening with the closing after it)
// or with a backslash (which would escape the closing) takes in the next
// character of the unchanged text, and unchanged text that ends with a
// backslash before a change gives its last character to the change.
func fixEdges(pieces []criticPiece) []criticPiece {
	pieces = spacesOutside(pieces)
	bad := func(s string) bool { return strings.HasSuffix(s, "{") || oddBackslashes(s) }
	for i := range pieces {
		if !pieces[i].change {
			continue
		}
		for i > 0 && !pieces[i-1].change && pieces[i-1].new != "" && oddBackslashes(pieces[i-1].new) {
			l := &pieces[i-1]
			_, n := utf8.DecodeLastRuneInString(l.new)
			r := l.new[len(l.new)-n:]
			l.old, l.new = l.old[:len(l.old)-n], l.new[:len(l.new)-n]
			pieces[i].old, pieces[i].new = r+pieces[i].old, r+pieces[i].new
		}
		for i+1 < len(pieces) && !pieces[i+1].change && pieces[i+1].new != "" &&
			(bad(pieces[i].old) || bad(pieces[i].new)) {
			nx := &pieces[i+1]
			_, n := utf8.DecodeRuneInString(nx.new)
			r := nx.new[:n]
			nx.old, nx.new = nx.old[n:], nx.new[n:]
			pieces[i].old, pieces[i].new = pieces[i].old+r, pieces[i].new+r
		}
	}
	return pieces
}

// spacesOutside moves the white space that both sides of a substitution
// begin or end with out of the mark: the mark then holds words only, and
// a line break or blank line the sides share stays unchanged text, which
// accept and reject leave as it is.
func spacesOutside(pieces []criticPiece) []criticPiece {
	var out []criticPiece
	for _, p := range pieces {
		if !p.change || p.old == "" || p.new == "" || p.comment != "" {
			out = append(out, p)
			continue
		}
		pre := commonPrefix(leadingWS(p.old), leadingWS(p.new))
		suf := commonSuffix(trailingWS(p.old), trailingWS(p.new))
		if len(pre)+len(suf) >= min(len(p.old), len(p.new)) {
			out = append(out, p)
			continue
		}
		if pre != "" {
			out = append(out, criticPiece{old: pre, new: pre})
		}
		out = append(out, criticPiece{change: true, old: p.old[len(pre) : len(p.old)-len(suf)], new: p.new[len(pre) : len(p.new)-len(suf)]})
		if suf != "" {
			out = append(out, criticPiece{old: suf, new: suf})
		}
	}
	// Unchanged neighbours join into one piece.
	merged := out[:0]
	for _, p := range out {
		if n := len(merged); n > 0 && !p.change && !merged[n-1].change {
			merged[n-1].old += p.old
			merged[n-1].new += p.new
			continue
		}
		merged = append(merged, p)
	}
	return merged
}

func leadingWS(s string) string  { return s[:len(s)-len(strings.TrimLeft(s, " \t\r\n"))] }
func trailingWS(s string) string { return s[len(strings.TrimRight(s, " \t\r\n")):] }

func commonPrefix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[:i]
}

func commonSuffix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return a[len(a)-i:]
}

// writeCritic writes the pieces and returns where each change begins.
func writeCritic(pieces []criticPiece) (string, []int) {
	var b strings.Builder
	starts := make([]int, len(pieces))
	for i, p := range pieces {
		starts[i] = b.Len()
		if !p.change {
			b.WriteString(criticEscape(p.new))
			continue
		}
		switch {
		case p.new == "":
			b.WriteString("{--" + criticEscape(p.old) + "--}")
		case p.old == "":
			b.WriteString("{++" + criticEscape(p.new) + "++}")
		case strings.Contains(p.old, "~>") || strings.Contains(p.new, "~>"):
			// A substitution holds one separator only; a deletion followed
			// by an insertion is the same change.
			b.WriteString("{--" + criticEscape(p.old) + "--}{++" + criticEscape(p.new) + "++}")
		default:
			b.WriteString("{~~" + criticEscape(p.old) + "~>" + criticEscape(p.new) + "~~}")
		}
		if p.comment != "" {
			b.WriteString("{>>" + criticEscape(p.comment) + "<<}")
		}
	}
	return b.String(), starts
}

// widenOutOfCode writes the pieces. In Markdown, marks inside a code span
// or code block are plain text; a change that falls inside code is widened
// over the unchanged text around it until its mark stands outside, so that
// accepting and rejecting still give each side's text exactly.
func widenOutOfCode(pieces []criticPiece) string {
	out, starts := writeCritic(pieces)
	if !strings.Contains(out, "`") && !strings.Contains(out, "~~~") && !strings.HasPrefix(out, "    ") &&
		!strings.Contains(out, "\n    ") && !strings.Contains(out, "\n\t") {
		return out
	}
	for round := 0; round < 64; round++ {
		doc, err := draft.ParseCritic("redline.md", []byte(out))
		if err != nil {
			return out
		}
		i := -1
		for k, p := range pieces {
			if p.change && doc.InCode(starts[k]) {
				i = k
				break
			}
		}
		if i < 0 {
			return out
		}
		lo, hi := max(i-1, 0), min(i+2, len(pieces))
		merged := criticPiece{change: true}
		for _, p := range pieces[lo:hi] {
			merged.old += p.old
			merged.new += p.new
		}
		if pieces[i].comment != "" {
			merged.comment = pieces[i].comment
		}
		var after []criticPiece
		if suf := commonSuffix(trailingWS(merged.old), trailingWS(merged.new)); suf != "" && merged.comment == "" &&
			len(suf) < min(len(merged.old), len(merged.new)) {
			// Shared trailing white space stays outside (never leading
			// space, which may be a code block's indentation).
			merged.old, merged.new = merged.old[:len(merged.old)-len(suf)], merged.new[:len(merged.new)-len(suf)]
			after = []criticPiece{{old: suf, new: suf}}
		}
		pieces = append(append(append(append([]criticPiece(nil), pieces[:lo]...), merged), after...), pieces[hi:]...)
		out, starts = writeCritic(pieces)
	}
	return out
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
