package render

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-dev/redline/diff"
)

func emojiComparison() *diff.Comparison {
	return &diff.Comparison{
		Old: diff.Side{Name: "emoji-a.txt"}, New: diff.Side{Name: "emoji-b.txt"},
		Segments: []diff.Segment{
			{Op: diff.OpEqual, A: "Party ", B: "Party "},
			{Op: diff.OpDelete, A: "🎉 ", Change: 1},
			{Op: diff.OpEqual, A: "time. Thumbs 👍🏽, family 👨\u200d👩\u200d👧, heart ❤\ufe0f, rare 𠀋 ideograph, 𝔘 math. ", B: "time. Thumbs 👍🏽, family 👨\u200d👩\u200d👧, heart ❤\ufe0f, rare 𠀋 ideograph, 𝔘 math. "},
			{Op: diff.OpInsert, B: "Done 🚀.", Change: 2},
		},
	}
}

// TestDiffPDFSupplementary: characters above U+FFFF (emoji, rare CJK) made
// fpdf panic; now they print as U+FFFD, the document says so and the
// caller gets a warning naming them.
func TestDiffPDFSupplementary(t *testing.T) {
	var buf bytes.Buffer
	warns, err := DiffPDFWithWarnings(&buf, emojiComparison(), DiffOptions{})
	if err != nil {
		t.Fatalf("DiffPDFWithWarnings: %v", err)
	}
	all := strings.Join(warns, "\n")
	for _, want := range []string{"U+1F389", "U+1F680", "U+2000B", "U+1D518", "above U+FFFF"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings do not name %s:\n%s", want, all)
		}
	}
	// Joiners and variation selectors are invisible: not reported.
	for _, not := range []string{"U+200D", "U+FE0F"} {
		if strings.Contains(all, not) {
			t.Errorf("warnings name the invisible %s:\n%s", not, all)
		}
	}
	needPDFTools(t)
	keepPDF(t, buf.Bytes())
	got := squash(strings.Join(pdfPages(t, buf.Bytes()), " "))
	for _, want := range []string{"Party \uFFFD time.", "Done \uFFFD.", "rare \uFFFD ideograph", "Printing note: no font had a glyph for", "U+1F389"} {
		if !strings.Contains(got, want) {
			t.Errorf("extracted text lacks %q:\n%s", want, got)
		}
	}
}

// TestDiffPDFPlainHasNoWarnings: Latin, Greek and Cyrillic need neither a
// fallback nor a replacement.
func TestDiffPDFPlainHasNoWarnings(t *testing.T) {
	c := handComparison()
	c.Segments = append(c.Segments, diff.Segment{Op: diff.OpInsert, B: " “Гласность” Ελλάδα café e\u0301", Change: 9})
	warns, err := DiffPDFWithWarnings(io.Discard, c, DiffOptions{})
	if err != nil || warns != nil {
		t.Fatalf("got warnings %q, error %v; want none", warns, err)
	}
}

// emojiCable is a cable layout holding emoji, rare CJK and Chinese.
func emojiCable() *CableLayout {
	return &CableLayout{Classification: "RESTRICTED", Pages: []CablePage{{
		Header: []string{"RESTRICTED"},
		Lines: []string{
			"FM FCO",
			"1. PARTY 🎉 TIME, RARE 𠀋 CHARACTER.",
			"2. 中华人民共和国 SAYS YES.",
			"3. END\x07.",
		},
		Footer: []string{"RESTRICTED"},
	}}}
}

// TestCablePDFSupplementary: the cable printout survives emoji and rare
// CJK too, with the note at the foot of page 1 and warnings.
func TestCablePDFSupplementary(t *testing.T) {
	var buf bytes.Buffer
	warns, err := CablePDFWithWarnings(&buf, emojiCable(), PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(warns, "\n")
	for _, want := range []string{"U+1F389", "U+2000B", "U+4E2D", "U+0007"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %s:\n%s", want, all)
		}
	}
	needPDFTools(t)
	keepPDF(t, buf.Bytes())
	got := strings.Join(pdfPages(t, buf.Bytes()), "")
	for _, want := range []string{"PARTY", "TIME, RARE", "SAYS YES", "Printing note", "U+1F389"} {
		if !strings.Contains(got, want) {
			t.Errorf("extracted text lacks %q:\n%s", want, got)
		}
	}
}

func TestBreakWordCJK(t *testing.T) {
	word := strings.Repeat("中华人民共和国", 40)
	measure := func(s string) float64 { return 10 * float64(utf8.RuneCountInString(s)) }
	parts := breakWord(word, 95, measure)
	if strings.Join(parts, "") != word {
		t.Fatal("parts do not join to the word")
	}
	for i, p := range parts {
		if n := utf8.RuneCountInString(p); n != 9 && i < len(parts)-1 {
			t.Errorf("part %d has %d characters, want 9", i, n)
		}
	}
	if got := breakWord("x", 1, measure); len(got) != 1 || got[0] != "x" {
		t.Errorf("a character wider than the line: %q", got)
	}
}

// FuzzPDFText: whatever the text, the blackline and the printed cable are
// made without a panic or an error, and the layout keeps every word.
func FuzzPDFText(f *testing.F) {
	f.Add("Party 🎉 time.", "𠀋 rare")
	f.Add("中华人民共和国外交部发言人表示", "宣布")
	f.Add("👨\u200d👩\u200d👧 ❤\ufe0f \U000E0067", "\x00\x07\x1b[31m")
	f.Add("e\u0301\u0301\u0301 \uFFFF \uFFFE \U0010FFFF", "\xff\xfe invalid")
	f.Add("\t\f\r\n\u2028\u3000", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		c := &diff.Comparison{
			Old: diff.Side{Name: a, Classification: b}, New: diff.Side{Name: b},
			Fields:   []diff.FieldChange{{Name: a, Old: a, New: b}},
			Segments: []diff.Segment{{Op: diff.OpEqual, A: a, B: a}, {Op: diff.OpDelete, A: b, Change: 1}, {Op: diff.OpInsert, B: a, Change: 1}},
		}
		if _, err := DiffPDFWithWarnings(io.Discard, c, DiffOptions{Title: b}); err != nil {
			t.Fatalf("blackline: %v", err)
		}
		l := &CableLayout{Classification: a, Pages: []CablePage{{Header: []string{b}, Lines: strings.Split(a+"\n"+b, "\n")}}}
		if _, err := CablePDFWithWarnings(io.Discard, l, PDFOptions{Title: a}); err != nil {
			t.Fatalf("cable: %v", err)
		}
	})
}
