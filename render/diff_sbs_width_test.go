package render

import (
	"bytes"
	"strings"
	"testing"

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
