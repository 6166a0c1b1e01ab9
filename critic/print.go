package critic

import "strings"

// Piece is one run of a document as the printer writes it: unchanged text
// (Change false, Old == New) or one change from Old to New, with the
// comment written after it ("" for none). A change with Old empty is an
// insertion, with New empty a deletion, with both a substitution; a
// change with neither and a comment is a comment of its own.
type Piece struct {
	Change   bool
	Old, New string
	Comment  string
}

// empty reports whether a change prints nothing.
func (p Piece) empty() bool { return p.Change && p.Old == "" && p.New == "" && p.Comment == "" }

// Printed is a printed document: its text, the offset where each piece
// begins, and the offsets of each piece's delimiters (openings,
// separators and closings, in order).
type Printed struct {
	Text   string
	Starts []int
	Delims [][]int
}

// Print writes pieces as CriticMarkup. Text, in marks and out of them, is
// escaped as the parser reads escapes (Escape), so every delimiter in it
// stays text; a substitution whose text holds the separator "~>" is
// written as a deletion followed by an insertion, which the parser reads
// as the same substitution. What Print cannot see is Markdown code: a
// delimiter that falls in a code span or code block is text to the
// parser, so a caller writing code checks the result with Parse (InCode)
// and widens such changes.
func Print(pieces []Piece) Printed {
	var b strings.Builder
	// The text, and a few bytes of marks for each change: made once, not
	// grown a quarter at a time through a long document.
	size := 0
	for _, p := range pieces {
		size += len(p.Old) + len(p.New) + len(p.Comment)
		if p.Change {
			size += 12
		}
	}
	b.Grow(size + size/64)
	o := Printed{Starts: make([]int, len(pieces)), Delims: make([][]int, len(pieces))}
	mark := func(i int, d string) {
		o.Delims[i] = append(o.Delims[i], b.Len())
		b.WriteString(d)
	}
	for i := 0; i < len(pieces); i++ {
		p := pieces[i]
		o.Starts[i] = b.Len()
		if !p.Change {
			// Unchanged pieces in a row (and changes that print nothing
			// between them) are one text to the parser.
			j := i + 1
			for j < len(pieces) && (!pieces[j].Change || pieces[j].empty()) {
				j++
			}
			if j == i+1 {
				b.WriteString(Escape(p.New))
				continue
			}
			for k, t := range escapeRun(pieces[i:j]) {
				o.Starts[i+k] = b.Len()
				b.WriteString(t)
			}
			i = j - 1
			continue
		}
		if !p.empty() {
			// Text that ends with an odd run of backslashes would escape
			// the opening: one more keeps the mark (a writer that can move
			// the mark's edge does so first).
			if OddBackslashes(b.String()) {
				b.WriteByte('\\')
			}
		}
		switch {
		case p.Old == "" && p.New == "": // a comment alone, or nothing
		case p.New == "":
			mark(i, OpenDelete)
			b.WriteString(escapeContent(p.Old, CloseDelete))
			mark(i, CloseDelete)
		case p.Old == "":
			mark(i, OpenInsert)
			b.WriteString(escapeContent(p.New, CloseInsert))
			mark(i, CloseInsert)
		case strings.Contains(p.Old, Separator) || strings.Contains(p.New, Separator):
			mark(i, OpenDelete)
			b.WriteString(escapeContent(p.Old, CloseDelete))
			mark(i, CloseDelete)
			mark(i, OpenInsert)
			b.WriteString(escapeContent(p.New, CloseInsert))
			mark(i, CloseInsert)
		default:
			mark(i, OpenSubstitute)
			b.WriteString(escapeContent(p.Old, Separator))
			mark(i, Separator)
			b.WriteString(escapeContent(p.New, CloseSubstitute))
			mark(i, CloseSubstitute)
		}
		if p.Comment != "" {
			mark(i, OpenComment)
			b.WriteString(escapeContent(p.Comment, CloseComment))
			mark(i, CloseComment)
		}
	}
	o.Text = b.String()
	return o
}

// OddBackslashes reports whether s ends with an odd number of
// backslashes, which would escape a delimiter written after it.
func OddBackslashes(s string) bool {
	n := len(s) - len(strings.TrimRight(s, "\\"))
	return n%2 == 1
}

// escapeContent escapes the text of a mark that the delimiter end follows
// (a closing, or the separator). Text that would make a delimiter with it
// ("{" before "++}" reads as an opening) or that ends with an odd run of
// backslashes (which would escape it) gains a backslash: the file stays
// well-formed, at the cost of that backslash in the resolved text. A
// writer that can move the mark's edge instead does so first.
func escapeContent(s, end string) string {
	e := escapePrefix(s+end, len(s))
	if OddBackslashes(e) {
		e += "\\"
	}
	return e
}

// Escape puts a backslash before every delimiter in s that the parser
// would read as one: a delimiter after an odd run of backslashes is text
// already (and so comes back exactly). Like the parser it looks for a
// delimiter at every byte, so in "{++}" both the opening and the closing
// are escaped. Accept and reject keep the backslash, as Markdown hides it.
func Escape(s string) string { return escapePrefix(s, len(s)) }

// escapeRun escapes the text of unchanged pieces in a row as one text,
// and returns each piece's part of it.
func escapeRun(run []Piece) []string {
	var all strings.Builder
	for _, p := range run {
		all.WriteString(p.New)
	}
	e := Escape(all.String())
	out := make([]string, len(run))
	// Escape only adds backslashes before delimiters; walk both texts to
	// cut e where each piece ends.
	ei := 0
	for k, p := range run {
		start := ei
		for n := 0; n < len(p.New); n++ {
			if e[ei] != p.New[n] {
				ei++ // an added backslash
			}
			ei++
		}
		out[k] = e[start:ei]
	}
	return out
}

// escapePrefix escapes s[:n], seeing delimiters that begin there and run
// on into s[n:].
func escapePrefix(s string, n int) string {
	if !strings.ContainsAny(s, "{}") {
		return s[:n]
	}
	var b strings.Builder
	b.Grow(n + 8)
	for i := 0; i < n; i++ {
		switch s[i] {
		case '{', '+', '-', '~', '=', '<':
			if delimiterAt(s, i) && !OddBackslashes(s[:i]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// delimiterAt reports whether an opening or closing begins at s[i].
func delimiterAt(s string, i int) bool {
	for _, d := range delimiters {
		if strings.HasPrefix(s[i:], d) {
			return true
		}
	}
	return false
}
