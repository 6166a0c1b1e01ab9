// Package docx reads and writes WordprocessingML documents (ECMA-376 Part 1,
// the .docx format) with tracked changes and comments, using encoding/xml
// and archive/zip alone.
//
// Both directions share one small model of a document: paragraphs of runs,
// where a run may be inserted, deleted or moved (w:ins, w:del, w:moveFrom,
// w:moveTo), a paragraph's mark may itself be inserted or deleted (a
// paragraph split or joined), and comments (w:comment, with replies from
// commentsExtended.xml) are anchored on ranges of runs. Write turns a model
// into a package; Read turns a package into a model, refusing packages that
// are not WordprocessingML, that expand beyond fixed limits, or that refer
// to anything outside themselves. The package knows nothing of redline's
// comparisons or drafts: render/ builds models from those, and Critic turns
// a model read back into CriticMarkup.
package docx

// Kind is what a tracked revision did to its text.
type Kind int

// Revision kinds.
const (
	Plain    Kind = iota // not a tracked change
	Insert               // w:ins
	Delete               // w:del
	MoveFrom             // w:moveFrom: the text's old place
	MoveTo               // w:moveTo: the text's new place
)

func (k Kind) String() string {
	switch k {
	case Insert:
		return "insertion"
	case Delete:
		return "deletion"
	case MoveFrom:
		return "move (source)"
	case MoveTo:
		return "move (destination)"
	}
	return "plain text"
}

// Revision says who made a tracked change and when.
type Revision struct {
	Kind   Kind
	Author string
	// Date is an ISO 8601 time (2006-01-02T15:04:05Z); empty when unknown,
	// which the format allows.
	Date string
	// Move is the name shared by a move's source and destination ranges
	// (w:name of w:moveFromRangeStart and w:moveToRangeStart).
	Move string
}

// Run is text with one formatting and one revision state, or a comment
// anchor.
type Run struct {
	Text         string
	Bold, Italic bool
	Rev          Revision
	// CommentStart and CommentEnd, when not zero, make the run an anchor:
	// the start or end of the range of comment number CommentStart-1 or
	// CommentEnd-1 (an index into Document.Comments). An anchor has no
	// text.
	CommentStart, CommentEnd int
}

// Paragraph styles the writer defines and the reader recognises.
const (
	StyleNormal = ""
	StyleTitle  = "Title"
	StyleBullet = "ListBullet"
	StyleNumber = "ListNumber"
	StyleQuote  = "Quote"
	// Headings are "Heading1" to "Heading6".
)

// Paragraph is one paragraph.
type Paragraph struct {
	Style string
	Runs  []Run
	// Mark is the revision of the paragraph's own mark (its end): Insert
	// when the paragraph was split off from the next, Delete when it was
	// joined to the next. Plain otherwise.
	Mark Revision
}

// Comment is a Word comment.
type Comment struct {
	Author string
	Date   string
	Text   string
	// Parent is the index of the comment this one replies to, or -1.
	Parent int
}

// Document is a whole document.
type Document struct {
	// Header and Footer are printed at the top and bottom of every page
	// (the classification); empty for none.
	Header, Footer string
	Paragraphs     []Paragraph
	Comments       []Comment
}
