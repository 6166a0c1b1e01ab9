package critic

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
// left behind (see SeamTidy); text a change resolves to is kept exactly as
// written, white space included. Resolving some changes and then the rest
// gives the same text as resolving all at once, except where white space
// at the edge of one mark's text meets a mark written directly beside it
// that resolves to nothing ({== ==}{--x--}): resolved together, the seam
// sees that white space; resolved one after the other, it depends on which
// goes first.
func (d *Doc) Resolve(decisions map[int]bool) ([]byte, error) {
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
	// The body as parts: text between changes, and each change as written
	// or as resolved. A change resolved to nothing tidies its seam against
	// what the parts after it resolve to, so that the result does not
	// depend on the order in which neighbouring changes are resolved.
	type part struct {
		text  string
		empty bool // a change resolved to nothing
	}
	src := d.src
	parts := make([]part, 0, 2*len(d.changes)+1)
	pos := d.body
	for i, c := range d.changes {
		parts = append(parts, part{text: string(src[pos:c.Start])})
		pos = c.End
		accept, ok := decisions[c.Number]
		if !ok {
			parts = append(parts, part{text: string(src[c.Start:c.End])})
			continue
		}
		repl := d.resolution(i, accept)
		parts = append(parts, part{text: repl, empty: repl == ""})
	}
	parts = append(parts, part{text: string(src[pos:])})
	out := make([]byte, 0, len(src))
	out = append(out, src[:d.body]...)
	for k := 0; k < len(parts); k++ {
		if !parts[k].empty {
			out = append(out, parts[k].text...)
			continue
		}
		// What follows, far enough to see its white space and the first
		// character after it.
		var after []byte
		for j := k + 1; j < len(parts); j++ {
			t := parts[j].text
			n := 0
			for n < len(t) && isWS(t[n]) {
				n++
			}
			if n < len(t) {
				after = append(after, t[:n+1]...)
				break
			}
			after = append(after, t...)
		}
		cut, skip := SeamTidy(out[d.body:], after)
		out = out[:len(out)-cut]
		for j := k + 1; j < len(parts) && skip > 0; j++ {
			n := min(skip, len(parts[j].text))
			parts[j].text = parts[j].text[n:]
			skip -= n
		}
	}
	return out, nil
}

// AcceptAll returns the text with every change accepted.
func (d *Doc) AcceptAll() []byte { return d.all(true) }

// RejectAll returns the text with every change rejected.
func (d *Doc) RejectAll() []byte { return d.all(false) }

func (d *Doc) all(accept bool) []byte {
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
func (d *Doc) resolution(i int, accept bool) string {
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

// isWS reports whether c is white space as the seam rules see it.
func isWS(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// SeamTidy says how to tidy the seam left where a change resolves to
// nothing (a deletion accepted, an insertion rejected, a comment removed):
// before is the resolved text up to the change (from the start of the
// body), after the source that follows it. It returns how many bytes to
// cut from the end of before and how many to skip at the start of after.
// Only what the removal created is tidied:
//
//   - two runs of white space that now meet become one: the one with more
//     line breaks (a paragraph break over a line break over spaces), keeping
//     the spaces that end the line before (a hard line break) and the
//     indentation of the line after;
//   - at the start of the text, the white space after the change goes (up
//     to the indentation of the next line); at its end, the white space
//     before the change goes;
//   - a space left before punctuation (.,;:!?)]) or after an opening
//     bracket goes.
//
// A change that resolves to some text is never tidied around, so text the
// critic view writes (which keeps the white space at a seam inside the
// marks that can resolve to nothing) resolves to each side byte for byte.
func SeamTidy(before, after []byte) (cut, skip int) {
	l := len(before)
	for l > 0 && isWS(before[l-1]) {
		l--
	}
	r := 0
	for r < len(after) && isWS(after[r]) {
		r++
	}
	L, R := before[l:], after[:r]
	atStart, atEnd := l == 0, r == len(after)
	switch {
	case atStart:
		if nl := bytes.LastIndexByte(R, '\n'); nl >= 0 {
			return 0, nl + 1
		}
		return 0, len(R)
	case atEnd:
		return len(L), 0
	case len(L) > 0 && len(R) > 0:
		nlL, nlR := bytes.Count(L, []byte("\n")), bytes.Count(R, []byte("\n"))
		switch {
		case nlL == 0 && nlR == 0:
			return 0, len(R)
		case nlR == 0:
			return 0, len(R)
		case nlL == 0:
			return len(L), 0
		case nlL > nlR:
			// Keep L up to its last line break and R's indentation.
			return len(L) - (bytes.LastIndexByte(L, '\n') + 1), bytes.LastIndexByte(R, '\n') + 1
		default:
			// Keep the spaces ending L's first line and R from its first
			// line break.
			first := bytes.IndexByte(L, '\n')
			if first > 0 && L[first-1] == '\r' {
				first--
			}
			rf := bytes.IndexByte(R, '\n')
			if rf > 0 && R[rf-1] == '\r' {
				rf--
			}
			return len(L) - first, rf
		}
	case len(L) > 0 && bytes.IndexByte(L, '\n') < 0 && bytes.IndexByte([]byte(".,;:!?)]"), after[0]) >= 0:
		return len(L), 0
	case len(L) == 0 && len(R) > 0 && bytes.IndexByte(R, '\n') < 0 && (before[l-1] == '(' || before[l-1] == '['):
		return 0, len(R)
	}
	return 0, 0
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
