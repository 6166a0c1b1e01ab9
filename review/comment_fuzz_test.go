package review

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/redline-dev/redline/critic"
)

// A comment from the page is either refused, leaving the draft as it was,
// or written so that the draft reads back with every other change as it
// was and one more comment saying exactly the cleaned text.
func FuzzCommentReadsBack(f *testing.F) {
	f.Add(sample, 1, "agreed")
	f.Add(sample, 3, "but `code` {++here++}")
	f.Add(sample, 0, `ends with a backslash \`)
	f.Add("```\n{++x++}\n```\nText {--y--}.\n", 1, "in code?")
	f.Add("Plain text, no changes.\n", 0, "first comment")
	f.Fuzz(func(t *testing.T, text string, after int, comment string) {
		before, err := critic.Parse("d.md", []byte(text))
		if err != nil {
			return
		}
		path := filepath.Join(t.TempDir(), "d.md")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := New(Options{Path: path, Token: "t", Reviewer: "Ann", Office: "FCO"})
		if err != nil {
			t.Fatal(err)
		}
		_, cerr := s.Comment(version([]byte(text)), after, comment)
		got, _ := os.ReadFile(path)
		if cerr != nil {
			if string(got) != text {
				t.Fatalf("a refused comment (%v) changed the draft:\n%q", cerr, got)
			}
			return
		}
		d, err := critic.Parse("d.md", got)
		if err != nil {
			t.Fatalf("the draft no longer parses: %v\n%q", err, got)
		}
		var others []critic.Change
		found := 0
		for _, c := range d.Changes() {
			if c.Author == "Ann (FCO)" && c.Comment == cleanLine(comment) && (c.Kind == critic.KindComment || after > 0 && c.Number == after) {
				found++
				if c.Kind != critic.KindComment {
					c.Author, c.Comment = "", "" // the comment attached to a change that had none
				} else {
					continue
				}
			}
			others = append(others, c)
		}
		if found == 0 {
			t.Fatalf("the comment %q is not in\n%q", cleanLine(comment), got)
		}
		old := before.Changes()
		if len(others) != len(old) {
			t.Fatalf("%d other changes, had %d:\n%q", len(others), len(old), got)
		}
		for i := range old {
			a, b := old[i], others[i]
			if a.Kind != b.Kind || a.Old != b.Old || a.New != b.New || a.Author != b.Author || a.Comment != b.Comment {
				t.Fatalf("change %d was %+v, is %+v", i+1, a, b)
			}
		}
	})
}
