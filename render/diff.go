// Package render turns values into bytes for a person: redlines of a
// diff.Comparison in every format (each registered as a Format), blame
// views of an attribution, and the PDF printer, which also prints a
// telegram.Layout. Drafts with tracked changes render in render/tracked;
// telegrams are composed in package telegram. It computes no differences of
// its own and prints nothing; callers hand it an io.Writer.
package render

// DiffOptions are the settings every redline view may honour.
type DiffOptions struct {
	// Color allows terminal escapes (SGR) in the output.
	Color bool
	// Numbers shows each change's number.
	Numbers bool
	// Context, when 0 or more, folds paragraphs with no change to one line,
	// keeping Context paragraphs around each change. Negative shows all.
	Context int
	// Width is the width of the output in columns (side by side); 0 means
	// the view's default.
	Width int
	// Wrap, when above 0, is the width at which the plain and ansi views
	// break their lines, at spaces only (a terminal's width).
	Wrap int
	// Title names the document in HTML and PDF output; empty means a title
	// made from the sides' names.
	Title string
	// Paper is "a4" or "letter" (PDF, HTML print stylesheet).
	Paper string
	// Warn, when set, receives warnings about the output (characters no
	// font can print, a fallback font that cannot be used) for the caller
	// to show; a view never prints them itself.
	Warn func(msg string)
	// Author is who the changes of a newer side that is no stored revision
	// (a working copy, a file) are by, for views that name one (docx): the
	// identity commit would use, from the caller. Empty means the file's
	// base name.
	Author string
	// PDF is the machine's setup for the pdf view.
	PDF PDFSetup
}
