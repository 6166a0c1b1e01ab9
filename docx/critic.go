package docx

import (
	"fmt"
	"strings"
)

// Critic writes a document as a Markdown draft with its tracked changes as
// CriticMarkup, each followed by a comment naming its author and date:
//
//	{++inserted++}{>>@Author: (2006-01-02T15:04:05Z)<<}
//	{~~old~>new~~}{>>@Author: (…)<<}   a deletion then an insertion by one author at one time
//	{--moved--}{>>@Author: moved to 1 (…)<<} and {++moved++}{>>@Author: moved from 1 (…)<<}
//
// A deleted or inserted paragraph mark is the paragraph break deleted or
// inserted. A Word comment is {==its text==}{>>@Author: comment (date)<<}
// (just the comment where its range holds changes or is empty), its
// replies following it as {>>@Author: reply to NAME: text (date)<<}.
// Headings, bullets, quotes, bold and italic are written as Markdown.
// Characters that would open or close a mark are escaped with a backslash.
func Critic(d *Document) []byte {
	w := &criticOut{doc: d, starts: map[int]int{}}
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
	if w.del != nil {
		w.writeDeletion()
	}
	out := strings.TrimRight(w.b.String(), "\n") + "\n"
	return []byte(out)
}

func listStyle(s string) bool { return s == StyleBullet || s == StyleNumber }

type criticOut struct {
	doc *Document
	b   strings.Builder
	// the pending change: adjacent text of one revision is one mark
	rev  Revision
	pend strings.Builder
	// del holds a deletion waiting to see whether an insertion by the
	// same hand follows (a substitution).
	del      *Revision
	delText  string
	starts   map[int]int // comment index -> output offset of its range start
	lastMark int         // output offset just after the last mark written
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
	for _, r := range p.Runs {
		switch {
		case r.CommentStart > 0:
			w.flush()
			w.starts[r.CommentStart-1] = w.b.Len()
		case r.CommentEnd > 0:
			w.flush()
			w.comment(r.CommentEnd - 1)
		default:
			w.text(emphasise(escapeCritic(r.Text), r.Bold, r.Italic), r.Rev)
		}
	}
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

// criticDelims are the openings and closings of the five marks.
var criticDelims = []string{"{++", "{--", "{~~", "{==", "{>>", "++}", "--}", "~~}", "==}", "<<}", "~>"}

// escapeCritic puts a backslash before anything that would read as a
// mark's delimiter.
func escapeCritic(s string) string {
	if !strings.ContainsAny(s, "{}~>") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		for _, d := range criticDelims {
			if strings.HasPrefix(s[i:], d) {
				b.WriteByte('\\')
				break
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
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

// flush writes the pending text: plain, or as a mark.
func (w *criticOut) flush() {
	text, rev := w.pend.String(), w.rev
	w.pend.Reset()
	if text == "" {
		return
	}
	if w.del != nil && !(rev.Kind == Insert && rev.Author == w.del.Author && rev.Date == w.del.Date) {
		w.writeDeletion()
	}
	switch rev.Kind {
	case Plain:
		w.b.WriteString(text)
	case Delete:
		r := rev
		w.del, w.delText = &r, text
	case Insert:
		if w.del != nil {
			w.mark("{~~"+w.delText+"~>"+text+"~~}", rev, "")
			w.del = nil
			return
		}
		w.mark("{++"+text+"++}", rev, "")
	case MoveFrom:
		w.mark("{--"+text+"--}", rev, "moved to "+moveNumber(rev.Move))
	case MoveTo:
		w.mark("{++"+text+"++}", rev, "moved from "+moveNumber(rev.Move))
	}
}

func (w *criticOut) writeDeletion() {
	d := *w.del
	w.del = nil
	w.mark("{--"+w.delText+"--}", d, "")
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

func (w *criticOut) mark(m string, rev Revision, note string) {
	w.b.WriteString(m)
	w.b.WriteString(authorComment(rev.Author, note, rev.Date))
	w.lastMark = w.b.Len()
}

// authorComment is {>>@AUTHOR: NOTE (DATE)<<}, or {>>NOTE<<} without an
// author.
func authorComment(author, note, date string) string {
	if date != "" {
		note = strings.TrimSpace(note + " (" + date + ")")
	}
	author = strings.Join(strings.Fields(strings.ReplaceAll(author, ":", "")), " ")
	body := escapeCritic(note)
	if author != "" {
		body = "@" + author + ": " + body
	}
	if body == "" {
		return ""
	}
	return "{>>" + body + "<<}"
}

// comment writes comment i where its range ends, with its replies: the
// range becomes a highlight when it holds plain text only.
func (w *criticOut) comment(i int) {
	if w.del != nil {
		w.writeDeletion()
	}
	c := w.doc.Comments[i]
	if c.Parent >= 0 {
		return // written after the comment it answers
	}
	if start, ok := w.starts[i]; ok && start >= w.lastMark && start < w.b.Len() {
		s := w.b.String()
		inner := s[start:]
		if strings.TrimSpace(inner) != "" && !strings.Contains(inner, "\n") {
			w.b.Reset()
			w.b.WriteString(s[:start] + "{==" + inner + "==}")
		}
	}
	w.b.WriteString(authorComment(c.Author, c.Text, c.Date))
	for _, r := range w.doc.Comments {
		if r.Parent == i {
			w.b.WriteString(authorComment(r.Author, fmt.Sprintf("reply to %s: %s", c.Author, r.Text), r.Date))
		}
	}
	w.lastMark = w.b.Len()
}
