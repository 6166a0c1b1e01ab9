package docx

import (
	"fmt"
	"strings"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
)

// Draft writes a document as a redline draft: front matter with its title
// (a first paragraph in the Title style, with no tracked change in it) and
// its classification (the page header's, when it is one), then the body as
// Critic writes it.
func Draft(d *Document) []byte {
	var f draft.Fields
	body := *d
	if len(d.Paragraphs) > 0 && d.Paragraphs[0].Style == StyleTitle && untracked(d.Paragraphs[0]) {
		var t strings.Builder
		for _, r := range d.Paragraphs[0].Runs {
			t.WriteString(r.Text)
		}
		f.Title = strings.Join(strings.Fields(t.String()), " ")
		body.Paragraphs = d.Paragraphs[1:]
	}
	if c, err := cable.ParseClassification(d.Header); err == nil {
		f.Classification = c
	}
	return draft.New("imported.md", f, Critic(&body)).Bytes()
}

func untracked(p Paragraph) bool {
	if p.Mark.Kind != Plain {
		return false
	}
	for _, r := range p.Runs {
		if r.Rev.Kind != Plain || r.CommentStart > 0 || r.CommentEnd > 0 {
			return false
		}
	}
	return true
}

// Critic writes a document as a Markdown draft with its tracked changes as
// CriticMarkup (printed by the critic package, which escapes text as its
// parser reads it), each followed by a comment naming its author and date:
//
//	{++inserted++}{>>@Author: (2006-01-02T15:04:05Z)<<}
//	{~~old~>new~~}{>>@Author: (…)<<}   a deletion then an insertion by one author at one time
//	{--moved--}{>>@Author: moved to 1 (…)<<} and {++moved++}{>>@Author: moved from 1 (…)<<}
//
// A deleted or inserted paragraph mark is the paragraph break deleted or
// inserted. A Word comment is {>>@Author: comment (date)<<} where its range
// ends, its replies following it as {>>@Author: reply to NAME: text
// (date)<<}. Headings, bullets, quotes, bold and italic are written as
// Markdown.
func Critic(d *Document) []byte {
	w := &criticOut{doc: d}
	for i, p := range d.Paragraphs {
		// A list or heading marker belongs to the change that made the
		// paragraph when the break before it and its first text are both
		// that change's.
		var prefix Revision
		if i > 0 && len(p.Runs) > 0 && p.Runs[0].Rev == d.Paragraphs[i-1].Mark {
			prefix = p.Runs[0].Rev
		}
		w.paragraph(p, prefix)
		if i+1 < len(d.Paragraphs) {
			sep := "\n\n"
			if listStyle(p.Style) && listStyle(d.Paragraphs[i+1].Style) {
				sep = "\n"
			}
			w.text(sep, p.Mark)
		}
	}
	w.flush()
	w.flushDeletion()
	out := strings.TrimRight(critic.Print(w.pieces).Text, "\n") + "\n"
	return []byte(out)
}

func listStyle(s string) bool { return s == StyleBullet || s == StyleNumber }

type criticOut struct {
	doc    *Document
	pieces []critic.Piece
	// the pending text: adjacent text of one revision is one mark
	rev  Revision
	pend strings.Builder
	// del holds a deletion waiting to see whether an insertion by the
	// same hand follows (a substitution).
	del     *Revision
	delText string
}

func (w *criticOut) paragraph(p Paragraph, prefix Revision) {
	switch {
	case HeadingLevel(p.Style) > 0:
		w.text(strings.Repeat("#", HeadingLevel(p.Style))+" ", prefix)
	case p.Style == StyleTitle:
		w.text("# ", prefix)
	case p.Style == StyleBullet:
		w.text("- ", prefix)
	case p.Style == StyleQuote:
		w.text("> ", prefix)
	}
	lineStart := true
	for _, r := range p.Runs {
		switch {
		case r.CommentStart > 0:
		case r.CommentEnd > 0:
			w.flush()
			w.comment(r.CommentEnd - 1)
		default:
			t := plainLines(r.Text, lineStart)
			if t != "" {
				lineStart = strings.HasSuffix(t, "\n")
			}
			w.text(emphasise(t, r.Bold, r.Italic), r.Rev)
		}
	}
}

// plainLines keeps text from reading as Markdown code: a tab is a space,
// and no line (the first one too, when it starts a line) begins with
// white space, which would make it an indented code block.
func plainLines(s string, lineStart bool) string {
	s = strings.ReplaceAll(s, "\t", " ")
	lines := strings.Split(s, "\n")
	for i := range lines {
		if i > 0 || lineStart {
			lines[i] = strings.TrimLeft(lines[i], " ")
		}
	}
	return strings.Join(lines, "\n")
}

// emphasise wraps text in Markdown emphasis, keeping the white space at its
// ends outside the markers.
func emphasise(s string, bold, italic bool) string {
	mark := ""
	if bold {
		mark += "**"
	}
	if italic {
		mark += "*"
	}
	core := strings.TrimSpace(s)
	if mark == "" || core == "" || strings.Contains(core, "\n") {
		return s
	}
	i := strings.Index(s, core)
	return s[:i] + mark + core + mark + s[i+len(core):]
}

func (w *criticOut) text(s string, rev Revision) {
	if s == "" {
		return
	}
	if rev != w.rev {
		w.flush()
		w.rev = rev
	}
	w.pend.WriteString(s)
}

// flush turns the pending text into a piece: plain, or a change.
func (w *criticOut) flush() {
	text, rev := w.pend.String(), w.rev
	w.pend.Reset()
	if text == "" {
		return
	}
	if w.del != nil && !(rev.Kind == Insert && rev.Author == w.del.Author && rev.Date == w.del.Date) {
		w.flushDeletion()
	}
	switch rev.Kind {
	case Plain:
		w.pieces = append(w.pieces, critic.Piece{Old: text, New: text})
	case Delete:
		r := rev
		w.del, w.delText = &r, text
	case Insert:
		old := ""
		if w.del != nil {
			old, w.del = w.delText, nil
		}
		w.change(old, text, rev, "")
	case MoveFrom:
		w.change(text, "", rev, "moved to "+moveNumber(rev.Move))
	case MoveTo:
		w.change("", text, rev, "moved from "+moveNumber(rev.Move))
	}
}

func (w *criticOut) flushDeletion() {
	if w.del == nil {
		return
	}
	d := *w.del
	w.del = nil
	w.change(w.delText, "", d, "")
}

func (w *criticOut) change(old, new string, rev Revision, note string) {
	w.pieces = append(w.pieces, critic.Piece{Change: true, Old: old, New: new, Comment: authorComment(rev.Author, note, rev.Date)})
}

// moveNumber is how a move is named in a comment: redline's own names
// (move1) by their number, others as they are.
func moveNumber(name string) string {
	if n, ok := strings.CutPrefix(name, "move"); ok && n != "" && strings.Trim(n, "0123456789") == "" {
		return n
	}
	if name == "" {
		return "an unnamed place"
	}
	return name
}

// authorComment is the text of the comment after a change: "@AUTHOR: NOTE
// (DATE)", or the note alone without an author. A colon in the author's
// name would end it early, so it is left out.
func authorComment(author, note, date string) string {
	// One line: a comment's paragraphs could otherwise read as Markdown
	// code, where its closing would not be seen.
	note = strings.Join(strings.Fields(note), " ")
	if date != "" {
		note = strings.TrimSpace(note + " (" + date + ")")
	}
	author = strings.Join(strings.Fields(strings.ReplaceAll(author, ":", "")), " ")
	switch {
	case author == "":
		return note
	case note == "":
		return "@" + author
	}
	return "@" + author + ": " + note
}

// comment writes comment i where its range ends, with its replies.
func (w *criticOut) comment(i int) {
	w.flushDeletion()
	c := w.doc.Comments[i]
	if c.Parent >= 0 {
		return // written after the comment it answers
	}
	w.pieces = append(w.pieces, critic.Piece{Change: true, Comment: authorComment(c.Author, c.Text, c.Date)})
	for _, r := range w.doc.Comments {
		if r.Parent == i {
			w.pieces = append(w.pieces, critic.Piece{Change: true, Comment: authorComment(r.Author, fmt.Sprintf("reply to %s: %s", c.Author, r.Text), r.Date)})
		}
	}
}
