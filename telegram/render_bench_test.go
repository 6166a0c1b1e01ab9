package telegram

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/redline-dev/redline/draft"
)

// longDraft is a State draft of about size bytes of ordinary paragraphs.
func longDraft(size int) string {
	r := rand.New(rand.NewPCG(50, 1))
	words := strings.Fields("the minister said that we should agree to a conference in moscow only if progress continues on human rights and family reunification cases of for following settlement")
	var b strings.Builder
	b.WriteString("---\ntemplate: state-cable\nclassification: CONFIDENTIAL\nprecedence: IMMEDIATE\nfrom: SECSTATE WASHDC\nto: [AMEMBASSY LONDON]\nsubject: Test\nsignature: HAIG\n---\n")
	for b.Len() < size {
		n := 20 + r.IntN(100)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		b.WriteString(".\n\n")
	}
	return b.String()
}

// The time per byte of rendering a draft stays flat with its size (a
// rise in ns/B from one size to the next is the regression to look for).
func BenchmarkRenderLongDraft(b *testing.B) {
	for _, size := range []int{100 << 10, 1 << 20, 4 << 20} {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			src := longDraft(size)
			doc, err := draft.Parse("long.md", []byte(src))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Render(doc, Options{DTG: "212130Z DEC 88", Serial: "STATE 153441"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
