package tracked

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// The tracked-draft page of n marks on one line: ns/op should grow with n,
// not with its square.
func BenchmarkDraftHTMLMarksOneLine(b *testing.B) {
	for _, n := range []int{1000, 4000, 16000} {
		var sb strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&sb, "w{++a%d++} ", i)
		}
		src := []byte(sb.String() + "\n")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				if err := DraftHTML(io.Discard, "one-line.md", src, DraftOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
