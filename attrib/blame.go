// Package attrib says who made each part of a text: for every word of a
// revision, the revision (and so the author and office) that introduced it,
// and for every change between two revisions, the hop of the chain that made
// it. It works hop by hop with the comparison engine (diff.Compare on
// consecutive revisions), carrying attribution through the text each hop
// leaves equal, so that re-wrapping, a change of case and re-typing as a
// cable do not re-attribute a word; blame reads each revision as its reader
// sees it (a draft's CriticMarkup accepted, a cable's message text without
// its heading). It also evaluates clearances against the revisions they
// were given for. It prints nothing.
package attrib

import (
	"errors"
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/redline-dev/redline/diff"
)

// Revision is one link of a chain: a version of the text and who made it.
type Revision struct {
	// Name names the version in messages (FILE@3).
	Name   string
	Number int
	Label  string
	Author string
	Office string
	Time   time.Time
	// Data is the version's content; Kind is how it is read ("" to guess,
	// "markdown", "text" or "cable").
	Data []byte
	Kind string
}

// Word is one word of the blamed text: its byte range in Blame.Text and the
// index (into Blame.Revisions) of the revision that introduced it.
type Word struct {
	Start, End int
	Rev        int
}

// Blame is the attribution of the last revision of a chain.
type Blame struct {
	// Revisions is the chain, oldest first, without its content.
	Revisions []Revision
	// Text is the last revision's compared text: a draft's body, a
	// cable's message text.
	Text  string
	Words []Word
}

// compareOptions are how each hop is compared: case is ignored, so that a
// word re-typed in capitals (as a cable is) keeps its author; moves are not
// looked for, so that a passage moved is attributed to the hop that put it
// in its new place.
var compareOptions = diff.Options{IgnoreCase: true}

// Chain attributes every word of the last revision of revs (oldest first)
// to the revision that introduced it. Each revision is read as its reader
// sees it (see asRead): a cable by its message text, a draft holding
// CriticMarkup with its changes accepted.
func Chain(revs []Revision) (*Blame, error) {
	read := make([]Revision, len(revs))
	for i, r := range revs {
		read[i] = asRead(r)
	}
	t, err := trace(read, nil)
	if err != nil {
		return nil, err
	}
	b := &Blame{Revisions: stripData(revs), Text: t.text}
	for _, w := range words(t.text) {
		b.Words = append(b.Words, Word{Start: w[0], End: w[1], Rev: int(maxOf(t.origin[w[0]:w[1]]))})
	}
	return b, nil
}

func stripData(revs []Revision) []Revision {
	out := make([]Revision, len(revs))
	for i, r := range revs {
		r.Data = nil
		out[i] = r
	}
	return out
}

// traced is the result of walking a chain: the last revision's compared
// text, the index of the revision that introduced each of its bytes, and
// (when asked) the first revision's compared text with, for each byte, the
// index of the revision that no longer has it (0 while it survives).
type traced struct {
	text   string
	origin []int32
	first  string
	death  []int32
}

// trace walks the chain hop by hop. onHop, when not nil, is called with each
// hop's comparison (the hop into revision k).
func trace(revs []Revision, onHop func(k int, c *diff.Comparison)) (*traced, error) {
	if len(revs) == 0 {
		return nil, errors.New("no revisions to attribute: commit the draft first")
	}
	input := func(r Revision) diff.Input { return diff.Input{Name: r.Name, Data: r.Data, Kind: r.Kind} }
	t := &traced{}
	var src []int32 // for each byte of the current text, its byte in the first text, or -1
	if len(revs) == 1 {
		c, err := diff.Compare(input(revs[0]), input(revs[0]), compareOptions)
		if err != nil {
			return nil, err
		}
		t.text = c.Text("b")
		t.first = t.text
		t.origin = make([]int32, len(t.text))
		t.death = make([]int32, len(t.text))
		return t, nil
	}
	for k := 1; k < len(revs); k++ {
		c, err := diff.Compare(input(revs[k-1]), input(revs[k]), compareOptions)
		if err != nil {
			return nil, fmt.Errorf("comparing %s with %s: %w", revs[k-1].Name, revs[k].Name, err)
		}
		if onHop != nil {
			onHop(k, c)
		}
		a := c.Text("a")
		if k == 1 {
			t.first, t.text = a, a
			t.origin = make([]int32, len(a))
			t.death = make([]int32, len(a))
			src = make([]int32, len(a))
			for i := range src {
				src[i] = int32(i)
			}
		}
		if a != t.text {
			// The engine reads a side the same way whatever the other
			// side is; should it not, carry what we know across.
			t.origin = remap(t.origin, len(t.text), len(a))
			src = remap(src, len(t.text), len(a))
		}
		t.text, t.origin, src = hop(c, int32(k), t.origin, src, t.death)
	}
	return t, nil
}

// hop carries origins (and first-text positions) across one comparison:
// equal text keeps what it had, inserted text is the new revision's, and a
// first-text byte deleted here dies in revision k.
func hop(c *diff.Comparison, k int32, origin, src, death []int32) (string, []int32, []int32) {
	n := 0
	for _, s := range c.Segments {
		n += len(s.B)
	}
	text := make([]byte, 0, n)
	nOrigin := make([]int32, 0, n)
	nSrc := make([]int32, 0, n)
	pa := 0
	for _, s := range c.Segments {
		a0, a1 := pa, pa+len(s.A)
		pa = a1
		switch s.Op {
		case diff.OpEqual:
			nOrigin = carry(nOrigin, origin[a0:a1], s.A, s.B)
			nSrc = carry(nSrc, src[a0:a1], s.A, s.B)
		case diff.OpDelete, diff.OpMoveFrom:
			for _, p := range src[a0:a1] {
				if p >= 0 && death[p] == 0 {
					death[p] = k
				}
			}
		}
		if s.Op != diff.OpEqual {
			for range len(s.B) {
				nOrigin = append(nOrigin, k)
				nSrc = append(nSrc, -1)
			}
		}
		text = append(text, s.B...)
	}
	return string(text), nOrigin, nSrc
}

// carry appends, for each byte of b (text the engine found equal to a), the
// value of the byte of a it stands for. Equal text of the same length (a
// change of case) maps byte for byte; otherwise (re-wrapped, re-typed) word
// by word when both have as many words, else in proportion.
func carry(dst, vals []int32, a, b string) []int32 {
	if len(a) == len(b) {
		return append(dst, vals...)
	}
	wa, wb := words(a), words(b)
	if len(wa) != len(wb) || len(wa) == 0 {
		return append(dst, remap(vals, len(a), len(b))...)
	}
	prev := vals[0] // a is not empty: it has words
	j := 0
	for i := 0; i < len(b); i++ {
		for j < len(wb) && i >= wb[j][1] {
			j++
		}
		v := prev
		if j < len(wb) && i >= wb[j][0] {
			v = maxOf(vals[wa[j][0]:wa[j][1]])
		} else if j < len(wb) {
			v = vals[wa[j][0]] // space and punctuation go with the next word
		}
		dst = append(dst, v)
		prev = v
	}
	return dst
}

// remap spreads n values over m bytes in proportion.
func remap(vals []int32, n, m int) []int32 {
	out := make([]int32, m)
	if n == 0 {
		return out
	}
	for i := range out {
		out[i] = vals[i*n/m]
	}
	return out
}

func maxOf(v []int32) int32 {
	var m int32
	for _, x := range v {
		m = max(m, x)
	}
	return m
}

// words gives the byte ranges of the words of s: runs of letters, digits
// and marks, as the comparison engine counts words.
func words(s string) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.IsNumber(r)
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}
