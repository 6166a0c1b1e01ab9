package diff

// Two texts that have nothing in common still share words (THE, OF, WE),
// and a word-by-word alignment of them spends its whole budget matching
// those words one at a time, only for the cleanup to absorb nearly every
// match into the replacement around it. A region that shares no phrase
// with the other side is therefore not aligned word by word as a whole: it
// is shown replaced, and the cleanup's pairing of its paragraphs in order
// (splitParagraphs) compares each pair word by word, at a small cost each.
// The check reads each side once; it runs only on regions whose alignment
// would be costly. Within such a region, a pair of paragraphs is compared
// word by word only when it shares at least one gram (inUnrelated): two
// paragraphs that share none would come out replaced all the same.

const (
	// phraseCheckCost is the alignment cost above which a region is first
	// checked for a phrase in common.
	phraseCheckCost = 2_000_000
	// phraseGram tokens make a gram; phraseRun grams in a row on the new
	// side, each found on the old, make a phrase in common (eleven tokens).
	phraseGram = 4
	phraseRun  = 8
)

// unrelated reports whether tokens b0..b1 of the new side share no phrase
// with a0..a1 of the old: no run of phraseGram+phraseRun-1 tokens whose
// every gram occurs on the old side, and fewer than one gram in twenty
// found there at all (a text rewritten word by word keeps far more).
func (e *engine) unrelated(a0, a1, b0, b1 int) bool {
	shared, grams, run := e.grams(a0, a1, b0, b1, phraseRun)
	return !run && shared*20 < grams
}

// sharesGram reports whether the two runs have a gram in common.
func (e *engine) sharesGram(a0, a1, b0, b1 int) bool {
	_, _, run := e.grams(a0, a1, b0, b1, 1)
	return run
}

// grams counts the grams of phraseGram tokens of b0..b1 on the new side
// that occur in a0..a1 on the old (shared, of grams), stopping early when
// runLen of them in a row do (run). Grams are compared by hash, so a
// collision can only find a gram that is not there: the region is then
// aligned word by word, as it would have been without the check.
func (e *engine) grams(a0, a1, b0, b1, runLen int) (shared, grams int, run bool) {
	A, B := e.a.ids[a0:a1], e.b.ids[b0:b1]
	if len(A) < phraseGram || len(B) < phraseGram {
		return 0, 0, false
	}
	size := 1
	for size < 2*len(A) {
		size <<= 1
	}
	if cap(e.gramTable) < size {
		e.gramTable = make([]uint64, size)
	}
	table := e.gramTable[:size]
	clear(table)
	mask := uint64(size - 1)
	for i := 0; i+phraseGram <= len(A); i++ {
		h := gramHash(A[i:i+phraseGram]) | 1
		for k := h & mask; ; k = (k + 1) & mask {
			if table[k] == 0 {
				table[k] = h
				break
			}
			if table[k] == h {
				break
			}
		}
	}
	inRow := 0
	for i := 0; i+phraseGram <= len(B); i++ {
		grams++
		h := gramHash(B[i:i+phraseGram]) | 1
		found := false
		for k := h & mask; table[k] != 0; k = (k + 1) & mask {
			if table[k] == h {
				found = true
				break
			}
		}
		if !found {
			inRow = 0
			continue
		}
		shared++
		if inRow++; inRow >= runLen {
			return shared, grams, true
		}
	}
	return shared, grams, false
}

// gramHash hashes a gram of token ids (FNV-1a over the ids, then mixed).
func gramHash(g []int32) uint64 {
	h := uint64(14695981039346656037)
	for _, id := range g {
		h = (h ^ uint64(uint32(id))) * 1099511628211
	}
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}
