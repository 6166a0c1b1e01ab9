package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/redline-dev/redline/diff"
)

// Every view shows who made each change when the comparison says (diff --by).
func TestEveryViewShowsWhoMadeAChange(t *testing.T) {
	c, err := diff.Compare(
		diff.Input{Name: "old", Kind: "text", Data: []byte("We can no longer delay a decision on whether to agree to a conference.\n\nOur people have kept in touch.\n")},
		diff.Input{Name: "new", Kind: "text", Data: []byte("We shall have to reach a decision on whether to agree to a conference.\n\nOur experts have kept in touch.\n")},
		diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Segments {
		s := &c.Segments[i]
		switch {
		case s.Op == diff.OpEqual:
		case s.Change == 1:
			s.By = "No. 10"
		default:
			s.By = "Cabinet Office"
		}
	}
	want := map[string][]string{
		"plain":        {"«No. 10»[-can no longer delay", "«Cabinet Office»[-people"},
		"ansi":         {"«No. 10»", "«Cabinet Office»"},
		"side-by-side": {"«No. 10»", "«Cabinet Office»"},
		"html":         {`<span class="by" style="` + htmlByStyle + `">No. 10</span>`, `>Cabinet Office</span>`},
		"json":         {`"by": "No. 10"`, `"by": "Cabinet Office"`},
		"stat":         {"  by No. 10: 1\n", "  by Cabinet Office: 1\n"},
		"critic":       {"shall have to reach ~~}{>>@No. 10<<}", "{>>@Cabinet Office<<}"},
	}
	for _, format := range DiffFormats() {
		var b bytes.Buffer
		if err := Diff(&b, c, format, DiffOptions{Context: -1, Width: 100, Paper: "a4"}); err != nil {
			t.Errorf("%s: %v", format, err)
			continue
		}
		for _, w := range want[format] {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s view lacks %q:\n%s", format, w, b.String())
			}
		}
	}
	for _, format := range []string{"plain", "critic", "stat"} { // without labels, nothing is added
		for i := range c.Segments {
			c.Segments[i].By = ""
		}
		var b bytes.Buffer
		if err := Diff(&b, c, format, DiffOptions{Context: -1}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "«") || strings.Contains(b.String(), "{>>") || strings.Contains(b.String(), " by ") {
			t.Errorf("%s view marks who made a change it was not told of:\n%s", format, b.String())
		}
	}
}
