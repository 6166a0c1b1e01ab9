package critic

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestMayHoldCode: the one-pass check says what the four searches it
// replaces say (a backtick, "~~~", four spaces in a row, a tab), for
// strings and byte slices alike, and goldmark finds no code where it
// says there is none.
func TestMayHoldCode(t *testing.T) {
	want := func(s string) bool {
		return strings.Contains(s, "`") || strings.Contains(s, "~~~") || strings.Contains(s, "    ") || strings.Contains(s, "\t")
	}
	r := rand.New(rand.NewPCG(8, 9))
	alphabet := "`~ \ta\n-"
	for range 50000 {
		b := make([]byte, r.IntN(16))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(b)
		if got := mayHoldCode(s); got != want(s) {
			t.Fatalf("mayHoldCode(%q) = %v", s, got)
		}
		if got := mayHoldCode(b); got != want(s) {
			t.Fatalf("mayHoldCode([]byte %q) = %v", s, got)
		}
		if !want(s) && len(parsedCodeSpans(b, 0)) > 0 {
			t.Fatalf("%q: codeSpans found code the check ruled out", s)
		}
	}
}
