package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-dev/redline/draft"
)

func loadDraft(t *testing.T, path string) *draft.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := draft.Parse(filepath.Base(path), data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestCable1988 renders the example telegram as it was sent and compares it
// with the seed's copy: the header line for line, the rest word for word.
func TestCable1988(t *testing.T) {
	doc := loadDraft(t, "../examples/moscow-1988/telegram.md")
	out, err := Cable(doc, CableOptions{DTG: "212130Z DEC 88", Serial: "T 192A/88"})
	if err != nil {
		t.Fatal(err)
	}
	sent, err := os.ReadFile("../examples/moscow-1988/as-sent.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := string(sent)
	want = want[strings.Index(want, "O 212130Z DEC 88"):]
	got := string(out)
	for i, l := range strings.Split(got, "\n") {
		if len(l) > 69 {
			t.Errorf("line %d is %d characters: %q", i+1, len(l), l)
		}
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	header := 0
	for i, l := range wl {
		if strings.HasPrefix(l, "SERIAL No.") {
			header = i + 1
		}
	}
	if header == 0 {
		t.Fatal("as-sent.txt has no SERIAL No. line")
	}
	for i := 0; i < header; i++ {
		if i >= len(gl) || gl[i] != wl[i] {
			t.Errorf("header line %d: got %q, want %q", i+1, at(gl, i), wl[i])
		}
	}
	gw, ww := strings.Fields(strings.Join(gl[header:], "\n")), strings.Fields(strings.Join(wl[header:], "\n"))
	for i := 0; i < max(len(gw), len(ww)); i++ {
		if at(gw, i) != at(ww, i) {
			t.Fatalf("word %d: got %q, want %q (context: %v)", i+1, at(gw, i), at(ww, i), gw[max(0, i-5):min(len(gw), i+5)])
		}
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "<none>"
}
