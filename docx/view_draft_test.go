package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
)

const authoredDraft = `---
title: Message to the President
classification: SECRET
---
If the present Vienna meeting is to end, we {~~can no longer delay~>shall have to reach~~}{>>@CDP No. 10: more precise<<} a decision {++very soon ++}{>>@Margaret Thatcher<<}on Moscow.

Our {==prior conditions==}{>>@FCO: which ones?<<} stand.{>>@J S Wall: check the date<<} Escaped \{++ stays text.
`

// TestDraftDOCXMarks checks a CriticMarkup draft's Word document: each
// mark a revision by the author its comment names, other comments Word
// comments, and the title and classification in place.
func TestDraftDOCXMarks(t *testing.T) {
	var buf bytes.Buffer
	if err := DraftDOCX(&buf, "d.md", []byte(authoredDraft), DraftDOCXOptions{Date: "1988-12-21T21:30:00Z"}); err != nil {
		t.Fatal(err)
	}
	doc, rep, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) > 0 {
		t.Errorf("warnings: %q", rep.Warnings)
	}
	got := string(Critic(doc))
	for _, want := range []string{
		"# Message to the President\n",
		"{~~can no longer delay~>shall have to reach~~}{>>@CDP No. 10: (1988-12-21T21:30:00Z)<<}{>>@CDP No. 10: more precise (1988-12-21T21:30:00Z)<<}",
		"{++very soon ++}{>>@Margaret Thatcher: (1988-12-21T21:30:00Z)<<}",
		"prior conditions{>>@FCO: which ones? (1988-12-21T21:30:00Z)<<}",
		"{>>@J S Wall: check the date (1988-12-21T21:30:00Z)<<}",
		`Escaped \{++ stays text.`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("read back:\n%s\nlacks %q", got, want)
		}
	}
	fm, err := draft.Parse("back.md", Draft(doc))
	if err != nil {
		t.Fatal(err)
	}
	if fm.Fields.Title != "Message to the President" || fm.Fields.Classification != "SECRET" {
		t.Errorf("front matter read back: %+v", fm.Fields)
	}
	if strings.Contains(string(fm.Body), "# Message to the President") {
		t.Error("the title is in the body as well as the front matter")
	}
	parts := packageText(t, buf.Bytes())
	if !strings.Contains(parts["word/header1.xml"], "SECRET") {
		t.Error("no classification in the header")
	}
}

func packageText(t *testing.T, data []byte) map[string]string {
	t.Helper()
	p, err := openPackage(data, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name := range p.files {
		b, err := p.part(name)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = string(b)
	}
	return out
}

// TestDraftDOCXWithPandoc: accepting every change in the Word document
// gives the words 'redline accept --all' gives, rejecting them those of
// 'redline reject --all', on the No. 10 amendments of 1988.
func TestDraftDOCXWithPandoc(t *testing.T) {
	needPandoc(t)
	src, err := os.ReadFile(filepath.Join("..", "examples", "moscow-1988", "no10-amended.md"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := DraftDOCX(&buf, "no10-amended.md", src, DraftDOCXOptions{Author: "Charles Powell, No. 10"}); err != nil {
		t.Fatal(err)
	}
	cd, err := critic.Parse("no10-amended.md", src)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := draft.Parse("x.md", cd.AcceptAll())
	accepted := doc.Body
	doc, _ = draft.Parse("x.md", cd.RejectAll())
	rejected := doc.Body
	for _, side := range []struct{ mode, want string }{{"accept", string(accepted)}, {"reject", string(rejected)}} {
		got, want := plainWords(pandocRead(t, buf.Bytes(), side.mode, "plain")), plainWords(side.want)
		if i := endsWith(got, want); i >= 0 {
			t.Errorf("--track-changes=%s differs from redline %s --all from word %d of %d", side.mode, side.mode, i, len(want))
		}
	}
	all := pandocRead(t, buf.Bytes(), "all", "markdown")
	if n := strings.Count(all, `author="Charles Powell, No. 10"`); n < len(cd.Changes()) {
		t.Errorf("pandoc shows %d marks by the author; the draft has %d changes", n, len(cd.Changes()))
	}
}

// TestDraftDOCXFromImport: a draft that import docx wrote renders back to
// Word with its dates and replies: the round trip Word → draft → Word keeps
// who said what and when.
func TestDraftDOCXFromImport(t *testing.T) {
	a, err := txtar.ParseFile(filepath.Join("testdata", "comments.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	first, _, err := Read(buildPackage(t, a))
	if err != nil {
		t.Fatal(err)
	}
	src := Draft(first)
	var buf bytes.Buffer
	if err := DraftDOCX(&buf, "imported.md", src, DraftDOCXOptions{}); err != nil {
		t.Fatal(err)
	}
	again, _, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got := string(Draft(again)); got != string(src) {
		t.Errorf("Word → draft → Word → draft changed it:\n%s\nwant\n%s", got, src)
	}
	if len(again.Comments) != len(first.Comments) {
		t.Fatalf("%d comments, want %d", len(again.Comments), len(first.Comments))
	}
	for i, c := range first.Comments {
		if g := again.Comments[i]; g.Author != c.Author || g.Date != c.Date || (g.Parent >= 0) != (c.Parent >= 0) {
			t.Errorf("comment %d: %+v, want %+v", i, g, c)
		}
	}
}
