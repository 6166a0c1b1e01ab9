package docx

import (
	"bytes"
	"fmt"
	"strings"
)

// docWriter writes word/document.xml. Every annotation (revision, move
// range) gets its own w:id; comments keep their index as theirs.
type docWriter struct {
	b      bytes.Buffer
	nextID int
	// moves locates the first and last run of each move side, so that its
	// range marks enclose it, across paragraphs if need be.
	moves   map[moveKey]*moveSpan
	headers bool
}

type moveKey struct {
	kind Kind
	name string
}

type runAt struct{ p, r int }

type moveSpan struct {
	first, last runAt
	id          int
}

func documentXML(d *Document) ([]byte, error) {
	w := &docWriter{nextID: len(d.Comments) + 1, moves: map[moveKey]*moveSpan{}}
	for p, para := range d.Paragraphs {
		for r, run := range para.Runs {
			if run.Rev.Kind != MoveFrom && run.Rev.Kind != MoveTo {
				continue
			}
			if run.Rev.Move == "" {
				return nil, fmt.Errorf("paragraph %d: a moved run has no move name", p+1)
			}
			k := moveKey{run.Rev.Kind, run.Rev.Move}
			if s := w.moves[k]; s != nil {
				s.last = runAt{p, r}
			} else {
				w.moves[k] = &moveSpan{first: runAt{p, r}, last: runAt{p, r}, id: w.id()}
			}
		}
	}
	b := &w.b
	fmt.Fprintf(b, `%s<w:document xmlns:w="%s" xmlns:r="%s"><w:body>`, xmlHeader, nsW, nsR)
	for p := range d.Paragraphs {
		w.paragraph(d, p)
	}
	fmt.Fprintf(b, `<w:sectPr><w:headerReference w:type="default" r:id="%s"/><w:footerReference w:type="default" r:id="%s"/>`, headerRel, footerRel)
	b.WriteString(`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>`)
	b.WriteString(`</w:body></w:document>`)
	return b.Bytes(), nil
}

func (w *docWriter) id() int { w.nextID++; return w.nextID - 1 }

// revAttrs writes a revision's w:id, w:author and w:date.
func (w *docWriter) revAttrs(r Revision) {
	fmt.Fprintf(&w.b, ` w:id="%d"`, w.id())
	attr(&w.b, "w:author", r.Author)
	if r.Date != "" {
		attr(&w.b, "w:date", r.Date)
	}
}

var revElem = map[Kind]string{Insert: "w:ins", Delete: "w:del", MoveFrom: "w:moveFrom", MoveTo: "w:moveTo"}

func (w *docWriter) paragraph(d *Document, p int) {
	para := d.Paragraphs[p]
	b := &w.b
	b.WriteString(`<w:p><w:pPr>`)
	if para.Style != "" {
		fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, para.Style)
	}
	if para.Style == StyleBullet {
		b.WriteString(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`)
	}
	if e, ok := revElem[para.Mark.Kind]; ok {
		fmt.Fprintf(b, `<w:rPr><%s`, e)
		w.revAttrs(para.Mark)
		b.WriteString(`/></w:rPr>`)
	}
	b.WriteString(`</w:pPr>`)
	runs := para.Runs
	for i := 0; i < len(runs); {
		r := runs[i]
		switch {
		case r.CommentStart > 0:
			fmt.Fprintf(b, `<w:commentRangeStart w:id="%d"/>`, r.CommentStart-1)
			i++
			continue
		case r.CommentEnd > 0:
			fmt.Fprintf(b, `<w:commentRangeEnd w:id="%d"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="%d"/></w:r>`, r.CommentEnd-1, r.CommentEnd-1)
			i++
			continue
		}
		j := i + 1
		for j < len(runs) && runs[j].Rev == r.Rev && runs[j].CommentStart == 0 && runs[j].CommentEnd == 0 {
			j++
		}
		w.group(p, i, j, runs)
		i = j
	}
	b.WriteString(`</w:p>`)
}

// group writes runs[i:j], which share one revision, inside its revision
// element and, for a move, its range marks.
func (w *docWriter) group(p, i, j int, runs []Run) {
	b := &w.b
	rev := runs[i].Rev
	e, tracked := revElem[rev.Kind]
	var span *moveSpan
	rangeName := map[Kind]string{MoveFrom: "w:moveFromRange", MoveTo: "w:moveToRange"}[rev.Kind]
	if rangeName != "" {
		span = w.moves[moveKey{rev.Kind, rev.Move}]
		if span.first == (runAt{p, i}) {
			fmt.Fprintf(b, `<%sStart w:id="%d"`, rangeName, span.id)
			attr(b, "w:name", rev.Move)
			attr(b, "w:author", rev.Author)
			if rev.Date != "" {
				attr(b, "w:date", rev.Date)
			}
			b.WriteString(`/>`)
		}
	}
	if tracked {
		fmt.Fprintf(b, `<%s`, e)
		w.revAttrs(rev)
		b.WriteString(`>`)
	}
	text := "w:t"
	if rev.Kind == Delete {
		text = "w:delText"
	}
	for _, r := range runs[i:j] {
		if r.Text == "" {
			continue
		}
		b.WriteString(`<w:r>`)
		if r.Bold || r.Italic {
			b.WriteString(`<w:rPr>`)
			if r.Bold {
				b.WriteString(`<w:b/>`)
			}
			if r.Italic {
				b.WriteString(`<w:i/>`)
			}
			b.WriteString(`</w:rPr>`)
		}
		writeText(b, text, r.Text)
		b.WriteString(`</w:r>`)
	}
	if tracked {
		fmt.Fprintf(b, `</%s>`, e)
	}
	if span != nil && span.last.p == p && span.last.r >= i && span.last.r < j {
		fmt.Fprintf(b, `<%sEnd w:id="%d"/>`, rangeName, span.id)
	}
}

// headingStyle is the style of a heading of level n (1 to 6).
func headingStyle(n int) string { return fmt.Sprintf("Heading%d", n) }

// HeadingLevel returns the level of a heading style, or 0.
func HeadingLevel(style string) int {
	if n, ok := strings.CutPrefix(style, "Heading"); ok && len(n) == 1 && n[0] >= '1' && n[0] <= '6' {
		return int(n[0] - '0')
	}
	return 0
}

// Heading returns the style of a heading of level n, from 1 to 6.
func Heading(n int) string { return headingStyle(min(max(n, 1), 6)) }
