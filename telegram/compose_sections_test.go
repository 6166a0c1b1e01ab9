package telegram

import (
	"fmt"
	"strings"
	"testing"
)

func longStateDraft(paragraphs int) string {
	var body strings.Builder
	for i := 0; i < paragraphs; i++ {
		fmt.Fprintf(&body, "Paragraph %d says something about the conference in Moscow and the Vienna meeting of the CSCE, and about the refuseniks.\n\n", i+1)
	}
	return strings.Replace(stateDraft, "The British Ambassador", body.String()+"The British Ambassador", 1)
}

// A sectioned cable is signed once, at the end of the final section, and
// no section printed on 20-line tape pages runs past five of them.
func TestCableSectionsSignedOnceWithinFivePages(t *testing.T) {
	for _, paragraphs := range []int{40, 60, 90} {
		doc := parseDraft(t, longStateDraft(paragraphs))
		l, err := Compose(doc, Options{DTG: "152000Z DEC 88", Serial: "STATE 402100", PageLines: 20})
		if err != nil {
			t.Fatal(err)
		}
		text := string(l.Text())
		sections := strings.Split(strings.TrimSuffix(text, "NNNN\n"+l.Classification+"\n"), "NNNN\n")
		if len(sections) < 2 {
			t.Fatalf("%d paragraphs: %d sections", paragraphs, len(sections))
		}
		for i, sec := range sections {
			final := i == len(sections)-1
			if got := strings.Contains(sec, "\nVANCE\n"); got != final {
				t.Errorf("%d paragraphs: section %d of %d signed: %v", paragraphs, i+1, len(sections), got)
			}
			if pages := strings.Count(sec, "PAGE "); pages > 5 {
				t.Errorf("%d paragraphs: section %d has %d pages of 20 lines", paragraphs, i+1, pages)
			}
		}
		if n := strings.Count(text, "VANCE"); n != 1 {
			t.Errorf("%d paragraphs: signed %d times", paragraphs, n)
		}
		// Unpaged, as sent: no section longer than five tape pages.
		l, err = Compose(doc, Options{DTG: "152000Z DEC 88", Serial: "STATE 402100"})
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range l.Pages {
			if len(p.Lines) > 100 {
				t.Errorf("%d paragraphs: section %d has %d lines", paragraphs, i+1, len(p.Lines))
			}
		}
	}
}

// A reference the draft letters itself is not lettered again.
func TestCableReferencesLetteredOnce(t *testing.T) {
	for refs, want := range map[string]string{
		"[A) STATE 387403, B) MOSCOW 31234]":   "REFS: A) STATE 387403 B) MOSCOW 31234\n",
		"[(A) STATE 387403, (B) MOSCOW 31234]": "REFS: (A) STATE 387403 (B) MOSCOW 31234\n",
		"[STATE 387403, MOSCOW 31234]":         "REFS: (A) STATE 387403 (B) MOSCOW 31234\n",
		"[STATE 387403]":                       "REF: STATE 387403\n",
	} {
		src := strings.Replace(stateDraft, "signature: VANCE", "signature: VANCE\nreferences: "+refs, 1)
		out, err := Render(parseDraft(t, src), Options{DTG: "152000Z DEC 88", Serial: "STATE 1"})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), want) {
			t.Errorf("references %s: want %q in\n%s", refs, want, out)
		}
	}
}

// A paged layout says that its pages carry their own page lines, so that
// the PDF writer adds none; an unpaged one does not.
func TestCableLayoutHasPageLines(t *testing.T) {
	doc := parseDraft(t, longStateDraft(10))
	l, err := Compose(doc, Options{DTG: "152000Z DEC 88", Serial: "STATE 402100", PageLines: 20})
	if err != nil {
		t.Fatal(err)
	}
	if !l.HasPageLines {
		t.Error("paged layout: HasPageLines not set")
	}
	for i, p := range l.Pages {
		if want := fmt.Sprintf("PAGE %02d STATE 402100", i+1); len(p.Header) < 2 || p.Header[1] != want {
			t.Errorf("page %d: header %q, want the page line %q", i+1, p.Header, want)
		}
	}
	l, err = Compose(doc, Options{DTG: "152000Z DEC 88", Serial: "STATE 402100"})
	if err != nil || l.HasPageLines {
		t.Errorf("unpaged layout: HasPageLines %v, %v", l.HasPageLines, err)
	}
}
