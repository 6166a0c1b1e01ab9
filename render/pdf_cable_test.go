package render

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redline-dev/redline/render/pdffont"
	"github.com/redline-dev/redline/telegram"

	"github.com/redline-dev/redline/draft"
)

// sentCableLayout lays out the 1988 telegram (examples/moscow-1988) by hand
// the way a template does: the text between the BT lines in pages of at most
// perPage lines, the classification as the first and last line of every
// page, and a page line on every page after the first.
func sentCableLayout(t testing.TB, perPage int) *telegram.Layout {
	t.Helper()
	data, err := os.ReadFile("../examples/moscow-1988/as-sent.txt")
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	var text []string
	inText := false
	for _, line := range all {
		if line == "BT" {
			inText = !inText
			continue
		}
		if inText {
			text = append(text, line)
		}
	}
	if len(text) < 40 {
		t.Fatalf("as-sent.txt: found %d lines between the BT lines, want the whole telegram", len(text))
	}
	l := &telegram.Layout{Classification: "SECRET"}
	for start := 0; start < len(text); start += perPage {
		end := min(start+perPage, len(text))
		p := telegram.Page{Header: []string{"SECRET"}, Lines: text[start:end], Footer: []string{"", "SECRET"}}
		if n := len(l.Pages); n > 0 {
			p.Header = append(p.Header, fmt.Sprintf("PAGE %02d CABINET OFFICE LONDON T 192A/88", n+1))
		}
		l.Pages = append(l.Pages, p)
	}
	return l
}

func renderCable(t *testing.T, l *telegram.Layout, opts PDFOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := CablePDF(&buf, l, opts); err != nil {
		t.Fatalf("CablePDF: %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("output does not start with %%PDF-: %q", buf.Bytes()[:min(16, buf.Len())])
	}
	keepPDF(t, buf.Bytes())
	return buf.Bytes()
}

func TestCablePDFText(t *testing.T) {
	needPDFTools(t)
	for _, paper := range []string{"a4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			l := sentCableLayout(t, 20)
			pages := pdfPages(t, renderCable(t, l, PDFOptions{Paper: paper}))
			if len(pages) != len(l.Pages) {
				t.Fatalf("PDF has %d pages, layout has %d", len(pages), len(l.Pages))
			}
			for i, p := range l.Pages {
				got := pages[i]
				// The banner at the top and the bottom of the page.
				lines := nonBlankLines(got)
				if len(lines) < 3 || squash(lines[0]) != "SECRET" {
					t.Errorf("page %d: first line %q, want the banner SECRET", i+1, first(lines))
				}
				if strings.Count(got, "SECRET") < 2 {
					t.Errorf("page %d: banner printed %d times, want top and bottom:\n%s", i+1, strings.Count(got, "SECRET"), got)
				}
				want := fmt.Sprintf("PAGE %d OF %d", i+1, len(l.Pages))
				if !strings.Contains(squash(got), want) {
					t.Errorf("page %d: no %q", i+1, want)
				}
				// Every line of the layout, in order, as its own line.
				at := 0
				for _, line := range append(append(p.Header[:len(p.Header):len(p.Header)], p.Lines...), p.Footer...) {
					if strings.TrimSpace(line) == "" {
						continue
					}
					j := indexFrom(lines, at, squash(line))
					if j < 0 {
						t.Errorf("page %d: line %q missing or out of order in:\n%s", i+1, line, got)
						break
					}
					at = j + 1
				}
			}
		})
	}
}

// TestCablePDFOwnBanner: a layout whose pages carry no banner lines still
// prints the classification at the top and bottom of every page.
func TestCablePDFOwnBanner(t *testing.T) {
	needPDFTools(t)
	l := &telegram.Layout{Classification: "CONFIDENTIAL"}
	for i := 0; i < 3; i++ {
		l.Pages = append(l.Pages, telegram.Page{Lines: []string{fmt.Sprintf("LINE ONE OF PAGE %d", i+1), "ГОРБАЧЕВ — café\tTAB"}})
	}
	pages := pdfPages(t, renderCable(t, l, PDFOptions{}))
	if len(pages) != 3 {
		t.Fatalf("PDF has %d pages, want 3", len(pages))
	}
	for i, got := range pages {
		lines := nonBlankLines(got)
		if len(lines) != 5 {
			t.Errorf("page %d: %d lines, want banner, 2 lines, banner, page number:\n%s", i+1, len(lines), got)
			continue
		}
		if squash(lines[0]) != "CONFIDENTIAL" || squash(lines[3]) != "CONFIDENTIAL" {
			t.Errorf("page %d: banners %q and %q, want CONFIDENTIAL", i+1, lines[0], lines[3])
		}
		if squash(lines[2]) != "ГОРБАЧЕВ — café TAB" {
			t.Errorf("page %d: Unicode line printed as %q", i+1, lines[2])
		}
		if want := fmt.Sprintf("PAGE %d OF 3", i+1); squash(lines[4]) != want {
			t.Errorf("page %d: foot %q, want %q", i+1, lines[4], want)
		}
	}
}

// TestCablePDFLongPage: a page with more lines than fit at the normal size
// still prints on one sheet (smaller), so the sheets match the layout.
func TestCablePDFLongPage(t *testing.T) {
	needPDFTools(t)
	l := sentCableLayout(t, 200)
	wide := strings.Repeat("W", 100)
	l.Pages[0].Lines = append(l.Pages[0].Lines, wide)
	pages := pdfPages(t, renderCable(t, l, PDFOptions{Paper: "letter"}))
	if len(pages) != 1 {
		t.Fatalf("PDF has %d pages, want 1", len(pages))
	}
	if !strings.Contains(pages[0], wide) || !strings.Contains(pages[0], "MARGARET''") {
		t.Errorf("long page lost its lines:\n%s", pages[0])
	}
}

func TestCablePDFReproducible(t *testing.T) {
	l := sentCableLayout(t, 20)
	a := renderCable(t, l, PDFOptions{Title: "T 192A/88"})
	b := renderCable(t, sentCableLayout(t, 20), PDFOptions{Title: "T 192A/88"})
	if !bytes.Equal(a, b) {
		t.Fatalf("two renders differ (%d and %d bytes)", len(a), len(b))
	}
	if !bytes.Contains(a, []byte("D:19800101000000")) {
		t.Errorf("fixed creation date missing")
	}
	est := time.FixedZone("EST", -5*3600)
	d := renderCable(t, l, PDFOptions{Setup: PDFSetup{Created: time.Date(2001, 2, 3, 4, 5, 6, 0, est)}})
	if !bytes.Contains(d, []byte("D:20010203090506")) {
		t.Errorf("PDFSetup.Created not used, in UTC, as the creation date")
	}
}

func TestCablePDFErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := CablePDF(&buf, &telegram.Layout{}, PDFOptions{}); err == nil {
		t.Error("empty layout: no error")
	}
	err := CablePDF(&buf, &telegram.Layout{Pages: []telegram.Page{{Lines: []string{"X"}}}}, PDFOptions{Paper: "foolscap"})
	if err == nil || !strings.Contains(err.Error(), "a4, letter") {
		t.Errorf("unknown paper: err = %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a failed render wrote %d bytes", buf.Len())
	}
}

// TestCablePDFTemplatePageLine: when the template's page line already says
// PAGE n OF m, the sheet does not print it a second time.
func TestCablePDFTemplatePageLine(t *testing.T) {
	needPDFTools(t)
	l := &telegram.Layout{Classification: "SECRET"}
	for i := 0; i < 2; i++ {
		l.Pages = append(l.Pages, telegram.Page{
			Header: []string{"SECRET", fmt.Sprintf("PAGE %02d OF 02", i+1)},
			Lines:  []string{"TEXT"},
			Footer: []string{"SECRET"},
		})
	}
	for i, got := range pdfPages(t, renderCable(t, l, PDFOptions{})) {
		if n := strings.Count(got, "OF 0"); n != 1 {
			t.Errorf("page %d: page line printed %d times:\n%s", i+1, n, got)
		}
	}
	if !hasPageOf([]string{"PAGE 2 OF 3"}, 2, 3) || hasPageOf([]string{"PAGE 02 STATE 153441"}, 2, 3) {
		t.Error("hasPageOf misreads page lines")
	}
}

// TestCablePDFMoscow prints the 1988 telegram through the cable renderer,
// as `redline render telegram.md --format pdf` does: one sheet per page of
// the layout, every line of the layout on its sheet, the banner at the top
// and bottom of each. With -update, page 1 is kept as a PNG under
// testdata/pdf/ for a reviewer to look at.
func TestCablePDFMoscow(t *testing.T) {
	needPDFTools(t)
	data, err := os.ReadFile("../examples/moscow-1988/telegram.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := draft.Parse("telegram.md", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, pageLines := range []int{20, 56} {
		l, err := telegram.Compose(doc, telegram.Options{DTG: "212130Z DEC 88", Serial: "T 192A/88", PageLines: pageLines})
		if err != nil {
			t.Fatalf("LayoutCable: %v", err)
		}
		pdf := renderCable(t, l, PDFOptions{Title: "T 192A/88"})
		pages := pdfPages(t, pdf)
		if len(pages) != len(l.Pages) {
			t.Fatalf("%d lines a page: PDF has %d pages, layout %d", pageLines, len(pages), len(l.Pages))
		}
		for i, p := range l.Pages {
			lines := nonBlankLines(pages[i])
			if len(lines) < 3 || squash(lines[0]) != "SECRET" || !strings.Contains(squash(strings.Join(lines[len(lines)-2:], " ")), "SECRET") {
				t.Errorf("page %d: banner missing at top or bottom:\n%s", i+1, pages[i])
			}
			at := 0
			for _, line := range append(append(append([]string{}, p.Header...), p.Lines...), p.Footer...) {
				if strings.TrimSpace(line) == "" {
					continue
				}
				j := indexFrom(lines, at, squash(line))
				if j < 0 {
					t.Errorf("page %d: line %q missing or out of order", i+1, line)
					break
				}
				at = j + 1
			}
		}
		if *update && pageLines == 56 {
			img := pdfPagePNG(t, pdf, 1, 60, "")
			var buf bytes.Buffer
			if err := png.Encode(&buf, img); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("testdata", "pdf", "moscow-cable-page1.png"), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestPageLines(t *testing.T) {
	p := telegram.Page{
		Header: []string{"", "SECRET", telegram.DraftMark, "PAGE 1 OF 2"},
		Lines:  []string{"SECRET", "TEXT"},
		Footer: []string{telegram.DraftMark, "SECRET", ""},
	}
	lines, bold := pageLines(p, "SECRET")
	// The banner lines are taken out (with the blank below the last), the
	// DRAFT mark is bold, the classification as the text's first word is
	// not.
	want := []string{telegram.DraftMark, "PAGE 1 OF 2", "SECRET", "TEXT", telegram.DraftMark}
	wantBold := []bool{true, false, false, false, true}
	if fmt.Sprint(lines) != fmt.Sprint(want) || fmt.Sprint(bold) != fmt.Sprint(wantBold) {
		t.Errorf("pageLines = %q %v, want %q %v", lines, bold, want, wantBold)
	}
	// Without a banner nothing is taken out.
	lines, _ = pageLines(p, "")
	if len(lines) != 9 {
		t.Errorf("pageLines without a banner kept %d lines, want 9", len(lines))
	}
}

func nonBlankLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
	}
	return out
}

func first(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return lines[0]
}

// indexFrom finds the first line at or after from whose squashed text is
// want.
func indexFrom(lines []string, from int, want string) int {
	for i := from; i < len(lines); i++ {
		if squash(lines[i]) == want {
			return i
		}
	}
	return -1
}

// A document must leave the embedded font bytes as it found them: fpdf's
// subsetter writes into slices of the data it is given, and shared bytes
// changed by the first PDF of a process made every later one different.
func TestPDFLeavesEmbeddedFontsUnchanged(t *testing.T) {
	before := map[string][]byte{}
	for _, f := range append(append([]pdffont.Face{}, pdffont.CableFaces...), pdffont.ProseFaces...) {
		before[f.Family+"/"+f.Style] = bytes.Clone(f.TTF)
	}
	renderCable(t, sentCableLayout(t, 20), PDFOptions{})
	for _, f := range append(append([]pdffont.Face{}, pdffont.CableFaces...), pdffont.ProseFaces...) {
		if !bytes.Equal(before[f.Family+"/"+f.Style], f.TTF) {
			t.Errorf("rendering a cable changed the embedded font %s %q", f.Family, f.Style)
		}
	}
}
