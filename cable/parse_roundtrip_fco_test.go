package cable_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/telegram"
)

// An FCO telegram as posts wrote them in the 1980s and 2000s: TO DESKBY
// in place of the precedence, a reference to a telegram on a line of its
// own with no label (MY TELNO 3126) beside one that needs REF:, and
// unnumbered section headings over numbered paragraphs. Rendered, read
// back and imported, each comes back as the draft had it, and the import
// renders to the same telegram.
func TestFCORoundTripDeskbyRefsAndHeadings(t *testing.T) {
	src := "---\ntemplate: fco-telegram\nclassification: CONFIDENTIAL\nprecedence: PRIORITY\ndeskby: 220800Z\n" +
		"from: WASHINGTON\nto: [FCO]\ninfo: [UKMIS NEW YORK, MODUK]\n" +
		"references: [\"MY TELNO 3126: ARMS CONTROL\", STATE 387403]\nsignature: Acland\n---\n" +
		"## Summary\n\nThe Administration will not respond until the new team is in place.\n\n" +
		"## Detail\n\nShultz saw no need for haste.\n\nWe shall report further.\n"
	doc, err := draft.Parse("fco.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out, err := telegram.Render(doc, telegram.Options{DTG: "212300Z DEC 88", Serial: "3127"})
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"\nTO DESKBY 220800Z FCO\n", "\nINFO PRIORITY UKMIS NEW YORK\n",
		"\nMY TELNO 3126: ARMS CONTROL\n", "\nREF: STATE 387403\n", "\nSUMMARY\n\n1. THE ADMINISTRATION", "\nDETAIL\n\n2. SHULTZ"} {
		if !strings.Contains(string(out), line) {
			t.Errorf("rendering lacks %q:\n%s", line, out)
		}
	}
	m, err := cable.Parse(out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for name, c := range map[string][2]any{
		"to":         {m.To, []string{"FCO"}},
		"deskby":     {m.Deskby, "220800Z"},
		"references": {m.References, []string{"MY TELNO 3126: ARMS CONTROL", "STATE 387403"}},
		"precedence": {m.Precedence, []string{}}, // the FCO form writes none beside a DESKBY
		"signature":  {m.Signature, "ACLAND"},
	} {
		if !reflect.DeepEqual(c[0], c[1]) {
			t.Errorf("%s = %#v, want %#v\n%s", name, c[0], c[1], out)
		}
	}
	fl, body := telegram.FromCable(m, nil, "", "")
	if fl.Deskby != "220800Z" || !strings.HasPrefix(body, "## SUMMARY\n\nTHE ADMINISTRATION") || !strings.Contains(body, "\n## DETAIL\n") {
		t.Errorf("import: deskby %q, body\n%s", fl.Deskby, body)
	}
	doc2 := &draft.Document{Fields: fl, Body: []byte(body)}
	again, err := telegram.Render(doc2, telegram.Options{DTG: "212300Z DEC 88", Serial: "3127"})
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(out) {
		t.Errorf("the import renders otherwise:\n%s\nwant\n%s", again, out)
	}
}

// A TO DESKBY line with no precedence on it: the import takes the
// information addressees' precedence for the draft's, which the FCO form
// does not write beside a DESKBY.
func TestFCOImportDeskbyWithoutPrecedence(t *testing.T) {
	cableText := "CONFIDENTIAL\n\nFM WASHINGTON\nTO DESKBY 170600Z FCO\nTELNO 948\nOF 170356Z JULY 03\n" +
		"INFO PRIORITY PARIS\n\n1. TEXT.\n\nMEYER\n"
	m, err := cable.Parse([]byte(cableText))
	if err != nil {
		t.Fatal(err)
	}
	fl, _ := telegram.FromCable(m, nil, "", "")
	if fl.Precedence != "PRIORITY" || fl.Deskby != "170600Z" {
		t.Errorf("precedence %q deskby %q", fl.Precedence, fl.Deskby)
	}
}
