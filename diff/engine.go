package diff

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Work bounds. The engine counts work in cells of the edit graph that
// Myers' algorithm may visit, estimated before each run from the sizes of
// the two token runs and a lower bound of their edit distance. The counts
// depend only on the inputs, never on the clock, so the same inputs give
// the same redline on any machine under any load.
const (
	// regionBudget bounds one run of the token diff.
	regionBudget = 16_000_000
	// totalBudget bounds all runs of one comparison.
	totalBudget = 48_000_000
	// maxAnchorDepth bounds how often a region too large for one run is
	// split on words that occur once on each side.
	maxAnchorDepth = 4
)

// hunk is a stretch of the alignment: tokens a0..a1 of the old side and
// b0..b1 of the new, equal (same length, same matching forms) or changed.
type hunk struct {
	eq             bool
	a0, a1, b0, b1 int
}

// boundHit records where a work bound changed how a region was compared.
type boundHit struct {
	a0, a1, b0, b1 int
	whole          bool // compared as one replacement (else: split on unique words)
}

type engine struct {
	a, b   *sideTokens
	nids   int
	hunks  []hunk
	bounds []boundHit
	budget int64
	dmp    *diffmatchpatch.DiffMatchPatch
	countA []int32 // scratch, indexed by token id
	countB []int32
	posA   []int32
	posB   []int32
	runesA []rune
	runesB []rune
	// moveWork counts the move search's work; moveBounded is set when it
	// stopped early.
	moveWork    int64
	moveBounded bool
}

func newEngine(a, b *sideTokens, nids int) *engine {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // never a wall-clock limit: results must not depend on load
	return &engine{
		a: a, b: b, nids: nids, budget: totalBudget, dmp: dmp,
		countA: make([]int32, nids), countB: make([]int32, nids),
		posA: make([]int32, nids), posB: make([]int32, nids),
		// Room for a change every 16 tokens or so: growing the list by
		// doubling would copy it into fresh memory again and again, and
		// capacity never written costs nothing.
		hunks: make([]hunk, 0, (a.n()+b.n())/16+16),
	}
}

func (e *engine) emit(h hunk) {
	if h.a0 == h.a1 && h.b0 == h.b1 {
		return
	}
	if n := len(e.hunks); n > 0 {
		last := &e.hunks[n-1]
		if last.eq == h.eq && last.a1 == h.a0 && last.b1 == h.b0 {
			last.a1, last.b1 = h.a1, h.b1
			return
		}
	}
	e.hunks = append(e.hunks, h)
}

func (e *engine) emitChange(a0, a1, b0, b1 int) { e.emit(hunk{false, a0, a1, b0, b1}) }

func (e *engine) emitEqual(a0, a1, b0, b1 int) { e.emit(hunk{true, a0, a1, b0, b1}) }

// unit is a sentence (tokens up to a full stop, question or exclamation
// mark) or a paragraph break; units are aligned first, by their hashes.
type unit struct {
	s, e int
	hash uint64
}

func splitUnits(s *sideTokens, in *interner) []unit {
	n := s.n()
	out := make([]unit, 0, n/12+1)
	// Sentence ends: Latin, and the CJK full stop, exclamation and
	// question marks (a CJK text may have no blank lines at all).
	stop := [6]int32{-1, -1, -1, -1, -1, -1}
	for i, k := range []string{".", "?", "!", "\u3002", "\uff01", "\uff1f"} {
		if id, ok := in.lookup(k); ok {
			stop[i] = id
		}
	}
	start := 0
	h := uint64(14695981039346656037)
	for i := 0; i < n; i++ {
		id := s.ids[i]
		if id == paraID {
			if i > start {
				out = append(out, unit{start, i, h})
			}
			out = append(out, unit{i, i + 1, 0x9e3779b97f4a7c15})
			start = i + 1
			h = 14695981039346656037
			continue
		}
		h ^= uint64(id) + 0x9e3779b97f4a7c15
		h *= 1099511628211
		if id == stop[0] || id == stop[1] || id == stop[2] || id == stop[3] || id == stop[4] || id == stop[5] {
			out = append(out, unit{start, i + 1, h})
			start = i + 1
			h = 14695981039346656037
		}
	}
	if start < n {
		out = append(out, unit{start, n, h})
	}
	return out
}

func (e *engine) unitsEqual(ua, ub unit) bool {
	if ua.hash != ub.hash || ua.e-ua.s != ub.e-ub.s {
		return false
	}
	for k := 0; k < ua.e-ua.s; k++ {
		if e.a.ids[ua.s+k] != e.b.ids[ub.s+k] {
			return false
		}
	}
	return true
}

// run aligns the whole of both sides.
func (e *engine) run(in *interner) {
	ua := splitUnits(e.a, in)
	ub := splitUnits(e.b, in)
	e.alignUnits(ua, ub)
	if len(e.hunks) == 0 && (e.a.n() > 0 || e.b.n() > 0) {
		e.emitChange(0, e.a.n(), 0, e.b.n())
	}
}

// alignUnits aligns two runs of units, patience style: units that occur once
// on each side and in the same order anchor the alignment; the gaps between
// anchors are aligned again, then compared word by word.
func (e *engine) alignUnits(ua, ub []unit) {
	// Common prefix and suffix.
	p := 0
	for p < len(ua) && p < len(ub) && e.unitsEqual(ua[p], ub[p]) {
		e.emitEqual(ua[p].s, ua[p].e, ub[p].s, ub[p].e)
		p++
	}
	ua, ub = ua[p:], ub[p:]
	q := 0
	for q < len(ua) && q < len(ub) && e.unitsEqual(ua[len(ua)-1-q], ub[len(ub)-1-q]) {
		q++
	}
	suffixA, suffixB := ua[len(ua)-q:], ub[len(ub)-q:]
	ua, ub = ua[:len(ua)-q], ub[:len(ub)-q]
	defer func() {
		for k := range suffixA {
			e.emitEqual(suffixA[k].s, suffixA[k].e, suffixB[k].s, suffixB[k].e)
		}
	}()
	if len(ua) == 0 || len(ub) == 0 {
		e.changeUnits(ua, ub)
		return
	}
	anchors := e.uniqueAnchors(ua, ub)
	if len(anchors) == 0 {
		e.myersUnits(ua, ub)
		return
	}
	pa, pb := 0, 0
	for _, an := range anchors {
		e.alignUnits(ua[pa:an[0]], ub[pb:an[1]])
		x, y := ua[an[0]], ub[an[1]]
		e.emitEqual(x.s, x.e, y.s, y.e)
		pa, pb = an[0]+1, an[1]+1
	}
	e.alignUnits(ua[pa:], ub[pb:])
}

// changeUnits emits a region where one side may be empty.
func (e *engine) changeUnits(ua, ub []unit) {
	if len(ua) == 0 && len(ub) == 0 {
		return
	}
	a0, a1 := e.tokenBounds(ua, true)
	b0, b1 := e.tokenBounds(ub, false)
	e.tokenDiff(a0, a1, b0, b1, 0)
}

// tokenBounds gives the token range of a run of units; an empty run sits
// where the alignment stands.
func (e *engine) tokenBounds(u []unit, old bool) (int, int) {
	if len(u) > 0 {
		return u[0].s, u[len(u)-1].e
	}
	pos := 0
	if n := len(e.hunks); n > 0 {
		if old {
			pos = e.hunks[n-1].a1
		} else {
			pos = e.hunks[n-1].b1
		}
	}
	return pos, pos
}

// uniqueAnchors finds units whose hash occurs exactly once on each side and
// keeps the longest run of them in the same order on both sides.
func (e *engine) uniqueAnchors(ua, ub []unit) [][2]int {
	type cnt struct{ na, nb, ib int32 }
	m := make(map[uint64]int32, len(ua))
	cs := make([]cnt, 0, len(ua))
	for _, u := range ua {
		k, ok := m[u.hash]
		if !ok {
			k = int32(len(cs))
			cs = append(cs, cnt{})
			m[u.hash] = k
		}
		cs[k].na++
	}
	for i, u := range ub {
		if k, ok := m[u.hash]; ok {
			cs[k].nb++
			cs[k].ib = int32(i)
		}
	}
	pairs := make([][2]int, 0, min(len(ua), len(ub)))
	for i, u := range ua {
		c := cs[m[u.hash]]
		if c.na == 1 && c.nb == 1 && e.unitsEqual(u, ub[c.ib]) {
			pairs = append(pairs, [2]int{i, int(c.ib)})
		}
	}
	return longestIncreasing(pairs)
}

// longestIncreasing keeps the longest subsequence of pairs (sorted by their
// first element) whose second elements increase.
func longestIncreasing(pairs [][2]int) [][2]int {
	if len(pairs) == 0 {
		return nil
	}
	tails := make([]int, 0, len(pairs)) // index into pairs of the tail of each pile
	prev := make([]int, len(pairs))
	for i, p := range pairs {
		k := sort.Search(len(tails), func(t int) bool { return pairs[tails[t]][1] >= p[1] })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	out := make([][2]int, len(tails))
	for i, k := len(tails)-1, tails[len(tails)-1]; i >= 0; i, k = i-1, prev[k] {
		out[i] = pairs[k]
	}
	return out
}

// myersUnits aligns two runs of units with no unique anchors using go-diff
// on unit identifiers, then compares the differing stretches word by word.
func (e *engine) myersUnits(ua, ub []unit) {
	n, m := len(ua), len(ub)
	// A stretch that one word-by-word run can afford is compared as a
	// whole: sentences that merely look alike (paragraph breaks, short
	// headings) make poor anchors.
	a0, a1 := e.tokenBounds(ua, true)
	b0, b1 := e.tokenBounds(ub, false)
	if lb := e.lowerBound(a0, a1, b0, b1); int64(a1-a0+b1-b0)*int64(lb+1) <= regionBudget/4 {
		e.tokenDiff(a0, a1, b0, b1, 0)
		return
	}
	cost := int64(n+m) * int64(n+m)
	if cost > regionBudget/4 || n+m > 50_000 {
		e.tokenDiff(a0, a1, b0, b1, 0)
		return
	}
	ids := make(map[uint64]rune, n+m)
	ra := make([]rune, n)
	rb := make([]rune, m)
	for i, u := range ua {
		r, ok := ids[u.hash]
		if !ok {
			r = idRune(int32(len(ids)))
			ids[u.hash] = r
		}
		ra[i] = r
	}
	for i, u := range ub {
		r, ok := ids[u.hash]
		if !ok {
			r = idRune(int32(len(ids)))
			ids[u.hash] = r
		}
		rb[i] = r
	}
	diffs := e.dmp.DiffMainRunes(ra, rb, false)
	i, j := 0, 0
	pi, pj := 0, 0 // start of the pending changed stretch
	flush := func() {
		if pi < i || pj < j {
			a0, a1 := e.tokenBounds(ua[pi:i], true)
			b0, b1 := e.tokenBounds(ub[pj:j], false)
			e.tokenDiff(a0, a1, b0, b1, 0)
		}
	}
	for _, d := range diffs {
		k := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			for t := 0; t < k; t++ {
				x, y := ua[i+t], ub[j+t]
				if e.unitsEqual(x, y) {
					e.emitEqual(x.s, x.e, y.s, y.e)
				} else {
					e.tokenDiff(x.s, x.e, y.s, y.e, 0)
				}
			}
			i += k
			j += k
			pi, pj = i, j
		case diffmatchpatch.DiffDelete:
			i += k
		case diffmatchpatch.DiffInsert:
			j += k
		}
	}
	flush()
}

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
	if cost <= regionBudget && cost <= e.budget && e.nids < maxIDs {
		e.budget -= cost
		e.myersTokens(a0, a1, b0, b1)
		return
	}
	if depth < maxAnchorDepth {
		// Runs of tokens found once on each side anchor first; where there
		// are none, single tokens found once on each side.
		if anchors := e.windowAnchors(a0, a1, b0, b1); len(anchors) > 0 {
			e.bounds = append(e.bounds, boundHit{a0, a1, b0, b1, false})
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
			e.bounds = append(e.bounds, boundHit{a0, a1, b0, b1, false})
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
	e.bounds = append(e.bounds, boundHit{a0, a1, b0, b1, true})
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
		for t := 0; t < k; t++ {
			e.tokenDiff(a0, pa[t], b0, pb[t], maxAnchorDepth)
			e.emitEqual(pa[t], pa[t]+1, pb[t], pb[t]+1)
			a0, b0 = pa[t]+1, pb[t]+1
		}
		e.tokenDiff(a0, h.a1, b0, h.b1, maxAnchorDepth)
	}
	return true
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
