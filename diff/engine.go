package diff

import (
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
	// unrelated is set (with whole) when the region shares no phrase with
	// the other side (unrelated).
	unrelated bool
}

type engine struct {
	a, b   *sideTokens
	nids   int
	hunks  []hunk
	bounds []boundHit
	budget int64
	dmp    *diffmatchpatch.DiffMatchPatch
	countA []int32 // scratch, indexed by token id
	// gramTable is the scratch hash table of grams.
	gramTable []uint64
	// inUnrelated is set while the cleanup re-compares the paragraphs of
	// a region that shares no phrase with the other side.
	inUnrelated bool
	countB      []int32
	posA        []int32
	posB        []int32
	runesA      []rune
	runesB      []rune
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

// parallelUnits is how many tokens two sides need between them before
// they are cut into units on two goroutines.
const parallelUnits = 1 << 16

// run aligns the whole of both sides. The two sides are cut into units at
// once when they are long: cutting only reads the interner.
func (e *engine) run(in *interner) {
	var ua, ub []unit
	bothAtOnce(e.a.n()+e.b.n() >= parallelUnits,
		func() { ua = splitUnits(e.a, in) },
		func() { ub = splitUnits(e.b, in) })
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
	ka := make([]int32, len(ua)) // each old unit's count, found once
	for i, u := range ua {
		k, ok := m[u.hash]
		if !ok {
			k = int32(len(cs))
			cs = append(cs, cnt{})
			m[u.hash] = k
		}
		cs[k].na++
		ka[i] = k
	}
	for i, u := range ub {
		if k, ok := m[u.hash]; ok {
			cs[k].nb++
			cs[k].ib = int32(i)
		}
	}
	pairs := make([][2]int, 0, min(len(ua), len(ub)))
	for i, u := range ua {
		c := cs[ka[i]]
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
