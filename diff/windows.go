package diff

// windowTokens is the length, in tokens, of the runs that windowAnchors
// matches: long enough that a run found once on each side is the same
// passage, short enough that most runs of a lightly edited text are intact.
const windowTokens = 8

// windowAnchors finds runs of windowTokens tokens that occur once in each
// of the two token ranges, in the same order, for a region too large to
// compare word by word and too repetitive for single tokens to anchor it
// (one long paragraph of common words, CJK text without paragraph breaks).
// The old side's runs are taken end to end; the new side's at every
// position, by a rolling hash. Each anchor is the start of a run on each
// side; anchors do not overlap.
func (e *engine) windowAnchors(a0, a1, b0, b1 int) [][2]int {
	const k = windowTokens
	if a1-a0 < k || b1-b0 < k {
		return nil
	}
	A, B := e.a.ids, e.b.ids
	const mul = 0x100000001b3
	hashAt := func(ids []int32, i int) uint64 {
		var h uint64
		for t := 0; t < k; t++ {
			h = h*mul + uint64(ids[i+t]) + 1
		}
		return h
	}
	type cnt struct {
		na, nb int32
		ia, ib int32
	}
	m := make(map[uint64]*cnt, (a1-a0)/k+1)
	for i := a0; i+k <= a1; i += k {
		h := hashAt(A, i)
		c := m[h]
		if c == nil {
			c = &cnt{}
			m[h] = c
		}
		c.na++
		c.ia = int32(i)
	}
	var top uint64 = 1 // mul^(k-1)
	for t := 1; t < k; t++ {
		top *= mul
	}
	h := hashAt(B, b0)
	for j := b0; ; j++ {
		if c := m[h]; c != nil {
			c.nb++
			c.ib = int32(j)
		}
		if j+k >= b1 {
			break
		}
		h = (h-(uint64(B[j])+1)*top)*mul + uint64(B[j+k]) + 1
	}
	var pairs [][2]int
	for i := a0; i+k <= a1; i += k {
		c := m[hashAt(A, i)]
		if c.na != 1 || c.nb != 1 {
			continue
		}
		j := int(c.ib)
		same := true
		for t := 0; t < k; t++ {
			if A[i+t] != B[j+t] {
				same = false
				break
			}
		}
		if same {
			pairs = append(pairs, [2]int{i, j})
		}
	}
	lis := longestIncreasing(pairs)
	out := lis[:0]
	endB := b0
	for _, p := range lis {
		if p[1] >= endB {
			out = append(out, p)
			endB = p[1] + k
		}
	}
	return out
}
