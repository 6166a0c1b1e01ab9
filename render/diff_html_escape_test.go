package render

import (
	"html"
	"math/rand/v2"
	"strings"
	"testing"
)

// writeEscaped must escape exactly as html.EscapeString, which it
// replaces on the redline's hot path.
func TestWriteEscapedMatchesEscapeString(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	alphabet := []string{"<", ">", "&", "'", `"`, "a", " ", "é", "\n", "&amp;", "\xff"}
	for range 20000 {
		var in strings.Builder
		for range r.IntN(12) {
			in.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		var b strings.Builder
		writeEscaped(&b, in.String())
		if got, want := b.String(), html.EscapeString(in.String()); got != want {
			t.Fatalf("writeEscaped(%q) = %q, want %q", in.String(), got, want)
		}
	}
}
