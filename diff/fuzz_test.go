package diff

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-dev/redline/draft"
)

// FuzzCompare checks the invariant on any pair of inputs: joining the
// segments' old texts gives the old side's compared text and joining the new
// texts gives the new side's; for plain text those are the exact bytes.
func FuzzCompare(f *testing.F) {
	f.Add("If the present meeting is to be concluded", "IF THE PRESENT MEETING\nIS TO BE CONCLUDED", false)
	f.Add("one two.\n\nthree four.", "one two. three four.", true)
	f.Add("“Dear Ron”", "\"DEAR RON''", false)
	f.Add("# Title\n\n*emph* [link](http://x) <!-- c -->", "Title\n\nemph link", true)
	f.Add("会议 同意", "会议反对", false)
	f.Add("a b c d e f g h i j\n\nk l m", "k l m\n\na b c d e f g h i j", true)
	f.Add("O 212130Z DEC 88\nFM CABINET OFFICE LONDON\nTO THE WHITE HOUSE\nBT\nSECRET\nTEXT HERE\nBT\n", "Text here", true)
	f.Add("\xff\xfe bad utf8", "bad utf8", false)
	f.Fuzz(func(t *testing.T, a, b string, markdown bool) {
		opts := Options{Moves: true, MinMoveWords: 2}
		c, err := Compare(Input{Name: "a", Data: []byte(a), Kind: KindText}, Input{Name: "b", Data: []byte(b), Kind: KindText}, opts)
		if !isText(a) || !isText(b) {
			if err == nil {
				t.Fatalf("a side that is not UTF-8 text was compared: %q / %q", a, b)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if c.Text("a") != a || c.Text("b") != b {
			t.Fatalf("invariant broken:\n%q -> %q\n%q -> %q", a, c.Text("a"), b, c.Text("b"))
		}
		if !markdown {
			return
		}
		// Guessed kinds (Markdown by name, cables by content): the sides
		// rebuild their compared text, and never fail on text that parses.
		ca, err := Compare(Input{Name: "a.md", Data: []byte(a)}, Input{Name: "b.txt", Data: []byte(b)}, opts)
		if err != nil {
			return // a draft with bad front matter, or a cable that does not parse
		}
		if doc, err := draft.Parse("a.md", []byte(a)); err == nil && ca.Old.Kind == KindMarkdown && ca.Text("a") != string(doc.Body) {
			t.Fatalf("markdown side does not rebuild its body")
		}
	})
}

func isText(s string) bool { return utf8.ValidString(s) && !strings.Contains(s, "\x00") }
