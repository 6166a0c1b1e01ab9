package cable

import (
	"strings"
	"testing"
)

// stateCable wraps text lines in a minimal State heading.
func stateCable(text string) []byte {
	return []byte("R 112249Z FEB 74\nFM SECSTATE WASHDC\nTO AMEMBASSY LISBON\nC O N F I D E N T I A L STATE 027792\n\n" + text + "\nKISSINGER\nNNN\n")
}

func TestLineEndHyphenKeptWhereTheTextSpellsIt(t *testing.T) {
	cases := []struct{ text, want string }{
		// the text spells the compound with its hyphen: kept
		{"1. GUINEA-BISSAU HAS APPLIED. WE SHOULD NOT CONSIDER GUINEA-\nBISSAU'S APPLICATION YET.", "CONSIDER GUINEA-BISSAU'S APPLICATION"},
		{"1. THE NON-ALIGNED MET. SEVERAL NON-\nALIGNED DELEGATES SPOKE.", "SEVERAL NON-ALIGNED DELEGATES"},
		// a word cut in two: joined
		{"1. WE HOPE FOR A SETTLE-\nMENT SOON.", "FOR A SETTLEMENT SOON"},
		// a compound the text spells nowhere else: joined, as before
		{"1. THE UN-\nAFFILIATED BODIES MET.", "THE UNAFFILIATED BODIES"},
		// the hyphenated form elsewhere must be the same word, not a part
		{"1. THE SETTLE-MENT-X CODE. A SETTLE-\nMENT FOLLOWS.", "A SETTLEMENT FOLLOWS"},
	}
	for _, c := range cases {
		m, err := Parse(stateCable(c.text))
		if err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		if got := strings.Join(strings.Fields(m.Text), " "); !strings.Contains(got, c.want) {
			t.Errorf("%q: text %q, want it to hold %q", c.text, got, c.want)
		}
	}
}

// A subject broken at a compound's hyphen across a page break keeps it
// when the text spells the compound so.
func TestSubjectCompoundAcrossPage(t *testing.T) {
	in := "O 081529Z JUL 74\nFM SECSTATE WASHDC\nTO AMEMBASSY LIMA\nC O N F I D E N T I A L STATE 146266\n" +
		"SUBJECT: MEMBERSHIP FOR GUINEA-\nCONFIDENTIAL\nCONFIDENTIAL\nPAGE 02 STATE 146266\nBISSAU\n" +
		"1. GUINEA-BISSAU HAS APPLIED.\nKISSINGER\n"
	m, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "MEMBERSHIP FOR GUINEA-BISSAU" {
		t.Errorf("subject %q", m.Subject)
	}
}
