package diff

// cleanup merges changes separated by short equalities so that a change
// reads as a phrase: an equality between two changes is absorbed when it
// holds no paragraph break and either no word, or a single word between
// changes that together hold three words or more.
const maxAbsorbWords = 1

func (e *engine) cleanup() {
	e.absorb()
	if e.splitParagraphs() {
		e.absorb()
	}
}

// splitParagraphs re-aligns a change that spans paragraph breaks on both
// sides so that its breaks pair up in order: a paragraph's edits then stay
// in that paragraph rather than running on into the next because a few
// short words happened to match across the break.
func (e *engine) splitParagraphs() bool {
	any := false
	for _, h := range e.hunks {
		if !h.eq && e.hasPara(e.a, h.a0, h.a1) && e.hasPara(e.b, h.b0, h.b1) {
			any = true
			break
		}
	}
	if !any {
		return false
	}
	old := e.hunks
	e.hunks = make([]hunk, 0, len(old)+8)
	for _, h := range old {
		if h.eq || !e.hasPara(e.a, h.a0, h.a1) || !e.hasPara(e.b, h.b0, h.b1) {
			e.emit(h)
			continue
		}
		var pa, pb []int
		for i := h.a0; i < h.a1; i++ {
			if e.a.isPara(i) {
				pa = append(pa, i)
			}
		}
		for i := h.b0; i < h.b1; i++ {
			if e.b.isPara(i) {
				pb = append(pb, i)
			}
		}
		k := min(len(pa), len(pb))
		a0, b0 := h.a0, h.b0
		e.inUnrelated = e.overlapsUnrelated(h)
		for t := 0; t < k; t++ {
			e.tokenDiff(a0, pa[t], b0, pb[t], maxAnchorDepth)
			e.emitEqual(pa[t], pa[t]+1, pb[t], pb[t]+1)
			a0, b0 = pa[t]+1, pb[t]+1
		}
		e.tokenDiff(a0, h.a1, b0, h.b1, maxAnchorDepth)
		e.inUnrelated = false
	}
	return true
}

// overlapsUnrelated reports whether hunk h overlaps a region found to
// share no phrase with the other side.
func (e *engine) overlapsUnrelated(h hunk) bool {
	for _, b := range e.bounds {
		if b.unrelated && h.a0 < b.a1 && b.a0 < h.a1 && h.b0 < b.b1 && b.b0 < h.b1 {
			return true
		}
	}
	return false
}

func (e *engine) hasPara(s *sideTokens, t0, t1 int) bool {
	for i := t0; i < t1; i++ {
		if s.isPara(i) {
			return true
		}
	}
	return false
}

func (e *engine) absorb() {
	size := func(h hunk) int {
		x, y := e.a.wordCount(h.a0, h.a1), e.b.wordCount(h.b0, h.b1)
		if y > x {
			return y
		}
		return x
	}
	hasPara := func(h hunk) bool {
		for i := h.a0; i < h.a1; i++ {
			if e.a.isPara(i) {
				return true
			}
		}
		return false
	}
	out := make([]hunk, 0, len(e.hunks))
	for _, h := range e.hunks {
		if !h.eq {
			for len(out) >= 2 && out[len(out)-1].eq && !out[len(out)-2].eq {
				eq, prev := out[len(out)-1], out[len(out)-2]
				w := e.a.wordCount(eq.a0, eq.a1)
				if w > maxAbsorbWords || hasPara(eq) {
					break
				}
				if w > 0 && (w > size(prev) || w > size(h) || size(prev)+size(h) < 3) {
					break
				}
				h = hunk{false, prev.a0, h.a1, prev.b0, h.b1}
				out = out[:len(out)-2]
			}
			if n := len(out); n > 0 && !out[n-1].eq {
				out[n-1].a1, out[n-1].b1 = h.a1, h.b1
				continue
			}
		} else if n := len(out); n > 0 && out[n-1].eq {
			out[n-1].a1, out[n-1].b1 = h.a1, h.b1
			continue
		}
		out = append(out, h)
	}
	e.hunks = out
}

// shortcut settles, without go-diff's allocations, the two cases that
// go-diff itself settles first once common ends are trimmed (as tokenDiff
// has done): the shorter run found whole inside the longer (at its first
// occurrence), and a shorter run of one token not found in the other
// (replaced). The result is the one go-diff gives.
func (e *engine) shortcut(a0, a1, b0, b1 int) bool {
	A, B := e.a.ids[a0:a1], e.b.ids[b0:b1]
	long, short := A, B
	if len(B) > len(A) {
		long, short = B, A
	}
	if len(short) > 4 {
		return false
	}
	at := -1
	for i := 0; i+len(short) <= len(long); i++ {
		k := 0
		for k < len(short) && long[i+k] == short[k] {
			k++
		}
		if k == len(short) {
			at = i
			break
		}
	}
	switch {
	case at >= 0 && len(A) > len(B):
		e.emitChange(a0, a0+at, b0, b0)
		e.emitEqual(a0+at, a0+at+len(B), b0, b1)
		e.emitChange(a0+at+len(B), a1, b1, b1)
	case at >= 0:
		e.emitChange(a0, a0, b0, b0+at)
		e.emitEqual(a0, a1, b0+at, b0+at+len(A))
		e.emitChange(a1, a1, b0+at+len(A), b1)
	case len(short) == 1:
		e.emitChange(a0, a1, b0, b1)
	default:
		return false
	}
	return true
}
