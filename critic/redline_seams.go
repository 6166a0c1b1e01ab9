package critic

import (
	"strings"
	"unicode/utf8"
)

// sideText is what a piece resolves to when every change is accepted
// (accept) or rejected.
func sideText(p Piece, accept bool) string {
	if accept || !p.Change {
		return p.New
	}
	return p.Old
}

func isSeamSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// seamBefore is the end of the resolved text before piece i: its white
// space and the character before it (all of it when there is none).
func seamBefore(pieces []Piece, i int, accept bool) string {
	var tail string
	for j := i - 1; j >= 0; j-- {
		s := sideText(pieces[j], accept)
		k := len(s)
		for k > 0 && isSeamSpace(s[k-1]) {
			k--
		}
		if k > 0 {
			return s[k-1:] + tail
		}
		tail = s + tail
	}
	return tail
}

// seamAfter is the start of the resolved text after piece i: its white
// space and the character after it (all of it when there is none).
func seamAfter(pieces []Piece, i int, accept bool) string {
	var head string
	for j := i + 1; j < len(pieces); j++ {
		s := sideText(pieces[j], accept)
		k := 0
		for k < len(s) && isSeamSpace(s[k]) {
			k++
		}
		if k < len(s) {
			return head + s[:k+1]
		}
		head += s
	}
	return head
}

// seamTidied reports whether resolving every change one way (accept)
// would tidy the seam of piece i, a change that resolves to nothing that
// way: accept and reject keep what a change resolves to exactly, but tidy
// where one resolves to nothing (SeamTidy).
func seamTidied(pieces []Piece, i int, accept bool) bool {
	if !pieces[i].Change || sideText(pieces[i], accept) != "" {
		return false
	}
	cut, skip := SeamTidy([]byte(seamBefore(pieces, i, accept)), []byte(seamAfter(pieces, i, accept)))
	return cut > 0 || skip > 0
}

// sealSeams makes the critic text resolve to each side byte for byte: a
// change that resolves to nothing where accept or reject would tidy the
// seam (white space meeting white space, a space before punctuation, the
// start or end of the text) first slides along the text to a place where
// nothing is tidied ("word {--deleted--} next" becomes
// "word{-- deleted--} next"); else it takes the white space beside it
// into the mark, so that it resolves to that white space
// ("a{~~ b ~>  ~~}c"); else the character beside it, or the change
// beside it.
func sealSeams(pieces []Piece) []Piece {
	kept := pieces[:0]
	for _, p := range pieces {
		if p.Change || p.New != "" {
			kept = append(kept, p)
		}
	}
	pieces = kept
	for i := 0; i < len(pieces); i++ {
		if !pieces[i].Change {
			continue
		}
		if pieces[i].Old == "" && pieces[i].New == "" && pieces[i].Comment == "" {
			pieces = append(pieces[:i], pieces[i+1:]...)
			i--
			continue
		}
		for guard := 0; guard < 64 && (seamTidied(pieces, i, true) || seamTidied(pieces, i, false)); guard++ {
			if guard == 0 {
				var ok bool
				if pieces, i, ok = slideSeam(pieces, i); ok {
					break
				}
			}
			pieces, i = widenSeam(pieces, i)
		}
	}
	return pieces
}

func tidiedEither(pieces []Piece, i int) bool {
	return seamTidied(pieces, i, true) || seamTidied(pieces, i, false)
}

// slideSeam moves a change that is one-sided (an insertion or deletion)
// along the unchanged text around it, as far as its own text allows (the
// change "b " between "a " and "c" is the same as " b" between "a" and
// " c"), to the nearest place where its seam is not tidied. It reports
// whether it found one; if not, the pieces are as they were.
func slideSeam(pieces []Piece, i int) ([]Piece, int, bool) {
	p := pieces[i]
	if p.Old != "" && p.New != "" {
		return pieces, i, false
	}
	work := func() []Piece {
		w := make([]Piece, 0, len(pieces)+2)
		w = append(w, pieces[:i]...)
		if i == 0 || pieces[i-1].Change {
			w = append(w, Piece{})
		}
		w = append(w, p)
		if i+1 >= len(pieces) || pieces[i+1].Change {
			w = append(w, Piece{})
		}
		return append(w, pieces[i+1:]...)
	}
	rotate := func(s string, left bool, c string) string {
		if left {
			return c + s[:len(s)-len(c)]
		}
		return s[len(c):] + c
	}
	t := p.Old + p.New // one of them is empty
	canSlide := func(left bool) bool {
		if left {
			if i == 0 || pieces[i-1].Change {
				return false
			}
			_, n := utf8.DecodeLastRuneInString(pieces[i-1].New)
			return n > 0 && strings.HasSuffix(t, pieces[i-1].New[len(pieces[i-1].New)-n:])
		}
		if i+1 >= len(pieces) || pieces[i+1].Change {
			return false
		}
		_, n := utf8.DecodeRuneInString(pieces[i+1].New)
		return n > 0 && strings.HasPrefix(t, pieces[i+1].New[:n])
	}
	for _, left := range []bool{true, false} {
		if !canSlide(left) {
			continue // (checked first: work copies the pieces)
		}
		w := work()
		k := i
		if i == 0 || pieces[i-1].Change {
			k++
		}
		text := func() *string {
			if w[k].Old != "" {
				return &w[k].Old
			}
			return &w[k].New
		}
		for step := 0; step < 64; step++ {
			t := text()
			c, ok := slideStep(w, k, *t, left)
			if !ok {
				break
			}
			*t = rotate(*t, left, c)
			if !tidiedEither(w, k) {
				out, ni := dropAllEmpty(w, k)
				return out, ni, true
			}
		}
	}
	return pieces, i, false
}

// slideStep moves the character beside change k (before it, left, or
// after it) across it, when the change's text t ends (or begins) with
// that character; it returns the character moved.
func slideStep(w []Piece, k int, t string, left bool) (string, bool) {
	if left {
		prev := &w[k-1]
		_, n := utf8.DecodeLastRuneInString(prev.New)
		if n == 0 || !strings.HasSuffix(t, prev.New[len(prev.New)-n:]) {
			return "", false
		}
		c := prev.New[len(prev.New)-n:]
		prev.Old, prev.New = prev.Old[:len(prev.Old)-n], prev.New[:len(prev.New)-n]
		w[k+1].Old, w[k+1].New = c+w[k+1].Old, c+w[k+1].New
		return c, true
	}
	next := &w[k+1]
	_, n := utf8.DecodeRuneInString(next.New)
	if n == 0 || !strings.HasPrefix(t, next.New[:n]) {
		return "", false
	}
	c := next.New[:n]
	next.Old, next.New = next.Old[n:], next.New[n:]
	w[k-1].Old, w[k-1].New = w[k-1].Old+c, w[k-1].New+c
	return c, true
}

// dropAllEmpty drops the unchanged pieces left empty, and returns where
// piece k is then.
func dropAllEmpty(w []Piece, k int) ([]Piece, int) {
	out := w[:0]
	ni := 0
	for j, q := range w {
		if !q.Change && q.New == "" {
			continue
		}
		if j == k {
			ni = len(out)
		}
		out = append(out, q)
	}
	return out, ni
}

// widenSeam takes into change i the white space beside it (after it
// first), else one character of the unchanged text beside it, else the
// change beside it.
func widenSeam(pieces []Piece, i int) ([]Piece, int) {
	p := &pieces[i]
	hasNext := i+1 < len(pieces) && !pieces[i+1].Change
	hasPrev := i > 0 && !pieces[i-1].Change
	if hasNext {
		if ws := leadingWS(pieces[i+1].New); ws != "" {
			p.Old, p.New = p.Old+ws, p.New+ws
			n := &pieces[i+1]
			n.Old, n.New = n.Old[len(ws):], n.New[len(ws):]
			return dropEmpty(pieces, i)
		}
	}
	if hasPrev {
		if ws := trailingWS(pieces[i-1].New); ws != "" {
			p.Old, p.New = ws+p.Old, ws+p.New
			q := &pieces[i-1]
			q.Old, q.New = q.Old[:len(q.Old)-len(ws)], q.New[:len(q.New)-len(ws)]
			return dropEmpty(pieces, i)
		}
	}
	if hasNext && pieces[i+1].New != "" {
		n := &pieces[i+1]
		_, k := utf8.DecodeRuneInString(n.New)
		c := n.New[:k]
		p.Old, p.New = p.Old+c, p.New+c
		n.Old, n.New = n.Old[k:], n.New[k:]
		return dropEmpty(pieces, i)
	}
	if hasPrev && pieces[i-1].New != "" {
		q := &pieces[i-1]
		_, k := utf8.DecodeLastRuneInString(q.New)
		c := q.New[len(q.New)-k:]
		p.Old, p.New = c+p.Old, c+p.New
		q.Old, q.New = q.Old[:len(q.Old)-k], q.New[:len(q.New)-k]
		return dropEmpty(pieces, i)
	}
	// A change beside it: one change of both.
	j := i + 1
	if j >= len(pieces) || !pieces[j].Change {
		j = i - 1
	}
	if j < 0 || !pieces[j].Change {
		return pieces, i
	}
	a, b := min(i, j), max(i, j)
	pieces[a].Old += pieces[b].Old
	pieces[a].New += pieces[b].New
	pieces[a].Comment = joinComments(pieces[a].Comment, pieces[b].Comment)
	pieces = append(pieces[:b], pieces[b+1:]...)
	return pieces, a
}

// dropEmpty removes unchanged pieces left empty beside change i.
func dropEmpty(pieces []Piece, i int) ([]Piece, int) {
	if i+1 < len(pieces) && !pieces[i+1].Change && pieces[i+1].New == "" {
		pieces = append(pieces[:i+1], pieces[i+2:]...)
	}
	if i > 0 && !pieces[i-1].Change && pieces[i-1].New == "" {
		pieces = append(pieces[:i-1], pieces[i:]...)
		i--
	}
	return pieces, i
}

// mergeChanges joins changes that stand side by side with no comment
// between them into one: a difference in white space inside an equal
// segment next to an insertion is one change, not two.
func mergeChanges(pieces []Piece) []Piece {
	out := pieces[:0]
	for _, p := range pieces {
		if n := len(out); n > 0 && p.Change && out[n-1].Change && p.Comment == "" && out[n-1].Comment == "" {
			out[n-1].Old += p.Old
			out[n-1].New += p.New
			continue
		}
		out = append(out, p)
	}
	return out
}
