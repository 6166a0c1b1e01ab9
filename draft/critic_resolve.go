package draft

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// Resolve accepts (true) or rejects (false) the changes named in decisions,
// by number, and returns the whole file with those changes resolved and
// every other change left as written.
//
// Accepting an insertion or substitution keeps the new text, rejecting it
// the old; accepting a deletion removes the text, rejecting it keeps it.
// Resolving a highlight either way keeps the highlighted text without the
// markup; resolving a comment removes it. A comment attached to a change
// goes with it.
//
// Where a change resolves to nothing, no doubled space and no empty line is
// left behind: a space on one side of the removed text goes, a line left
// holding only spaces goes, and so does a blank line left next to another.
func (d *CriticDoc) Resolve(decisions map[int]bool) ([]byte, error) {
	var bad []int
	for n := range decisions {
		if n < 1 || n > len(d.changes) {
			bad = append(bad, n)
		}
	}
	if len(bad) > 0 {
		sort.Ints(bad)
		return nil, fmt.Errorf("%s has %s: no change %s", d.Name, countChanges(len(d.changes)), joinInts(bad))
	}
	src := d.src
	out := make([]byte, 0, len(src))
	out = append(out, src[:d.body]...)
	pos := d.body
	for i, c := range d.changes {
		out = append(out, src[pos:c.Start]...)
		pos = c.End
		accept, ok := decisions[c.Number]
		if !ok {
			out = append(out, src[c.Start:c.End]...)
			continue
		}
		repl := d.resolution(i, accept)
		out, pos = d.join(out, repl, pos)
	}
	out = append(out, src[pos:]...)
	return out, nil
}

// AcceptAll returns the text with every change accepted.
func (d *CriticDoc) AcceptAll() []byte { return d.all(true) }

// RejectAll returns the text with every change rejected.
func (d *CriticDoc) RejectAll() []byte { return d.all(false) }

func (d *CriticDoc) all(accept bool) []byte {
	m := make(map[int]bool, len(d.changes))
	for _, c := range d.changes {
		m[c.Number] = accept
	}
	out, err := d.Resolve(m)
	if err != nil {
		panic("draft: resolving every change of " + d.Name + ": " + err.Error())
	}
	return out
}

// resolution is the text change i resolves to.
func (d *CriticDoc) resolution(i int, accept bool) string {
	c := d.changes[i]
	switch c.Kind {
	case KindComment:
		return ""
	case KindHighlight:
		return c.Old
	}
	if accept {
		return c.New
	}
	return c.Old
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// join appends the resolved text repl of a change that ended at pos to out,
// tidying the whitespace where text was taken away, and returns the new
// output and the position in the source to continue from.
func (d *CriticDoc) join(out []byte, repl string, pos int) ([]byte, int) {
	src := d.src
	ls := bytes.LastIndexByte(out, '\n') + 1
	if ls < d.body {
		ls = d.body
	}
	prefix := out[ls:]
	le := bytes.IndexByte(src[pos:], '\n')
	var rest []byte
	if le < 0 {
		rest = src[pos:]
	} else {
		rest = src[pos : pos+le]
	}
	atLineStart := isBlank(prefix)
	l := len(prefix) - len(bytes.TrimRight(prefix, " \t"))
	r := len(rest) - len(bytes.TrimLeft(rest, " \t"))

	// Text kept that starts with a space after a space (or at the start of
	// a line) loses that space; when nothing is left, it is as if the
	// change's text were taken away.
	switch {
	case repl == "" || !isSpace(repl[0]):
	case l > 0 && !atLineStart:
		repl = strings.TrimLeft(repl, " \t")
	case len(prefix) == 0:
		// At the start of a line only a stray space goes: four spaces or
		// a tab are indentation (an indented code block).
		if n := strayIndent([]byte(repl)); n > 0 || strings.TrimLeft(repl, " \t") == "" {
			repl = strings.TrimLeft(repl, " \t")
		}
	}
	if repl == "" {
		if atLineStart && isBlank(rest) {
			// The line is now empty: drop it, and a blank line after it
			// when one is already before it.
			out = out[:ls]
			if le < 0 {
				pos = len(src)
			} else {
				pos += le + 1
			}
			if blankBefore(out, d.body) {
				if nl := bytes.IndexByte(src[pos:], '\n'); nl >= 0 && isBlank(src[pos:pos+nl]) {
					pos += nl + 1
				} else if nl < 0 && isBlank(src[pos:]) {
					pos = len(src)
				}
				if pos == len(src) {
					// Nothing follows: no trailing blank line either.
					if t := bytes.TrimRight(out[d.body:], " \t\r\n"); len(t) > 0 {
						out = append(out[:d.body+len(t)], '\n')
					} else {
						out = out[:d.body]
					}
				}
			}
			return out, pos
		}
		switch {
		case l > 0 && r > 0:
			if atLineStart {
				pos += r
			} else {
				out = out[:len(out)-l]
			}
		case l > 0 && (len(rest) == 0 || strings.IndexByte(".,;:!?)]", rest[0]) >= 0) && !atLineStart:
			out = out[:len(out)-l]
		case l == 0 && r > 0 && len(prefix) == 0:
			pos += strayIndent(src[pos:])
		case l == 0 && r > 0 && strings.IndexByte("([", prefix[len(prefix)-1]) >= 0:
			pos += r
		}
		return out, pos
	}

	// Text is kept: avoid doubling spaces where its edges meet the text
	// around it.
	if (repl[0] == '\n' || repl[0] == '\r') && l > 0 && !atLineStart {
		// The text starts a new line: no spaces left at the end of this one.
		out = out[:len(out)-l]
	}
	if isSpace(repl[len(repl)-1]) && (r > 0 || len(rest) == 0) && !strings.HasSuffix(repl, "\n") {
		repl = strings.TrimRight(repl, " \t")
	}
	if repl == "" {
		return out, pos
	}
	// Nor more than one blank line where the text's line breaks meet
	// those around it.
	if strings.TrimLeft(repl, " \t\r\n") == "" && strings.Contains(repl, "\n") {
		// Only line breaks: with those before and after the mark, no more
		// than two in a row (one at the end of the text).
		have, r := d.newlinesBefore(out), newlinesIn(repl)
		ws, atEnd := spaceAt(src, pos)
		n := bytes.Count(ws, []byte("\n"))
		target := 2
		if atEnd {
			target = 1
		}
		if extra := have + r + n - target; extra > 0 {
			k := min(extra, r)
			repl = cutNewlines(repl, k)
			pos = skipNewlines(src, pos, extra-k)
		}
		out = append(out, repl...)
		if bytes.HasSuffix(out, []byte("\n")) {
			pos += strayIndent(src[pos:])
		}
		return out, pos
	}
	if lead := newlinesIn(leadingSpace(repl)); lead > 0 {
		if extra := d.newlinesBefore(out) + lead - 2; extra > 0 {
			repl = cutNewlines(repl, min(extra, lead))
		}
	}
	if tail := newlinesIn(trailingSpace([]byte(repl))); tail > 0 {
		ws, atEnd := spaceAt(src, pos)
		next := bytes.Count(ws, []byte("\n"))
		target := 2
		if atEnd {
			target = 1
		}
		if extra := tail + next - target; extra > 0 {
			repl = cutTrailingNewlines(repl, min(extra, tail))
		}
	}
	if strings.HasSuffix(repl, "\n") {
		// The text ends a line: the next line does not start with the
		// space that stood after the mark.
		pos += strayIndent(src[pos:])
	}
	return append(out, repl...), pos
}

// newlinesBefore counts the line breaks in the whitespace that ends out,
// counting the start of the text as a blank line.
func (d *CriticDoc) newlinesBefore(out []byte) int {
	if len(out) == 0 {
		return 2
	}
	return newlinesIn(trailingSpace(out[d.body:]))
}

// spaceAt returns the whitespace at pos and whether only whitespace
// follows to the end of the text.
func spaceAt(src []byte, pos int) ([]byte, bool) {
	rest := src[pos:]
	t := bytes.TrimLeft(rest, " \t\r\n")
	return rest[:len(rest)-len(t)], len(t) == 0
}

// skipNewlines moves pos past the first k line breaks in the whitespace at
// pos (as many as there are).
func skipNewlines(src []byte, pos, k int) int {
	ws, _ := spaceAt(src, pos)
	last := -1
	for i := 0; i < len(ws) && k > 0; i++ {
		if ws[i] == '\n' {
			k--
			last = i
		}
	}
	return pos + last + 1
}

// strayIndent returns the number of spaces (one to three) at the start of
// b that stand before text on the same line: a space left at the start of
// a line. Four or more spaces, or a tab, are indentation and stay.
func strayIndent(b []byte) int {
	n := 0
	for n < len(b) && b[n] == ' ' {
		n++
	}
	if n > 3 || n == len(b) || b[n] == '\n' || b[n] == '\r' || b[n] == '\t' {
		return 0
	}
	return n
}

func leadingSpace(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t\r\n"))]
}

func trailingSpace(b []byte) string {
	return string(b[len(bytes.TrimRight(b, " \t\r\n")):])
}

func newlinesIn(s string) int { return strings.Count(s, "\n") }

// cutNewlines drops the leading whitespace of s up to its k-th newline.
func cutNewlines(s string, k int) string {
	for i := 0; i < len(s) && k > 0; i++ {
		if s[i] == '\n' {
			k--
			if k == 0 {
				return s[i+1:]
			}
		}
	}
	return s
}

// cutTrailingNewlines drops the trailing whitespace of s from its k-th
// newline from the end.
func cutTrailingNewlines(s string, k int) string {
	for i := len(s) - 1; i >= 0 && k > 0; i-- {
		if s[i] == '\n' {
			k--
			if k == 0 {
				return strings.TrimRight(s[:i], " \t\r")
			}
		}
	}
	return s
}

// blankBefore reports whether out ends at the start of a line that follows
// a blank line (or the start of the document).
func blankBefore(out []byte, body int) bool {
	if len(out) == 0 {
		return true
	}
	if len(out) <= body || out[len(out)-1] != '\n' {
		return len(out) == body && body == 0
	}
	prev := out[:len(out)-1]
	ps := bytes.LastIndexByte(prev, '\n') + 1
	if ps < body {
		return false
	}
	return isBlank(prev[ps:])
}

func countChanges(n int) string {
	if n == 1 {
		return "1 change"
	}
	return fmt.Sprintf("%d changes", n)
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}
