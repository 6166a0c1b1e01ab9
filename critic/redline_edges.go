package critic

import (
	"strings"
	"unicode/utf8"
)

// fixEdges keeps each mark's delimiters whole: a change whose text ends
// with "{" (which would read as a mark opening with the closing after it)
// or with a backslash (which would escape the closing) takes in the change
// after it or the next character of the unchanged text, and unchanged text
// that ends with a backslash before a change gives its last character to
// the change.
func fixEdges(pieces []Piece) []Piece {
	pieces = backtickWords(pieces)
	// "{" before a closing reads as an opening, a backslash escapes it, and
	// "~" before "~~}" at the start of a line makes a code fence.
	bad := func(s string) bool {
		return strings.HasSuffix(s, "{") || strings.HasSuffix(s, "~") || OddBackslashes(s)
	}
	for i := 0; i < len(pieces); i++ {
		if !pieces[i].Change {
			continue
		}
		for i > 0 && !pieces[i-1].Change && pieces[i-1].New != "" && OddBackslashes(pieces[i-1].New) {
			l := &pieces[i-1]
			_, n := utf8.DecodeLastRuneInString(l.New)
			r := l.New[len(l.New)-n:]
			l.Old, l.New = l.Old[:len(l.Old)-n], l.New[:len(l.New)-n]
			pieces[i].Old, pieces[i].New = r+pieces[i].Old, r+pieces[i].New
		}
		for i+1 < len(pieces) && pieces[i+1].Change && (bad(pieces[i].Old) || bad(pieces[i].New)) {
			// The next change joins this one (a move's comments with it).
			pieces[i].Old += pieces[i+1].Old
			pieces[i].New += pieces[i+1].New
			pieces[i].Comment = joinComments(pieces[i].Comment, pieces[i+1].Comment)
			pieces = append(pieces[:i+1], pieces[i+2:]...)
		}
		for i+1 < len(pieces) && !pieces[i+1].Change && pieces[i+1].New != "" &&
			(bad(pieces[i].Old) || bad(pieces[i].New)) {
			nx := &pieces[i+1]
			_, n := utf8.DecodeRuneInString(nx.New)
			r := nx.New[:n]
			nx.Old, nx.New = nx.Old[n:], nx.New[n:]
			pieces[i].Old, pieces[i].New = pieces[i].Old+r, pieces[i].New+r
		}
	}
	return pieces
}

// backtickWords widens a change that holds a backtick to whole words
// (to the white space on either side), so that a code span such as
// “a`b“ is never cut by a mark: its backticks then stay together on each
// side of the change.
func backtickWords(pieces []Piece) []Piece {
	// Changes next to a change with a backtick join it.
	var joined []Piece
	for _, p := range pieces {
		if n := len(joined); n > 0 && p.Change && joined[n-1].Change &&
			strings.Contains(p.Old+p.New+joined[n-1].Old+joined[n-1].New, "`") {
			joined[n-1].Old += p.Old
			joined[n-1].New += p.New
			joined[n-1].Comment = joinComments(joined[n-1].Comment, p.Comment)
			continue
		}
		joined = append(joined, p)
	}
	pieces = joined
	for i := range pieces {
		p := &pieces[i]
		if !p.Change || !strings.Contains(p.Old+p.New, "`") {
			continue
		}
		if i > 0 && !pieces[i-1].Change {
			l := &pieces[i-1]
			k := strings.LastIndexAny(l.New, " \t\n") + 1
			w := l.New[k:]
			l.Old, l.New = l.New[:k], l.New[:k]
			p.Old, p.New = w+p.Old, w+p.New
		}
		if i+1 < len(pieces) && !pieces[i+1].Change {
			r := &pieces[i+1]
			k := strings.IndexAny(r.New, " \t\n")
			if k < 0 {
				k = len(r.New)
			}
			w := r.New[:k]
			r.Old, r.New = r.New[k:], r.New[k:]
			p.Old, p.New = p.Old+w, p.New+w
		}
	}
	return pieces
}

func joinComments(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// spacesOutside moves the white space that both sides of a substitution
// begin or end with out of the mark: the mark then holds words only, and
// a line break or blank line the sides share stays unchanged text, which
// accept and reject leave as it is.
func spacesOutside(pieces []Piece) []Piece {
	var out []Piece
	for _, p := range pieces {
		if !p.Change || p.Old == "" || p.New == "" || p.Comment != "" {
			out = append(out, p)
			continue
		}
		pre := commonPrefix(leadingWS(p.Old), leadingWS(p.New))
		suf := commonSuffix(trailingWS(p.Old), trailingWS(p.New))
		if len(pre)+len(suf) >= min(len(p.Old), len(p.New)) {
			out = append(out, p)
			continue
		}
		if pre != "" {
			out = append(out, Piece{Old: pre, New: pre})
		}
		out = append(out, Piece{Change: true, Old: p.Old[len(pre) : len(p.Old)-len(suf)], New: p.New[len(pre) : len(p.New)-len(suf)]})
		if suf != "" {
			out = append(out, Piece{Old: suf, New: suf})
		}
	}
	return joinUnchanged(out)
}

func leadingWS(s string) string  { return s[:len(s)-len(strings.TrimLeft(s, " \t\r\n"))] }
func trailingWS(s string) string { return s[len(strings.TrimRight(s, " \t\r\n")):] }

func commonPrefix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[:i]
}

func commonSuffix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return a[len(a)-i:]
}

// joinUnchanged makes unchanged pieces side by side one piece, in place.
func joinUnchanged(pieces []Piece) []Piece {
	joined := pieces[:0]
	for _, p := range pieces {
		if n := len(joined); n > 0 && !p.Change && !joined[n-1].Change {
			joined[n-1].Old += p.Old
			joined[n-1].New += p.New
			continue
		}
		joined = append(joined, p)
	}
	return joined
}
