package diff

import (
	"os"
	"testing"
)

func BenchmarkZZEngine(b *testing.B) {
	x, _ := os.ReadFile("/tmp/bf/1m-old.txt")
	y, _ := os.ReadFile("/tmp/bf/1m-new.txt")
	pa, _ := prepare(Input{Name: "a.txt", Data: x})
	pb, _ := prepare(Input{Name: "b.txt", Data: y})
	in := newInternerFor(max(len(pa.text), len(pb.text)))
	ta, tb := tokenizeBoth(pa, pb, tokenizeOptions{}, tokenizeOptions{}, in)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e := newEngine(ta, tb, len(in.keys))
		e.run(in)
		e.cleanup()
		moves := e.findMoves(DefaultMinMoveWords)
		c := &Comparison{}
		e.segments(c, moves)
	}
}
