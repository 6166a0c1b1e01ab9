package docx

import (
	"github.com/redline-dev/redline/render"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/redline-dev/redline/diff"
)

func init() { render.RegisterFormat(render.Format{Name: "docx", Binary: true, Render: renderDOCX}) }

// renderDOCX writes the comparison as a Word document whose changes are
// tracked revisions: Word's Accept gives the new side and Reject the old,
// change by change. Every revision carries the newer side's author and
// office (its name when it is not a stored revision) and that revision's
// time, or, when the comparison is attributed to the hops of a chain
// (diff --by), the hop that made the change. Deleted text is w:del, inserted w:ins, a move w:moveFrom and
// w:moveTo with their range marks named move1, move2, ...; a paragraph
// split or joined is its paragraph mark inserted or deleted. Text common
// to both sides is shown as the new side spells it (a cable's capitals),
// since the comparison counted those spellings alike.
//
// The document opens with its title and the message fields that changed,
// each a tracked change too; the classification stands in the header and
// footer of every page. Headings, lists, quotes and emphasis come from the
// Markdown.
func renderDOCX(w io.Writer, c *diff.Comparison, opts render.DiffOptions) error {
	return Write(w, comparisonDocument(c, opts))
}

func comparisonDocument(c *diff.Comparison, opts render.DiffOptions) *Document {
	author, date := revisionAuthor(c.New, opts.Author), revisionDate(c.New.Time)
	base := func(k Kind, move int) Revision {
		r := Revision{Kind: k, Author: author, Date: date}
		if move > 0 {
			r.Move = "move" + strconv.Itoa(move)
		}
		return r
	}
	rev := base
	title := opts.Title
	if title == "" {
		title = render.DefaultTitle(c)
	}
	d := &Document{}
	if cl := render.ClassificationOf(c); cl != "" {
		d.Header, d.Footer = render.CleanText(cl), render.CleanText(cl)
	}
	d.Paragraphs = append(d.Paragraphs,
		Paragraph{Style: StyleTitle, Runs: []Run{{Text: render.CleanText(title)}}},
		Paragraph{Runs: []Run{{Text: render.CleanText("From " + render.SideLabel(c.Old) + " to " + render.SideLabel(c.New) + ". " + render.SummaryLine(c) + ".")}}})
	// Notes say how the comparison was made; in the body they would be
	// text that Accept and Reject both keep, so they go to the caller.
	for _, n := range c.Notes {
		if opts.Warn != nil {
			opts.Warn(n)
		}
	}
	for _, f := range c.Fields {
		p := Paragraph{Runs: []Run{{Text: render.CleanText(f.Name) + ": ", Bold: true}}}
		if f.Old != "" {
			p.Runs = append(p.Runs, Run{Text: render.CleanText(f.Old), Rev: rev(Delete, 0)})
		}
		if f.New != "" {
			p.Runs = append(p.Runs, Run{Text: render.CleanText(f.New), Rev: rev(Insert, 0)})
		}
		d.Paragraphs = append(d.Paragraphs, p)
	}
	pieces := make([]docxPiece, 0, len(c.Segments))
	for _, s := range c.Segments {
		rev := rev
		if by := strings.TrimSpace(render.CleanText(s.By)); by != "" {
			// diff --by: the change is the hop's that made it
			rev = func(k Kind, move int) Revision {
				r := base(k, move)
				r.Author = by
				return r
			}
		}
		switch s.Op {
		case diff.OpEqual:
			pieces = appendEqual(pieces, s.A, s.B, rev)
		case diff.OpDelete:
			pieces = append(pieces, docxPiece{text: s.A, rev: rev(Delete, 0)})
		case diff.OpInsert:
			pieces = append(pieces, docxPiece{text: s.B, rev: rev(Insert, 0)})
		case diff.OpMoveFrom:
			pieces = append(pieces, docxPiece{text: s.A, rev: rev(MoveFrom, s.Move)})
		case diff.OpMoveTo:
			pieces = append(pieces, docxPiece{text: s.B, rev: rev(MoveTo, s.Move)})
		}
	}
	d.Paragraphs = append(d.Paragraphs, docxParagraphs(pieces)...)
	return d
}

// revisionAuthor is who a revision's changes are by: the author and office
// of the newer side when it is a stored revision, else the caller's
// identity, else the side's base name (never a path from this machine).
func revisionAuthor(s diff.Side, identity string) string {
	var parts []string
	for _, p := range []string{s.Author, s.Office} {
		if p = strings.TrimSpace(render.CleanText(p)); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		if id := strings.TrimSpace(render.CleanText(identity)); id != "" {
			return id
		}
		if s.Name == "" {
			return "(unnamed)"
		}
		return render.CleanText(filepath.Base(s.Name))
	}
	return strings.Join(parts, ", ")
}

// revisionDate is a side's time as w:date wants it (UTC, to the second),
// or "" when the side has none.
func revisionDate(t string) string {
	if t == "" {
		return ""
	}
	tm, err := time.Parse(time.RFC3339, t)
	if err != nil {
		return ""
	}
	return tm.UTC().Format("2006-01-02T15:04:05Z")
}

// appendEqual adds text common to both sides in the new side's spelling.
// Where the sides differ in white space at its ends (the comparison counts
// white space alike, and moves it to the ends of equal text), the
// difference is tracked, so that rejecting every change never runs two
// words of the old side together: the old side's spaces are a deletion,
// the new side's an insertion.
func appendEqual(pieces []docxPiece, a, b string, rev func(Kind, int) Revision) []docxPiece {
	aLead, bLead := leadingSpace(a), leadingSpace(b)
	aTrail, bTrail := trailingSpace(a[aLead:]), trailingSpace(b[bLead:])
	pieces = appendSpaceChange(pieces, a[:aLead], b[:bLead], rev)
	pieces = append(pieces, docxPiece{text: b[bLead : len(b)-bTrail]})
	return appendSpaceChange(pieces, a[len(a)-aTrail:], b[len(b)-bTrail:], rev)
}

func appendSpaceChange(pieces []docxPiece, a, b string, rev func(Kind, int) Revision) []docxPiece {
	switch {
	case (a == "") == (b == ""):
		return append(pieces, docxPiece{text: b})
	case a != "":
		return append(pieces, docxPiece{text: a, rev: rev(Delete, 0)})
	}
	return append(pieces, docxPiece{text: b, rev: rev(Insert, 0)})
}

func leadingSpace(s string) int { return len(s) - len(strings.TrimLeft(s, " \t\n\r")) }

func trailingSpace(s string) int { return len(s) - len(strings.TrimRight(s, " \t\n\r")) }
