package diff

import "slices"

// movePair is a deleted block and an inserted one (indices into the lists
// findMoves builds) that share enough pairs of consecutive words to be
// tried as a move.
type movePair struct {
	d, i   int
	shared int
}

// moveThreshold is how many shared word pairs a deleted and an inserted
// block need to be tried as a move, given the size of the smaller set:
// at least half the least move's words, and two fifths of the smaller set.
func moveThreshold(small, minWords int) int {
	return max(1, minWords/2, (2*small+4)/5)
}

// movePairs lists, in the order (deleted block, inserted block), every pair
// of blocks in different hunks, among the first maxPairs such pairs, whose
// word-pair sets share at least moveThreshold of the smaller set.
//
// Comparing every pair of sets costs the product of the block counts times
// their sizes, most of the time of a comparison of unrelated texts. The
// sets of a passing pair share at least t elements, so any |S|-t+1
// elements of the smaller set S include a shared one: each set's rarest
// elements (its prefix) are looked up in an index of the other side's sets,
// and only the pairs found there are counted. The result is the same as
// counting every pair.
func movePairs(dels, inss []*block, minWords, maxPairs int) []movePair {
	allowed := pairLimits(dels, inss, maxPairs)
	ix := newSetIndex(dels, inss)
	var cands []movePair
	stampI := make([]int32, len(inss))
	for di, d := range dels {
		for _, e := range ix.prefix(d.set, ix.delDense[di], minWords) {
			for _, ii := range ix.postings(ix.insOff, ix.insPost, e) {
				x := inss[ii]
				if len(x.set) < len(d.set) || stampI[ii] == int32(di+1) || !allowed(di, int(ii)) {
					continue
				}
				stampI[ii] = int32(di + 1)
				cands = append(cands, movePair{d: di, i: int(ii)})
			}
		}
	}
	stampD := make([]int32, len(dels))
	for ii, x := range inss {
		for _, e := range ix.prefix(x.set, ix.insDense[ii], minWords) {
			for _, di := range ix.postings(ix.delOff, ix.delPost, e) {
				d := dels[di]
				if len(d.set) <= len(x.set) || stampD[di] == int32(ii+1) || !allowed(int(di), ii) {
					continue
				}
				stampD[di] = int32(ii + 1)
				cands = append(cands, movePair{d: int(di), i: ii})
			}
		}
	}
	slices.SortFunc(cands, func(p, q movePair) int {
		if p.d != q.d {
			return p.d - q.d
		}
		return p.i - q.i
	})
	out := cands[:0]
	for _, p := range cands {
		d, x := dels[p.d], inss[p.i]
		s := intersect(d.set, x.set)
		if s >= moveThreshold(min(len(d.set), len(x.set)), minWords) {
			p.shared = s
			out = append(out, p)
		}
	}
	return out
}

// pairLimits returns whether the pair (di, ii) is among the first maxPairs
// pairs of blocks in different hunks, in the order (di, ii): the bound on
// the search that keeps it quick on any input.
func pairLimits(dels, inss []*block, maxPairs int) func(di, ii int) bool {
	insByHunk := make(map[int]int, len(inss))
	for ii, x := range inss {
		insByHunk[x.hunk] = ii
	}
	base := make([]int, len(dels)) // pairs before di's first
	same := make([]int, len(dels)) // the inserted block in di's hunk, or -1
	n := 0
	for di, d := range dels {
		base[di] = n
		same[di] = -1
		n += len(inss)
		if ii, ok := insByHunk[d.hunk]; ok {
			same[di] = ii
			n--
		}
	}
	return func(di, ii int) bool {
		if ii == same[di] {
			return false
		}
		ord := base[di] + ii + 1
		if same[di] >= 0 && same[di] < ii {
			ord--
		}
		return ord <= maxPairs
	}
}

// setIndex numbers the distinct elements of all blocks' sets densely,
// counts in how many sets each occurs, and lists for each element the
// deleted and the inserted blocks whose sets hold it.
type setIndex struct {
	freq               []int32   // by dense id: sets holding the element
	delDense, insDense [][]int32 // each set's elements as dense ids
	delOff, delPost    []int32   // by dense id: deleted blocks holding it
	insOff, insPost    []int32
	scratch            []int32
	keys               []uint64
}

func newSetIndex(dels, inss []*block) *setIndex {
	total := 0
	for _, b := range dels {
		total += len(b.set)
	}
	for _, b := range inss {
		total += len(b.set)
	}
	ids := newDenseIDs(total)
	ix := &setIndex{}
	all := make([]int32, total) // every set's dense ids, one after another
	dense := func(bs []*block) [][]int32 {
		out := make([][]int32, len(bs))
		for k, b := range bs {
			ds := all[:len(b.set):len(b.set)]
			all = all[len(b.set):]
			for j, v := range b.set {
				id := ids.id(v)
				if int(id) == len(ix.freq) {
					ix.freq = append(ix.freq, 0)
				}
				ix.freq[id]++
				ds[j] = id
			}
			out[k] = ds
		}
		return out
	}
	ix.delDense = dense(dels)
	ix.insDense = dense(inss)
	ix.delOff, ix.delPost = postingLists(ix.delDense, len(ix.freq))
	ix.insOff, ix.insPost = postingLists(ix.insDense, len(ix.freq))
	return ix
}

// postingLists builds, for n elements, the lists of sets holding each, as
// offsets into one array.
func postingLists(sets [][]int32, n int) (off, post []int32) {
	off = writtenFirst[int32](n + 1)
	for _, s := range sets {
		for _, e := range s {
			off[e+1]++
		}
	}
	for e := 0; e < n; e++ {
		off[e+1] += off[e]
	}
	post = make([]int32, off[n])
	fill := slices.Clone(off[:n])
	for k, s := range sets {
		for _, e := range s {
			post[fill[e]] = int32(k)
			fill[e]++
		}
	}
	return off, post
}

func (ix *setIndex) postings(off, post []int32, e int32) []int32 {
	return post[off[e]:off[e+1]]
}

// prefix returns the rarest |S|-t+1 elements of a set (as dense ids),
// where t is the threshold for a pair in which this set is the smaller;
// none when the set is too small to pass at all. The slice is reused by
// the next call.
func (ix *setIndex) prefix(set []int32, dense []int32, minWords int) []int32 {
	t := moveThreshold(len(set), minWords)
	if len(set) < t {
		return nil
	}
	keys := ix.keys[:0]
	for _, e := range dense {
		keys = append(keys, uint64(ix.freq[e])<<32|uint64(uint32(e)))
	}
	slices.Sort(keys)
	n := len(set) - t + 1
	p := ix.scratch[:0]
	for _, k := range keys[:n] {
		p = append(p, int32(uint32(k)))
	}
	ix.keys, ix.scratch = keys, p
	return p
}

// denseIDs numbers distinct int32 values 0, 1, 2... in the order first
// seen: an open-addressing table, several times quicker than a map for
// the hundreds of thousands of word pairs of a large comparison.
type denseIDs struct {
	keys  []int32
	vals  []int32 // id+1; 0 marks an empty slot
	mask  uint32
	count int32
}

func newDenseIDs(n int) *denseIDs {
	size := 16
	for size < n+n/4 {
		size *= 2
	}
	return &denseIDs{keys: writtenFirst[int32](size), vals: writtenFirst[int32](size), mask: uint32(size - 1)}
}

// id returns v's number, giving it the next one if it has none.
func (d *denseIDs) id(v int32) int32 {
	h := (uint32(v) * 0x9E3779B1) & d.mask
	for {
		switch {
		case d.vals[h] == 0:
			d.keys[h] = v
			d.count++
			d.vals[h] = d.count
			return d.count - 1
		case d.keys[h] == v:
			return d.vals[h] - 1
		}
		h = (h + 1) & d.mask
	}
}
