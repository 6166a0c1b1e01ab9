package diff

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Respellings. The engine matches words by a matching form (case folded
// for cables and upper-case text, curly and straight quotes alike, a line
// wrap the same as a space), so an equal segment's two sides may be
// spelled differently. MarkRespellings splits each such segment so that
// the runs whose spelling differs stand in segments of their own, flagged
// Respelled, and every unflagged equal segment has A == B. A view that
// writes one side's text exactly (critic) marks the flagged runs as
// changes; the others may ignore the flag.
//
// The runs are cut at white space. When both sides have the same number
// of words, the words are paired one for one and so are the runs of white
// space between them: only a word or a run of white space that differs is
// flagged, and differing words separated by the same white space form one
// run ("If the" against "IF THE", not two). Otherwise the words and white
// space that both sides begin and end with stay unflagged and the rest is
// one flagged run.

// MarkRespellings returns segs with each unflagged equal segment whose
// sides differ split into unflagged and Respelled runs; segments that
// need no split are kept as they are, so applying it twice changes
// nothing. Compare applies it; a caller that builds or decodes segments
// itself (a test, JSON from before the flag) applies it before a view.
func MarkRespellings(segs []Segment) []Segment {
	differing, room := 0, 0
	for _, s := range segs {
		if s.Op == OpEqual && s.A != s.B && !s.Respelled {
			differing++
			// A flagged run and the unflagged run after it, twice, and
			// two more for each line break, since a line wrapped
			// elsewhere is the commonest respelling.
			room += 4 + 2*(strings.Count(s.A, "\n")+strings.Count(s.B, "\n"))
		}
	}
	if differing == 0 {
		return segs
	}
	// Room for every run at once: growing a slice of a hundred thousand
	// segments a quarter at a time had been a fifth of a 4 MB comparison's
	// allocation, and even one growth copies the whole list. Room not
	// used is never written, so on a large slice it costs address space,
	// not memory.
	out := make([]Segment, 0, len(segs)+room+8)
	var sc respellScratch
	for _, s := range segs {
		if s.Op != OpEqual || s.A == s.B || s.Respelled {
			out = append(out, s)
			continue
		}
		out = respellRuns(s.A, s.B, &sc, out)
	}
	return out
}

// appendRun appends the run r to out, joined to the segment before it when
// that is an equal segment with the same flag; an empty run is dropped.
func appendRun(out []Segment, r Segment) []Segment {
	if r.A == "" && r.B == "" {
		return out
	}
	if n := len(out); n > 0 && out[n-1].Op == OpEqual && out[n-1].Respelled == r.Respelled {
		out[n-1].A += r.A
		out[n-1].B += r.B
		return out
	}
	return append(out, r)
}

// respellRuns cuts the two sides of an equal segment into equal segments,
// flagged where their spelling differs. The segments' texts are slices of a
// and b: nothing is copied, as a re-wrapped region is one long equal
// segment whose every word is compared. The runs are appended to out by
// appendRun, straight into MarkRespellings' result.
//
// Both sides are read element by element in step (white space, word, white
// space, …), without first listing every element of each: a re-wrapped
// region of a megabyte is one segment, and the lists were most of the
// split's time and memory. Only when the two sides turn out to hold
// different numbers of words are they cut into lists (respellWhole).
func respellRuns(a, b string, sc *respellScratch, out []Segment) []Segment {
	n0 := len(out)
	var last Segment
	if n0 > 0 {
		last = out[n0-1]
	}
	w := respellWalk{a: a, b: b, out: out}
	i, j := 0, 0
	gap := true // the element starting at i and j is white space
	for {
		if !w.flag && !w.pending && !w.lastDiff {
			// Nothing is flagged or waiting: elements both sides spell
			// alike change nothing, so they are passed over in one scan.
			if k, sp := sameElements(a[i:], b[j:]); k > 0 {
				i, j, gap = i+k, j+k, sp
			}
		}
		ea, eb := elementEnd(a, i, gap), elementEnd(b, j, gap)
		w.element(gap, i, j, a[i:ea] != b[j:eb])
		i, j = ea, eb
		if gap && (i == len(a) || j == len(b)) {
			break
		}
		gap = !gap
	}
	if i != len(a) || j != len(b) {
		// Different numbers of words: undo what the walk appended.
		out = w.out[:n0]
		if n0 > 0 {
			out[n0-1] = last
		}
		ca := cutGapsAndWords(a, sc.ca[:0])
		cb := cutGapsAndWords(b, sc.cb[:0])
		sc.ca, sc.cb = ca, cb
		for _, r := range respellWhole(a, b, ca, cb) {
			out = appendRun(out, r)
		}
		return out
	}
	return w.finish()
}

// sameElements scans the bytes x and y begin with alike (ASCII only) and
// returns the last element boundary inside them: k, where an element
// starts that is white space when sp, after elements both spell alike; 0
// when there is none. Boundaries past the last shared byte are not known
// to be boundaries of both, so they are not used.
func sameElements(x, y string) (k int, sp bool) {
	n := min(len(x), len(y))
	if n == 0 || x[0] != y[0] || x[0] >= utf8.RuneSelf {
		return 0, false
	}
	// m is where x and y first differ or x leaves ASCII, found eight
	// bytes at a time: a re-wrapped region's equal runs are long.
	m := 0
	for ; m+8 <= n; m += 8 {
		a, b := load64(x, m), load64(y, m)
		if d := a ^ b | a&0x8080808080808080; d != 0 {
			m += bits.TrailingZeros64(d) / 8
			return lastElementStart(x, m)
		}
	}
	for m < n && x[m] == y[m] && x[m] < utf8.RuneSelf {
		m++
	}
	return lastElementStart(x, m)
}

// lastElementStart is the last place in x[1:m] where white space meets
// other characters, and whether white space starts there; 0 when there
// is none.
func lastElementStart(x string, m int) (int, bool) {
	for i := m - 1; i >= 1; i-- {
		if cs := asciiSpace[x[i]]; cs != asciiSpace[x[i-1]] {
			return i, cs
		}
	}
	return 0, false
}

// load64 reads the eight bytes of s from i as one little-endian word.
func load64(s string, i int) uint64 {
	w := s[i : i+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// runeSpaceAt reports whether the character of s at byte i is white space,
// and its length in bytes.
func runeSpaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), n
}

// elementEnd is where the element of s that starts at i ends: the run of
// white space (gap) or of other characters that starts there.
func elementEnd(s string, i int, gap bool) int {
	for i < len(s) {
		sp, n := runeSpaceAt(s, i)
		if sp != gap {
			return i
		}
		i += n
	}
	return i
}

// respellWalk builds the runs of respellRuns from its elements in order.
// White space shared between two respelled words joins them into one run:
// such a gap stays pending until the next word says whether it differs.
type respellWalk struct {
	a, b     string
	out      []Segment
	ra, rb   int  // where the current run starts
	flag     bool // whether the current run is respelled
	pending  bool // the current run ends in a gap that may not belong to it
	pa, pb   int  // where that gap starts
	lastDiff bool // whether the last word differed
}

// element takes the next element, starting at i in a and j in b.
func (w *respellWalk) element(gap bool, i, j int, differs bool) {
	switch {
	case gap && !differs && w.lastDiff:
		w.pending, w.pa, w.pb = true, i, j
	case gap:
		w.run(differs, i, j)
	default:
		if w.pending {
			w.pending = false
			if !differs {
				w.run(false, w.pa, w.pb)
			}
		}
		w.run(differs, i, j)
		w.lastDiff = differs
	}
}

// run makes the text from i and j on part of a run flagged flag.
func (w *respellWalk) run(flag bool, i, j int) {
	if flag == w.flag {
		return
	}
	w.out = appendRun(w.out, Segment{Op: OpEqual, A: w.a[w.ra:i], B: w.b[w.rb:j], Respelled: w.flag})
	w.ra, w.rb, w.flag = i, j, flag
}

// finish ends the last run; a pending gap is the last element, which
// never joins a run of respelled words.
func (w *respellWalk) finish() []Segment {
	if w.pending {
		w.run(false, w.pa, w.pb)
	}
	return appendRun(w.out, Segment{Op: OpEqual, A: w.a[w.ra:], B: w.b[w.rb:], Respelled: w.flag})
}

// respellWhole handles sides with different numbers of words: the runs of
// white space and of other characters both begin and end with stay
// unflagged, and what lies between is one flagged run.
func respellWhole(a, b string, ca, cb []int) []Segment {
	// The runs are the elements that are not empty: only the first and
	// the last gap can be.
	ra, rb := nonEmpty(ca), nonEmpty(cb)
	run := func(s string, r []int, k int) string { return s[r[2*k]:r[2*k+1]] }
	la, lb := len(ra)/2, len(rb)/2
	pre := 0
	for pre < la && pre < lb && run(a, ra, pre) == run(b, rb, pre) {
		pre++
	}
	suf := 0
	for suf < la-pre && suf < lb-pre && run(a, ra, la-1-suf) == run(b, rb, lb-1-suf) {
		suf++
	}
	// start(r, k) is where run k begins, or the end of the text after the
	// last run.
	start := func(s string, r []int, k int) int {
		if 2*k < len(r) {
			return r[2*k]
		}
		return len(s)
	}
	headEnd := start(a, ra, pre)
	tailA, tailB := start(a, ra, la-suf), start(b, rb, lb-suf)
	head, tail := a[:headEnd], a[tailA:]
	return []Segment{
		{Op: OpEqual, A: head, B: head},
		{Op: OpEqual, A: a[headEnd:tailA], B: b[start(b, rb, pre):tailB], Respelled: true},
		{Op: OpEqual, A: tail, B: tail},
	}
}

// nonEmpty lists the non-empty elements of a cut as start and end pairs.
func nonEmpty(c []int) []int {
	out := make([]int, 0, 2*len(c))
	for k := 0; k+1 < len(c); k++ {
		if c[k] < c[k+1] {
			out = append(out, c[k], c[k+1])
		}
	}
	return out
}

// respellScratch holds the cuts respellRuns reuses from one segment to
// the next.
type respellScratch struct {
	ca, cb []int
}

// cutGapsAndWords appends to c the boundaries of s cut into white space
// and words, alternating, beginning and ending with white space (possibly
// empty): gap, word, gap, …, word, gap. Element k is s[c[k]:c[k+1]].
func cutGapsAndWords(s string, c []int) []int {
	c = append(c, 0)
	inSpace := true // the element being read is a gap
	for i := 0; i < len(s); {
		sp, n := runeSpaceAt(s, i)
		if sp != inSpace {
			c = append(c, i)
			inSpace = sp
		}
		i += n
	}
	c = append(c, len(s))
	if !inSpace {
		c = append(c, len(s)) // an empty gap after the last word
	}
	return c
}

// asciiSpace is unicode.IsSpace for the ASCII bytes.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
