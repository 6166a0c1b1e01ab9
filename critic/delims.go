package critic

import "strings"

// The delimiter table: the one list of CriticMarkup's openings, closings
// and substitution separator that the parser, the printer, the
// handwritten import and every writer of marks use.
const (
	OpenInsert     = "{++"
	OpenDelete     = "{--"
	OpenSubstitute = "{~~"
	OpenHighlight  = "{=="
	OpenComment    = "{>>"

	CloseInsert     = "++}"
	CloseDelete     = "--}"
	CloseSubstitute = "~~}"
	CloseHighlight  = "==}"
	CloseComment    = "<<}"

	// Separator stands between a substitution's old and new text.
	Separator = "~>"
)

// Openings and Closings are indexed alike: Closings[k] ends the mark that
// Openings[k] begins (insert, delete, substitute, highlight, comment).
var (
	Openings = [...]string{OpenInsert, OpenDelete, OpenSubstitute, OpenHighlight, OpenComment}
	Closings = [...]string{CloseInsert, CloseDelete, CloseSubstitute, CloseHighlight, CloseComment}
)

// delimiters lists every opening and closing, the strings the printer
// escapes in text.
var delimiters = append(append([]string(nil), Openings[:]...), Closings[:]...)

// HasOpening reports whether s holds a mark's opening (escaped or not).
func HasOpening(s string) bool {
	for _, d := range Openings {
		if strings.Contains(s, d) {
			return true
		}
	}
	return false
}

// HasDelimiter reports whether s holds any delimiter, the separator
// included: such text cannot stand in a mark as it is.
func HasDelimiter(s string) bool {
	if strings.Contains(s, Separator) {
		return true
	}
	for _, d := range delimiters {
		if strings.Contains(s, d) {
			return true
		}
	}
	return false
}
