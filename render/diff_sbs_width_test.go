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

// TestSbsSize: the side-by-side view's buffer is sized close to what it
// writes, at every width and with colour or without, so that it is made
// once and not much larger than needed.
func TestSbsSize(t *testing.T) {
	c := benchComparison(t, 200_000)
	for _, color := range []bool{false, true} {
		for _, w := range []int{sbsMinWidth, 80, 120, sbsMaxWidth} {
			var buf bytes.Buffer
			if err := renderSideBySide(&buf, c, DiffOptions{Context: -1, Width: w, Color: color}); err != nil {
				t.Fatal(err)
			}
			l := sbsLayout{color: color, left: (w - 3) / 2}
			l.right = w - 3 - l.left
			if est, got := sbsSize(c, l, w), buf.Len(); float64(est) < 0.9*float64(got) || est > 3*got {
				t.Errorf("width %d, colour %v: estimated %d bytes, wrote %d", w, color, est, got)
			}
		}
	}
}
