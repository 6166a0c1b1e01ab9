package diff

import (
	"math/rand/v2"
	"strings"
)

// A deterministic generator of English-like documents and revisions of
// them, for the property tests and the benchmarks. The same seed gives the
// same bytes on every machine.

var functionWords = []string{"the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "it", "with",
	"as", "on", "be", "at", "by", "this", "which", "have", "from", "or", "had", "not", "but", "we", "they",
	"their", "would", "should", "there", "been", "has", "were", "all", "its", "our", "any", "must"}

var syllables = []string{"ba", "con", "de", "fer", "gra", "hu", "in", "jus", "ka", "lo", "men", "no", "or",
	"pre", "quo", "ra", "sen", "tion", "ul", "ver", "wi", "xa", "yo", "zen", "ar", "ment", "al", "ist",
	"ope", "ric", "ty", "ous", "ive", "ance", "ter", "mo", "ex", "pro", "trans", "sub"}

type generator struct {
	r     *rand.Rand
	vocab []string
}

func newGenerator(seed uint64) *generator {
	g := &generator{r: rand.New(rand.NewPCG(seed, seed^0x5deece66d))}
	vr := rand.New(rand.NewPCG(42, 4242)) // one vocabulary for every seed
	seen := map[string]bool{}
	for len(g.vocab) < 4000 {
		n := 1 + vr.IntN(3)
		var sb strings.Builder
		for i := 0; i < n; i++ {
			sb.WriteString(syllables[vr.IntN(len(syllables))])
		}
		w := sb.String()
		if !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	return g
}

// word draws a word: function words often, content words with a long tail.
func (g *generator) word() string {
	if g.r.IntN(100) < 45 {
		return functionWords[g.r.IntN(len(functionWords))]
	}
	// Roughly Zipfian: small indices far more often.
	f := g.r.Float64()
	i := int(float64(len(g.vocab)) * f * f * f)
	return g.vocab[i]
}

func (g *generator) sentence() []string {
	n := 8 + g.r.IntN(18)
	words := make([]string, n)
	for i := range words {
		w := g.word()
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		if i > 0 && i < n-1 && g.r.IntN(12) == 0 {
			w += ","
		}
		words[i] = w
	}
	words[n-1] += "."
	return words
}

// paragraph is a list of sentences.
type genPara [][]string

func (g *generator) paragraph() genPara {
	n := 3 + g.r.IntN(6)
	p := make(genPara, n)
	for i := range p {
		p[i] = g.sentence()
	}
	return p
}

func (g *generator) document(size int) []genPara {
	var doc []genPara
	total := 0
	for total < size {
		p := g.paragraph()
		for _, s := range p {
			for _, w := range s {
				total += len(w) + 1
			}
		}
		total++
		doc = append(doc, p)
	}
	return doc
}

// render writes paragraphs wrapped at width columns (width 0: one line
// each), with wrapWidth applying from paragraph rewrapFrom to rewrapTo.
func renderDoc(doc []genPara, width, rewrapFrom, rewrapTo, rewrapWidth int) string {
	var sb strings.Builder
	for pi, p := range doc {
		if pi > 0 {
			sb.WriteString("\n\n")
		}
		w := width
		if pi >= rewrapFrom && pi < rewrapTo {
			w = rewrapWidth
		}
		col := 0
		first := true
		for _, s := range p {
			for _, word := range s {
				if !first {
					if w > 0 && col+1+len(word) > w {
						sb.WriteByte('\n')
						col = 0
					} else {
						sb.WriteByte(' ')
						col++
					}
				}
				first = false
				sb.WriteString(word)
				col += len(word)
			}
		}
	}
	sb.WriteByte('\n')
	return sb.String()
}

func copyDoc(doc []genPara) []genPara {
	out := make([]genPara, len(doc))
	for i, p := range doc {
		out[i] = make(genPara, len(p))
		for j, s := range p {
			out[i][j] = append([]string(nil), s...)
		}
	}
	return out
}

// revise makes a revision: about 2% of words replaced, 1% of sentences
// deleted and 1% inserted, two paragraphs moved, and a region re-wrapped
// (returned as the paragraph range to render at another width).
func (g *generator) revise(doc []genPara) (rev []genPara, rewrapFrom, rewrapTo int) {
	rev = copyDoc(doc)
	for _, p := range rev {
		for _, s := range p {
			for k := range s {
				if g.r.IntN(50) == 0 {
					w := g.word()
					if strings.HasSuffix(s[k], ".") {
						w += "."
					}
					s[k] = w
				}
			}
		}
	}
	for i, p := range rev {
		var out genPara
		for _, s := range p {
			if g.r.IntN(100) == 0 && len(p) > 1 {
				continue
			}
			out = append(out, s)
			if g.r.IntN(100) == 0 {
				out = append(out, g.sentence())
			}
		}
		rev[i] = out
	}
	if len(rev) >= 6 {
		for k := 0; k < 2; k++ {
			from := g.r.IntN(len(rev))
			p := rev[from]
			rev = append(rev[:from], rev[from+1:]...)
			to := (from + len(rev)/2) % len(rev)
			rev = append(rev[:to], append([]genPara{p}, rev[to:]...)...)
		}
	}
	rewrapFrom = len(rev) / 3
	rewrapTo = rewrapFrom + max(1, len(rev)/20)
	return rev, rewrapFrom, rewrapTo
}

// benchPair makes an old and a new document of about size bytes.
func benchPair(seed uint64, size int) (string, string) {
	g := newGenerator(seed)
	doc := g.document(size)
	rev, f, t := g.revise(doc)
	return renderDoc(doc, 72, 0, 0, 0), renderDoc(rev, 72, f, t, 50)
}

// unrelatedPair makes two documents of about size bytes with nothing in
// common but their vocabulary: the worst case.
func unrelatedPair(size int) (string, string) {
	a := newGenerator(101).document(size)
	b := newGenerator(202).document(size)
	return renderDoc(a, 72, 0, 0, 0), renderDoc(b, 72, 0, 0, 0)
}
