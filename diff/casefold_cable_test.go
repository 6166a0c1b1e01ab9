package diff

import (
	"strings"
	"testing"
)

// A side that holds a cable below a mixed-case preamble is compared whole
// as text, but with case ignored: the cable's capitals are no change
// against the same words typed in normal case.
func TestMixedCasePreambleKeepsCaseFolding(t *testing.T) {
	preamble := "Canonical ID: 1979STATE192639\nOriginal Classification: Confidential\nCurrent Classification: Unclassified\n" +
		"Handling Restrictions: n/a\nCharacter Count: 1234\nExecutive Order: GDS\nLocator: Text in Archive\n" +
		"Previous Handling Restrictions: n/a\nReference: n/a\nReview Action: Release, Expand Status\n\n"
	cableText := "O 242336Z JUL 79\nFM SECSTATE WASHDC\nTO AMEMBASSY LONDON\nBT\nCONFIDENTIAL STATE 192639\n" +
		"THE AMBASSADOR PRESENTED HIS CREDENTIALS.\nBT\n"
	old := preamble + "O 242336Z JUL 79\nFM SECSTATE WASHDC\nTO AMEMBASSY LONDON\nBT\nCONFIDENTIAL STATE 192639\n" +
		"The Ambassador presented his credentials.\nBT\n"
	c, err := Compare(Input{Name: "typed.txt", Data: []byte(old)}, Input{Name: "copy.txt", Data: []byte(preamble + cableText)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Stats.Changes != 0 {
		t.Errorf("%d changes, want 0 (case ignored); notes %q", c.Stats.Changes, c.Notes)
	}
	if !strings.Contains(strings.Join(c.Notes, "\n"), "case ignored: typed.txt holds a cable") {
		t.Errorf("notes %q do not say case is ignored", c.Notes)
	}
}
