package render

import (
	_ "embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/redline-dev/redline/diff"
)

func init() { RegisterFormat(Format{Name: "html", Render: renderHTML}) }

//go:embed assets/diff.html.tmpl
var diffHTMLTemplate string

// diffHTML is parsed on first use, not at start-up: most runs draw no HTML.
var diffHTML = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("diff.html").Parse(diffHTMLTemplate))
})

// htmlByStyle styles the label of who made a change (diff --by); inline,
// so that pages without labels are unchanged.
const htmlByStyle = "margin:0 .2em;padding:0 .3em;border:1px solid #777;border-radius:.3em;font:.7em/1.4 sans-serif;vertical-align:super"

// htmlExcerptRunes bounds the old and new text quoted in the list of changes.
const htmlExcerptRunes = 240

type htmlSpan struct {
	Kind string // text, del, ins, move-from, move-to, num, move-mark
	Text string
	Mark bool // a paragraph mark
	Num  int
	ID   string
	By   string // who made the change (num spans, diff --by)
}

type htmlPara struct {
	Spans []htmlSpan
	Fold  string // set for a run of unchanged paragraphs folded away
}

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
		for _, r := range s.Text {
			if r == '\n' {
				lines, runes = lines+1, 0
				continue
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

// bodyHTML writes the inline redline's paragraphs and the side-by-side
// rows (see htmlPara.HTML for why here and not in the template).
func (v *htmlView) bodyHTML() (redline, rows template.HTML) {
	var b strings.Builder
	b.Grow(htmlSize(v.Paras))
	for _, p := range v.Paras {
		if p.Fold != "" {
			b.WriteString(`<p class="fold">` + html.EscapeString(p.Fold) + "</p>\n")
			continue
		}
		if p.printsShort() {
			b.WriteString(`<p class="keep">`)
		} else {
			b.WriteString("<p>")
		}
		p.writeHTML(&b)
		b.WriteString("</p>\n")
	}
	if len(v.Paras) == 0 {
		b.WriteString(`<p class="fold">No text.</p>` + "\n")
	}
	redline = template.HTML(b.String())
	b = strings.Builder{}
	rowsSize := 0
	for _, r := range v.Rows {
		for _, p := range []*htmlPara{r.Left, r.Right} {
			if p != nil {
				rowsSize += htmlSize([]htmlPara{*p})
			}
		}
	}
	b.Grow(rowsSize)
	for _, r := range v.Rows {
		b.WriteString("<tr")
		if r.Changed {
			b.WriteString(` class="changed"`)
		}
		b.WriteString(">")
		for _, p := range []*htmlPara{r.Left, r.Right} {
			if p == nil {
				b.WriteString(`<td class="none"></td>`)
			} else {
				b.WriteString("<td>")
				p.writeHTML(&b)
				b.WriteString("</td>")
			}
		}
		b.WriteString("</tr>\n")
	}
	return redline, template.HTML(b.String())
}

// htmlSize guesses the size of paragraphs written as HTML, so that the
// page is built without regrowing its buffer: the text, a little for
// escapes, and the tags of each span.
func htmlSize(paras []htmlPara) int {
	n := 0
	for _, p := range paras {
		n += len(p.Fold) + 32
		for _, sp := range p.Spans {
			n += len(sp.Text) + len(sp.Text)/16 + 48
		}
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

type htmlRow struct {
	Left, Right *htmlPara
	Changed     bool
}

type htmlChange struct {
	Num      int
	Kind     string
	Old, New string
	Move     int
	By       string
}

type htmlSide struct {
	Name, Kind, Revision, Author, Office, Time, Classification string
}

type htmlView struct {
	Title, Paper, Classification string
	Old, New                     htmlSide

	ShowRevision, ShowAuthor, ShowOffice, ShowTime, ShowClassification bool

	Notes      []string
	Fields     []diff.FieldChange
	Stats      diff.Stats
	Moves      int
	Similarity string
	Summary    string
	Paras      []htmlPara
	Rows       []htmlRow
	Changes    []htmlChange

	RedlineHTML, RowsHTML, ChangesHTML template.HTML
}

// renderHTML writes one self-contained page: inline CSS, no scripts and no
// external resources (a Content-Security-Policy forbids them), readable
// without JavaScript. It holds a header naming both versions, a summary
// and legend, the field changes, the inline redline with every change
// numbered and anchored (id="change-N"), a side-by-side view and a
// numbered list of changes linking to each. With Context 0 or more, the
// inline redline folds unchanged paragraphs as the terminal does. A print
// stylesheet sets the
// paper (A4 or letter) and repeats the classification at the top and
// bottom of every printed page. Every text is escaped: html/template
// escapes the page's fields, and the redline, the side-by-side rows and the
// list of changes (built in Go for speed) go through html.EscapeString.
func renderHTML(w io.Writer, c *diff.Comparison, opts DiffOptions) error {
	v := htmlView{
		Title:          opts.Title,
		Paper:          "A4",
		Classification: cleanText(classificationOf(c)),
		Old:            htmlSideOf(c.Old),
		New:            htmlSideOf(c.New),
		Stats:          c.Stats,
		Moves:          moveCount(c),
		Similarity:     fmt.Sprintf("%.1f%%", c.Stats.Similarity*100),
		Summary:        summaryLine(c),
	}
	if strings.EqualFold(opts.Paper, "letter") {
		v.Paper = "letter"
	}
	if v.Title == "" {
		v.Title = "Redline: " + orUnnamed(c.Old.Name) + " → " + orUnnamed(c.New.Name)
	}
	v.Title = cleanText(v.Title)
	v.ShowRevision = v.Old.Revision != "" || v.New.Revision != ""
	v.ShowAuthor = v.Old.Author != "" || v.New.Author != ""
	v.ShowOffice = v.Old.Office != "" || v.New.Office != ""
	v.ShowTime = v.Old.Time != "" || v.New.Time != ""
	v.ShowClassification = v.Old.Classification != "" || v.New.Classification != ""
	for _, n := range c.Notes {
		v.Notes = append(v.Notes, cleanText(n))
	}
	for _, f := range c.Fields {
		v.Fields = append(v.Fields, diff.FieldChange{Name: cleanText(f.Name), Old: cleanText(f.Old), New: cleanText(f.New)})
	}
	anchored := map[int]bool{}
	paras := flowParagraphs(c)
	keep := keepParagraphs(len(paras), opts.Context, func(i int) bool { return paras[i].changed() })
	for i := 0; i < len(paras); {
		if !keep[i] {
			n := 0
			for ; i < len(paras) && !keep[i]; i++ {
				n++
			}
			v.Paras = append(v.Paras, htmlPara{Fold: foldText(n)})
			continue
		}
		v.Paras = append(v.Paras, htmlSpans(paras[i].spans, anchored))
		i++
	}
	for _, r := range sideRows(c) {
		hr := htmlRow{Changed: r.changed()}
		if r.left != nil {
			p := htmlSpans(reflowSpans(r.left.spans), nil)
			hr.Left = &p
		}
		if r.right != nil {
			p := htmlSpans(reflowSpans(r.right.spans), nil)
			hr.Right = &p
		}
		v.Rows = append(v.Rows, hr)
	}
	v.Changes = htmlChanges(c)
	v.RedlineHTML, v.RowsHTML = v.bodyHTML()
	v.ChangesHTML = changesHTML(v.Changes)
	return diffHTML().Execute(w, v)
}

func orUnnamed(s string) string {
	if s == "" {
		return "(unnamed)"
	}
	return s
}

func htmlSideOf(s diff.Side) htmlSide {
	h := htmlSide{
		Name: cleanText(orUnnamed(s.Name)), Kind: s.Kind, Author: cleanText(s.Author),
		Office: cleanText(s.Office), Time: cleanText(s.Time), Classification: cleanText(s.Classification),
	}
	if s.Revision > 0 {
		h.Revision = fmt.Sprint(s.Revision)
	}
	if s.Label != "" {
		h.Revision = strings.TrimSpace(h.Revision + " (" + cleanText(s.Label) + ")")
	}
	return h
}

// htmlSpans turns a paragraph's spans into the page's elements: a numbered
// badge before each change (the first one of each change anchored as
// change-N when anchored is not nil) and ⟦move N⟧ marks at both ends of a
// moved block.
func htmlSpans(spans []span, anchored map[int]bool) htmlPara {
	var out []htmlSpan
	open := markBlock{}
	lastNum := 0
	closeBlock := func() {
		if open.move > 0 {
			out = append(out, htmlSpan{Kind: "move-mark", Text: fmt.Sprintf("move %d", open.move)})
		}
		open = markBlock{}
	}
	for _, s := range spans {
		if s.kind == spanEqual {
			closeBlock()
			lastNum = 0
			out = append(out, htmlSpan{Kind: "text", Text: s.text})
			continue
		}
		want := markBlock{}
		if s.move > 0 {
			want = markBlock{move: s.move, old: s.isOld()}
		}
		if want != open {
			closeBlock()
		}
		if s.change > 0 && s.change != lastNum {
			n := htmlSpan{Kind: "num", Num: s.change, By: s.by}
			if anchored != nil && !anchored[s.change] {
				anchored[s.change] = true
				n.ID = fmt.Sprintf("change-%d", s.change)
			}
			out = append(out, n)
			lastNum = s.change
		}
		if want != open {
			open = want
			out = append(out, htmlSpan{Kind: "move-mark", Text: fmt.Sprintf("move %d", open.move)})
		}
		k := map[spanKind]string{spanDelete: "del", spanInsert: "ins", spanMoveFrom: "move-from", spanMoveTo: "move-to"}[s.kind]
		out = append(out, htmlSpan{Kind: k, Text: s.text, Mark: s.mark})
	}
	closeBlock()
	return htmlPara{Spans: out}
}

// htmlChanges lists the changes by number with their old and new text.
func htmlChanges(c *diff.Comparison) []htmlChange {
	var order []int
	byNum := map[int]*struct {
		old, new strings.Builder
		move     int
		moved    bool
		by       string
	}{}
	for _, s := range c.Segments {
		if s.Change == 0 || s.Op == diff.OpEqual {
			continue
		}
		e := byNum[s.Change]
		if e == nil {
			e = &struct {
				old, new strings.Builder
				move     int
				moved    bool
				by       string
			}{}
			byNum[s.Change] = e
			order = append(order, s.Change)
		}
		e.old.WriteString(s.A)
		e.new.WriteString(s.B)
		e.by = s.By
		if s.Move > 0 {
			e.move = s.Move
		}
		if s.Op == diff.OpMoveFrom || s.Op == diff.OpMoveTo {
			e.moved = true
		}
	}
	var out []htmlChange
	for _, n := range order {
		e := byNum[n]
		ch := htmlChange{Num: n, Old: excerpt(e.old.String()), New: excerpt(e.new.String()), By: e.by}
		if e.moved {
			ch.Move = e.move
		}
		switch {
		case e.moved:
			ch.Kind = "Moved"
		case ch.Old != "" && ch.New != "":
			ch.Kind = "Replaced"
		case ch.Old != "":
			ch.Kind = "Deleted"
		default:
			ch.Kind = "Inserted"
		}
		if isSpace(e.old.String()) && isSpace(e.new.String()) {
			ch.Kind = "Paragraphs split or joined"
			ch.Old, ch.New = "", ""
			if hasParaBreak(e.old.String()) {
				ch.Old = "¶"
			}
			if hasParaBreak(e.new.String()) {
				ch.New = "¶"
			}
		}
		out = append(out, ch)
	}
	return out
}

// excerpt shortens text for the list of changes, on one line.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(cleanText(s)), " ")
	if r := []rune(s); len(r) > htmlExcerptRunes {
		s = strings.TrimSpace(string(r[:htmlExcerptRunes])) + " …"
	}
	return s
}
