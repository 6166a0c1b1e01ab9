package review

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"sync"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/render/tracked"
)

//go:embed assets
var assets embed.FS

// pageTmpl is parsed on first use: parsing it at package initialisation
// cost every redline process (a diff too) a third of a millisecond.
var pageTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page.html.tmpl").Funcs(template.FuncMap{"short": short}).ParseFS(assets, "assets/page.html.tmpl"))
})

// view is what the page shows: the layout and the filters of the change
// list, as the query string has them.
type view struct {
	Mode                 string // "redline" or "sbs"
	Author, Office, Kind string
}

func viewOf(q url.Values) view {
	v := view{Mode: q.Get("view"), Author: q.Get("author"), Office: q.Get("office"), Kind: q.Get("kind")}
	if v.Mode != "sbs" {
		v.Mode = "redline"
	}
	return v
}

// query is the view as a query string, token first.
func (v view) query(token string) url.Values {
	q := url.Values{"token": {token}}
	if v.Mode != "redline" {
		q.Set("view", v.Mode)
	}
	for k, s := range map[string]string{"author": v.Author, "office": v.Office, "kind": v.Kind} {
		if s != "" {
			q.Set(k, s)
		}
	}
	return q
}

// item is one change of the list, with the comments that answer it.
type item struct {
	critic.Change
	Name, Office string
	Replies      []item
	Hidden       bool
}

type pageData struct {
	Token, Version, Name, Title, Classification string
	Fields                                      [][2]string
	Resolved, Total, Remaining                  int
	Items                                       []item
	Authors, Offices, Kinds                     []string
	View                                        view
	SBS                                         bool
	Content                                     template.HTML
	Notice                                      string
	NoticeBad                                   bool
	CanFinish                                   bool
	Signature                                   string
	RedlineURL, SBSURL                          string
	CanComment                                  bool
	OldName                                     string
}

// page reads the draft and builds the page's data.
func (s *Server) page(v view) (*pageData, error) {
	data, err := s.snapshot()
	if err != nil {
		return nil, err
	}
	d, err := critic.Parse(s.opts.Name, data)
	if err != nil {
		return nil, err
	}
	doc, err := draft.Parse(s.opts.Name, data)
	if err != nil {
		return nil, err
	}
	content, err := draftBody(s.opts.Name, data)
	if err != nil {
		return nil, err
	}
	f := doc.Fields
	p := &pageData{
		Token: s.token, Version: version(data), Name: s.opts.Name, Title: f.Title,
		View: v, SBS: v.Mode == "sbs", Content: content,
		CanFinish: s.opts.Finish != nil, Signature: s.signature(),
		CanComment: !s.comparing(), OldName: s.opts.OldName,
	}
	rv, sv := v, v
	rv.Mode, sv.Mode = "redline", "sbs"
	p.RedlineURL, p.SBSURL = "/?"+rv.query(s.token).Encode(), "/?"+sv.query(s.token).Encode()
	if p.Title == "" {
		p.Title = s.opts.Name
	}
	if f.Classification != "" {
		p.Classification = strings.Join(append([]string{f.Classification}, f.Caveats...), " ")
	}
	for _, kv := range [][2]string{{"Precedence", f.Precedence}, {"From", f.From}, {"To", strings.Join(f.To, ", ")}, {"Subject", f.Subject}} {
		if kv[1] != "" {
			p.Fields = append(p.Fields, kv)
		}
	}
	p.Items = threads(d.Changes())
	p.Authors, p.Offices, p.Kinds = facets(p.Items)
	for i := range p.Items {
		p.Items[i].Hidden = !v.shows(p.Items[i])
	}
	s.mu.Lock()
	p.Resolved = s.resolved
	s.mu.Unlock()
	p.Remaining = len(d.Changes())
	p.Total = p.Resolved + p.Remaining
	return p, nil
}

// shows says whether the filters keep an item.
func (v view) shows(it item) bool {
	return (v.Author == "" || strings.EqualFold(v.Author, it.Name)) &&
		(v.Office == "" || strings.EqualFold(v.Office, it.Office)) &&
		(v.Kind == "" || v.Kind == it.Kind)
}

// threads groups the changes into items: a comment that follows a change or
// another comment with no gap is a reply in that change's item.
func threads(changes []critic.Change) []item {
	var items []item
	end := -1
	for _, c := range changes {
		name, office := splitOffice(c.Author)
		it := item{Change: c, Name: name, Office: office}
		if c.Kind == critic.KindComment && c.Start == end && len(items) > 0 {
			last := &items[len(items)-1]
			last.Replies = append(last.Replies, it)
		} else {
			items = append(items, it)
		}
		end = c.End
	}
	return items
}

// facets lists the authors, offices and kinds of the items, for the
// filters, in order of first appearance.
func facets(items []item) (authors, offices, kinds []string) {
	// one set per list: a draft may name thousands of authors
	seen := [3]map[string]bool{{}, {}, {}}
	add := func(k int, list []string, s string) []string {
		if s == "" || seen[k][s] {
			return list
		}
		seen[k][s] = true
		return append(list, s)
	}
	for _, it := range items {
		authors, offices, kinds = add(0, authors, it.Name), add(1, offices, it.Office), add(2, kinds, it.Kind)
	}
	return
}

// draftBody is the redline of the draft's body as the HTML redline page
// writes it (tracked.DraftHTML: the same marks, palette classes and change
// numbers), without that page's head and banners, which the review page
// has its own of.
func draftBody(name string, data []byte) (template.HTML, error) {
	var b bytes.Buffer
	if err := tracked.DraftHTML(&b, name, data, tracked.DraftOptions{}); err != nil {
		return "", err
	}
	page := b.String()
	i, j := strings.Index(page, "<main>"), strings.LastIndex(page, "</main>")
	if i < 0 || j < i {
		return "", fmt.Errorf("cannot show %s: the redline page has no body", name)
	}
	return template.HTML(page[i+len("<main>") : j]), nil // #nosec: render escapes the draft's text
}

// short puts a change's text on one line, cut to n characters.
func short(s string, n int) string {
	s = cleanLine(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
