package critic

import "bytes"

// CodeMark is text in code that looks like a CriticMarkup mark's opening.
type CodeMark struct {
	// Line and Column (1-based, in characters) locate the opening in the
	// file, front matter included.
	Line, Column int
	// Delimiter is the opening as written: {++ {-- {~~ {== or {>>.
	Delimiter string
	// Offset is its byte offset in the file.
	Offset int
}

// MarksInCode lists the mark openings that stand in code spans or code
// blocks. They are text, not changes (see the top of critic.go), so a
// document can hold them and still have no changes; a command that reports
// "no changes remain" can use this list to say that such text is still
// there, which matters when the marks were meant as changes (a redline
// whose marks landed in an indented code block of a list item). Openings
// after an odd run of backslashes are escaped text anyway and are left
// out.
func (d *Doc) MarksInCode() []CodeMark {
	var out []CodeMark
	pos := positions{d: d}
	for _, s := range d.code {
		for i := s.start; i < s.end; {
			j := bytes.IndexByte(d.src[i:s.end], '{')
			if j < 0 {
				break
			}
			i += j
			if k := tokenAt(d.src[:s.end], i, openTokens); k >= 0 && !escaped(d.src, i, d.body) {
				line, col := pos.at(i)
				out = append(out, CodeMark{Line: line, Column: col, Delimiter: Openings[k], Offset: i})
				i += 3
				continue
			}
			i++
		}
	}
	return out
}
