package render

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/redline-dev/redline/diff"
)

// benchComparison compares two generated texts of about size bytes: a
// word changed in every fifth paragraph.
func benchComparison(b testing.TB, size int) *diff.Comparison {
	b.Helper()
	var x, y strings.Builder
	for i := 0; x.Len() < size; i++ {
		p := fmt.Sprintf("Paragraph %d says what the minister said to the ambassador about the treaty and the talks. ", i)
		x.WriteString(p + "It ends here.\n\n")
		if i%5 == 0 {
			p = strings.Replace(p, "minister", "secretary", 1)
		}
		y.WriteString(p + "It ends here.\n\n")
	}
	c, err := diff.Compare(diff.Input{Name: "a.txt", Data: []byte(x.String())}, diff.Input{Name: "b.txt", Data: []byte(y.String())}, diff.Options{Moves: true})
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkFormats draws one comparison in every view at three sizes: the
// time per byte should not grow from one size to the next.
func BenchmarkFormats(b *testing.B) {
	for _, size := range []int{10_000, 100_000, 1_000_000} {
		c := benchComparison(b, size)
		for _, f := range Formats() {
			b.Run(fmt.Sprintf("%s/%d", f.Name, size), func(b *testing.B) {
				b.SetBytes(int64(size))
				b.ReportAllocs()
				for b.Loop() {
					if err := f.Render(io.Discard, c, DiffOptions{Context: -1, Width: 120}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
