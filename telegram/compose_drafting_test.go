package telegram

import (
	"reflect"
	"testing"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
)

// The chain of responsibility given to the writer is read back by the
// reader: the State template's drafting block into DraftedBy, ApprovedBy
// and Clearances, the FCO template's authoriser into ApprovedBy; and none
// of it lands in the text.
func TestDraftingBlockRoundTrip(t *testing.T) {
	d := &Drafting{DraftedBy: "EUR/NE:JSMITH", ApprovedBy: "EUR:GVEST", Clearances: []string{"EUR/RPM:JREHFELD", "S/S:LBREMER"}}
	for _, c := range []struct {
		template string
		want     []any
	}{
		{"state-cable", []any{d.DraftedBy, d.ApprovedBy, d.Clearances}},
		{"fco-telegram", []any{"", d.ApprovedBy, []string(nil)}},
	} {
		src := "---\ntemplate: " + c.template + "\nclassification: SECRET\nprecedence: IMMEDIATE\nfrom: FCO\n" +
			"to: [WASHINGTON]\nsignature: HOWE\nsubject: Test\ntags: [PREL]\neo: 'X'\n---\nThe text is here.\n"
		doc, err := draft.Parse("d.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		out, err := Render(doc, Options{Drafting: d, DTG: "212130Z DEC 88", Serial: "TELNO 12"})
		if err != nil {
			t.Fatalf("%s: %v", c.template, err)
		}
		m, err := cable.Parse(out)
		if err != nil {
			t.Fatalf("%s: %v\n%s", c.template, err, out)
		}
		if got := []any{m.DraftedBy, m.ApprovedBy, m.Clearances}; !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %q, want %q\n%s", c.template, got, c.want, out)
		}
		if m.Text != "THE TEXT IS HERE." {
			t.Errorf("%s: text %q\n%s", c.template, m.Text, out)
		}
	}
}
