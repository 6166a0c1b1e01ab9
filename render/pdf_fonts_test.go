package render

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-dev/redline/render/pdffont"
	"github.com/redline-dev/redline/telegram"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gomono"

	"github.com/redline-dev/redline/diff"
)

// needFallbackFont skips the test when no fallback font with CJK glyphs is
// on the machine, unless REDLINE_REQUIRE_PDFTOOLS=1 (set by .ci/run) makes
// its absence a failure.
func needFallbackFont(t *testing.T) {
	t.Helper()
	pf := pdffont.New(fpdf.New("P", "pt", "A4", ""), pdffont.Config{})
	if pf.FallbackFor('中') == "" {
		if pf.Err() != nil {
			t.Fatal(pf.Err())
		}
		msg := "no fallback font with CJK glyphs found: install " + pdffont.FallbackFontPackage + " (or set " + pdffont.FallbackFontEnv + ") to run the CJK PDF checks"
		if os.Getenv("REDLINE_REQUIRE_PDFTOOLS") == "1" {
			t.Fatal(msg + ", REDLINE_REQUIRE_PDFTOOLS=1 requires it")
		}
		t.Skip(msg)
	}
}

// pdfFontNames lists the fonts pdffonts finds in a document.
func pdfFontNames(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdffonts"); err != nil {
		needPDFTools(t) // same package as pdftotext: skip or fail the same way
		t.Skip("pdffonts not found: install poppler-utils")
	}
	out, err := exec.Command("pdffonts", writeTemp(t, "fonts.pdf", pdf)).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v: %s", err, out)
	}
	return string(out)
}

func emojiComparison() *diff.Comparison {
	return &diff.Comparison{
		Old: diff.Side{Name: "emoji-a.txt"}, New: diff.Side{Name: "emoji-b.txt"},
		Segments: []diff.Segment{
			{Op: diff.OpEqual, A: "Party ", B: "Party "},
			{Op: diff.OpDelete, A: "🎉 ", Change: 1},
			{Op: diff.OpEqual, A: "time. Thumbs 👍🏽, family 👨\u200d👩\u200d👧, heart ❤\ufe0f, flag 🇬🇧🇫🇷, rare 𠀋 ideograph, 𝔘 math. ", B: "time. Thumbs 👍🏽, family 👨\u200d👩\u200d👧, heart ❤\ufe0f, flag 🇬🇧🇫🇷, rare 𠀋 ideograph, 𝔘 math. "},
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
	for _, want := range []string{"Party \uFFFD time.", "Done \uFFFD.", "Thumbs \uFFFD, family \uFFFD, heart \uFFFD, flag \uFFFD\uFFFD, rare", "rare \uFFFD ideograph", "Printing note: no font had a glyph for", "U+1F389"} {
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

// cjkComparison is a replacement inside unspaced Chinese text, as the QA
// case cjk-a/cjk-b has it.
func cjkComparison() *diff.Comparison {
	return &diff.Comparison{
		Old: diff.Side{Name: "cjk-a.txt"}, New: diff.Side{Name: "cjk-b.txt"},
		Segments: []diff.Segment{
			{Op: diff.OpEqual, A: "中华人民共和国外交部发言人", B: "中华人民共和国外交部发言人"},
			{Op: diff.OpDelete, A: "表示", Change: 1},
			{Op: diff.OpInsert, B: "宣布", Change: 1},
			{Op: diff.OpEqual, A: "，双方同意在 Tokyo 東京 and ひらがな.\n\n第二段没有变化。", B: "，双方同意在 Tokyo 東京 and ひらがな.\n\n第二段没有变化。"},
		},
	}
}

// TestDiffPDFCJK: CJK text prints in the fallback font, which is embedded,
// and extracts in order; no character is replaced.
func TestDiffPDFCJK(t *testing.T) {
	needFallbackFont(t)
	needPDFTools(t)
	var buf bytes.Buffer
	warns, err := DiffPDFWithWarnings(&buf, cjkComparison(), DiffOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 {
		t.Errorf("warnings with a fallback font present: %q", warns)
	}
	keepPDF(t, buf.Bytes())
	got := squash(strings.Join(pdfPages(t, buf.Bytes()), " "))
	if missing, ok := inOrder(got, []string{"中华人民共和国外交部发言人", "表示", "宣布", "双方同意在", "Tokyo 東京 and ひらがな", "第二段没有变化"}); !ok {
		t.Errorf("extracted text lacks %q in order:\n%s", missing, got)
	}
	if strings.Contains(got, "\uFFFD") || strings.Contains(got, "Printing note") {
		t.Errorf("CJK replaced although a fallback font is present:\n%s", got)
	}
	if fonts := pdfFontNames(t, buf.Bytes()); !strings.Contains(fonts, pdffont.FallbackFamily) {
		t.Errorf("fallback font not embedded:\n%s", fonts)
	}
	// The fallback font's subset is reproducible too.
	var again bytes.Buffer
	if _, err := DiffPDFWithWarnings(&again, cjkComparison(), DiffOptions{}); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("two renders of CJK text differ (error %v)", err)
	}
	// Without CJK, the fallback font stays out of the document.
	plain := renderDiffPDF(t, handComparison(), DiffOptions{})
	if fonts := pdfFontNames(t, plain); strings.Contains(fonts, pdffont.FallbackFamily) {
		t.Errorf("fallback font embedded in a document that does not need it:\n%s", fonts)
	}
}

// TestDiffPDFCJKWithoutFallback: with no fallback font on the machine, CJK
// prints as U+FFFD (never as empty boxes without a word) and the warning
// says how to get a font.
func TestDiffPDFCJKWithoutFallback(t *testing.T) {
	var buf bytes.Buffer
	warns, err := DiffPDFWithWarnings(&buf, cjkComparison(), DiffOptions{PDF: PDFSetup{NoFallbackSearch: true}})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(warns, "\n")
	for _, want := range []string{"U+4E2D", pdffont.FallbackFontEnv, pdffont.FallbackFontPackage} {
		if !strings.Contains(all, want) {
			t.Errorf("warning lacks %q:\n%s", want, all)
		}
	}
	needPDFTools(t)
	got := squash(strings.Join(pdfPages(t, buf.Bytes()), " "))
	if !strings.Contains(got, "Printing note") || !strings.Contains(got, "Tokyo \uFFFD\uFFFD and") {
		t.Errorf("no note or no replacement in the document:\n%s", got)
	}
}

// TestFallbackFontEnv: a font the user names must be usable; otherwise
// the error says why and what to do.
func TestFallbackFontEnv(t *testing.T) {
	dir := t.TempDir()
	notFont := filepath.Join(dir, "x.ttf")
	ttc := filepath.Join(dir, "x.ttc")
	os.WriteFile(notFont, []byte("this is not a font at all"), 0o644)
	os.WriteFile(ttc, append([]byte("ttcf"), make([]byte, 64)...), 0o644)
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.ttf"), "no such file"},
		{notFont, "not a TrueType font"},
		{ttc, "collection"},
	} {
		_, err := DiffPDFWithWarnings(io.Discard, cjkComparison(), DiffOptions{PDF: PDFSetup{FallbackFonts: []string{tc.path}}})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), pdffont.FallbackFontEnv) {
			t.Errorf("%s: error %v, want one with %q and %s", tc.path, err, tc.want, pdffont.FallbackFontEnv)
		}
	}
	// A good font by name is used: Go Mono has no CJK, so the CJK is
	// replaced, and the warning names the font.
	good := filepath.Join(dir, "gomono.ttf")
	os.WriteFile(good, gomono.TTF, 0o644)
	warns, err := DiffPDFWithWarnings(io.Discard, cjkComparison(), DiffOptions{PDF: PDFSetup{FallbackFonts: []string{good}, NoFallbackSearch: true}})
	if err != nil {
		t.Fatal(err)
	}
	if all := strings.Join(warns, "\n"); !strings.Contains(all, good) || !strings.Contains(all, "lack some") {
		t.Errorf("warning does not say the named font lacks the glyphs:\n%s", all)
	}
}

// TestFallbackChain: a character goes to the first fallback font that has
// it. Debian's DroidSansFallbackFull.ttf lacks Hangul, which
// DroidSansFallback.ttf (same package) has.
func TestFallbackChain(t *testing.T) {
	known := pdffont.WellKnownPaths()
	full, part := known[0], known[1]
	for _, p := range []string{full, part} {
		if _, err := os.Stat(p); err != nil {
			if os.Getenv("REDLINE_REQUIRE_PDFTOOLS") == "1" {
				t.Fatalf("%s not found but REDLINE_REQUIRE_PDFTOOLS=1: install %s", p, pdffont.FallbackFontPackage)
			}
			t.Skipf("%s not found: install %s to run this test", p, pdffont.FallbackFontPackage)
		}
	}
	c := &diff.Comparison{Segments: []diff.Segment{{Op: diff.OpEqual, A: "中华 서울 ひらがな", B: "中华 서울 ひらがな"}}}
	warns, err := DiffPDFWithWarnings(io.Discard, c, DiffOptions{PDF: PDFSetup{FallbackFonts: []string{full}, NoFallbackSearch: true}})
	if err != nil || !strings.Contains(strings.Join(warns, ""), "U+C11C") || strings.Contains(strings.Join(warns, ""), "U+4E2D") {
		t.Fatalf("with %s alone: warnings %q, error %v; want Hangul only replaced", full, warns, err)
	}
	var buf bytes.Buffer
	warns, err = DiffPDFWithWarnings(&buf, c, DiffOptions{PDF: PDFSetup{FallbackFonts: []string{full, part}}})
	if err != nil || len(warns) > 0 {
		t.Fatalf("with both: warnings %q, error %v", warns, err)
	}
	needPDFTools(t)
	if fonts := pdfFontNames(t, buf.Bytes()); !strings.Contains(fonts, pdffont.FallbackFamily) || !strings.Contains(fonts, pdffont.FallbackFamily+"2") {
		t.Errorf("both fallback fonts should be embedded:\n%s", fonts)
	}
	if got := squash(strings.Join(pdfPages(t, buf.Bytes()), " ")); !strings.Contains(got, "中华 서울 ひらがな") {
		t.Errorf("text lost:\n%s", got)
	}
}

// emojiCable is a cable layout holding emoji, rare CJK and Chinese.
func emojiCable() *telegram.Layout {
	return &telegram.Layout{Classification: "RESTRICTED", Pages: []telegram.Page{{
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
	warns, err := CablePDFWithWarnings(&buf, emojiCable(), PDFOptions{Setup: PDFSetup{NoFallbackSearch: true}})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(warns, "\n")
	for _, want := range []string{"U+1F389", "U+2000B", "U+4E2D", "U+0007", pdffont.FallbackFontPackage} {
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

// TestCablePDFCJK: Chinese in a cable prints in the embedded fallback font
// on the monospaced grid: the text after it starts where two columns per
// ideograph put it.
func TestCablePDFCJK(t *testing.T) {
	needFallbackFont(t)
	l := emojiCable()
	l.Pages[0].Lines = []string{"2. 中华人民共和国 SAYS YES.", "1234567890123456789012345"}
	var buf bytes.Buffer
	warns, err := CablePDFWithWarnings(&buf, l, PDFOptions{})
	if err != nil || len(warns) > 0 {
		t.Fatalf("warnings %q, error %v", warns, err)
	}
	needPDFTools(t)
	keepPDF(t, buf.Bytes())
	if fonts := pdfFontNames(t, buf.Bytes()); !strings.Contains(fonts, pdffont.FallbackFamily) {
		t.Errorf("fallback font not embedded:\n%s", fonts)
	}
	if page := pdfPages(t, buf.Bytes())[0]; !strings.Contains(page, "中华人民共和国 SAYS YES") {
		t.Fatalf("CJK line not extracted as one: %q", page)
	}
	// "2. " + 7 ideographs of two columns each + " " = column 18: SAYS
	// starts where the 19th digit of the next line does.
	out, err := exec.Command("pdftotext", "-bbox", writeTemp(t, "c.pdf", buf.Bytes()), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)
	var saysX, digitsX0, digitsX1 float64
	for _, m := range word.FindAllStringSubmatch(string(out), -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		x1, _ := strconv.ParseFloat(m[2], 64)
		switch m[3] {
		case "SAYS":
			saysX = x0
		case "1234567890123456789012345":
			digitsX0, digitsX1 = x0, x1
		}
	}
	colW := (digitsX1 - digitsX0) / 25
	if want := digitsX0 + 18*colW; colW == 0 || saysX < want-colW/2 || saysX > want+colW/2 {
		t.Errorf("SAYS at x=%.1f, want %.1f (ideographs two columns wide); bbox output:\n%s", saysX, want, out)
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
		l := &telegram.Layout{Classification: a, Pages: []telegram.Page{{Header: []string{b}, Lines: strings.Split(a+"\n"+b, "\n")}}}
		if _, err := CablePDFWithWarnings(io.Discard, l, PDFOptions{Title: a}); err != nil {
			t.Fatalf("cable: %v", err)
		}
	})
}
