package tracked

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/render"
)

// trackedText makes a tidy Markdown text: paragraphs and lists of words
// with single spaces, as drafts are written.
func trackedText(r *rand.Rand) string {
	words := strings.Fields("the Soviet side have affirmed that progress is being made on legal reforms, " +
		"and a new decree on emigration is said to be virtually complete. Moscow Vienna CSCE (a) conference;")
	var blocks []string
	for b := 0; b < 1+r.IntN(5); b++ {
		para := func() string {
			n := 1 + r.IntN(12)
			w := make([]string, n)
			for i := range w {
				w[i] = words[r.IntN(len(words))]
			}
			return strings.Join(w, " ")
		}
		if r.IntN(4) == 0 {
			var items []string
			for i := 0; i < 1+r.IntN(4); i++ {
				items = append(items, "- "+para())
			}
			blocks = append(blocks, strings.Join(items, "\n"))
		} else {
			blocks = append(blocks, para())
		}
	}
	return strings.Join(blocks, "\n\n") + "\n"
}

// mutate edits a text at random: words dropped, added, replaced, blocks
// dropped and added.
func mutate(r *rand.Rand, s string) string {
	blocks := strings.Split(strings.TrimSuffix(s, "\n"), "\n\n")
	var out []string
	for _, b := range blocks {
		switch r.IntN(8) {
		case 0:
			continue
		case 1:
			out = append(out, strings.TrimSuffix(trackedText(r), "\n"))
		}
		lines := strings.Split(b, "\n")
		for i, l := range lines {
			w := strings.Fields(l)
			var nw []string
			for _, x := range w {
				switch r.IntN(10) {
				case 0:
				case 1:
					nw = append(nw, x, "new")
				case 2:
					nw = append(nw, "other")
				default:
					nw = append(nw, x)
				}
			}
			if len(nw) == 0 || (w[0] == "-" && (len(nw) < 2 || nw[0] != "-")) {
				nw = w
			}
			lines[i] = strings.Join(nw, " ")
		}
		out = append(out, strings.Join(lines, "\n"))
	}
	if len(out) == 0 {
		out = []string{"empty"}
	}
	return strings.Join(out, "\n\n") + "\n"
}

// For random texts A and B, accepting every change of the critic redline
// of A against B gives B, and rejecting every change gives A.
func TestTrackedCriticRedlineProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 12))
	changes := 0
	for i := 0; i < 300; i++ {
		a := trackedText(r)
		b := mutate(r, a)
		if r.IntN(5) == 0 {
			b = trackedText(r)
		}
		c, err := diff.Compare(diff.Input{Name: "a.md", Data: []byte(a), Kind: "markdown"},
			diff.Input{Name: "b.md", Data: []byte(b), Kind: "markdown"}, diff.Options{Moves: r.IntN(2) == 0, MinMoveWords: 3})
		if err != nil {
			t.Fatal(err)
		}
		var w bytes.Buffer
		if err := render.Diff(&w, c, "critic", render.DiffOptions{}); err != nil {
			t.Fatal(err)
		}
		d, err := critic.Parse("redline.md", w.Bytes())
		if err != nil {
			t.Fatalf("critic redline does not parse: %v\n%s", err, w.String())
		}
		changes += len(d.Changes())
		if got := string(d.AcceptAll()); got != b {
			t.Fatalf("accept all:\n got %q\nwant %q\nredline %q", got, b, w.String())
		}
		if got := string(d.RejectAll()); got != a {
			t.Fatalf("reject all:\n got %q\nwant %q\nredline %q", got, a, w.String())
		}
	}
	if changes < 300 {
		t.Errorf("only %d changes in 300 redlines: the generator makes too few edits", changes)
	}
}
