package docx

import (
	"io"
	"strings"
	"time"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/render"
)

// DraftDOCXOptions are the settings of DraftDOCX.
type DraftDOCXOptions struct {
	// Author is who a change with no author of its own is by; empty means
	// "unknown".
	Author string
	// Date is the time of every change (the revision's), as w:date wants
	// it, or empty.
	Date string
}

// DraftDOCX writes a draft holding CriticMarkup as a Word document: each
// mark a tracked change ({++ ++} w:ins, {-- --} w:del, {~~ ~> ~~} both) by
// the author its comment names ({>>@NAME: …<<}), the rest of such a comment
// and every other comment a Word comment, a highlight the comment's range.
// Accepting everything in Word gives what 'redline accept --all' gives, and
// rejecting everything what 'redline reject --all' gives (in words: white
// space and Markdown markers aside). The title is at the top and the
// classification in the header and footer.
func DraftDOCX(w io.Writer, name string, src []byte, opts DraftDOCXOptions) error {
	doc, err := draft.Parse(name, src)
	if err != nil {
		return err
	}
	cd, err := critic.Parse(name, src)
	if err != nil {
		return err
	}
	d := &Document{}
	if cl := render.CleanText(doc.Fields.Classification); cl != "" {
		d.Header, d.Footer = cl, cl
	}
	if t := render.CleanText(doc.Fields.Title); t != "" {
		d.Paragraphs = append(d.Paragraphs, Paragraph{Style: StyleTitle, Runs: []Run{{Text: t}}})
	}
	b := &draftDOCX{src: src, doc: d, opts: opts, lastComment: -1}
	at := cd.BodyOffset()
	marks := cd.Marks()
	mi := 0
	for _, c := range cd.Changes() {
		b.plain(at, c.Start)
		var own []critic.Mark
		for mi < len(marks) && marks[mi].Start < c.End {
			if marks[mi].Start >= c.Start {
				own = append(own, marks[mi])
			}
			mi++
		}
		b.change(c, own)
		at = c.End
	}
	b.plain(at, len(src))
	d.Paragraphs = append(d.Paragraphs, docxParagraphs(b.pieces)...)
	return Write(w, d)
}

type draftDOCX struct {
	src    []byte
	doc    *Document
	opts   DraftDOCXOptions
	pieces []docxPiece
	// the Word comment of the change that ended at lastEnd, for a reply
	// written directly after it; -1 for none
	lastComment, lastEnd int
}

func (b *draftDOCX) plain(from, to int) {
	if to > from {
		b.pieces = append(b.pieces, docxPiece{text: unescapeCritic(string(b.src[from:to]))})
	}
}

// unescapeCritic takes away the backslash before a mark's delimiter: in
// the document the delimiter is plain text, as Markdown shows it.
func unescapeCritic(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	for _, d := range append(critic.Openings[:], critic.Closings[:]...) {
		s = strings.ReplaceAll(s, `\`+d, d)
	}
	return s
}

// change adds one change: its marks as tracked text, and its comment, when
// it says more than the author, as a Word comment on that text.
func (b *draftDOCX) change(c critic.Change, marks []critic.Mark) {
	author := strings.TrimSpace(c.Author)
	if author == "" {
		author = b.opts.Author
	}
	if author == "" {
		author = "unknown"
	}
	comment, date := commentDate(strings.TrimSpace(c.Comment))
	if date == "" {
		date = b.opts.Date
	}
	rev := func(k Kind) Revision { return Revision{Kind: k, Author: author, Date: date} }
	// A reply as import docx writes one: a comment directly after the
	// comment it answers, "reply to NAME: text".
	if rest, ok := strings.CutPrefix(comment, "reply to "); ok && c.Kind == critic.KindComment && b.lastComment >= 0 && c.Start == b.lastEnd {
		if _, text, ok := strings.Cut(rest, ": "); ok {
			b.doc.Comments = append(b.doc.Comments, Comment{Author: author, Date: date, Text: render.CleanText(text), Parent: b.lastComment})
			b.lastEnd = c.End
			return
		}
	}
	b.lastComment = -1
	if comment != "" || c.Kind == critic.KindHighlight {
		b.lastComment, b.lastEnd = len(b.doc.Comments), c.End
		b.doc.Comments = append(b.doc.Comments, Comment{Author: author, Date: date, Text: render.CleanText(comment), Parent: -1})
		b.pieces = append(b.pieces, docxPiece{anchor: Run{CommentStart: len(b.doc.Comments)}})
		defer func() { b.pieces = append(b.pieces, docxPiece{anchor: Run{CommentEnd: len(b.doc.Comments)}}) }()
	}
	for _, m := range marks {
		old, new := m.Content(b.src)
		switch m.Kind {
		case critic.KindInsert:
			b.pieces = append(b.pieces, docxPiece{text: new, rev: rev(Insert)})
		case critic.KindDelete:
			b.pieces = append(b.pieces, docxPiece{text: old, rev: rev(Delete)})
		case critic.KindSubstitute:
			b.pieces = append(b.pieces, docxPiece{text: old, rev: rev(Delete)}, docxPiece{text: new, rev: rev(Insert)})
		case critic.KindHighlight:
			b.pieces = append(b.pieces, docxPiece{text: old})
		}
	}
}

// commentDate takes a time in brackets off the end of a comment, as import
// docx writes one ("more precise (1988-12-21T10:00:00Z)"), for w:date.
func commentDate(s string) (text, date string) {
	i := strings.LastIndex(s, "(")
	if i < 0 || !strings.HasSuffix(s, ")") {
		return s, ""
	}
	t, err := time.Parse(time.RFC3339, s[i+1:len(s)-1])
	if err != nil {
		return s, ""
	}
	return strings.TrimSpace(s[:i]), t.UTC().Format("2006-01-02T15:04:05Z")
}
