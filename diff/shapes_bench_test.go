package diff

import (
	"fmt"
	"strings"
	"testing"
)

// Pathological shapes, each with a size sweep, so that a renderer or a
// pass that grows faster than its input shows as a slope between the
// sizes rather than as one slow figure: one paragraph of a single very
// long line, many one-word paragraphs, and one word changed in every
// paragraph.
var shapeSizes = []int{10_000, 100_000, 1_000_000}

// shapePair makes a pair of the given shape and about size bytes.
func shapePair(shape string, size int) (string, string) {
	g := newGenerator(uint64(size))
	var a, b strings.Builder
	switch shape {
	case "long-line":
		for a.Len() < size {
			w := g.word()
			a.WriteString(w + " ")
			if a.Len()%97 == 0 {
				w = "changed"
			}
			b.WriteString(w + " ")
		}
	case "tiny-paragraphs":
		for i := 0; a.Len() < size; i++ {
			w := g.word()
			a.WriteString(w + "\n\n")
			if i%50 == 0 {
				w += "s"
			}
			b.WriteString(w + "\n\n")
		}
	case "every-paragraph":
		for i := 0; a.Len() < size; i++ {
			s := g.sentence()
			a.WriteString(strings.Join(s, " ") + ".\n\n")
			s[len(s)/2] = fmt.Sprintf("edit%d", i)
			b.WriteString(strings.Join(s, " ") + ".\n\n")
		}
	}
	return a.String(), b.String()
}

var shapes = []string{"long-line", "tiny-paragraphs", "every-paragraph"}

func BenchmarkCompareShapes(b *testing.B) {
	for _, shape := range shapes {
		for _, size := range shapeSizes {
			b.Run(fmt.Sprintf("%s/%d", shape, size), func(b *testing.B) {
				x, y := shapePair(shape, size)
				b.SetBytes(int64(len(x) + len(y)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Compare(Input{Name: "a.txt", Data: []byte(x)}, Input{Name: "b.txt", Data: []byte(y)}, Options{Moves: true}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// Each shape compares, with the text of both sides kept whole.
func TestShapesCompare(t *testing.T) {
	for _, shape := range shapes {
		x, y := shapePair(shape, 20_000)
		c, err := Compare(Input{Name: "a.txt", Data: []byte(x)}, Input{Name: "b.txt", Data: []byte(y)}, Options{Moves: true})
		if err != nil {
			t.Fatal(err)
		}
		if c.Text("a") != x || c.Text("b") != y || c.Stats.Changes == 0 {
			t.Errorf("%s: sides not kept whole, or no change found (%d)", shape, c.Stats.Changes)
		}
	}
}
