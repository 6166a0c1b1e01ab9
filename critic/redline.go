package critic

// Redline writes pieces, a document and its changes, as CriticMarkup
// after head (text written as it stands, before any mark: a draft's front
// matter, where marks are not marks), so that accepting every change
// gives head and the pieces' new text, and rejecting every change head
// and their old text, byte for byte, white space included.
//
// To that end it moves the marks where they read back:
//
//   - Changes side by side with no comment between them are one mark,
//     and the white space both sides of a substitution begin or end with
//     stays outside it.
//   - Accept and reject tidy the seam of a change that resolves to
//     nothing (SeamTidy), so such a change never leaves white space
//     meeting white space: it slides along the text ("word {--deleted--}
//     next" becomes "word{-- deleted--} next"), or takes the white space
//     beside it into the mark.
//   - A mark whose text ends with "{", "~" or an odd run of backslashes
//     (which would join or escape the closing) takes in the next
//     character; a change holding a backtick takes whole words, so that a
//     code span is never cut.
//   - Markdown decides what is code, and marks in code are text. The
//     ways of making code are many (code spans, fences, indented lines,
//     all of these inside list items and block quotes, where "-     code"
//     is a list item holding indented code), so rather than guess,
//     Redline parses what it wrote with the parser accept and reject use.
//     A change with a delimiter in code becomes a change of the whole
//     span or block; one that still does not read back is widened out of
//     the line breaks it begins with, to whole lines, to its block, then a
//     block more on each side; one that widening does not help is marked
//     more finely (what its sides share stands between smaller marks).
//
// What still does not read back is an error wrapping ErrUnmarkable and
// naming the line, under name, where the change begins: a redline that
// resolves to the wrong text is worse than none.
//
// The round trip is exact except where the texts hold CriticMarkup
// syntax themselves: a delimiter in either text is written with a
// backslash before it (Escape), which accept and reject keep as they keep
// one written by hand and Markdown hides; and a change whose text ends
// with "{" or an odd run of backslashes at the very end of the text gains
// one. (Taking such backslashes away on resolving would turn a
// hand-written "\{++" into a mark opening.)
func Redline(name, head string, pieces []Piece) (string, error) {
	return checkedMarks(name, head, fixEdges(sealSeams(spacesOutside(mergeChanges(pieces)))))
}
