package diff

import (
	"sort"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// move is a run of words deleted in one changed hunk (hunk0, tokens a0..a1
// of the old side) and inserted in another (hunk1, tokens b0..b1 of the
// new), with the edits made to it on the way.
type move struct {
	id             int
	hunk0, hunk1   int
	a0, a1, b0, b1 int
	inner          []hunk // alignment of a0..a1 with b0..b1
}

// Bounds of the move search, so that it stays quick on any input.
const (
	maxMoveBlocks = 4000 // blocks considered on each side
	maxMovePairs  = 200_000
	moveBudget    = 4_000_000 // cells per inner alignment
	// moveTotalBudget bounds all inner alignments of one comparison.
	moveTotalBudget = 60_000_000
)

type block struct {
	hunk   int
	t0, t1 int     // token range on its side
	words  int     // word tokens
	set    []int32 // sorted distinct word ids
	used   bool
	oldSid bool
}

// wordSet lists the distinct pairs of consecutive words in a run of
// tokens, hashed and sorted: moved text shares most of its pairs, while
// unrelated text shares few even when it shares common words.
func (e *engine) wordSet(s *sideTokens, t0, t1 int) []int32 {
	var out []int32
	prev := int32(-1)
	for i := t0; i < t1; i++ {
		if !s.isWord(i) {
			continue
		}
		id := s.ids[i]
		if prev >= 0 {
			out = append(out, int32(uint32(prev)*2654435761^uint32(id)*40503))
		}
		prev = id
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	k := 0
	for i, v := range out {
		if i == 0 || v != out[k-1] {
			out[k] = v
			k++
		}
	}
	return out[:k]
}

func intersect(x, y []int32) int {
	n, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// findMoves pairs deleted and inserted runs of at least minWords words whose
// words largely agree, and aligns each pair to show the edits inside it.
func (e *engine) findMoves(minWords int) []move {
	var dels, inss []*block
	for hi, h := range e.hunks {
		if h.eq {
			continue
		}
		if w := e.a.wordCount(h.a0, h.a1); w >= minWords && len(dels) < maxMoveBlocks {
			dels = append(dels, &block{hunk: hi, t0: h.a0, t1: h.a1, words: w, oldSid: true})
		}
		if w := e.b.wordCount(h.b0, h.b1); w >= minWords && len(inss) < maxMoveBlocks {
			inss = append(inss, &block{hunk: hi, t0: h.b0, t1: h.b1, words: w})
		}
	}
	if len(dels) == 0 || len(inss) == 0 {
		return nil
	}
	for _, d := range dels {
		d.set = e.wordSet(e.a, d.t0, d.t1)
	}
	for _, x := range inss {
		x.set = e.wordSet(e.b, x.t0, x.t1)
	}
	pairs := movePairs(dels, inss, minWords, maxMovePairs)
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].shared > pairs[j].shared })
	var moves []move
	e.moveWork = 0
	for _, p := range pairs {
		d, x := dels[p.d], inss[p.i]
		if d.used || x.used {
			continue
		}
		if e.moveWork > moveTotalBudget {
			e.moveBounded = true
			break
		}
		m, ok := e.alignMove(d, x, minWords)
		if !ok {
			continue
		}
		d.used, x.used = true, true
		moves = append(moves, m)
	}
	// Number moves in document order of their first appearance.
	sort.Slice(moves, func(i, j int) bool {
		return min(moves[i].hunk0, moves[i].hunk1) < min(moves[j].hunk0, moves[j].hunk1)
	})
	for i := range moves {
		moves[i].id = i + 1
	}
	return moves
}

// alignMove aligns a deleted block with an inserted one and keeps the
// stretch from the first to the last shared word when enough of it agrees.
func (e *engine) alignMove(d, x *block, minWords int) (move, bool) {
	n, m := d.t1-d.t0, x.t1-x.t0
	lb := e.lowerBound(d.t0, d.t1, x.t0, x.t1)
	cost := int64(n+m) * int64(lb+1)
	if cost > moveBudget {
		return move{}, false
	}
	e.moveWork += cost
	ra := make([]rune, n)
	for i := range ra {
		ra[i] = idRune(e.a.ids[d.t0+i])
	}
	rb := make([]rune, m)
	for i := range rb {
		rb[i] = idRune(e.b.ids[x.t0+i])
	}
	diffs := e.dmp.DiffMainRunes(ra, rb, false)
	var ops []hunk
	i, j := d.t0, x.t0
	for _, df := range diffs {
		k := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			ops = append(ops, hunk{true, i, i + k, j, j + k})
			i += k
			j += k
		case diffmatchpatch.DiffDelete:
			ops = append(ops, hunk{false, i, i + k, j, j})
			i += k
		case diffmatchpatch.DiffInsert:
			ops = append(ops, hunk{false, i, i, j, j + k})
			j += k
		}
	}
	// Trim to the first and last equal stretch that holds a word.
	first, last := -1, -1
	for k, op := range ops {
		if op.eq && e.a.wordCount(op.a0, op.a1) > 0 {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return move{}, false
	}
	ops = append([]hunk(nil), ops[first:last+1]...)
	// A move begins with a word and does not end with a paragraph break:
	// the breaks around it stay ordinary edits.
	for h := &ops[0]; !e.a.isWord(h.a0); h.a0, h.b0 = h.a0+1, h.b0+1 {
	}
	for h := &ops[len(ops)-1]; e.a.isPara(h.a1 - 1); h.a1, h.b1 = h.a1-1, h.b1-1 {
	}
	eqWords, wa, wb := 0, 0, 0
	for _, op := range ops {
		if op.eq {
			eqWords += e.a.wordCount(op.a0, op.a1)
		}
		wa += e.a.wordCount(op.a0, op.a1)
		wb += e.b.wordCount(op.b0, op.b1)
	}
	if eqWords < minWords || 10*eqWords < 6*max(wa, wb) {
		return move{}, false
	}
	// Merge the inner edits into phrases, as in the main alignment.
	ops = mergeInner(e, ops)
	return move{hunk0: d.hunk, hunk1: x.hunk,
		a0: ops[0].a0, a1: ops[len(ops)-1].a1, b0: ops[0].b0, b1: ops[len(ops)-1].b1, inner: ops}, true
}

// mergeInner applies the phrase clean-up to a move's inner alignment.
func mergeInner(e *engine, ops []hunk) []hunk {
	saved := e.hunks
	e.hunks = nil
	for _, op := range ops {
		e.emit(op)
	}
	e.cleanup()
	out := e.hunks
	e.hunks = saved
	return out
}
