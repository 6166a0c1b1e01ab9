package review

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/render"
)

// redlineOf is the critic view of old against new, as 'redline diff
// --format critic' writes it.
func redlineOf(t *testing.T, old, new string) []byte {
	t.Helper()
	c, err := diff.Compare(diff.Input{Name: "old.md", Data: []byte(old)}, diff.Input{Name: "new.md", Data: []byte(new)}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	view, ok := render.LookupFormat("critic")
	if !ok {
		t.Fatal("no critic view")
	}
	var b bytes.Buffer
	if err := view.Render(&b, c, render.DiffOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Reviewing a draft against an earlier version: accepting a change keeps
// the draft's text, rejecting one brings the earlier text back into the
// draft, and the page lists only the changes not yet decided.
func TestReviewAgainstEarlierVersion(t *testing.T) {
	old := "We can no longer delay a decision.\n\nOur people have kept in touch.\n\nThe end.\n"
	new := "We shall have to reach a decision very soon.\n\nOur experts have kept in close touch.\n\nThe end.\n"
	path := filepath.Join(t.TempDir(), "new.md")
	if err := os.WriteFile(path, []byte(new), 0o644); err != nil {
		t.Fatal(err)
	}
	tracked := redlineOf(t, old, new)
	s, err := New(Options{Path: path, Name: "new.md", Token: "tok", Tracked: tracked, OldName: "old.md"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.page(view{})
	if err != nil {
		t.Fatal(err)
	}
	total := p.Remaining
	if total < 3 || p.CanComment {
		t.Fatalf("%d changes, comments allowed %v", total, p.CanComment)
	}
	o, err := s.Decide(p.Version, Selection{Numbers: []int{1}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != new {
		t.Errorf("accepting a change changed the draft:\n%s", b)
	}
	if _, err := s.Comment(o.Version, 1, "no"); err == nil || !strings.Contains(err.Error(), "comments are written into a draft's tracked changes") {
		t.Errorf("comment when comparing: %v", err)
	}
	o, err = s.Decide(o.Version, Selection{All: true}, false)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := critic.Parse("x", tracked)
	want, _ := d.Resolve(map[int]bool{1: true})
	d2, _ := critic.Parse("x", want)
	if b, _ := os.ReadFile(path); string(b) != string(d2.RejectAll()) || o.Remaining != 0 {
		t.Errorf("after rejecting the rest the draft is\n%s\nwant\n%s", b, d2.RejectAll())
	}
	p, _ = s.page(view{})
	if p.Remaining != 0 || p.Resolved != total {
		t.Errorf("progress %d of %d, %d left", p.Resolved, p.Total, p.Remaining)
	}

	// The draft changed by someone else: nothing more is decided.
	if err := os.WriteFile(path, []byte("edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Decide(p.Version, Selection{All: true}, true); err == nil || !strings.Contains(err.Error(), "changed outside this review") {
		t.Errorf("decision after an outside edit: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "edited\n" {
		t.Errorf("the outside edit was overwritten: %q", b)
	}
	// A redline that does not give the draft back is refused at once.
	if _, err := New(Options{Path: path, Tracked: tracked, OldName: "old.md"}); err == nil {
		t.Error("a redline of other text was accepted")
	}
}
