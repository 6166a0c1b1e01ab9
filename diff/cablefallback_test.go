package diff

import (
	"errors"
	"strings"
	"testing"
)

const draftForCable = "---\nclassification: SECRET\nfrom: CABINET OFFICE LONDON\nto: [THE WHITE HOUSE]\nprecedence: IMMEDIATE\ndtg: 212130Z DEC 88\n---\nWe shall meet in Moscow next month.\n\nThe conference will go ahead.\n"

func cableWith(first string) string {
	return first + "FM CABINET OFFICE LONDON\nTO THE WHITE HOUSE\nBT\nSECRET\nWE SHALL MEET IN MOSCOW NEXT MONTH.\n\nTHE CONFERENCE WILL GO AHEAD.\nBT\n"
}

// A misread date-time group or none at all does not stop a cable being read
// as one (QA F23): its text is compared, the group as written is a field,
// and a note names the line.
func TestCableWithUnreadableDTG(t *testing.T) {
	tests := []struct {
		name, data, dtg, note string
	}{
		{"misread", cableWith("CABWTECO1\n\nO 2I2130Z DEC 88\n"), "2I2130Z DEC 88", `line 3 ("O 2I2130Z DEC 88") cannot be read`},
		{"missing", cableWith(""), "", "no precedence and date-time group line above the FM line (line 1)"},
	}
	for _, tt := range tests {
		for _, kind := range []string{"", KindCable} {
			c, err := Compare(Input{Name: "draft.md", Data: []byte(draftForCable)}, Input{Name: "cable.txt", Data: []byte(tt.data), Kind: kind}, Options{Moves: true})
			if err != nil {
				t.Fatalf("%s (kind %q): %v", tt.name, kind, err)
			}
			if c.New.Kind != KindCable || c.Stats.Changes != 0 {
				t.Errorf("%s (kind %q): kind %s, %d changes: %s", tt.name, kind, c.New.Kind, c.Stats.Changes, redline(c))
			}
			if !strings.Contains(strings.Join(c.Notes, "\n"), tt.note) {
				t.Errorf("%s: notes %q do not say %q", tt.name, c.Notes, tt.note)
			}
			got := ""
			for _, f := range c.Fields {
				if f.Name == "dtg" {
					got = f.New
				}
			}
			if tt.dtg != "" && got != tt.dtg {
				t.Errorf("%s: dtg field change %q, want %q", tt.name, got, tt.dtg)
			}
		}
	}
}

func TestBetweenBT(t *testing.T) {
	lines := splitLines([]byte(cableWith("O 2I2130Z DEC 88\n")))
	perr := errors.New("line 1: bad")
	m, note, err := betweenBT("c.txt", lines, 1, "2I2130Z DEC 88", perr)
	if err != nil {
		t.Fatal(err)
	}
	if m.Classification != "SECRET" || m.Text != "WE SHALL MEET IN MOSCOW NEXT MONTH.\n\nTHE CONFERENCE WILL GO AHEAD." || m.DTG != "2I2130Z DEC 88" {
		t.Errorf("got %+v", m)
	}
	if !strings.Contains(note, "lines 4 and 9") {
		t.Errorf("note %q does not name the BT lines", note)
	}
	if _, _, err := betweenBT("c.txt", lines[:5], 1, "", perr); err != perr {
		t.Errorf("one BT line: err %v, want the parse error", err)
	}
}
