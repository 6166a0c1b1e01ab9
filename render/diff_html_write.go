package render

import (
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/redline-dev/redline/diff"
)

// The HTML page's body, written here rather than by the template: the
// redline's paragraphs, the side-by-side rows and the list of changes.

// keepLines and keepLineRunes say which paragraphs a printed page keeps
// whole: those of at most keepLines lines, a line being at most
// keepLineRunes characters (a printed line of the page holds about 95 at
// its 10.5 points on A4; counting generously keeps a paragraph a little
// longer whole rather than split one that is short). Orphans and widows
// would do it in the style sheet, but Chromium ignores them inside the
// table that repeats the banners' room on every page.
const (
	keepLines     = 5
	keepLineRunes = 100
)

// printsShort reports whether the paragraph prints in keepLines lines or
// fewer: each of its own lines (it keeps its line breaks) is counted as
// the printed lines it wraps to.
func (p *htmlPara) printsShort() bool {
	lines, runes := 1, 0
	for _, s := range p.Spans {
		for i := 0; i < len(s.Text); i++ {
			c := s.Text[i]
			switch {
			case c == '\n':
				lines, runes = lines+1, 0
				continue
			case c&0xc0 == 0x80:
				continue // inside a character: counted at its first byte
			}
			if runes++; runes > keepLineRunes {
				lines, runes = lines+1, 1
			}
			if lines > keepLines {
				return false
			}
		}
	}
	return lines <= keepLines
}

// redlineHTML writes the inline redline's paragraphs (see writeHTML for
// why here and not in the template) as it lays them out, unchanged ones
// folded away beyond context paragraphs from a change, each paragraph's
// elements in room kept from paragraph to paragraph.
func redlineHTML(c *diff.Comparison, context int) template.HTML {
	var b strings.Builder
	b.Grow(htmlTextSize(c))
	anchored := map[int]bool{}
	paras := flowParagraphs(c)
	keep := keepParagraphs(len(paras), context, func(i int) bool { return paras[i].changed() })
	var p htmlPara
	for i := 0; i < len(paras); {
		if !keep[i] {
			n := 0
			for ; i < len(paras) && !keep[i]; i++ {
				n++
			}
			b.WriteString(`<p class="fold">` + html.EscapeString(foldText(n)) + "</p>\n")
			continue
		}
		p = htmlSpansInto(p.Spans[:0], paras[i].spans, anchored)
		i++
		if p.printsShort() {
			b.WriteString(`<p class="keep">`)
		} else {
			b.WriteString("<p>")
		}
		p.writeHTML(&b)
		b.WriteString("</p>\n")
	}
	if len(paras) == 0 {
		b.WriteString(`<p class="fold">No text.</p>` + "\n")
	}
	return template.HTML(b.String())
}

// rowsHTML writes the side-by-side table's rows as it lays them out, one
// cell's elements at a time in room kept from cell to cell: a long
// redline's rows had all been built as elements first, then written.
func rowsHTML(c *diff.Comparison) template.HTML {
	var b strings.Builder
	b.Grow(htmlTextSize(c))
	var cell htmlPara
	for _, r := range sideRows(c) {
		b.WriteString("<tr")
		if r.changed() {
			b.WriteString(` class="changed"`)
		}
		b.WriteString(">")
		for _, p := range []*paragraph{r.left, r.right} {
			if p == nil {
				b.WriteString(`<td class="none"></td>`)
				continue
			}
			cell = htmlSpansInto(cell.Spans[:0], reflowSpans(p.spans), nil)
			b.WriteString("<td>")
			cell.writeHTML(&b)
			b.WriteString("</td>")
		}
		b.WriteString("</tr>\n")
	}
	return template.HTML(b.String())
}

// htmlTextSize guesses the size of c's text written as HTML (the
// redline, or the side-by-side rows), so that it is written without
// regrowing its buffer: both sides' text, a little for escapes, and the
// tags of each segment.
func htmlTextSize(c *diff.Comparison) int {
	n := 0
	for _, s := range c.Segments {
		n += len(s.A) + len(s.B) + (len(s.A)+len(s.B))/16 + 96
	}
	return n
}

// changesHTML writes the items of the numbered list of changes.
func changesHTML(changes []htmlChange) template.HTML {
	var b strings.Builder
	esc := html.EscapeString
	for _, c := range changes {
		fmt.Fprintf(&b, `<li id="list-%d" value="%d"><a href="#change-%d"><span class="kind">%s</span></a>`, c.Num, c.Num, c.Num, esc(c.Kind))
		del, ins := "del", "ins"
		if c.Move > 0 {
			fmt.Fprintf(&b, " (move %d)", c.Move)
			del, ins = "move move-from", "move move-to"
		}
		if c.By != "" {
			b.WriteString(` <span class="by" style="` + htmlByStyle + `">` + esc(c.By) + `</span>`)
		}
		b.WriteString(": ")
		if c.Old != "" {
			b.WriteString(`<del class="` + del + `">` + esc(c.Old) + `</del>`)
		}
		if c.Old != "" && c.New != "" {
			b.WriteString(" → ")
		}
		if c.New != "" {
			b.WriteString(`<ins class="` + ins + `">` + esc(c.New) + `</ins>`)
		}
		b.WriteString("</li>\n")
	}
	return template.HTML(b.String())
}

// writeHTML writes the paragraph's elements into b. They are built here
// rather than by the template because a long redline has tens of
// thousands of spans and the template's reflection made large pages take
// seconds; every text is escaped as html.EscapeString does, straight into
// b, and the rest is fixed markup and numbers.
func (p htmlPara) writeHTML(b *strings.Builder) {
	for _, s := range p.Spans {
		mark := ""
		if s.Mark {
			mark = " mark"
		}
		switch s.Kind {
		case "text":
			writeEscaped(b, s.Text)
		case "del":
			htmlElement(b, `<del class="del`+mark+`">`, s.Text, `</del>`)
		case "ins":
			htmlElement(b, `<ins class="ins`+mark+`">`, s.Text, `</ins>`)
		case "move-from":
			htmlElement(b, `<del class="move move-from">`, s.Text, `</del>`)
		case "move-to":
			htmlElement(b, `<ins class="move move-to">`, s.Text, `</ins>`)
		case "num":
			b.WriteString(`<a class="num"`)
			if s.ID != "" {
				htmlElement(b, ` id="`, s.ID, `"`)
			}
			n := strconv.Itoa(s.Num)
			b.WriteString(` href="#list-` + n + `" title="change ` + n + `">` + n + `</a>`)
			if s.By != "" {
				htmlElement(b, `<span class="by" style="`+htmlByStyle+`">`, s.By, `</span>`)
			}
		case "move-mark":
			htmlElement(b, `<span class="move-mark" title="`, s.Text, `">⟦`)
			htmlElement(b, "", s.Text, `⟧</span>`)
		}
	}
}

// htmlElement writes open, text escaped, and close.
func htmlElement(b *strings.Builder, open, text, close string) {
	b.WriteString(open)
	writeEscaped(b, text)
	b.WriteString(close)
}

// writeEscaped writes s into b escaped as html.EscapeString escapes it
// (<, >, &, ' and "), without building the escaped string first.
func writeEscaped(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '"':
			r = "&#34;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}
