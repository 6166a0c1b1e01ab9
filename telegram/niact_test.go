package telegram

import (
	"strings"
	"testing"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
)

// NIACT IMMEDIATE is written back as it was read: the heading's letter is
// O, the addressee line carries the words in full, and import gives the
// draft its precedence again.
func TestNiactWrittenBack(t *testing.T) {
	src := "---\ntemplate: state-cable\nclassification: SECRET\nprecedence: NIACT IMMEDIATE\nfrom: SECSTATE WASHDC\n" +
		"to: [AMEMBASSY MOSCOW, AMEMBASSY BONN]\nsignature: SHULTZ\nsubject: Test\ntags: [PREL]\neo: 'X'\n---\nThe text is here.\n"
	doc, err := draft.Parse("d.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(doc, Options{DTG: "212130Z DEC 88", Serial: "STATE 123456"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nO 212130Z DEC 88\n", "\nTO AMEMBASSY MOSCOW NIACT IMMEDIATE\n", "\nAMEMBASSY BONN NIACT IMMEDIATE\n"} {
		if !strings.Contains("\n"+string(out), want) {
			t.Errorf("rendering lacks %q:\n%s", want, out)
		}
	}
	m, err := cable.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if m.ActionPrecedence() != "NIACT IMMEDIATE" {
		t.Errorf("read back as %q", m.ActionPrecedence())
	}
	if fl, _ := FromCable(m, nil, "", ""); fl.Precedence != "NIACT IMMEDIATE" {
		t.Errorf("import gives precedence %q", fl.Precedence)
	}
}

// A draft whose paragraph is marked above its classification is not
// rendered: the error names the line and both fixes.
func TestPortionMarkAboveClassificationRefused(t *testing.T) {
	src := "---\ntemplate: state-cable\nclassification: CONFIDENTIAL\nprecedence: IMMEDIATE\nfrom: SECSTATE WASHDC\n" +
		"to: [AMEMBASSY MOSCOW]\nsignature: SHULTZ\nsubject: Test\ntags: [PREL]\neo: 'X'\n---\n(C) The first.\n\n(S) The second.\n"
	doc, err := draft.Parse("d.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Render(doc, Options{DTG: "212130Z DEC 88", Serial: "STATE 123456"})
	if err == nil || !strings.Contains(err.Error(), "d.md:14: the paragraph is marked (S), SECRET, above the message's classification CONFIDENTIAL: raise the classification to SECRET") {
		t.Fatalf("err = %v", err)
	}
	doc.Fields.Classification = "SECRET"
	if _, err := Render(doc, Options{DTG: "212130Z DEC 88", Serial: "STATE 123456"}); err != nil {
		t.Fatalf("as SECRET: %v", err)
	}
}
