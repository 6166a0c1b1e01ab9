package cmd

import (
	"strings"
	"testing"

	"github.com/redline-dev/redline/draft"
)

// A rendering that does not carry the draft is refused before a serial is
// consumed: empty, without the classification, without most of the text.
func TestSendCheckRendered(t *testing.T) {
	doc, err := draft.Parse("d.md", []byte("---\nclassification: UNCLASSIFIED\ntemplate: fco-telegram\n---\nThe administration is divided about the budget.\n"))
	if err != nil {
		t.Fatal(err)
	}
	for out, want := range map[string]string{
		"UNCLAS\nFM A\nTO B\nTHE ADMINISTRATION IS DIVIDED ABOUT THE BUDGET.\n": "",
		// One word changed by the character set or markup is not refused.
		"UNCLAS\nTHE ADMINISTRATION IS SPLIT ABOUT THE BUDGET.\n": "",
		" \n\n": "renders as an empty cable: check the template fco-telegram",
		"FM A\nTO B\nTHE ADMINISTRATION IS DIVIDED ABOUT THE BUDGET.\n": "without its classification UNCLASSIFIED",
		"UNCLAS\nFM A\nTO B\nTHE BUDGET.\n":                             "without most of its text (3 of its 4 words are missing)",
	} {
		err := sendCheckRendered("d.md", doc, []byte(out), "")
		switch {
		case want == "" && err != nil:
			t.Errorf("%q refused: %v", out, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%q: error %v, want %q", out, err, want)
		}
	}
}
