package render

import (
	"fmt"
	"io"

	"github.com/redline-dev/redline/attrib"
	"github.com/redline-dev/redline/render/pdffont"
)

// BlamePDFWithWarnings prints an attribution (the "pdf" blame format): a
// key of offices in their colours and the revisions that wrote the
// surviving words, then the text with each run in its office's colour
// (underlined, so that the marks survive a black-and-white copy only as
// far as the key says). It returns warnings as DiffPDFWithWarnings does.
func BlamePDFWithWarnings(w io.Writer, b *attrib.Blame, opts BlameOptions) (warnings []string, err error) {
	defer recoverPDF(&err)
	if b == nil {
		return nil, fmt.Errorf("pdf: no attribution to print")
	}
	title := opts.Title
	if title == "" {
		title = "Attribution"
		if n := len(b.Revisions); n > 0 {
			title += " of " + b.Revisions[n-1].Name
		}
	}
	pdf, paper, err := newPDF(opts.Paper, opts.PDF.Created, title, pdffont.ProseFaces)
	if err != nil {
		return nil, err
	}
	pf := pdffont.New(pdf, pdffont.Config{Named: opts.PDF.FallbackFonts, NoSearch: opts.PDF.NoFallbackSearch})
	lay := func(note string) *blBuilder {
		bb := &blBuilder{pdf: pdf, fonts: pf, paper: paper, right: paper.w - blMarginRight}
		bb.blame(b, title, note)
		return bb
	}
	bb := lay("")
	if note := pf.Note(); note != "" {
		bb = lay(note)
	}
	if pf.Err() != nil {
		return nil, pf.Err()
	}
	doc := &blDoc{fonts: pf, paper: paper, title: title}
	doc.pages = paginate(bb.lines, paper.h-blMarginTop-blMarginBottom)
	drawBlackline(pdf, doc)
	if err := finishPDF(w, pdf); err != nil {
		return nil, err
	}
	return pf.Warnings(), nil
}

// blame lays out the key and the coloured text.
func (b *blBuilder) blame(bl *attrib.Blame, title, printNote string) {
	b.flow([]blRun{{text: title, family: pdffont.Prose, style: "B", size: 15, color: blColorText}}, 21)
	b.space(6)
	idx := officeIndex(bl)
	colour := func(office string) [3]int {
		c := blameRGB[idx[office]%len(blameRGB)]
		return [3]int{c[0], c[1], c[2]}
	}
	runs := []blRun{{text: "Key: ", family: pdffont.Prose, style: "B", size: 9.5, color: blColorText}}
	for i, s := range bl.Offices() {
		if i > 0 {
			runs = append(runs, blRun{text: "   ", family: pdffont.Prose, size: 9.5, color: blColorText})
		}
		runs = append(runs, blRun{text: fmt.Sprintf("%s (%d word%s)", officeLabel(s.Office), s.Words, plural(s.Words)),
			family: pdffont.Prose, size: 9.5, color: colour(s.Office), deco: decoUnderline})
	}
	b.flow(runs, 14)
	for _, l := range blameLegend(bl) {
		b.flow([]blRun{{text: l, family: pdffont.Prose, size: 9, color: blColorMuted}}, 12)
	}
	if printNote != "" {
		b.flow([]blRun{{text: printNote, family: pdffont.Prose, style: "I", size: 9, color: blColorMuted}}, 12)
	}
	b.heading("Text")
	var text []blRun
	for _, s := range bl.Spans() {
		office := bl.Revisions[s.Rev].Office
		text = append(text, blRun{text: s.Text, family: pdffont.Prose, size: blTextSize, color: colour(office), deco: decoUnderline})
	}
	b.flow(softBreaks(text), blLineH)
}
