package diff

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// bigPair builds a long text of words drawn from a small vocabulary, with
// sep after each word and end after every sentence of 20 words, and a copy
// with 2% of its words replaced.
func bigPair(seed uint64, words int, vocab []string, sep, end string) (string, string, int) {
	r := rand.New(rand.NewPCG(seed, 1))
	var a, b strings.Builder
	changed := 0
	for i := 0; i < words; i++ {
		w := vocab[r.IntN(len(vocab))]
		a.WriteString(w)
		if r.IntN(50) == 0 {
			w = "ZZ" + vocab[r.IntN(len(vocab))]
			changed++
		}
		b.WriteString(w)
		s := sep
		if i%20 == 19 {
			s = end
		}
		a.WriteString(s)
		b.WriteString(s)
	}
	return a.String(), b.String(), changed
}

// A long text without paragraph breaks, lightly edited, is compared word
// by word, not shown as one replacement because a bound on work applied
// (QA F21): CJK sentence ends and runs of tokens found once on each side
// anchor it.
func TestHugeParagraphsAreComparedWordByWord(t *testing.T) {
	var cjk []string
	for r := rune(0x4e00); r < 0x4e00+400; r++ {
		cjk = append(cjk, string(r))
	}
	english := strings.Fields("the of and to in is was he for it with as his on be at by had are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must")
	tests := []struct {
		name string
		a, b string
		n    int
	}{}
	a, b, n := bigPair(8, 25000, cjk, "", "\u3002\n")
	tests = append(tests, struct {
		name string
		a, b string
		n    int
	}{"cjk lines", a, b, n})
	a, b, n = bigPair(9, 40000, english, " ", " ")
	tests = append(tests, struct {
		name string
		a, b string
		n    int
	}{"one paragraph", a, b, n})
	for _, tt := range tests {
		c := compareText(t, tt.a, tt.b, Options{})
		if c.Stats.DeletedWords > 2*tt.n || c.Stats.Similarity < 0.95 {
			t.Errorf("%s: %d words replaced, got %d deleted, similarity %.3f, notes %q", tt.name, tt.n, c.Stats.DeletedWords, c.Stats.Similarity, c.Notes)
		}
		for _, note := range c.Notes {
			if strings.Contains(note, "whole replacements") {
				t.Errorf("%s: %s", tt.name, note)
			}
		}
	}
}
