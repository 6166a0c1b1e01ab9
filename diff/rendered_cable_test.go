package diff_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/telegram"
	"github.com/redline-dev/redline/templates"
)

// A draft compared with the cable rendered from it shows no word changes
// at all, through every template, with and without pages.
func TestDraftAgainstItsRenderedCable(t *testing.T) {
	drafts := map[string][]byte{}
	for _, f := range []string{"telegram.md", "fco-draft.md"} {
		data, err := os.ReadFile("../examples/moscow-1988/" + f)
		if err != nil {
			t.Skip("example not present:", err)
		}
		drafts[f] = data
	}
	data, err := os.ReadFile("testdata/archive-draft.md")
	if err != nil {
		t.Fatal(err)
	}
	drafts["archive-draft.md"] = data
	drafts["lists.md"] = []byte(`---
classification: CONFIDENTIAL
precedence: PRIORITY
from: CABINET OFFICE LONDON
to: [THE WHITE HOUSE]
subject: Points for the meeting
signature: HOWE
---
The Secretary of State would like the following points made:

- the conference must be conditional on continued progress;
- the West should agree on the text of the concluding document before the end of January;
- any agreement must be monitored closely, and we must be ready to say so in public.

We hope you will agree that this is a vital point, and that the timing is right. ` + strings.Repeat("A longer paragraph follows so that the cable runs over several pages of the layout. ", 12) + `
`)
	for name, data := range drafts {
		for _, tmpl := range templates.Names() {
			for _, pages := range []int{0, 20} {
				t.Run(fmt.Sprintf("%s/%s/pages-%d", name, tmpl, pages), func(t *testing.T) {
					doc, err := draft.Parse(name, data)
					if err != nil {
						t.Fatal(err)
					}
					// ITA2 has no semicolon; the templates refuse it.
					doc.Body = []byte(strings.ReplaceAll(string(doc.Body), ";", ","))
					if doc.Fields.To == nil {
						doc.Fields.To = []string{"THE WHITE HOUSE"}
					}
					if doc.Fields.From == "" {
						doc.Fields.From = "CABINET OFFICE LONDON"
					}
					if doc.Fields.Signature == "" {
						doc.Fields.Signature = "HOWE"
					}
					out, err := telegram.Render(doc, telegram.Options{Template: tmpl, DTG: "212130Z DEC 88", Serial: "T 192A/88", PageLines: pages})
					if err != nil {
						t.Fatalf("%s does not render through %s: %v", name, tmpl, err)
					}
					c, err := diff.Compare(diff.Input{Name: name, Data: doc.Bytes()}, diff.Input{Name: "cable.txt", Data: out}, diff.Options{Moves: true})
					if err != nil {
						t.Fatalf("%v\n%s", err, out)
					}
					if c.New.Kind != diff.KindCable {
						t.Fatalf("rendered cable read as %s", c.New.Kind)
					}
					// A page break can fall between paragraphs or list
					// items, and the reader of the cable cannot always tell
					// it from a paragraph break: paragraph marks may differ,
					// words may not.
					for _, s := range c.Segments {
						if s.Op != diff.OpEqual && (strings.TrimSpace(s.A) != "" || strings.TrimSpace(s.B) != "") {
							t.Fatalf("word change %s %q %q\ncable:\n%s", s.Op, s.A, s.B, out)
						}
					}
					if st := c.Stats; st.DeletedWords+st.InsertedWords+st.MovedWords != 0 || st.OldWords != st.NewWords {
						t.Fatalf("stats %+v", st)
					}
					if c.Stats.Changes > 0 {
						t.Logf("%d paragraph break(s) differ", c.Stats.Changes)
					}
				})
			}
		}
	}
}
