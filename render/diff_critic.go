package render

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/diff"
)

func init() { RegisterFormat(Format{Name: "critic", Render: renderCritic}) }

// renderCritic writes the new document with the changes as CriticMarkup:
// {--deleted--}, {++inserted++}, {~~old~>new~~}, and each side of a move
// as a deletion or insertion followed by {>>moved to N<<} or
// {>>moved from N<<}; with diff --by, each change's author as
// {>>@No. 10<<}. An equal segment the diff marks respelled (case, quotes,
// a line wrapped elsewhere) is a substitution too, so that accepting
// every change gives the new side's text and rejecting every change the
// old side's, byte for byte: critic.Redline places the marks so that
// they read back, and says where it cannot.
//
// A draft's front matter is not compared word by word (its fields are
// compared as fields), and CriticMarkup has no marks in front matter: the
// view writes the new side's front matter as it stands, so accepting
// everything gives the new draft whole, and rejecting everything gives
// the old side's body under the new side's front matter.
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
	out, err := critic.Redline(c.New.Name, c.New.FrontMatter, e.pieces)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, out)
	return err
}

// criticPending is the kind of change being gathered: its move, if any,
// and its author.
type criticPending struct {
	move int
	from bool
	by   string // who made the change (diff --by): written as its author
}

// criticWriter turns segments into the pieces critic.Redline writes:
// unchanged text, and changes gathered from the segments side by side
// that share a kind.
type criticWriter struct {
	pieces   []critic.Piece
	kind     criticPending
	old, new strings.Builder
	active   bool
	// respelled says the last piece is a respelled equal run.
	respelled bool
}

func (e *criticWriter) add(p critic.Piece, respelled bool) {
	e.pieces = append(e.pieces, p)
	e.respelled = respelled
}

func (e *criticWriter) pend(k criticPending, a, b string) {
	if e.active && k != e.kind {
		e.flush()
	}
	if n := len(e.pieces); !e.active && n > 0 && e.respelled && !endsWithSpace(e.pieces[n-1].Old) && !endsWithSpace(e.pieces[n-1].New) {
		e.add(critic.Piece{}, false) // see equal
	}
	e.active, e.kind = true, k
	e.old.WriteString(a)
	e.new.WriteString(b)
}

func (e *criticWriter) flush() {
	if !e.active {
		return
	}
	p := critic.Piece{Change: true, Old: e.old.String(), New: e.new.String()}
	e.old.Reset()
	e.new.Reset()
	e.active = false
	if e.kind.move > 0 {
		if e.kind.from {
			p.Comment = fmt.Sprintf("moved to %d", e.kind.move)
		} else {
			p.Comment = fmt.Sprintf("moved from %d", e.kind.move)
		}
	}
	if by := strings.Join(strings.Fields(e.kind.by), " "); by != "" {
		// The change's author, as accept and reject --author read it:
		// {>>@No. 10<<}, or {>>@No. 10: moved to 1<<}.
		if p.Comment != "" {
			p.Comment = "@" + strings.ReplaceAll(by, ":", " ") + ": " + p.Comment
		} else {
			p.Comment = "@" + strings.ReplaceAll(by, ":", " ")
		}
	}
	if p.Old != "" || p.New != "" {
		e.add(p, false)
	}
}

// equal adds an equal segment. A respelled run (case, quotes, a line
// wrapped elsewhere) is a change too, so that each side comes back
// exactly; a respelled word next to a change stays a mark of its own
// (an empty unchanged piece keeps the changes from being joined), while
// white space that differs next to a change joins it.
func (e *criticWriter) equal(s diff.Segment) {
	if !s.Respelled {
		e.add(critic.Piece{Old: s.A, New: s.B}, false)
		return
	}
	if n := len(e.pieces); n > 0 && e.pieces[n-1].Change && !startsWithSpace(s.A) && !startsWithSpace(s.B) {
		e.add(critic.Piece{}, false)
	}
	e.add(critic.Piece{Change: true, Old: s.A, New: s.B}, true)
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}
