package render

import (
	"bytes"
	"math/rand"
	"os"
	"testing"

	"github.com/redline-dev/redline/diff"
)

func TestZZDump(t *testing.T) {
	old, new := generatedPair(rand.New(rand.NewSource(14)), 100<<10)
	c, _ := diff.Compare(diff.Input{Name: "old.md", Data: old}, diff.Input{Name: "new.md", Data: new, Side: diff.Side{Author: "A. Drafter", Office: "FCO", Time: "1988-12-21T21:30:00Z"}}, diff.Options{Moves: true})
	var buf bytes.Buffer
	Diff(&buf, c, "docx", DiffOptions{})
	os.WriteFile("/tmp/g.docx", buf.Bytes(), 0o644)
	os.WriteFile("/tmp/g-old.txt", []byte(c.Text("a")), 0o644)
	os.WriteFile("/tmp/g-new.txt", []byte(c.Text("b")), 0o644)
}
