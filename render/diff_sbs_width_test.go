package render

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/clipperhouse/uax29/v2/graphemes"

	"github.com/redline-dev/redline/diff"
)

// A huge width is drawn at the widest layout, not padded to the width
// asked for (QA F35).
func TestSideBySideWidthIsBounded(t *testing.T) {
	c, err := diff.Compare(diff.Input{Name: "a.txt", Data: []byte("a b c\n")}, diff.Input{Name: "b.txt", Data: []byte("a x c\n")}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Diff(&buf, c, "side-by-side", DiffOptions{Width: 1 << 40}); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(buf.String(), "\n") {
		if n := len([]rune(l)); n > sbsMaxWidth {
			t.Fatalf("line of %d columns: %.40q", n, l)
		}
	}
}

// clusters cuts text as the grapheme segmenter does, with its ASCII
// shortcut.
func TestClustersMatchSegmenter(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	pieces := []string{"a", "b", " ", "\n", "\r", "\r\n", "e\u0301", "\u0301", "中", "🇬", "🇧", "👨\u200d👩", "\u200d", "\ufe0f", "é", "-", "x"}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(14) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		var want, got []string
		var wantPos, gotPos []int
		it := graphemes.FromString(s)
		for it.Next() {
			want, wantPos = append(want, it.Value()), append(wantPos, it.Start())
		}
		for g, pos := range clusters(s) {
			got, gotPos = append(got, g), append(gotPos, pos)
		}
		if !slices.Equal(got, want) || !slices.Equal(gotPos, wantPos) {
			t.Fatalf("clusters(%q) = %q at %v; want %q at %v", s, got, gotPos, want, wantPos)
		}
	}
}
