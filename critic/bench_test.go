package critic

import (
	"fmt"
	"strings"
	"testing"
)

// marksOnOneLine is n insertions on one line: "w{++a0++} w{++a1++} …".
func marksOnOneLine(n int) []byte {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "w{++a%d++} ", i)
	}
	b.WriteString("\n")
	return []byte(b.String())
}

// nestedList is a list n levels deep, a mark on each level.
func nestedList(n int) []byte {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%s- item {++x%d++}\n", strings.Repeat("  ", i), i)
	}
	return []byte(b.String())
}

// The size sweeps show a regression as a slope: ns/op should grow as the
// size does, not as its square.
func BenchmarkParseMarksOneLine(b *testing.B) {
	for _, n := range []int{1000, 4000, 16000, 64000} {
		src := marksOnOneLine(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				d, err := Parse("one-line.md", src)
				if err != nil {
					b.Fatal(err)
				}
				if len(d.Changes()) != n {
					b.Fatalf("%d changes, want %d", len(d.Changes()), n)
				}
			}
		})
	}
}

// Nesting up to MaxNesting is read; past it, refused. Both grow with the
// input: the depth-100 list over more and more lines, and the refusal of
// ever deeper nesting (indented lists, whose text grows as the square of
// the depth, and block quotes on one line).
func BenchmarkParseNestedList(b *testing.B) {
	for _, lines := range []int{1000, 4000, 16000} {
		var sb strings.Builder
		for sb.Len() == 0 || strings.Count(sb.String(), "\n") < lines {
			sb.Write(nestedList(MaxNesting))
		}
		src := []byte(sb.String())
		b.Run(fmt.Sprintf("depth%d/lines%d", MaxNesting, lines), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				if _, err := Parse("nested.md", src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, n := range []int{1000, 2000, 4000} {
		src := nestedList(n)
		b.Run(fmt.Sprintf("refused/indented%d", n), func(b *testing.B) { benchRefused(b, src) })
	}
	for _, n := range []int{10000, 40000, 160000} {
		src := []byte(strings.Repeat("> ", n) + "deep {++x++}\n")
		b.Run(fmt.Sprintf("refused/quotes%d", n), func(b *testing.B) { benchRefused(b, src) })
	}
}

func benchRefused(b *testing.B, src []byte) {
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse("nested.md", src); err == nil {
			b.Fatal("nesting past MaxNesting was read")
		}
	}
}
