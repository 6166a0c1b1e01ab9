package diff

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

const quotedCable = "O 212130Z DEC 88\nFM CABINET OFFICE LONDON\nTO THE WHITE HOUSE\nBT\nSECRET\nTHE TEXT OF THE MESSAGE.\nBT\n"

func TestGuessKindQuotedCable(t *testing.T) {
	tests := []struct {
		name, data, want string
		note             bool
	}{
		{"cable.txt", quotedCable, KindCable, false},
		{"cable.txt", quotedCable + "\nNNNN\n", KindCable, false},
		{"annotated.txt", quotedCable + "\nSeen by the PM, 22 Dec.\n", KindCable, true},
		{"cable.txt", "CABWTECO1\n\n" + quotedCable, KindCable, false},
		{"cable.txt", strings.ReplaceAll("CABWTECO1\n\n"+quotedCable, "\n", "\r"), KindCable, false},
		{"cable.txt", "\n\nPAGE 01 MOSCOW 12345 212130Z\nORIGIN EUR-12\n\n" + quotedCable, KindCable, false},
		{"minute.md", "---\ntitle: Minute\n---\n" + quotedCable, KindMarkdown, false},
		{"minute.md", "Prime Minister,\n\nThe telegram below went tonight.\n\n" + quotedCable + "\nCharles Powell\n", KindMarkdown, true},
		{"notes.txt", "Note for file.\n\n" + quotedCable + "\nMore notes.\n", KindText, true},
		{"fenced.md", "```\n" + quotedCable + "```\n", KindMarkdown, true},
		{"indented.md", "Quoted:\n\n    " + strings.ReplaceAll(strings.TrimSuffix(quotedCable, "\n"), "\n", "\n    ") + "\n", KindMarkdown, true},
	}
	for _, tt := range tests {
		kind, note, hint := guessKind(tt.name, []byte(tt.data))
		if kind != tt.want || (note != "") != tt.note {
			t.Errorf("guessKind(%s, %q) = %q, note %q; want %q, note %v", tt.name, tt.data, kind, note, tt.want, tt.note)
		}
		if (hint != nil) != (note != "") || hint != nil && (hint.Kind == kind || hint.Why == "") {
			t.Errorf("guessKind(%s, %q): note %q with hint %+v; a note suggests another kind, and says why", tt.name, tt.data, note, hint)
		}
		if strings.Contains(note, "--") {
			t.Errorf("guessKind(%s): note %q names a flag; the command adds those", tt.name, note)
		}
	}
}

// A minute quoting a cable is compared whole: changes outside the quoted
// BT lines are changes.
func TestQuotedCableChangesAreSeen(t *testing.T) {
	a := "Prime Minister,\n\nThe telegram below went this evening.\n\n" + quotedCable + "\nCharles Powell\n"
	b := "Prime Minister,\n\nThe telegram below went tonight.\n\n" + quotedCable + "\nC D Powell\n"
	c, err := Compare(Input{Name: "a.txt", Data: []byte(a)}, Input{Name: "b.txt", Data: []byte(b)}, Options{Moves: true})
	if err != nil {
		t.Fatal(err)
	}
	if c.Old.Kind != KindText || c.Stats.Changes != 2 {
		t.Fatalf("kind %s, %d changes; want text, 2: %s", c.Old.Kind, c.Stats.Changes, redline(c))
	}
	checkInvariant(t, c, a, b)
	if len(c.Notes) == 0 || !strings.Contains(c.Notes[0], "cable heading below other text") {
		t.Fatalf("notes %q do not say the cable guess was not made", c.Notes)
	}
	if len(c.Hints) != 2 || c.Hints[0] != (Hint{Side: "old", Kind: KindCable, Why: "to compare only the cable's message text"}) || c.Hints[1].Side != "new" {
		t.Fatalf("hints %+v; want one for each side, to read it as a cable", c.Hints)
	}
}

// A side that does not read as the kind it was given says which side it
// is and what it can be read as, and names no flag.
func TestKindErrorNamesTheSide(t *testing.T) {
	_, err := Compare(Input{Name: "a.txt", Data: []byte("Some text.\n")}, Input{Name: "b.txt", Data: []byte("Just some text.\n"), Kind: KindCable}, Options{})
	var ke *KindError
	if !errors.As(err, &ke) || ke.Side != "new" || ke.Alt != KindText || ke.Kind != KindCable {
		t.Fatalf("err = %v (%+v); want a KindError for the new side", err, ke)
	}
	if msg := err.Error(); !strings.Contains(msg, "b.txt") || strings.Contains(msg, "--") {
		t.Errorf("message %q: want the file named and no flag", msg)
	}
}

// hasFMLine never says no to a text the cable reader or the heading
// search would take as having an FM line.
func TestHasFMLine(t *testing.T) {
	yes := []string{"FM", "FM\n", "x\nFM SECSTATE\n", "x\r  FM X", "\ufeffFM X", "\u00a0FM X", "x\n\tFM\t\n", "F\fM X", "TO\nFM"}
	no := []string{"", "FMX", "xFM Y", "x\nAFM Y", "the FM radio", "x\n-FM Y", "fm x"}
	for _, s := range yes {
		if !hasFMLine([]byte(s)) {
			t.Errorf("hasFMLine(%q) = false", s)
		}
	}
	for _, s := range no {
		if hasFMLine([]byte(s)) {
			t.Errorf("hasFMLine(%q) = true", s)
		}
	}
	// Against the line-by-line test on random texts of those pieces.
	r := rand.New(rand.NewPCG(1, 9))
	pieces := []string{"FM", "F", "M", " ", "\t", "\n", "\r", "\u00a0", "X", "TO", "\ufeff"}
	for range 20000 {
		s := randomPieces(r, pieces, 10)
		want := false
		for _, l := range splitLines([]byte(s)) {
			if guessKeyword(strings.TrimSpace(l), "FM") {
				want = true
			}
		}
		if want && !hasFMLine([]byte(s)) {
			t.Fatalf("hasFMLine(%q) = false, but a line reads FM", s)
		}
	}
}
