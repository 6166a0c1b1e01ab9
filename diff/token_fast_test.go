package diff

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPackForm checks the tokenizer's packing of short ASCII words (eight
// bytes in one load, folded eight at a time) against pack of the word's
// folded form, for words at the end of a text and inside one.
func TestPackForm(t *testing.T) {
	const alphabet = "abcxyzABCXYZ0189'"
	rng := rand.New(rand.NewPCG(3, 5))
	for range 2000 {
		l := 1 + rng.IntN(maxPacked)
		var sb strings.Builder
		for range l {
			sb.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		w := sb.String()
		for _, text := range []string{w, "@" + w + " tail that follows", "@" + w} {
			i, j := 1, 1+l
			if text == w {
				i, j = 0, l
			}
			for _, fold := range []bool{false, true} {
				want := w
				if fold {
					want = strings.ToLower(w)
				}
				if got := packForm(text, i, j, fold); got != pack(want) {
					t.Fatalf("packForm(%q, %d, %d, %v) = %#x, want %#x (%q)", text, i, j, fold, got, pack(want), want)
				}
			}
		}
	}
}

// TestScanASCIIWord checks the hash of the word scan against FNV-1a of the
// matching form.
func TestScanASCIIWord(t *testing.T) {
	for _, tc := range []struct {
		text string
		fold bool
		end  int
		key  string
	}{
		{"Hello, world", false, 5, "Hello"},
		{"Hello, world", true, 5, "hello"},
		{"ABC123def-x", true, 9, "abc123def"},
		{"plain", false, 5, "plain"},
		{"é", false, 0, ""},
	} {
		tab := &wordForm
		if tc.fold {
			tab = &wordFormFold
		}
		j, h, changed := scanASCIIWord(tc.text, 0, tab, fnvOffset)
		if j != tc.end || h != fnvString(tc.key) || changed != (tc.fold && tc.key != tc.text[:j]) {
			t.Errorf("scanASCIIWord(%q, fold %v) = %d, %#x, %v; want %d, %#x (%q)", tc.text, tc.fold, j, h, changed, tc.end, fnvString(tc.key), tc.key)
		}
	}
}
