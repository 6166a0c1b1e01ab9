package docx

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/redline-dev/redline/critic"
)

// genDocument makes a random document: paragraphs of every style, runs of
// text with markup characters, tabs, breaks and non-ASCII letters, bold
// and italic, every kind of revision by a few authors, paragraph marks
// inserted and deleted, and comments with replies on ranges.
func genDocument(r *rand.Rand) *Document {
	pick := func(xs ...string) string { return xs[r.Intn(len(xs))] }
	text := func() string {
		var b strings.Builder
		for range 1 + r.Intn(5) {
			b.WriteString(pick("word", " ", "<&>", "\"quote\"", "\t", "\n", "é", "中文", "{++", "~>", "x", "  "))
		}
		return b.String()
	}
	authors := []string{"J S Wall", "Charles Powell, No. 10", "FCO", "a <b> & \"c\""}
	rev := func() Revision {
		k := Kind(r.Intn(5))
		if k == MoveFrom || k == MoveTo {
			return Revision{Kind: k, Author: authors[0], Date: "1988-12-21T21:30:00Z", Move: "move1"}
		}
		if k == Plain {
			return Revision{}
		}
		return Revision{Kind: k, Author: authors[r.Intn(len(authors))], Date: pick("", "1988-12-21T21:30:00Z")}
	}
	d := &Document{Header: pick("", "SECRET"), Footer: pick("", "SECRET")}
	for range 1 + r.Intn(6) {
		p := Paragraph{Style: pick(StyleNormal, StyleTitle, StyleBullet, StyleNumber, StyleQuote, Heading(1+r.Intn(6)))}
		for range r.Intn(6) {
			if r.Intn(6) == 0 {
				d.Comments = append(d.Comments, Comment{Author: authors[r.Intn(len(authors))], Text: text(), Parent: -1})
				n := len(d.Comments)
				p.Runs = append(p.Runs, Run{CommentStart: n}, Run{Text: "noted"}, Run{CommentEnd: n})
				if r.Intn(2) == 0 {
					d.Comments = append(d.Comments, Comment{Author: "reply", Text: text(), Parent: n - 1})
				}
				continue
			}
			p.Runs = append(p.Runs, Run{Text: text(), Bold: r.Intn(3) == 0, Italic: r.Intn(3) == 0, Rev: rev()})
		}
		if m := rev(); m.Kind == Insert || m.Kind == Delete {
			p.Mark = m
		}
		d.Paragraphs = append(d.Paragraphs, p)
	}
	return d
}

// runsKey writes a paragraph's runs with adjacent runs of one kind joined,
// as both the writer and the reader see them.
func runsKey(p Paragraph) string {
	var b strings.Builder
	var cur Run
	open := false
	flush := func() {
		if open && cur.Text != "" {
			b.WriteString(runKey(cur))
		}
		open = false
	}
	for _, r := range p.Runs {
		if r.CommentStart > 0 || r.CommentEnd > 0 {
			flush()
			b.WriteString(runKey(r))
			continue
		}
		if r.Text == "" {
			continue
		}
		t := r.Text
		r.Text = ""
		if open && r.Bold == cur.Bold && r.Italic == cur.Italic && r.Rev == cur.Rev {
			cur.Text += t
			continue
		}
		flush()
		cur, open = r, true
		cur.Text = t
	}
	flush()
	return b.String()
}

// TestWriteReadProperty: what Write writes, Read reads back the same, for
// generated documents.
func TestWriteReadProperty(t *testing.T) {
	r := rand.New(rand.NewSource(14))
	for i := range 300 {
		want := genDocument(r)
		var buf bytes.Buffer
		if err := Write(&buf, want); err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		got, rep, err := Read(buf.Bytes())
		if err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		if len(rep.Warnings) > 0 {
			t.Fatalf("document %d: warnings %q", i, rep.Warnings)
		}
		// and the CriticMarkup made of it always parses
		if _, err := critic.Parse("imported.md", Draft(got)); err != nil {
			t.Fatalf("document %d: the draft made of it does not parse: %v\n%s", i, err, Draft(got))
		}
		if got.Header != want.Header || got.Footer != want.Footer {
			t.Errorf("document %d: header %q footer %q, want %q %q", i, got.Header, got.Footer, want.Header, want.Footer)
		}
		if len(got.Paragraphs) != len(want.Paragraphs) {
			t.Fatalf("document %d: %d paragraphs, want %d", i, len(got.Paragraphs), len(want.Paragraphs))
		}
		for j, p := range want.Paragraphs {
			g := got.Paragraphs[j]
			if g.Style != p.Style || g.Mark != p.Mark || runsKey(g) != runsKey(p) {
				t.Fatalf("document %d paragraph %d:\n got %q %+v %s\nwant %q %+v %s", i, j, g.Style, g.Mark, runsKey(g), p.Style, p.Mark, runsKey(p))
			}
		}
		if len(got.Comments) != len(want.Comments) {
			t.Fatalf("document %d: %d comments, want %d", i, len(got.Comments), len(want.Comments))
		}
		for j, c := range want.Comments {
			c.Text = strings.TrimSpace(c.Text)
			if got.Comments[j] != c {
				t.Fatalf("document %d comment %d: %+v, want %+v", i, j, got.Comments[j], c)
			}
		}
	}
}
