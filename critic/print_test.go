package critic

import (
	"strings"
	"testing"

	"github.com/redline-dev/redline/draft"
)

// piecesFrom turns fuzz input into pieces: fields cut at "|", each field's
// kind taken from two bits of kinds (unchanged, insertion, deletion,
// substitution with old and new cut at "^"), and a comment after "#" on a
// change.
func piecesFrom(data string, kinds uint64) []Piece {
	var out []Piece
	for i, f := range strings.Split(data, "|") {
		k := (kinds >> (2 * (i % 32))) & 3
		text, comment, _ := strings.Cut(f, "#")
		switch k {
		case 0:
			out = append(out, Piece{Old: f, New: f})
			continue
		case 1:
			out = append(out, Piece{Change: true, New: text, Comment: comment})
		case 2:
			out = append(out, Piece{Change: true, Old: text, Comment: comment})
		default:
			old, new, _ := strings.Cut(text, "^")
			out = append(out, Piece{Change: true, Old: old, New: new, Comment: comment})
		}
	}
	return out
}

// wantChanges is what the parser should read from Print(pieces): each
// change with its text as the printer escapes it, a deletion directly
// followed by an insertion joined into one substitution, and a comment
// directly after a change without one attached to it.
func wantChanges(pieces []Piece) []Change {
	var out []Change
	adjacent := false    // nothing printed since the last change
	lastComment := false // the last change ends with a comment mark
	lastMark := ""       // the kind of the last change's last text mark
	for _, p := range pieces {
		if !p.Change {
			if p.New != "" {
				adjacent = false
			}
			continue
		}
		if p.Old == "" && p.New == "" && p.Comment == "" {
			continue
		}
		oldEnd, newEnd := CloseDelete, CloseInsert
		if p.Old != "" && p.New != "" && !strings.Contains(p.Old+p.New, Separator) {
			oldEnd, newEnd = Separator, CloseSubstitute
		}
		c := Change{Old: escapeContent(p.Old, oldEnd), New: escapeContent(p.New, newEnd)}
		switch {
		case p.Old == "" && p.New == "":
			c.Kind, c.Old, c.New = KindComment, "", ""
		case p.Old == "":
			c.Kind, c.Old = KindInsert, ""
		case p.New == "":
			c.Kind, c.New = KindDelete, ""
		default:
			c.Kind = KindSubstitute
		}
		if p.Comment != "" {
			c.Author, c.Comment = splitAuthor(escapeContent(p.Comment, CloseComment))
		}
		if n := len(out); adjacent && n > 0 && !lastComment {
			last := &out[n-1]
			switch {
			case c.Kind == KindInsert && last.Kind == KindDelete && lastMark == KindDelete:
				last.Kind, last.New, last.Author, last.Comment = KindSubstitute, c.New, c.Author, c.Comment
				lastComment = p.Comment != ""
				lastMark = KindInsert
				continue
			case c.Kind == KindComment && last.Kind != KindComment:
				last.Author, last.Comment = c.Author, c.Comment
				lastComment = true
				continue
			}
		}
		out = append(out, c)
		adjacent, lastComment = true, p.Comment != ""
		lastMark = c.Kind
		if c.Kind == KindSubstitute && (strings.Contains(p.Old, Separator) || strings.Contains(p.New, Separator)) {
			lastMark = KindInsert // written as a deletion and an insertion
		}
	}
	for i := range out {
		out[i].Number = i + 1
	}
	return out
}

func FuzzCriticRoundTrip(f *testing.F) {
	f.Add("The conference |agreed#@CDP No. 10: firmer| to meet.", uint64(0b000100))
	f.Add("a|b^c|d|e|f", uint64(0b1011111100))
	f.Add("x {++ y|--}z^w{|\\|q", uint64(0b01111100))
	f.Add("|#only a comment|#@A|text", uint64(0b00100101))
	f.Add("c:\\|old\\^new\\|~|a~>b^c", uint64(0b1110110100))
	f.Fuzz(func(t *testing.T, data string, kinds uint64) {
		pieces := piecesFrom(data, kinds)
		out := Print(pieces)
		if body, err := draft.Parse("fuzz.md", []byte(out.Text)); err != nil || len(body.Body) != len(out.Text) {
			return // front matter: marks there are not marks
		}
		d, err := Parse("fuzz.md", []byte(out.Text))
		if err != nil {
			if hasCode(out) {
				return // Markdown code makes text of delimiters
			}
			t.Fatalf("printed %q does not parse: %v", out.Text, err)
		}
		if len(d.code) > 0 {
			return
		}
		got, want := d.Changes(), wantChanges(pieces)
		if len(got) != len(want) {
			t.Fatalf("printed %q: %d changes, want %d\n got %+v\nwant %+v", out.Text, len(got), len(want), got, want)
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Number != w.Number || g.Kind != w.Kind || g.Old != w.Old || g.New != w.New || g.Author != w.Author || g.Comment != w.Comment {
				t.Fatalf("printed %q: change %d\n got %+v\nwant %+v", out.Text, i+1, g, w)
			}
		}
	})
}

// hasCode reports whether Markdown finds code in the printed text once
// its delimiters are blanked out.
func hasCode(o Printed) bool {
	blank := []byte(o.Text)
	for _, ds := range o.Delims {
		for _, d := range ds {
			n := 3
			if strings.HasPrefix(o.Text[d:], Separator) {
				n = 2
			}
			for k := d; k < d+n; k++ {
				blank[k] = 'Z'
			}
		}
	}
	return len(codeSpans(blank, 0)) > 0
}

func TestPrintEscapes(t *testing.T) {
	out := Print([]Piece{
		{Old: "Path C:\\", New: "Path C:\\"},
		{Change: true, Old: "old {", New: "new\\"},
		{Old: " and {++ text", New: " and {++ text"},
		{Change: true, Old: "a~>b", New: "c", Comment: "moved to 1"},
	}).Text
	want := "Path C:\\\\{~~old {~>new\\\\~~} and \\{++ text{--a~>b--}{++c++}{>>moved to 1<<}"
	if out != want {
		t.Errorf("Print\n got %q\nwant %q", out, want)
	}
}
