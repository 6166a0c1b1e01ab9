package diff

import (
	"fmt"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// idRune maps a token id to a valid rune (skipping surrogates), so that
// go-diff's strings round-trip.
func idRune(id int32) rune {
	if id >= 0xD800 {
		return rune(id) + 0x800
	}
	return rune(id)
}

const maxIDs = 0x10FFFF - 0x800

// tokenDiff compares tokens a0..a1 with b0..b1 word by word.
func (e *engine) tokenDiff(a0, a1, b0, b1, depth int) {
	A, B := e.a.ids, e.b.ids
	for a0 < a1 && b0 < b1 && A[a0] == B[b0] {
		e.emitEqual(a0, a0+1, b0, b0+1)
		a0++
		b0++
	}
	sa, sb := a1, b1
	for a1 > a0 && b1 > b0 && A[a1-1] == B[b1-1] {
		a1--
		b1--
	}
	defer e.emitEqual(a1, sa, b1, sb)
	if a0 == a1 || b0 == b1 {
		e.emitChange(a0, a1, b0, b1)
		return
	}
	n, m := a1-a0, b1-b0
	lb := e.lowerBound(a0, a1, b0, b1)
	cost := int64(n+m) * int64(lb+1)
	if e.inUnrelated && !e.sharesGram(a0, a1, b0, b1) {
		e.emitChange(a0, a1, b0, b1)
		return
	}
	if cost > phraseCheckCost && e.unrelated(a0, a1, b0, b1) {
		e.bounds = append(e.bounds, boundHit{a0: a0, a1: a1, b0: b0, b1: b1, whole: true, unrelated: true})
		e.emitChange(a0, a1, b0, b1)
		return
	}
	if cost <= regionBudget && cost <= e.budget && e.nids < maxIDs {
		e.budget -= cost
		e.myersTokens(a0, a1, b0, b1)
		return
	}
	if depth < maxAnchorDepth {
		// Runs of tokens found once on each side anchor first; where there
		// are none, single tokens found once on each side.
		if anchors := e.windowAnchors(a0, a1, b0, b1); len(anchors) > 0 {
			e.bounds = append(e.bounds, boundHit{a0: a0, a1: a1, b0: b0, b1: b1})
			pa, pb := a0, b0
			for _, an := range anchors {
				e.tokenDiff(pa, an[0], pb, an[1], depth+1)
				e.emitEqual(an[0], an[0]+windowTokens, an[1], an[1]+windowTokens)
				pa, pb = an[0]+windowTokens, an[1]+windowTokens
			}
			e.tokenDiff(pa, a1, pb, b1, depth+1)
			return
		}
		if anchors := e.tokenAnchors(a0, a1, b0, b1); len(anchors) > 0 {
			e.bounds = append(e.bounds, boundHit{a0: a0, a1: a1, b0: b0, b1: b1})
			pa, pb := a0, b0
			for _, an := range anchors {
				e.tokenDiff(pa, an[0], pb, an[1], depth+1)
				e.emitEqual(an[0], an[0]+1, an[1], an[1]+1)
				pa, pb = an[0]+1, an[1]+1
			}
			e.tokenDiff(pa, a1, pb, b1, depth+1)
			return
		}
	}
	e.bounds = append(e.bounds, boundHit{a0: a0, a1: a1, b0: b0, b1: b1, whole: true})
	e.emitChange(a0, a1, b0, b1)
}

// lowerBound is the number of insertions and deletions that any alignment
// of the two runs needs: the difference of their multisets of tokens.
func (e *engine) lowerBound(a0, a1, b0, b1 int) int {
	c := e.countA
	for _, id := range e.a.ids[a0:a1] {
		c[id]++
	}
	for _, id := range e.b.ids[b0:b1] {
		c[id]--
	}
	lb := 0
	for _, id := range e.a.ids[a0:a1] {
		if v := c[id]; v != 0 {
			if v < 0 {
				v = -v
			}
			lb += int(v)
			c[id] = 0
		}
	}
	for _, id := range e.b.ids[b0:b1] {
		if v := c[id]; v != 0 {
			if v < 0 {
				v = -v
			}
			lb += int(v)
			c[id] = 0
		}
	}
	return lb
}

// tokenAnchors finds tokens that occur once in each run, in the same order.
func (e *engine) tokenAnchors(a0, a1, b0, b1 int) [][2]int {
	ca, cb := e.countA, e.countB
	for i := a0; i < a1; i++ {
		id := e.a.ids[i]
		ca[id]++
		e.posA[id] = int32(i)
	}
	for i := b0; i < b1; i++ {
		id := e.b.ids[i]
		cb[id]++
		e.posB[id] = int32(i)
	}
	var pairs [][2]int
	for i := a0; i < a1; i++ {
		id := e.a.ids[i]
		if ca[id] == 1 && cb[id] == 1 && id != paraID {
			pairs = append(pairs, [2]int{i, int(e.posB[id])})
		}
	}
	for i := a0; i < a1; i++ {
		ca[e.a.ids[i]] = 0
	}
	for i := b0; i < b1; i++ {
		cb[e.b.ids[i]] = 0
	}
	return longestIncreasing(pairs)
}

func (e *engine) myersTokens(a0, a1, b0, b1 int) {
	if e.shortcut(a0, a1, b0, b1) {
		return
	}
	ra := e.runesA[:0]
	for _, id := range e.a.ids[a0:a1] {
		ra = append(ra, idRune(id))
	}
	rb := e.runesB[:0]
	for _, id := range e.b.ids[b0:b1] {
		rb = append(rb, idRune(id))
	}
	e.runesA, e.runesB = ra, rb
	diffs := e.dmp.DiffMainRunes(ra, rb, false)
	i, j := a0, b0
	for _, d := range diffs {
		k := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			e.emitEqual(i, i+k, j, j+k)
			i += k
			j += k
		case diffmatchpatch.DiffDelete:
			e.emitChange(i, i+k, j, j)
			i += k
		case diffmatchpatch.DiffInsert:
			e.emitChange(i, i, j, j+k)
			j += k
		}
	}
	if i != a1 || j != b1 {
		panic(fmt.Sprintf("diff: token alignment lost its place (%d/%d, %d/%d)", i, a1, j, b1))
	}
}
