package render

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
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
	v.Changes = htmlChanges(c)
	v.RedlineHTML = redlineHTML(c, opts.Context)
	v.RowsHTML = rowsHTML(c)
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

// htmlSpansInto turns a paragraph's spans into the page's elements: a numbered
// badge before each change (the first one of each change anchored as
// change-N when anchored is not nil) and ⟦move N⟧ marks at both ends of a
// moved block.
// The elements are appended to out (room kept from paragraph to
// paragraph).
func htmlSpansInto(out []htmlSpan, spans []span, anchored map[int]bool) htmlPara {
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
		out = append(out, htmlSpan{Kind: htmlKind(s.kind), Text: s.text, Mark: s.mark})
	}
	closeBlock()
	return htmlPara{Spans: out}
}

// htmlKind is the element kind a changed span is written as.
func htmlKind(k spanKind) string {
	switch k {
	case spanDelete:
		return "del"
	case spanInsert:
		return "ins"
	case spanMoveFrom:
		return "move-from"
	case spanMoveTo:
		return "move-to"
	}
	return ""
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
