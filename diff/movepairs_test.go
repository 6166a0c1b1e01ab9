package diff

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// movePairsByCounting is the search movePairs replaces: every pair of
// blocks, in order, counted in full.
func movePairsByCounting(dels, inss []*block, minWords, maxPairs int) []movePair {
	var out []movePair
	checked := 0
	for di, d := range dels {
		for ii, x := range inss {
			if d.hunk == x.hunk {
				continue
			}
			checked++
			if checked > maxPairs {
				break
			}
			s := intersect(d.set, x.set)
			small := min(len(d.set), len(x.set))
			if s >= max(1, minWords/2) && 5*s >= 2*small {
				out = append(out, movePair{di, ii, s})
			}
		}
	}
	return out
}

// randomBlocks makes deleted and inserted blocks over a small alphabet of
// word pairs, so that sets overlap by every amount, some hunks holding
// both a deleted and an inserted block.
func randomBlocks(r *rand.Rand) (dels, inss []*block) {
	alphabet := 5 + r.IntN(200)
	set := func() []int32 {
		n := r.IntN(40)
		if r.IntN(8) == 0 {
			n = r.IntN(300)
		}
		var s []int32
		for range n {
			// Skewed, as words are: low values are common.
			v := int32(r.IntN(1+r.IntN(alphabet))) * 7919
			s = append(s, v)
		}
		slices.Sort(s)
		return slices.Compact(s)
	}
	hunk := 0
	for range r.IntN(60) {
		hunk += 1 + r.IntN(2)
		if r.IntN(3) > 0 {
			dels = append(dels, &block{hunk: hunk, set: set()})
		}
		if r.IntN(3) > 0 {
			inss = append(inss, &block{hunk: hunk, set: set()})
		}
	}
	return dels, inss
}

func TestMovePairsMatchesCountingEveryPair(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for n := range 3000 {
		dels, inss := randomBlocks(r)
		minWords := 1 + r.IntN(12)
		maxPairs := len(dels) * len(inss)
		if n%3 == 0 {
			maxPairs = r.IntN(maxPairs + 1)
		}
		want := movePairsByCounting(dels, inss, minWords, maxPairs)
		got := movePairs(dels, inss, minWords, maxPairs)
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d (%d deleted, %d inserted blocks, min %d words, %d pairs): got %v, want %v",
				n, len(dels), len(inss), minWords, maxPairs, got, want)
		}
	}
}

// Unrelated texts make thousands of blocks that share common word pairs;
// the search must not count every pair of them.
func BenchmarkMovePairsUnrelated(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	var dels, inss []*block
	for h := range 4000 {
		for _, side := range []*[]*block{&dels, &inss} {
			var s []int32
			for range 30 + r.IntN(60) {
				s = append(s, int32(r.IntN(1+r.IntN(200_000))))
			}
			slices.Sort(s)
			*side = append(*side, &block{hunk: h, set: slices.Compact(s)})
		}
	}
	for b.Loop() {
		movePairs(dels, inss, DefaultMinMoveWords, maxMovePairs)
	}
}
