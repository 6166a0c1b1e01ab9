package render

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/render/pdffont"
)

func init() { RegisterFormat(Format{Name: "pdf", Binary: true, Render: diffPDF}) }

// The blackline's colours: the palette of every view (see hue).
var (
	blColorText  = [3]int{0, 0, 0}
	blColorDel   = hueDelete.rgb
	blColorIns   = hueInsert.rgb
	blColorMove  = hueMove.rgb
	blColorMuted = [3]int{90, 90, 90}
)

// blDeco is how a piece of text is marked.
type blDeco int

const (
	decoNone blDeco = iota
	decoStrike
	decoUnderline
	decoDoubleStrike
	decoDoubleUnderline
)

// Blackline page geometry, in points.
const (
	blMarginTop    = 64.0
	blMarginBottom = 64.0
	blMarginLeft   = 78.0 // text starts here; change numbers sit left of it
	blMarginRight  = 56.0
	blNumberRight  = 64.0 // change numbers end here
	blBarX         = 70.0 // the change bar
	blBannerSize   = 11.0
	blTextSize     = 10.5
	blLineH        = 15.0
)

// blItem is one run of text drawn on a line, all in one style.
type blItem struct {
	x, w   float64
	text   string
	family string
	style  string
	size   float64
	color  [3]int
	deco   blDeco
	// sym is the text's width in the font's glyph units, kept while the
	// text is plain ASCII (hasSym), so that a word joined to the item adds
	// its own width instead of the whole item being measured again.
	sym    int
	hasSym bool
}

// blLine is one printed line: its height (the advance from the previous
// baseline), what is drawn on it, and the change numbers shown in the
// margin beside it.
type blLine struct {
	h       float64
	items   []blItem
	numbers []int
	bar     [3]int // colour of the change bar; zero means none
	hasBar  bool
	rule    bool // a thin rule across the text column instead of text
	// keepNext keeps the line on the page of the next line with text: a
	// heading is never left at the foot of a page without what follows.
	keepNext bool
}

// blDoc is a blackline laid out in pages, ready to draw.
type blDoc struct {
	fonts  *pdffont.Fonts
	paper  paperSize
	banner string
	title  string
	pages  [][]blLine
}

// diffPDF draws a comparison as a printed blackline.
func diffPDF(w io.Writer, c *diff.Comparison, opts DiffOptions) error {
	warnings, err := DiffPDFWithWarnings(w, c, opts)
	for _, m := range warnings {
		opts.warn(m)
	}
	return err
}

// DiffPDFWithWarnings draws a comparison as a printed blackline (the "pdf"
// diff format) and returns warnings for the caller to show: characters no
// font could print, which the document shows as U+FFFD and lists in a note
// under the key, and a fallback font that could not be used.
func DiffPDFWithWarnings(w io.Writer, c *diff.Comparison, opts DiffOptions) (warnings []string, err error) {
	defer recoverPDF(&err)
	pdf, doc, err := layoutBlackline(c, opts)
	if err != nil {
		return nil, err
	}
	if doc.fonts.Err() != nil {
		return nil, doc.fonts.Err()
	}
	drawBlackline(pdf, doc)
	if err := finishPDF(w, pdf); err != nil {
		return nil, err
	}
	return doc.fonts.Warnings(), nil
}

// layoutBlackline measures and places everything; drawing comes after, once
// the number of pages is known.
func layoutBlackline(c *diff.Comparison, opts DiffOptions) (*fpdf.Fpdf, *blDoc, error) {
	if c == nil {
		return nil, nil, fmt.Errorf("pdf: no comparison to print")
	}
	title := opts.Title
	if title == "" {
		title = fmt.Sprintf("Blackline: %s against %s", sideName(c.Old, "old"), sideName(c.New, "new"))
	}
	pdf, paper, err := newPDF(opts.Paper, opts.PDF.Created, title, pdffont.ProseFaces)
	if err != nil {
		return nil, nil, err
	}
	pf := pdffont.New(pdf, pdffont.Config{Named: opts.PDF.FallbackFonts, NoSearch: opts.PDF.NoFallbackSearch})
	b := &blBuilder{pdf: pdf, fonts: pf, paper: paper, right: paper.w - blMarginRight}
	b.build(c, title, "")
	if note := pf.Note(); note != "" {
		// Some characters print as U+FFFD: lay out again with a note
		// saying so under the key, where a reader looks first.
		b = &blBuilder{pdf: pdf, fonts: pf, paper: paper, right: paper.w - blMarginRight}
		b.build(c, title, note)
	}
	doc := &blDoc{fonts: pf, paper: paper, banner: bannerOf(c.Old.Classification, c.New.Classification), title: title}
	doc.pages = paginate(b.lines, paper.h-blMarginTop-blMarginBottom)
	return pdf, doc, nil
}

// sideName names a side briefly for the title: the file's base name with
// its revision or label. The header rows give the names in full.
func sideName(s diff.Side, fallback string) string {
	name := filepath.Base(filepath.ToSlash(s.Name))
	if s.Name == "" || name == "." || name == "/" {
		name = fallback
	}
	if strings.Contains(name, "@") {
		return name // already a reference such as draft.md@3
	}
	if s.Label != "" {
		return name + "@" + s.Label
	}
	if s.Revision > 0 {
		return fmt.Sprintf("%s@%d", name, s.Revision)
	}
	return name
}

// bannerOf picks the classification a document holding both texts carries:
// the higher of the two, or whichever is set.
func bannerOf(old, new string) string {
	old, new = strings.TrimSpace(old), strings.TrimSpace(new)
	switch {
	case old == "":
		return new
	case new == "":
		return old
	case classRank(old) > classRank(new):
		return old
	default:
		return new
	}
}

// classRank ranks a classification that may carry caveats after the level
// (SECRET UK EYES ONLY).
func classRank(s string) int {
	up := strings.ToUpper(s)
	best := -1
	for _, level := range cable.Classifications {
		if up == level || strings.HasPrefix(up, level+" ") {
			best = max(best, cable.ClassificationRank(level))
		}
	}
	return best
}

// blBuilder lays out lines top to bottom within the text column.
type blBuilder struct {
	pdf   *fpdf.Fpdf
	fonts *pdffont.Fonts
	paper paperSize
	right float64
	lines []blLine
	cur   *blLine // the line being filled (line), or nil
	line  blLine
	x     float64
	// pieces is flowAt's list of the pieces of one run, kept from run to
	// run.
	pieces []string
	// numbered holds the changes whose number is already in the margin;
	// a move is numbered at its source and again at its destination.
	numbered map[[2]int]bool
}

func (b *blBuilder) width(family, style string, size float64, s string) float64 {
	return b.fonts.Width(family, style, size, s)
}

// add puts one line of fixed items.
func (b *blBuilder) add(h float64, items ...blItem) {
	for i := range items {
		if items[i].w == 0 {
			items[i].w = b.width(items[i].family, items[i].style, items[i].size, items[i].text)
		}
	}
	b.lines = append(b.lines, blLine{h: h, items: items})
}

func (b *blBuilder) space(h float64) { b.lines = append(b.lines, blLine{h: h}) }

func (b *blBuilder) heading(s string) {
	b.space(8)
	b.add(18, blItem{x: blMarginLeft, text: s, family: pdffont.Prose, style: "B", size: 12, color: blColorText})
	b.lines[len(b.lines)-1].keepNext = true
	b.lines = append(b.lines, blLine{h: 6, rule: true, keepNext: true})
}

func (b *blBuilder) build(c *diff.Comparison, title, printNote string) {
	b.flow([]blRun{{text: title, family: pdffont.Prose, style: "B", size: 15, color: blColorText}}, 21)
	b.space(6)
	b.sideRows("Old", "deleted text", c.Old)
	b.sideRows("New", "inserted text", c.New)
	b.space(4)
	b.legend()
	for _, n := range c.Notes {
		b.flow([]blRun{{text: "Note: " + n, family: pdffont.Prose, style: "I", size: 9, color: blColorMuted}}, 12)
	}
	if printNote != "" {
		b.flow([]blRun{{text: printNote, family: pdffont.Prose, style: "I", size: 9, color: blColorMuted}}, 12)
	}
	if len(c.Fields) > 0 {
		b.heading("Field changes")
		for _, f := range c.Fields {
			runs := []blRun{{text: f.Name + ": ", family: pdffont.Prose, style: "B", size: blTextSize, color: blColorText}}
			if f.Old != "" {
				runs = append(runs, blRun{text: f.Old, family: pdffont.Prose, size: blTextSize, color: blColorDel, deco: decoStrike, changed: true})
			}
			if f.Old != "" && f.New != "" {
				runs = append(runs, blRun{text: " ", family: pdffont.Prose, size: blTextSize, color: blColorText})
			}
			if f.New != "" {
				runs = append(runs, blRun{text: f.New, family: pdffont.Prose, size: blTextSize, color: blColorIns, deco: decoUnderline, changed: true})
			}
			b.flow(runs, blLineH)
		}
	}
	b.heading("Text")
	from := len(b.lines)
	b.flow(softBreaks(segmentRuns(c.Segments)), blLineH)
	keepHeadings(b.lines[from:])
	b.summary(c)
}

// sideRows describes one side: its name, then its facts with its kind and
// classification.
func (b *blBuilder) sideRows(role, shows string, s diff.Side) {
	name := displayName(s)
	parts := sideFacts(s, "label ")
	for _, v := range []string{s.Kind, s.Classification} {
		if v != "" {
			parts = append(parts, v)
		}
	}
	label := blItem{x: blMarginLeft, text: role + ":", family: pdffont.Prose, style: "B", size: blTextSize, color: blColorText}
	b.flowAt([]blRun{
		{text: name, family: pdffont.Prose, style: "B", size: blTextSize, color: blColorText},
		{text: "  (" + shows + ")", family: pdffont.Prose, style: "I", size: 9, color: blColorMuted},
	}, blLineH, blMarginLeft+40, &label)
	if len(parts) > 0 {
		b.flowAt([]blRun{{text: strings.Join(parts, " · "), family: pdffont.Prose, size: 9.5, color: blColorMuted}}, 13, blMarginLeft+40, nil)
	}
}

// legend shows each mark once, drawn as the text below draws it.
func (b *blBuilder) legend() {
	runs := []blRun{{text: "Key: ", family: pdffont.Prose, style: "B", size: 9.5, color: blColorText}}
	for i, k := range []struct {
		s    string
		col  [3]int
		deco blDeco
	}{
		{"deleted", blColorDel, decoStrike},
		{"inserted", blColorIns, decoUnderline},
		{"moved from", blColorMove, decoDoubleStrike},
		{"moved to", blColorMove, decoDoubleUnderline},
	} {
		if i > 0 {
			runs = append(runs, blRun{text: "   ", family: pdffont.Prose, size: 9.5, color: blColorText})
		}
		runs = append(runs, blRun{text: k.s, family: pdffont.Prose, size: 9.5, color: k.col, deco: k.deco})
	}
	runs = append(runs, blRun{text: "   Numbers in the margin count the changes.", family: pdffont.Prose, style: "I", size: 9, color: blColorMuted})
	b.flow(runs, 14)
}

// summary is the table at the end: how many insertions, deletions, moves
// and changes, and the words they hold.
func (b *blBuilder) summary(c *diff.Comparison) {
	ins, del, moves, changes := countChanges(c.Segments)
	if c.Stats.Changes > 0 {
		changes = c.Stats.Changes
	}
	b.space(10)
	b.heading("Summary")
	col1, col2, col3 := blMarginLeft, blMarginLeft+170.0, blMarginLeft+260.0
	cell := func(x float64, s string, style string, right bool) blItem {
		it := blItem{x: x, text: s, family: pdffont.Prose, style: style, size: blTextSize, color: blColorText}
		it.w = b.width(it.family, it.style, it.size, s)
		if right {
			it.x = x + 60 - it.w
		}
		return it
	}
	b.add(16, cell(col1, "", "B", false), cell(col2, "Changes", "B", true), cell(col3, "Words", "B", true))
	row := func(name string, color [3]int, n, words int) {
		it := cell(col1, name, "", false)
		it.color = color
		b.add(blLineH, it, cell(col2, fmt.Sprint(n), "", true), cell(col3, fmt.Sprint(words), "", true))
	}
	row("Insertions", blColorIns, ins, c.Stats.InsertedWords)
	row("Deletions", blColorDel, del, c.Stats.DeletedWords)
	row("Moves", blColorMove, moves, c.Stats.MovedWords)
	b.lines = append(b.lines, blLine{h: 5, rule: true})
	b.add(blLineH, cell(col1, "Total changes", "B", false), cell(col2, fmt.Sprint(changes), "B", true))
	b.space(6)
	b.add(blLineH, cell(col1, "Words in old text", "", false), cell(col3, fmt.Sprint(c.Stats.OldWords), "", true))
	b.add(blLineH, cell(col1, "Words in new text", "", false), cell(col3, fmt.Sprint(c.Stats.NewWords), "", true))
	b.add(blLineH, cell(col1, "Similarity", "", false), cell(col3, fmt.Sprintf("%.1f%%", 100*c.Stats.Similarity), "", true))
}

// countChanges counts insertions and deletions by change (a replacement is
// one of each), and moves by move id.
func countChanges(segs []diff.Segment) (ins, del, moves, changes int) {
	seenIns, seenDel, seenMove, seenChange := map[int]bool{}, map[int]bool{}, map[int]bool{}, map[int]bool{}
	for _, s := range segs {
		if s.Change > 0 && s.Op != diff.OpEqual && !seenChange[s.Change] {
			seenChange[s.Change] = true
			changes++
		}
		switch s.Op {
		case diff.OpInsert:
			if s.Change == 0 || !seenIns[s.Change] {
				ins++
				seenIns[s.Change] = s.Change != 0
			}
		case diff.OpDelete:
			if s.Change == 0 || !seenDel[s.Change] {
				del++
				seenDel[s.Change] = s.Change != 0
			}
		case diff.OpMoveFrom, diff.OpMoveTo:
			if s.Move > 0 && !seenMove[s.Move] {
				seenMove[s.Move] = true
				moves++
			}
		}
	}
	return ins, del, moves, changes
}

// drawBlackline draws the laid-out pages with their banners and numbers.
func drawBlackline(pdf *fpdf.Fpdf, doc *blDoc) {
	pf := doc.fonts
	total := len(doc.pages)
	for pi, page := range doc.pages {
		pdf.AddPage()
		w, h := doc.paper.w, doc.paper.h
		if doc.banner != "" {
			pdf.SetTextColor(0, 0, 0)
			drawCentered(pf, pdffont.Prose, "B", blBannerSize, w, 34, doc.banner)
			drawCentered(pf, pdffont.Prose, "B", blBannerSize, w, h-26, doc.banner)
		}
		pdf.SetFont(pdffont.Prose, "", 8)
		pdf.SetTextColor(blColorMuted[0], blColorMuted[1], blColorMuted[2])
		pf.Text(pdffont.Prose, "", 8, blMarginLeft, h-42, truncateTo(pf, pdffont.Prose, "", 8, doc.title, w-blMarginLeft-blMarginRight-80))
		pageNo := fmt.Sprintf("Page %d of %d", pi+1, total)
		pdf.Text(w-blMarginRight-pdf.GetStringWidth(pageNo), h-42, pageNo)
		pdf.SetDrawColor(170, 170, 170)
		pdf.SetLineWidth(0.4)
		pdf.Line(blMarginLeft, h-52, w-blMarginRight, h-52)

		y := blMarginTop
		for _, l := range page {
			top := y
			y += l.h
			if l.rule {
				pdf.SetDrawColor(120, 120, 120)
				pdf.SetLineWidth(0.5)
				pdf.Line(blMarginLeft, y-2, w-blMarginRight, y-2)
				continue
			}
			base := y - l.h*0.25
			if l.hasBar {
				pdf.SetDrawColor(l.bar[0], l.bar[1], l.bar[2])
				pdf.SetLineWidth(1.5)
				pdf.Line(blBarX, top+2, blBarX, y+1)
			}
			if len(l.numbers) > 0 {
				nums := make([]string, len(l.numbers))
				for i, n := range l.numbers {
					nums[i] = fmt.Sprint(n)
				}
				s := strings.Join(nums, ",")
				pdf.SetFont(pdffont.Prose, "B", 8)
				pdf.SetTextColor(blColorMuted[0], blColorMuted[1], blColorMuted[2])
				pdf.Text(blNumberRight-pdf.GetStringWidth(s), base, s)
			}
			for _, it := range l.items {
				drawItem(pf, it, base)
			}
		}
	}
}

func drawItem(pf *pdffont.Fonts, it blItem, base float64) {
	pdf := pf.PDF()
	pdf.SetTextColor(it.color[0], it.color[1], it.color[2])
	pf.Text(it.family, it.style, it.size, it.x, base, it.text)
	if it.deco == decoNone || it.w == 0 {
		return
	}
	// The mark covers the words and the spaces between them, not the
	// spaces at either end, so that it does not run into the next word.
	core := strings.Trim(it.text, " ")
	if core == "" {
		return
	}
	lead := strings.TrimSuffix(it.text, strings.TrimLeft(it.text, " "))
	x1 := it.x + pf.Width(it.family, it.style, it.size, lead)
	x2 := x1 + pf.Width(it.family, it.style, it.size, core)
	pdf.SetDrawColor(it.color[0], it.color[1], it.color[2])
	pdf.SetLineWidth(0.7)
	switch it.deco {
	case decoStrike:
		pdf.Line(x1, base-0.3*it.size, x2, base-0.3*it.size)
	case decoDoubleStrike:
		pdf.Line(x1, base-0.22*it.size, x2, base-0.22*it.size)
		pdf.Line(x1, base-0.42*it.size, x2, base-0.42*it.size)
	case decoUnderline:
		pdf.Line(x1, base+0.16*it.size, x2, base+0.16*it.size)
	case decoDoubleUnderline:
		pdf.Line(x1, base+0.14*it.size, x2, base+0.14*it.size)
		pdf.Line(x1, base+0.32*it.size, x2, base+0.32*it.size)
	}
}

// truncateTo shortens s with an ellipsis to fit width in the given face.
func truncateTo(pf *pdffont.Fonts, family, style string, size float64, s string, width float64) string {
	if pf.Width(family, style, size, s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && pf.Width(family, style, size, string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
