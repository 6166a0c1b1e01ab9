package telegram

import (
	"strings"
	"testing"

	"github.com/redline-dev/redline/cable"
)

// A wrap that would open a line with a list mark, a paragraph number, a
// letter, a message signal or page furniture breaks a word earlier: the
// reader then keeps every word as a word.
func TestWrapNeverOpensALineWithStructure(t *testing.T) {
	for _, opener := range []string{"A.", "B. WE", "-", "--", "12.", "(C)", "NNNN", "ZCZC", "PAGE 02 STATE 153441", "SECRET", "NNN", "VZCZCBKO123", "BT"} {
		for fill := 1; fill < 28; fill++ {
			md := strings.Repeat("X", fill) + " WE NOTE REF " + opener + " AND THE REST OF THE SENTENCE FOLLOWS HERE AT SOME LENGTH."
			lines, err := Teleprinter([]byte(md), TeleprinterOptions{Name: "d.md", Width: 30 + fill%7})
			if err != nil {
				t.Fatalf("%q: %v", md, err)
			}
			var words []string
			for i, l := range lines {
				if i > 0 && (cable.OpensStructure(l.Text) || cable.Furniture(l.Text) != "" || hazard(l.Text) != "") {
					t.Errorf("%q: line %d %q opens with structure", md, i+1, l.Text)
				}
				words = append(words, strings.Fields(l.Text)...)
			}
			if got, want := strings.Join(words, " "), strings.ToUpper(md); got != want {
				t.Errorf("words changed:\n got %s\nwant %s", got, want)
			}
		}
	}
}
