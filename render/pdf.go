package render

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/redline-dev/redline/render/pdffont"
	"github.com/redline-dev/redline/telegram"
)

// PDFOptions are the settings of a printed cable.
type PDFOptions struct {
	// Paper is "a4" (the default when empty) or "letter".
	Paper string
	// Title goes into the document's properties.
	Title string
	// Setup is what the machine gives: creation date and fallback fonts.
	Setup PDFSetup
}

// PDFSetup is what a PDF takes from the machine it is made on, which the
// caller reads (redline's cmd from SOURCE_DATE_EPOCH and pdffont.FallbackFontEnv)
// and passes in; no PDF view reads the environment.
type PDFSetup struct {
	// Created is the document's creation date. When zero, it is a fixed
	// date, so that the same input always gives the same bytes.
	Created time.Time
	// FallbackFonts are TrueType fonts the user named for characters the
	// embedded fonts lack, tried in order before the well-known paths;
	// each must be usable.
	FallbackFonts []string
	// NoFallbackSearch leaves out the well-known places fallback fonts are
	// looked for, as on a machine that has none.
	NoFallbackSearch bool
}

// pdfFixedDate is the creation date of every PDF when neither the caller nor
// SOURCE_DATE_EPOCH gives one: 1 January 1980, the earliest date a ZIP
// archive can hold, often used for reproducible builds.
var pdfFixedDate = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Paper sizes in points.
type paperSize struct{ w, h float64 }

var paperSizes = map[string]paperSize{
	"a4":     {595.28, 841.89},
	"letter": {612, 792},
}

// PaperSizes lists the accepted paper names.
func PaperSizes() []string { return []string{"a4", "letter"} }

func lookupPaper(name string) (paperSize, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "" {
		key = "a4"
	}
	p, ok := paperSizes[key]
	if !ok {
		return paperSize{}, fmt.Errorf("unknown paper %q: use one of %s", name, strings.Join(PaperSizes(), ", "))
	}
	return p, nil
}

// pdfDate picks the creation date: the caller's, else the fixed date.
func pdfDate(created time.Time) time.Time {
	if !created.IsZero() {
		return created.UTC()
	}
	return pdfFixedDate
}

// newPDF starts a document in points on the given paper, with the given
// embedded fonts and reproducible metadata.
func newPDF(paper string, created time.Time, title string, faces []pdffont.Face) (*fpdf.Fpdf, paperSize, error) {
	size, err := lookupPaper(paper)
	if err != nil {
		return nil, size, err
	}
	date := pdfDate(created)
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: size.w, Ht: size.h},
	})
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(compressWithFpdf) // else finishPDF compresses the pages
	pdf.SetCreator("redline", false)
	pdf.SetProducer("redline", false)
	if title != "" {
		// fpdf's UTF-16 conversion panics on invalid UTF-8.
		pdf.SetTitle(strings.ToValidUTF8(title, "\uFFFD"), true)
	}
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdffont.Register(pdf, faces)
	if err := pdf.Error(); err != nil {
		return nil, size, fmt.Errorf("pdf: %v", err)
	}
	return pdf, size, nil
}

// finishPDF writes the document to w, or returns the first drawing error.
// The bytes are built in memory so that a failed document writes nothing.
func finishPDF(w io.Writer, pdf *fpdf.Fpdf) error {
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("pdf: %v", err)
	}
	var out docCapture
	if err := pdf.Output(&out); err != nil {
		return fmt.Errorf("pdf: %v", err)
	}
	doc := out.doc
	if !pdf.GetCompression() {
		doc, _ = compressPageStreams(doc) // one fpdf did not lay out stays valid, uncompressed
	}
	_, err := w.Write(doc)
	return err
}

// docCapture takes what fpdf's Output writes. fpdf hands over its finished
// document in one Write from a buffer it never touches again, so those
// bytes are kept as they are rather than copied (on a 16 MB redline the
// uncompressed document is a hundred megabytes); should it ever write in
// pieces, they are copied as they come.
type docCapture struct {
	doc    []byte
	pieces int
}

func (c *docCapture) Write(p []byte) (int, error) {
	c.pieces++
	switch c.pieces {
	case 1:
		c.doc = p
	case 2:
		c.doc = append(bytes.Clone(c.doc), p...)
	default:
		c.doc = append(c.doc, p...)
	}
	return len(p), nil
}

// Cable page geometry, in points.
const (
	cableMargin     = 42.0 // outer margin on every side
	cableBannerSize = 12.0 // bold classification banner
	cableMaxFont    = 10.0 // monospaced text, at most
	cableMinFont    = 5.0  // and at least, however wide the lines
	monoAdvance     = 0.6  // Go Mono's advance width, in ems
)

// CablePDF draws a laid-out cable as a printed telegram: every page of the
// layout becomes one sheet, its lines in a monospaced face exactly as the
// text output lays them out, with the classification in bold at the top and
// bottom and "PAGE n OF m" at the foot. Characters no font can print are
// replaced by U+FFFD and a note at the foot of page 1 says which; use
// CablePDFWithWarnings to have them as warnings too.
func CablePDF(w io.Writer, l *telegram.Layout, opts PDFOptions) error {
	_, err := CablePDFWithWarnings(w, l, opts)
	return err
}

// CablePDFWithWarnings is CablePDF that also returns warnings for the
// caller to show: characters that printed as U+FFFD, a fallback font that
// could not be used.
func CablePDFWithWarnings(w io.Writer, l *telegram.Layout, opts PDFOptions) (warnings []string, err error) {
	defer recoverPDF(&err)
	if l == nil || len(l.Pages) == 0 {
		return nil, fmt.Errorf("pdf: the cable has no pages to print")
	}
	pdf, size, err := newPDF(opts.Paper, opts.Setup.Created, opts.Title, pdffont.CableFaces)
	if err != nil {
		return nil, err
	}
	pf := pdffont.New(pdf, pdffont.Config{Named: opts.Setup.FallbackFonts, NoSearch: opts.Setup.NoFallbackSearch})
	banner := strings.TrimSpace(l.Classification)
	pages, cols, rows := placeCable(pf, l, banner)
	if pf.Err() != nil {
		return nil, pf.Err()
	}
	m := measureCable(size, cols, rows)
	note := pf.Note()
	total := len(l.Pages)
	for i, p := range l.Pages {
		pdf.AddPage()
		pdf.SetTextColor(0, 0, 0)
		y := cableMargin
		if banner != "" {
			drawCentered(pf, pdffont.Mono, "B", cableBannerSize, size.w, y+cableBannerSize, banner)
		}
		y += 2 * cableBannerSize * 1.3
		for j, runs := range pages[i].lines {
			y += m.lineH
			style := ""
			if pages[i].bold[j] {
				style = "B"
			}
			drawCableLine(pdf, runs, style, y, m)
		}
		footY := size.h - cableMargin
		if banner != "" {
			drawCentered(pf, pdffont.Mono, "B", cableBannerSize, size.w, footY-cableBannerSize*1.3, banner)
		}
		// PAGE n OF m at the foot, unless the template's page lines
		// already say it.
		if !hasPageOf(append(append([]string{}, p.Header...), p.Footer...), i+1, total) {
			pdf.SetFont(pdffont.Mono, "", 8)
			pageNo := fmt.Sprintf("PAGE %d OF %d", i+1, total)
			pdf.Text(size.w-cableMargin-pdf.GetStringWidth(pageNo), footY, pageNo)
		}
		if i == 0 && note != "" {
			drawCableNote(pf, size, note)
		}
	}
	if err := finishPDF(w, pdf); err != nil {
		return nil, err
	}
	return pf.Warnings(), nil
}

// cablePage is one page's lines as placed glyphs, and which lines are bold.
type cablePage struct {
	lines [][]pdfCell
	bold  []bool
}

// placeCable places every line's glyphs before anything is drawn: this
// fixes the width in columns (cols, the widest line) and the longest page
// (rows), and finds the characters that need the fallback font or a
// replacement.
func placeCable(pf *pdffont.Fonts, l *telegram.Layout, banner string) (pages []cablePage, cols, rows int) {
	pages = make([]cablePage, len(l.Pages))
	cols, rows = 1, 1
	for i, p := range l.Pages {
		lines, bold := pageLines(p, banner)
		pages[i].bold = bold
		for _, line := range lines {
			style := ""
			if bold[len(pages[i].lines)] {
				style = "B"
			}
			runs, c := pdfCells(pf, pdffont.Mono, style, expandTabs(line))
			cols = max(cols, c)
			pages[i].lines = append(pages[i].lines, runs)
		}
		rows = max(rows, len(lines))
	}
	return pages, cols, rows
}

// cableMetrics are the font size, line height, left edge and column width
// of a whole cable.
type cableMetrics struct{ fontSize, lineH, left, colW float64 }

// measureCable picks one font size and line height for the whole cable,
// so that every page looks alike: the widest line must fit across the
// sheet and the longest page down it.
func measureCable(size paperSize, cols, rows int) cableMetrics {
	fontSize := cableMaxFont
	usableW := size.w - 2*cableMargin
	if fs := usableW / (float64(cols) * monoAdvance); fs < fontSize {
		fontSize = fs
	}
	// Room between the banners: the top and bottom banner rows and the
	// page number take four banner lines.
	usableH := size.h - 2*cableMargin - 4*cableBannerSize*1.3
	lineH := fontSize * 1.25
	if lh := usableH / float64(rows); lh < lineH {
		lineH = lh
		if fs := lineH / 1.1; fs < fontSize {
			fontSize = fs
		}
	}
	if fontSize < cableMinFont {
		fontSize = cableMinFont
	}
	textW := float64(cols) * monoAdvance * fontSize
	left := (size.w - textW) / 2
	if left < cableMargin/2 {
		left = cableMargin / 2
	}
	return cableMetrics{fontSize: fontSize, lineH: lineH, left: left, colW: monoAdvance * fontSize}
}

// drawCableLine draws one line's runs on the baseline y.
func drawCableLine(pdf *fpdf.Fpdf, runs []pdfCell, style string, y float64, m cableMetrics) {
	for _, r := range runs {
		x := m.left + float64(r.col)*m.colW
		target := float64(r.cells) * m.colW
		if r.font != "" {
			// Sized so that the run fills the columns the text layout
			// gave it (two for an ideograph), within limits, and centred
			// in them.
			pdf.SetFont(r.font, "", m.fontSize)
			if w := pdf.GetStringWidth(r.text); w > 0 {
				pdf.SetFont(r.font, "", min(max(m.fontSize*target/w, m.fontSize*0.8), m.fontSize*1.25))
			}
		} else {
			pdf.SetFont(pdffont.Mono, style, m.fontSize)
		}
		if r.font != "" || r.cells != 1 {
			x += (target - pdf.GetStringWidth(r.text)) / 2
		}
		pdf.Text(x, y, r.text)
	}
}

// drawCableNote writes the fonts note below the first page's bottom
// banner, in the margin, so that the cable's own lines stay as laid out.
func drawCableNote(pf *pdffont.Fonts, size paperSize, note string) {
	pf.PDF().SetTextColor(90, 90, 90)
	noteSize := 6.5
	if w := pf.Width(pdffont.Mono, "", noteSize, note); w > size.w-cableMargin {
		noteSize *= (size.w - cableMargin) / w
	}
	pf.Text(pdffont.Mono, "", noteSize, cableMargin/2, size.h-cableMargin/2, note)
	pf.PDF().SetTextColor(0, 0, 0)
}

// recoverPDF turns a panic inside fpdf into an error, so that no input can
// crash the command; nothing has been written, since documents are built
// in memory.
func recoverPDF(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("pdf: the PDF library failed on this input (%v); please report it with the file", r)
	}
}

// pdfCell is a piece of a cable line placed at a column: a stretch of
// ordinary characters one column each, or one character that is wide,
// drawn in the fallback font, or replaced.
type pdfCell struct {
	col   int
	cells int
	text  string
	font  string // a fallback family, or "" for the cable's face
}

// pdfCells places the characters of a line on the monospaced grid the
// text output uses (a wide character takes two columns) and returns the
// pieces to draw and the line's width in columns.
func pdfCells(pf *pdffont.Fonts, family, style, line string) ([]pdfCell, int) {
	if pdffont.PlainASCII(line) {
		if strings.TrimSpace(line) == "" {
			return nil, len(line)
		}
		return []pdfCell{{col: 0, cells: 1, text: line}}, len(line)
	}
	var runs []pdfCell
	col := 0
	var cur strings.Builder
	curCol := 0
	flush := func() {
		if cur.Len() > 0 && strings.TrimSpace(cur.String()) != "" {
			runs = append(runs, pdfCell{col: curCol, cells: 1, text: cur.String()})
		}
		cur.Reset()
	}
	for _, g := range pf.Glyphs(family, style, line) {
		cells := widths.RuneWidth(g.Rune)
		if cells <= 1 && g.Font == "" && g.Out != pdffont.ReplacementChar {
			// Zero-width marks the face has stay with their letter.
			if cur.Len() == 0 {
				curCol = col
			}
			cur.WriteString(g.Out)
			col += cells
			continue
		}
		flush()
		cells = max(cells, 1)
		if n := len(runs); g.Font != "" && n > 0 && runs[n-1].font == g.Font && runs[n-1].col+runs[n-1].cells == col {
			// Consecutive characters of the fallback font are drawn as
			// one string, so that the text extracts as it was written.
			runs[n-1].text += g.Out
			runs[n-1].cells += cells
		} else if g.Out != " " {
			runs = append(runs, pdfCell{col: col, cells: cells, text: g.Out, font: g.Font})
		}
		col += cells
	}
	flush()
	return runs, col
}

// hasPageOf reports whether one of lines reads PAGE n OF m (with or
// without leading zeros).
func hasPageOf(lines []string, n, m int) bool {
	for _, line := range lines {
		f := strings.Fields(strings.ToUpper(line))
		for i := 0; i+3 < len(f); i++ {
			if f[i] == "PAGE" && f[i+2] == "OF" && atoiOK(f[i+1]) == n && atoiOK(f[i+3]) == m {
				return true
			}
		}
	}
	return false
}

// atoiOK is strconv.Atoi that gives -1 for anything not a number.
func atoiOK(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func drawCentered(pf *pdffont.Fonts, family, style string, sizePt, pageW, y float64, s string) {
	pf.Text(family, style, sizePt, (pageW-pf.Width(family, style, sizePt, s))/2, y, s)
}

// pageLines joins a page's header, lines and footer as printed between the
// banners. A banner line the template put first in the header or last in
// the footer is left out, because the sheet prints the banner in bold at its
// top and bottom anyway; any other banner line, and the DRAFT mark of a
// cable not yet sent, in the header or footer is printed in bold.
func pageLines(p telegram.Page, banner string) (lines []string, bold []bool) {
	header, footer := p.Header, p.Footer
	if banner != "" {
		if i := firstNonBlank(header); i >= 0 && strings.TrimSpace(header[i]) == banner {
			header = header[i+1:]
		}
		if i := lastNonBlank(footer); i >= 0 && strings.TrimSpace(footer[i]) == banner {
			footer = footer[:i]
		}
	}
	for part, ls := range [][]string{header, p.Lines, footer} {
		for _, line := range ls {
			lines = append(lines, line)
			t := strings.TrimSpace(line)
			bold = append(bold, part != 1 && (banner != "" && t == banner || t == telegram.DraftMark))
		}
	}
	return lines, bold
}

func firstNonBlank(lines []string) int {
	for i, s := range lines {
		if strings.TrimSpace(s) != "" {
			return i
		}
	}
	return -1
}

func lastNonBlank(lines []string) int {
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			return i
		}
	}
	return -1
}

// expandTabs replaces tabs by spaces to the next multiple of eight columns,
// as a teleprinter listing shows them, and drops a form feed or carriage
// return a line may still carry.
func expandTabs(s string) string {
	if !strings.ContainsAny(s, "\t\f\r") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\f', '\r':
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}
