package attrib

import (
	"strings"
	"testing"

	"github.com/redline-dev/redline/critic"
)

// acceptedByCritic is what `redline accept --all` makes of a draft.
func acceptedByCritic(t *testing.T, name string, data []byte) []byte {
	t.Helper()
	all := func(d *critic.Doc) ([]int, error) {
		var nums []int
		for _, c := range d.Changes() {
			nums = append(nums, c.Number)
		}
		return nums, nil
	}
	o, err := critic.ResolveData(name, data, critic.Decision{Accept: true, Select: all})
	if err != nil {
		t.Fatal(err)
	}
	return o.Result
}

// The 1988 chain as the store holds it: the FCO draft, No. 10's
// amendments as CriticMarkup, and the same office's revision that accepts
// them. The accepting revision changes no word a reader sees, so it is
// credited with nothing; the amendments are No. 10's, and a word whose case
// alone a mark changed ("we" to "We") stays the FCO's.
func TestChainReadsCriticMarkupAccepted(t *testing.T) {
	amended := example(t, "no10-amended.md")
	revs := []Revision{
		{Name: "message.md@1", Number: 1, Office: "FCO", Data: example(t, "fco-draft.md"), Kind: "markdown"},
		{Name: "message.md@2", Number: 2, Office: "No. 10", Data: amended, Kind: "markdown"},
		{Name: "message.md@3", Number: 3, Office: "No. 10", Data: acceptedByCritic(t, "message.md@3", amended), Kind: "markdown"},
	}
	for _, n := range []int{2, 3} { // blame the amended revision itself, then the accepting one
		b, err := Chain(revs[:n])
		if err != nil {
			t.Fatal(err)
		}
		if critic.HasOpening(b.Text) {
			t.Fatalf("chain of %d: the blamed text still holds marks: %.200q", n, b.Text)
		}
		for _, gone := range []string{"on which we insist", "I hope you will agree that we"} {
			if strings.Contains(b.Text, gone) {
				t.Errorf("chain of %d: text a mark deletes, %q, is blamed", n, gone)
			}
		}
		for _, w := range b.Words {
			if w.Rev == 2 {
				t.Errorf("chain of %d: %q is credited to the revision that only accepted the marks", n, b.Text[w.Start:w.End])
			}
		}
		for phrase, want := range map[string]string{
			"shall have to reach": "No. 10", "experts": "No. 10", "which are essential": "No. 10",
			"up to the mark We must make it clear": "FCO", "A good deal of further progress": "FCO",
		} {
			for i, got := range officeOf(t, b, phrase) {
				if got != want {
					t.Errorf("chain of %d: word %d of %q is blamed on %s, want %s", n, i+1, phrase, got, want)
				}
			}
		}
	}
}

// Marks that do not parse (one never closed) leave the revision read as it
// stands, rather than failing the blame.
func TestChainReadsBrokenMarksAsText(t *testing.T) {
	revs := []Revision{
		{Name: "d.md@1", Number: 1, Data: []byte("We shall meet in Vienna.\n"), Kind: "markdown"},
		{Name: "d.md@2", Number: 2, Data: []byte("We shall {++soon meet in Vienna.\n"), Kind: "markdown"},
	}
	b, err := Chain(revs)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.Text, "{++soon") {
		t.Errorf("the unclosed mark was not read as text: %q", b.Text)
	}
}

// A revision whose content is the telegram as it went out, stored as a
// draft (committed over the working copy), is read as a cable: its heading
// is not blamed, so the re-typing is credited with nothing, and a word it
// adds to the message text is still its own.
func TestChainReadsACableRevisionsMessageText(t *testing.T) {
	sent := example(t, "as-sent.txt")
	retyped := []byte(strings.Replace(string(sent), "HAVE KEPT IN CLOSE", "HAVE KEPT IN VERY CLOSE", 1))
	revs := []Revision{
		{Name: "message.md@1", Number: 1, Office: "FCO", Data: example(t, "telegram.md"), Kind: "markdown"},
		{Name: "message.md@2", Number: 2, Office: "Cabinet Office", Data: sent, Kind: "markdown"},
		{Name: "message.md@3", Number: 3, Office: "Cabinet Office", Data: retyped, Kind: "markdown"},
	}
	b, err := Chain(revs)
	if err != nil {
		t.Fatal(err)
	}
	for _, heading := range []string{"CABWTECO1", "FM CABINET OFFICE", "212130Z", "SERIAL No", "BT\n"} {
		if strings.Contains(b.Text, heading) {
			t.Errorf("the cable's heading %q is in the blamed text", heading)
		}
	}
	if !strings.HasPrefix(b.Text, "THE FOLLOWING IS THE TEXT") {
		t.Errorf("the blamed text is not the cable's message text: %.80q", b.Text)
	}
	var credited []string
	for _, w := range b.Words {
		switch w.Rev {
		case 1:
			t.Errorf("%q is credited to the re-typing, which changed no word of the text", b.Text[w.Start:w.End])
		case 2:
			credited = append(credited, b.Text[w.Start:w.End])
		}
	}
	if strings.Join(credited, " ") != "VERY" {
		t.Errorf("the last revision is credited with %q, want VERY", credited)
	}
}
