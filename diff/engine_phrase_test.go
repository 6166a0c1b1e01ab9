package diff

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// naiveGrams is grams written the slow way, for comparison.
func naiveGrams(A, B []int32, runLen int) (shared, grams int, run bool) {
	has := func(g []int32) bool {
		for i := 0; i+phraseGram <= len(A); i++ {
			same := true
			for k := range g {
				if A[i+k] != g[k] {
					same = false
					break
				}
			}
			if same {
				return true
			}
		}
		return false
	}
	if len(A) < phraseGram || len(B) < phraseGram {
		return 0, 0, false
	}
	inRow := 0
	for i := 0; i+phraseGram <= len(B); i++ {
		grams++
		if !has(B[i : i+phraseGram]) {
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

// Over random runs of a few distinct tokens (so that grams repeat and
// match by chance), grams gives what the slow count gives.
func TestGramsAgreesWithNaiveCount(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for trial := 0; trial < 3000; trial++ {
		alpha := 2 + r.IntN(5)
		mk := func() []int32 {
			s := make([]int32, r.IntN(40))
			for i := range s {
				s[i] = int32(r.IntN(alpha))
			}
			return s
		}
		A, B := mk(), mk()
		e := &engine{a: &sideTokens{ids: A}, b: &sideTokens{ids: B}}
		runLen := 1 + r.IntN(phraseRun)
		s1, g1, r1 := e.grams(0, len(A), 0, len(B), runLen)
		s2, g2, r2 := naiveGrams(A, B, runLen)
		if s1 != s2 || g1 != g2 || r1 != r2 {
			t.Fatalf("A %v B %v run %d: got (%d, %d, %v), want (%d, %d, %v)", A, B, runLen, s1, g1, r1, s2, g2, r2)
		}
	}
}

func comparePlain(t *testing.T, a, b string, moves bool) *Comparison {
	t.Helper()
	c, err := Compare(Input{Data: []byte(a), Kind: KindText}, Input{Data: []byte(b), Kind: KindText}, Options{Moves: moves})
	if err != nil {
		t.Fatal(err)
	}
	if c.Text("a") != a || c.Text("b") != b {
		t.Fatal("the segments do not give back both sides")
	}
	return c
}

func hasNote(c *Comparison, part string) bool {
	for _, n := range c.Notes {
		if strings.Contains(n, part) {
			return true
		}
	}
	return false
}

// Two unrelated texts are compared paragraph by paragraph, with a note;
// a paragraph both share still comes out common, and a text revised word
// by word throughout is not taken for an unrelated one.
func TestUnrelatedRegionsComparedByParagraph(t *testing.T) {
	const note = "no phrase in common"
	a, b := unrelatedPair(200_000)
	c := comparePlain(t, a, b, true)
	if !hasNote(c, note) {
		t.Errorf("unrelated texts: notes %q", c.Notes)
	}
	pa, pb := strings.Count(a, "\n\n")+1, strings.Count(b, "\n\n")+1
	if c.Stats.Changes < min(pa, pb)/2 || c.Stats.Similarity > 0.01 {
		t.Errorf("unrelated texts: %d changes for %d/%d paragraphs, similarity %.3f", c.Stats.Changes, pa, pb, c.Stats.Similarity)
	}

	// One paragraph of the old text put into the middle of the new one,
	// with every fourteenth word changed, so that no sentence is found
	// whole on both sides and its words must find it.
	paras := strings.Split(strings.TrimSuffix(b, "\n"), "\n\n")
	kept := strings.Fields(strings.Split(a, "\n\n")[40])
	for i := range kept {
		if i%14 == 0 {
			kept[i] = "Zzyzx"
		}
	}
	mid := len(paras) / 2
	b2 := strings.Join(append(paras[:mid:mid], append([]string{strings.Join(kept, " ")}, paras[mid:]...)...), "\n\n") + "\n"
	c = comparePlain(t, a, b2, false) // (the move search would find it as a move)
	if !hasNote(c, note) {
		t.Errorf("unrelated texts with a shared paragraph: notes %q", c.Notes)
	}
	if common := c.Stats.Similarity * float64(c.Stats.OldWords+c.Stats.NewWords) / 2; common < 0.8*float64(len(kept)) {
		t.Errorf("%.0f words common, want most of the shared paragraph's %d", common, len(kept))
	}

	// Every fifth word replaced: the texts share most of their phrases
	// of four words, though no eleven in a row.
	g := newGenerator(5)
	doc := g.document(200_000)
	rev := copyDoc(doc)
	n := 0
	for _, p := range rev {
		for _, s := range p {
			for i := range s {
				if n++; n%5 == 0 {
					s[i] = g.vocab[g.r.IntN(len(g.vocab))]
				}
			}
		}
	}
	c = comparePlain(t, renderDoc(doc, 72, 0, 0, 0), renderDoc(rev, 72, 0, 0, 0), true)
	if hasNote(c, note) || c.Stats.Similarity < 0.6 {
		t.Errorf("a text revised word by word: similarity %.3f, notes %q", c.Stats.Similarity, c.Notes)
	}
}
