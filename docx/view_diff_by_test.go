package docx

import (
	"testing"

	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/render"
)

// A change the comparison says who made (diff --by) is theirs in Word.
func TestDOCXChangesByWhoMadeThem(t *testing.T) {
	c := moscowComparison(t)
	c.New.Author, c.New.Office = "Charles Powell", "No. 10"
	labelled := 0
	for i := range c.Segments {
		if s := &c.Segments[i]; s.Op != diff.OpEqual && s.Change%2 == 0 {
			s.By = "Cabinet Office"
			labelled++
		}
	}
	if labelled == 0 {
		t.Fatal("no change to label")
	}
	authors := map[string]int{}
	for _, p := range comparisonDocument(c, render.DiffOptions{}).Paragraphs {
		for _, r := range p.Runs {
			if r.Rev.Kind != Plain {
				authors[r.Rev.Author]++
			}
		}
	}
	if authors["Cabinet Office"] == 0 || authors["Charles Powell, No. 10"] == 0 || len(authors) != 2 {
		t.Errorf("authors of the tracked changes: %v", authors)
	}
}
