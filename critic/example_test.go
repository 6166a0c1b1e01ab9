package critic

import (
	"github.com/redline-dev/redline/draft"
	"os"
	"path/filepath"
	"testing"
)

// The 1988 example: No. 10's amendments to the FCO draft. Rejecting every
// change gives the FCO draft's body, accepting every change the body of the
// telegram draft, and importing the hand-marked transcription gives the
// CriticMarkup version.
func TestCriticMoscowExample(t *testing.T) {
	dir := filepath.Join("..", "examples", "moscow-1988")
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("the bundled example is missing: %v", err)
		}
		return b
	}
	body := func(name string, b []byte) string {
		doc, err := draft.Parse(name, b)
		if err != nil {
			t.Fatal(err)
		}
		return string(doc.Body)
	}
	amended := read("no10-amended.md")
	d, err := Parse("no10-amended.md", amended)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Changes()); n < 10 {
		t.Errorf("only %d changes in no10-amended.md", n)
	}
	if got, want := body("rejected", d.RejectAll()), body("fco-draft.md", read("fco-draft.md")); got != want {
		t.Errorf("reject all of no10-amended.md differs from fco-draft.md:\n got %q\nwant %q", got, want)
	}
	if got, want := body("accepted", d.AcceptAll()), body("telegram.md", read("telegram.md")); got != want {
		t.Errorf("accept all of no10-amended.md differs from telegram.md:\n got %q\nwant %q", got, want)
	}
	imported, err := ImportHandwritten(read("handwritten.md"))
	if err != nil {
		t.Fatal(err)
	}
	if string(imported) != string(amended) {
		t.Errorf("import handwritten.md:\n got %q\nwant %q", imported, amended)
	}
}

func BenchmarkParseCriticResolve(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "examples", "moscow-1988", "no10-amended.md"))
	if err != nil {
		b.Skip(err)
	}
	// A long draft: the example's body fifty times.
	doc, err := draft.Parse("x.md", src)
	if err != nil {
		b.Fatal(err)
	}
	big := append([]byte(nil), src...)
	for i := 0; i < 49; i++ {
		big = append(big, '\n')
		big = append(big, doc.Body...)
	}
	b.SetBytes(int64(len(big)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := Parse("big.md", big)
		if err != nil {
			b.Fatal(err)
		}
		_ = d.AcceptAll()
	}
}
