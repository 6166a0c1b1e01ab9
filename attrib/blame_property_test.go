package attrib

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// token is one word of a generated revision and the revision that first
// put it there.
type token struct {
	word   string
	punct  string // after the word, wherever it goes
	origin int
}

// name spells n in letters, so that every generated word is a word and no
// two are alike.
func name(n int) string {
	var b []byte
	for n++; n > 0; n /= 26 {
		b = append(b, byte('a'+n%26))
	}
	return string(b)
}

// editChain makes a chain of revisions, each made from the one before by
// replacing, inserting and deleting runs of words at places at least three
// unchanged words apart, re-wrapping the lines and changing the case of
// some words; it returns the revisions and the words of each. Every word
// inserted is new, so the revision that introduced each word of the last
// revision is known without a diff.
func editChain(r *rand.Rand, nrevs int) ([]Revision, [][]token) {
	next := 0
	fresh := func(rev, n int) []token {
		out := make([]token, n)
		for i := range out {
			out[i] = token{word: name(next), origin: rev}
			if r.IntN(5) == 0 {
				out[i].punct = ","
			}
			next++
		}
		return out
	}
	toks := fresh(0, 20+r.IntN(60))
	revs := []Revision{render(r, 0, toks)}
	steps := [][]token{toks}
	for rev := 1; rev < nrevs; rev++ {
		var out []token
		for i := 0; i < len(toks); {
			if r.IntN(6) != 0 || (len(out) > 0 && len(out) < 3 && i < 3) {
				out = append(out, toks[i]) // keep a run of at least three
				for k := 1; k < 3 && i+k < len(toks); k++ {
					out = append(out, toks[i+k])
				}
				i += 3
				continue
			}
			switch r.IntN(3) {
			case 0: // replace
				i += 1 + r.IntN(3)
				out = append(out, fresh(rev, 1+r.IntN(3))...)
			case 1: // insert
				out = append(out, fresh(rev, 1+r.IntN(4))...)
			default: // delete
				i += 1 + r.IntN(3)
			}
			for k := 0; k < 3 && i < len(toks); k++ { // then three unchanged
				out = append(out, toks[i])
				i++
			}
		}
		if len(out) == 0 {
			out = fresh(rev, 3)
		}
		toks = out
		revs = append(revs, render(r, rev, toks))
		steps = append(steps, toks)
	}
	return revs, steps
}

// render writes a revision's words with random line breaks and some words
// in capitals.
func render(r *rand.Rand, rev int, toks []token) Revision {
	var sb strings.Builder
	for i, t := range toks {
		if i > 0 {
			sb.WriteString([]string{" ", " ", "\n"}[r.IntN(3)])
		}
		w := t.word
		if r.IntN(5) == 0 {
			w = strings.ToUpper(w)
		}
		sb.WriteString(w + t.punct)
	}
	sb.WriteString(".\n")
	office := []string{"FCO", "No. 10", "Cabinet Office"}[r.IntN(3)]
	return Revision{Name: fmt.Sprintf("d.md@%d", rev+1), Number: rev + 1, Office: office, Data: []byte(sb.String()), Kind: "text"}
}

// TestChainAttributesFirstAppearance: for random chains of two to five
// revisions, every word of the last revision is attributed to exactly one
// revision, the first in which that word stands in its place.
func TestChainAttributesFirstAppearance(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 1988))
	for trial := 0; trial < 300; trial++ {
		nrevs := 2 + r.IntN(4)
		revs, steps := editChain(r, nrevs)
		want := steps[len(steps)-1]
		b, err := Chain(revs)
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Words) != len(want) {
			t.Fatalf("trial %d: %d words blamed, the last revision has %d:\n%s", trial, len(b.Words), len(want), revs[len(revs)-1].Data)
		}
		for i, w := range b.Words {
			got := strings.ToLower(b.Text[w.Start:w.End])
			if got != want[i].word {
				t.Fatalf("trial %d: word %d is %q, want %q", trial, i, got, want[i].word)
			}
			if w.Rev < 0 || w.Rev >= nrevs {
				t.Fatalf("trial %d: word %q blamed on revision index %d of %d", trial, got, w.Rev, nrevs)
			}
			if w.Rev != want[i].origin {
				var chain []string
				for _, rv := range revs {
					chain = append(chain, string(rv.Data))
				}
				t.Fatalf("trial %d: word %q blamed on revision %d, first appears in its place in %d; chain:\n%s",
					trial, got, w.Rev+1, want[i].origin+1, strings.Join(chain, "----\n"))
			}
		}
	}
}

// markedHop writes revision a's words with the edits that make b as
// CriticMarkup, the way a reviewer's amendments stand in a draft before
// they are accepted: words only a has are deleted ({--…--}), words only b
// has inserted ({++…++}), a deletion followed by an insertion is one
// substitution ({~~…~>…~~}). Every inserted word is new to the chain, so a
// word of a survives into b exactly when b has it.
func markedHop(a, b []token) string {
	inB := map[string]bool{}
	for _, t := range b {
		inB[t.word] = true
	}
	join := func(ts []token) string {
		var parts []string
		for _, t := range ts {
			parts = append(parts, t.word+t.punct)
		}
		return strings.Join(parts, " ")
	}
	var out []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var del, ins []token
		for i < len(a) && !inB[a[i].word] {
			del = append(del, a[i])
			i++
		}
		for j < len(b) && (i >= len(a) || b[j].word != a[i].word) {
			ins = append(ins, b[j])
			j++
		}
		switch {
		case len(del) > 0 && len(ins) > 0:
			out = append(out, "{~~"+join(del)+"~>"+join(ins)+"~~}")
		case len(del) > 0:
			out = append(out, "{--"+join(del)+"--}")
		case len(ins) > 0:
			out = append(out, "{++"+join(ins)+"++}")
		}
		if i < len(a) && j < len(b) && a[i].word == b[j].word {
			out = append(out, b[j].word+b[j].punct)
			i, j = i+1, j+1
		}
	}
	return strings.Join(out, " ") + ".\n"
}

// TestChainMarkedAmendmentsFirstAppearance: random chains in which every
// hop is made twice, first as CriticMarkup on the text before (the
// amendments proposed), then as the clean text once they are accepted.
// Every word of the last revision is attributed to exactly one revision,
// the first in which it stands in its place as a reader sees it: the
// revision that proposed it, never the one that accepted it. The chain is
// blamed both at its last clean revision and at its last marked one.
func TestChainMarkedAmendmentsFirstAppearance(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 1988))
	for trial := 0; trial < 200; trial++ {
		nrevs := 2 + r.IntN(4)
		revs, steps := editChain(r, nrevs)
		var chain []Revision
		for k, rv := range revs {
			if k > 0 {
				chain = append(chain, Revision{Name: fmt.Sprintf("d.md@%d (marked)", k), Number: 2 * k,
					Data: []byte(markedHop(steps[k-1], steps[k])), Kind: "markdown"})
			}
			rv.Kind = "markdown"
			chain = append(chain, rv)
		}
		want := steps[len(steps)-1]
		for _, upto := range []int{len(chain), len(chain) - 1} {
			b, err := Chain(chain[:upto])
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Words) != len(want) {
				t.Fatalf("trial %d, chain of %d: %d words blamed, want %d:\n%s", trial, upto, len(b.Words), len(want), chain[upto-1].Data)
			}
			for i, w := range b.Words {
				got := strings.ToLower(b.Text[w.Start:w.End])
				// revision k's new words are first seen in the marked
				// revision before it, chain index 2k-1
				wantRev := max(0, 2*want[i].origin-1)
				if got != want[i].word || w.Rev != wantRev {
					t.Fatalf("trial %d, chain of %d: word %d %q blamed on chain index %d, want %q on %d; last revision:\n%s",
						trial, upto, i, got, w.Rev, want[i].word, wantRev, chain[upto-1].Data)
				}
			}
		}
	}
}
