package telegram

import (
	"fmt"
	"strings"
	"testing"

	"github.com/redline-dev/redline/cable"
)

// BenchmarkImportLongParagraph imports a cable whose text is one paragraph
// of n wrapped lines, with a word broken at a hyphen on every other line:
// joining the lines must stay linear in n, which the time per line across
// the sizes shows.
func BenchmarkImportLongParagraph(b *testing.B) {
	for _, n := range []int{1000, 4000, 16000} {
		text := "1. " + strings.Repeat("THE MINISTER SAID THAT THE SETTLE-\nMENT WAS NEAR AND THE TALKS WOULD GO ON\n", n/2) + "END."
		m := &cable.Message{Form: "state", Classification: "SECRET", Text: text}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, body := FromCable(m, nil, "", ""); len(body) < len(text)-n {
					b.Fatalf("body of %d bytes", len(body))
				}
			}
		})
	}
}
