package render

import (
	"github.com/redline-dev/redline/critic"
	"strings"
	"unicode/utf8"
)

// sideText is what a piece resolves to when every change is accepted
// (accept) or rejected.
func sideText(p criticPiece, accept bool) string {
	if accept || !p.change {
		return p.new
	}
	return p.old
}

func isSeamSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// seamBefore is the end of the resolved text before piece i: its white
// space and the character before it (all of it when there is none).
func seamBefore(pieces []criticPiece, i int, accept bool) string {
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
func seamAfter(pieces []criticPiece, i int, accept bool) string {
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
// where one resolves to nothing (critic.SeamTidy).
func seamTidied(pieces []criticPiece, i int, accept bool) bool {
	if !pieces[i].change || sideText(pieces[i], accept) != "" {
		return false
	}
	cut, skip := critic.SeamTidy([]byte(seamBefore(pieces, i, accept)), []byte(seamAfter(pieces, i, accept)))
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
func sealSeams(pieces []criticPiece) []criticPiece {
	kept := pieces[:0]
	for _, p := range pieces {
		if p.change || p.new != "" {
			kept = append(kept, p)
		}
	}
	pieces = kept
	for i := 0; i < len(pieces); i++ {
		if !pieces[i].change {
			continue
		}
		if pieces[i].old == "" && pieces[i].new == "" && pieces[i].comment == "" {
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

func tidiedEither(pieces []criticPiece, i int) bool {
	return seamTidied(pieces, i, true) || seamTidied(pieces, i, false)
}

// slideSeam moves a change that is one-sided (an insertion or deletion)
// along the unchanged text around it, as far as its own text allows (the
// change "b " between "a " and "c" is the same as " b" between "a" and
// " c"), to the nearest place where its seam is not tidied. It reports
// whether it found one; if not, the pieces are as they were.
func slideSeam(pieces []criticPiece, i int) ([]criticPiece, int, bool) {
	p := pieces[i]
	if p.old != "" && p.new != "" {
		return pieces, i, false
	}
	work := func() []criticPiece {
		w := make([]criticPiece, 0, len(pieces)+2)
		w = append(w, pieces[:i]...)
		if i == 0 || pieces[i-1].change {
			w = append(w, criticPiece{})
		}
		w = append(w, p)
		if i+1 >= len(pieces) || pieces[i+1].change {
			w = append(w, criticPiece{})
		}
		return append(w, pieces[i+1:]...)
	}
	rotate := func(s string, left bool, c string) string {
		if left {
			return c + s[:len(s)-len(c)]
		}
		return s[len(c):] + c
	}
	t := p.old + p.new // one of them is empty
	canSlide := func(left bool) bool {
		if left {
			if i == 0 || pieces[i-1].change {
				return false
			}
			_, n := utf8.DecodeLastRuneInString(pieces[i-1].new)
			return n > 0 && strings.HasSuffix(t, pieces[i-1].new[len(pieces[i-1].new)-n:])
		}
		if i+1 >= len(pieces) || pieces[i+1].change {
			return false
		}
		_, n := utf8.DecodeRuneInString(pieces[i+1].new)
		return n > 0 && strings.HasPrefix(t, pieces[i+1].new[:n])
	}
	for _, left := range []bool{true, false} {
		if !canSlide(left) {
			continue // (checked first: work copies the pieces)
		}
		w := work()
		k := i
		if i == 0 || pieces[i-1].change {
			k++
		}
		text := func() *string {
			if w[k].old != "" {
				return &w[k].old
			}
			return &w[k].new
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
func slideStep(w []criticPiece, k int, t string, left bool) (string, bool) {
	if left {
		prev := &w[k-1]
		_, n := utf8.DecodeLastRuneInString(prev.new)
		if n == 0 || !strings.HasSuffix(t, prev.new[len(prev.new)-n:]) {
			return "", false
		}
		c := prev.new[len(prev.new)-n:]
		prev.old, prev.new = prev.old[:len(prev.old)-n], prev.new[:len(prev.new)-n]
		w[k+1].old, w[k+1].new = c+w[k+1].old, c+w[k+1].new
		return c, true
	}
	next := &w[k+1]
	_, n := utf8.DecodeRuneInString(next.new)
	if n == 0 || !strings.HasPrefix(t, next.new[:n]) {
		return "", false
	}
	c := next.new[:n]
	next.old, next.new = next.old[n:], next.new[n:]
	w[k-1].old, w[k-1].new = w[k-1].old+c, w[k-1].new+c
	return c, true
}

// dropAllEmpty drops the unchanged pieces left empty, and returns where
// piece k is then.
func dropAllEmpty(w []criticPiece, k int) ([]criticPiece, int) {
	out := w[:0]
	ni := 0
	for j, q := range w {
		if !q.change && q.new == "" {
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
func widenSeam(pieces []criticPiece, i int) ([]criticPiece, int) {
	p := &pieces[i]
	hasNext := i+1 < len(pieces) && !pieces[i+1].change
	hasPrev := i > 0 && !pieces[i-1].change
	if hasNext {
		if ws := leadingWS(pieces[i+1].new); ws != "" {
			p.old, p.new = p.old+ws, p.new+ws
			n := &pieces[i+1]
			n.old, n.new = n.old[len(ws):], n.new[len(ws):]
			return dropEmpty(pieces, i)
		}
	}
	if hasPrev {
		if ws := trailingWS(pieces[i-1].new); ws != "" {
			p.old, p.new = ws+p.old, ws+p.new
			q := &pieces[i-1]
			q.old, q.new = q.old[:len(q.old)-len(ws)], q.new[:len(q.new)-len(ws)]
			return dropEmpty(pieces, i)
		}
	}
	if hasNext && pieces[i+1].new != "" {
		n := &pieces[i+1]
		_, k := utf8.DecodeRuneInString(n.new)
		c := n.new[:k]
		p.old, p.new = p.old+c, p.new+c
		n.old, n.new = n.old[k:], n.new[k:]
		return dropEmpty(pieces, i)
	}
	if hasPrev && pieces[i-1].new != "" {
		q := &pieces[i-1]
		_, k := utf8.DecodeLastRuneInString(q.new)
		c := q.new[len(q.new)-k:]
		p.old, p.new = c+p.old, c+p.new
		q.old, q.new = q.old[:len(q.old)-k], q.new[:len(q.new)-k]
		return dropEmpty(pieces, i)
	}
	// A change beside it: one change of both.
	j := i + 1
	if j >= len(pieces) || !pieces[j].change {
		j = i - 1
	}
	if j < 0 || !pieces[j].change {
		return pieces, i
	}
	a, b := min(i, j), max(i, j)
	pieces[a].old += pieces[b].old
	pieces[a].new += pieces[b].new
	pieces[a].comment = joinComments(pieces[a].comment, pieces[b].comment)
	pieces = append(pieces[:b], pieces[b+1:]...)
	return pieces, a
}

// dropEmpty removes unchanged pieces left empty beside change i.
func dropEmpty(pieces []criticPiece, i int) ([]criticPiece, int) {
	if i+1 < len(pieces) && !pieces[i+1].change && pieces[i+1].new == "" {
		pieces = append(pieces[:i+1], pieces[i+2:]...)
	}
	if i > 0 && !pieces[i-1].change && pieces[i-1].new == "" {
		pieces = append(pieces[:i-1], pieces[i:]...)
		i--
	}
	return pieces, i
}

// mergeChanges joins changes that stand side by side with no comment
// between them into one: a difference in white space inside an equal
// segment next to an insertion is one change, not two.
func mergeChanges(pieces []criticPiece) []criticPiece {
	out := pieces[:0]
	for _, p := range pieces {
		if n := len(out); n > 0 && p.change && out[n-1].change && p.comment == "" && out[n-1].comment == "" {
			out[n-1].old += p.old
			out[n-1].new += p.new
			continue
		}
		out = append(out, p)
	}
	return out
}
