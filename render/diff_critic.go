package render

import (
	"fmt"
	"github.com/redline-dev/redline/critic"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redline-dev/redline/diff"
)

func init() { RegisterFormat(Format{Name: "critic", Render: renderCritic}) }

// renderCritic writes the new document with the changes as CriticMarkup:
// {--deleted--}, {++inserted++}, {~~old~>new~~}, and each side of a move
// as a deletion or insertion followed by {>>moved to N<<} or
// {>>moved from N<<}. Accepting every change gives the new side's text and
// rejecting every change gives the old side's, byte for byte, white space
// included: where the sides' texts differ inside equal segments (case,
// line wraps, quotes), those differences are substitutions too, kept as
// short as the paired words and white space allow ({~~ ~>\n~~} for a line
// wrapped elsewhere); and since accept and reject tidy the seam of a change
// that resolves to nothing (critic.SeamTidy), such a change never leaves
// white space meeting white space there: it slides along the text or takes
// the white space beside it inside the mark (sealSeams).
//
// A draft's front matter is not compared word by word (its fields are
// compared as fields), and CriticMarkup has no marks in front matter: the
// view writes the new side's front matter as it stands, so accepting
// everything gives the new draft whole, and rejecting everything gives
// the old side's body under the new side's front matter.
//
// The round trip is exact for every text except in two cases, all of
// Markdown or CriticMarkup syntax in the compared texts themselves:
//
//   - A CriticMarkup delimiter in either text ({++ {-- {~~ {== {>> and
//     ++} --} ~~} ==} <<}) is written with a backslash before it, changed
//     or not, so that it stays text (unless the text already escapes it,
//     with an odd run of backslashes: then it comes back exactly). The backslash is CriticMarkup's (and
//     Markdown's) escape: accept and reject keep it, as they keep one
//     written by hand, and Markdown shows the delimiter without it. So
//     accepting or rejecting everything gives that side with a backslash
//     before each such delimiter; a change that ends the text with "{" or
//     with an odd run of backslashes likewise gains one backslash. (Taking
//     the backslashes away on resolving would turn a hand-written
//     "\{++" into a mark opening in the result.)
//   - A paragraph with an unmatched backtick on each side, or a change
//     one of whose sides ends on a line of code that the change cannot be
//     widened past (an indented line, also one in a list item or block
//     quote, at the very end of the text or of the change's old side; a
//     closing code fence that ends the text with no line break after
//     it): the delimiters would fall in code, where they are text. The
//     writer parses what it wrote (checkedCritic) and widens such a change
//     to whole lines and blocks, or marks it more finely, until every
//     mark reads back; when none does, the view fails with an error
//     naming the line, rather than write a redline whose marks accept and
//     reject would leave in the text.
func renderCritic(w io.Writer, c *diff.Comparison, _ DiffOptions) error {
	var e criticWriter
	for _, s := range c.Segments {
		switch {
		case s.Op == diff.OpEqual:
			e.flush()
			e.equal(s)
		case s.Move > 0 && (s.Op == diff.OpMoveFrom || s.Op == diff.OpDelete):
			e.pend(criticPending{move: s.Move, from: true, by: s.By}, s.A, "")
		case s.Move > 0 && (s.Op == diff.OpMoveTo || s.Op == diff.OpInsert):
			e.pend(criticPending{move: s.Move, by: s.By}, "", s.B)
		default:
			e.pend(criticPending{by: s.By}, s.A, s.B)
		}
	}
	e.flush()
	// The new side's front matter, as written, goes before the body
	// (marks in front matter are not marks): accepting everything then
	// gives the new draft whole. checkedCritic parses the result back and
	// refuses a redline whose marks the parser would not see as written.
	out, err := checkedCritic(c, fixEdges(sealSeams(spacesOutside(mergeChanges(e.pieces)))))
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, out)
	return err
}

// criticPiece is unchanged text (old and new spelling) or one change.
type criticPiece struct {
	change   bool
	old, new string
	comment  string // written after a change: a move's direction
	// respelled is a change made of a respelled equal run.
	respelled bool
}

type criticPending struct {
	move int
	from bool
	by   string // who made the change (diff --by): written as its author
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
	if n := len(e.pieces); !e.active && n > 0 && e.pieces[n-1].respelled && !endsWithSpace(e.pieces[n-1].old) && !endsWithSpace(e.pieces[n-1].new) {
		e.pieces = append(e.pieces, criticPiece{}) // see equal
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
	if by := strings.Join(strings.Fields(e.kind.by), " "); by != "" {
		// The change's author, as accept and reject --author read it:
		// {>>@No. 10<<}, or {>>@No. 10: moved to 1<<}.
		if p.comment != "" {
			p.comment = "@" + strings.ReplaceAll(by, ":", " ") + ": " + p.comment
		} else {
			p.comment = "@" + strings.ReplaceAll(by, ":", " ")
		}
	}
	if p.old != "" || p.new != "" {
		e.pieces = append(e.pieces, p)
	}
}

// equal adds an equal segment. A respelled run (case, quotes, a line
// wrapped elsewhere) is a change too, so that each side comes back
// exactly; a respelled word next to a change stays a mark of its own
// (an empty unchanged piece keeps mergeChanges from joining them), while
// white space that differs next to a change joins it.
func (e *criticWriter) equal(s diff.Segment) {
	if !s.Respelled {
		e.pieces = append(e.pieces, criticPiece{old: s.A, new: s.B})
		return
	}
	if n := len(e.pieces); n > 0 && e.pieces[n-1].change && !startsWithSpace(s.A) && !startsWithSpace(s.B) {
		e.pieces = append(e.pieces, criticPiece{})
	}
	e.pieces = append(e.pieces, criticPiece{change: true, old: s.A, new: s.B, respelled: true})
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}

// fixEdges keeps each mark's delimiters whole: a change whose text ends
// with "{" (which would read as a mark opening with the closing after it)
// or with a backslash (which would escape the closing) takes in the change
// after it or the next character of the unchanged text, and unchanged text
// that ends with a backslash before a change gives its last character to
// the change.
func fixEdges(pieces []criticPiece) []criticPiece {
	pieces = backtickWords(pieces)
	// "{" before a closing reads as an opening, a backslash escapes it, and
	// "~" before "~~}" at the start of a line makes a code fence.
	bad := func(s string) bool {
		return strings.HasSuffix(s, "{") || strings.HasSuffix(s, "~") || critic.OddBackslashes(s)
	}
	for i := 0; i < len(pieces); i++ {
		if !pieces[i].change {
			continue
		}
		for i > 0 && !pieces[i-1].change && pieces[i-1].new != "" && critic.OddBackslashes(pieces[i-1].new) {
			l := &pieces[i-1]
			_, n := utf8.DecodeLastRuneInString(l.new)
			r := l.new[len(l.new)-n:]
			l.old, l.new = l.old[:len(l.old)-n], l.new[:len(l.new)-n]
			pieces[i].old, pieces[i].new = r+pieces[i].old, r+pieces[i].new
		}
		for i+1 < len(pieces) && pieces[i+1].change && (bad(pieces[i].old) || bad(pieces[i].new)) {
			// The next change joins this one (a move's comments with it).
			pieces[i].old += pieces[i+1].old
			pieces[i].new += pieces[i+1].new
			pieces[i].comment = joinComments(pieces[i].comment, pieces[i+1].comment)
			pieces = append(pieces[:i+1], pieces[i+2:]...)
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

// backtickWords widens a change that holds a backtick to whole words
// (to the white space on either side), so that a code span such as
// “a`b“ is never cut by a mark: its backticks then stay together on each
// side of the change.
func backtickWords(pieces []criticPiece) []criticPiece {
	// Changes next to a change with a backtick join it.
	var joined []criticPiece
	for _, p := range pieces {
		if n := len(joined); n > 0 && p.change && joined[n-1].change &&
			strings.Contains(p.old+p.new+joined[n-1].old+joined[n-1].new, "`") {
			joined[n-1].old += p.old
			joined[n-1].new += p.new
			joined[n-1].comment = joinComments(joined[n-1].comment, p.comment)
			continue
		}
		joined = append(joined, p)
	}
	pieces = joined
	for i := range pieces {
		p := &pieces[i]
		if !p.change || !strings.Contains(p.old+p.new, "`") {
			continue
		}
		if i > 0 && !pieces[i-1].change {
			l := &pieces[i-1]
			k := strings.LastIndexAny(l.new, " \t\n") + 1
			w := l.new[k:]
			l.old, l.new = l.new[:k], l.new[:k]
			p.old, p.new = w+p.old, w+p.new
		}
		if i+1 < len(pieces) && !pieces[i+1].change {
			r := &pieces[i+1]
			k := strings.IndexAny(r.new, " \t\n")
			if k < 0 {
				k = len(r.new)
			}
			w := r.new[:k]
			r.old, r.new = r.new[k:], r.new[k:]
			p.old, p.new = p.old+w, p.new+w
		}
	}
	return pieces
}

func joinComments(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
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

// criticOut is the critic text and where its pieces and delimiters are.
type criticOut struct {
	text   string
	starts []int   // output offset of each piece
	delims [][]int // output offsets of each piece's delimiters
}

// writeCritic prints the pieces with the critic package's printer.
func writeCritic(pieces []criticPiece) criticOut {
	ps := make([]critic.Piece, len(pieces))
	for i, p := range pieces {
		ps[i] = critic.Piece{Change: p.change, Old: p.old, New: p.new, Comment: p.comment}
	}
	o := critic.Print(ps)
	return criticOut{text: o.Text, starts: o.Starts, delims: o.Delims}
}
