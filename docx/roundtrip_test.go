package docx

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/render"
)

// changeKey is a change as the round trip compares it: its kind, the words
// of each side, and (for a move) the direction of its comment.
func changeKey(c critic.Change) string {
	note := ""
	if i := strings.Index(c.Comment, "moved "); i >= 0 {
		note = " " + strings.Fields(c.Comment[i:])[0] + " " + strings.Fields(c.Comment[i:])[1]
	}
	old, new := strings.Join(plainWords(c.Old), " "), strings.Join(plainWords(c.New), " ")
	// The kind by the words: white space on one side does not make an
	// insertion a substitution.
	kind := critic.KindSubstitute
	switch {
	case old == "":
		kind = critic.KindInsert
	case new == "":
		kind = critic.KindDelete
	}
	return kind + ": " + old + " → " + new + note
}

// wordChanges keeps the changes that change words (a respelling or white
// space alone is not one here: the DOCX shows common text in the new
// side's spelling).
func wordChanges(cs []critic.Change) []critic.Change {
	var out []critic.Change
	for _, c := range cs {
		if strings.Join(plainWords(c.Old), " ") != strings.Join(plainWords(c.New), " ") {
			out = append(out, c)
		}
	}
	return out
}

// mergeMoves joins the parts of one move with the changes between them:
// the DOCX keeps a word inserted or deleted inside moved text as an
// insertion or deletion of its own (as Word does), where the critic view
// writes the moved text with its edits as one mark.
func mergeMoves(cs []critic.Change) []critic.Change {
	moveOf := func(c critic.Change) string {
		if i := strings.Index(c.Comment, "moved "); i >= 0 {
			f := strings.Fields(c.Comment[i:])
			if len(f) >= 3 {
				return f[1] + " " + f[2]
			}
		}
		return ""
	}
	var out []critic.Change
	for i := 0; i < len(cs); i++ {
		g := cs[i]
		m := moveOf(g)
		if m == "" {
			out = append(out, g)
			continue
		}
		// the last part of the same move reached through adjacent changes
		last := i
		for j := i + 1; j < len(cs) && cs[j].Start == cs[j-1].End; j++ {
			if moveOf(cs[j]) == m {
				last = j
			}
		}
		for _, c := range cs[i+1 : last+1] {
			g.Old += " " + c.Old
			g.New += " " + c.New
		}
		out = append(out, g)
		i = last
	}
	return out
}

// checkRoundTrip: import docx of redline's own DOCX gives the changes of
// the critic view of the same comparison, every one by the newer side's
// author.
func checkRoundTrip(t *testing.T, c *diff.Comparison, author string) {
	t.Helper()
	var dx, cv bytes.Buffer
	if err := render.Diff(&dx, c, "docx", render.DiffOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := render.Diff(&cv, c, "critic", render.DiffOptions{}); err != nil {
		t.Fatal(err)
	}
	doc, rep, err := Read(dx.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) > 0 || rep.FormatChanges > 0 {
		t.Errorf("redline's own DOCX gave a report: %+v", rep)
	}
	imported, err := critic.Parse("imported.md", Critic(doc))
	if err != nil {
		t.Fatal(err)
	}
	view, err := critic.Parse("critic.md", cv.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// The imported document begins with the field changes, one change
	// each; the critic view has no marks for fields.
	got := wordChanges(mergeMoves(imported.Changes()))
	if len(got) < len(c.Fields) {
		t.Fatalf("%d changes imported, fewer than the %d field changes", len(got), len(c.Fields))
	}
	got = got[len(c.Fields):]
	want := wordChanges(mergeMoves(view.Changes()))
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w string
		if i < len(got) {
			g = changeKey(got[i])
			if got[i].Author != author {
				t.Errorf("change %d is by %q, want %q", i+1, got[i].Author, author)
			}
		}
		if i < len(want) {
			w = changeKey(want[i])
		}
		if g != w {
			t.Fatalf("change %d of %d:\n imported %s\n critic   %s", i+1, len(want), g, w)
		}
	}
}

func TestRoundTripMoscow(t *testing.T) {
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("..", "examples", "moscow-1988", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	c, err := diff.Compare(diff.Input{Name: "fco-draft.md", Data: read("fco-draft.md")},
		diff.Input{Name: "telegram.md", Data: read("telegram.md"), Side: diff.Side{Author: "Charles Powell", Office: "No. 10", Time: "1988-12-21T21:30:00Z"}},
		diff.Options{Moves: true})
	if err != nil {
		t.Fatal(err)
	}
	checkRoundTrip(t, c, "Charles Powell, No. 10")
}

func TestRoundTripGenerated(t *testing.T) {
	old, new := generatedPair(rand.New(rand.NewSource(14)), 100<<10)
	c, err := diff.Compare(diff.Input{Name: "old.md", Data: old}, diff.Input{Name: "new.md", Data: new}, diff.Options{Moves: true})
	if err != nil {
		t.Fatal(err)
	}
	if c.Stats.MovedWords == 0 {
		t.Fatal("the pair has no move")
	}
	checkRoundTrip(t, c, "new.md")
}
