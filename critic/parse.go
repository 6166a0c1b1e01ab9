package critic

// CriticMarkup tracked changes: parsing, listing and resolving.
//
// The five marks are
//
//	{++inserted++}   {--deleted--}   {~~old~>new~~}   {==highlighted==}   {>>comment<<}
//
// A mark may span lines and blank lines (a paragraph joined, split or
// replaced) and may enclose whole lists and blocks. Marks do not nest. A
// backslash before a mark's opening or closing (an odd number of
// backslashes) makes it plain text, as it is in Markdown. Text inside code
// spans, fenced code blocks and indented code blocks is plain text: the code
// is found with goldmark, the Markdown parser the renderer uses, so the
// parser and the rendering agree on what is code.
//
// Changes are what a reviewer accepts or rejects:
//   - each insertion, deletion, substitution and highlight is one change;
//   - a deletion immediately followed by an insertion ({--a--}{++b++}) is
//     one substitution, as if written {~~a~>b~~};
//   - a comment written directly after a change (no space between) belongs
//     to that change; any other comment is a change of its own (kind
//     "comment");
//   - a comment whose text begins with "@" names an author: the author is
//     the text after "@" up to the first ":" on the comment's first line,
//     and the comment is what follows the ":" (trimmed). Without a ":" the
//     whole first line after "@" is the author. So
//     {>>@CDP No. 10: more precise<<} has author "CDP No. 10" and comment
//     "more precise".

import (
	"bytes"
	"fmt"
	"github.com/redline-dev/redline/draft"
	"sort"
	"strings"
	"unicode/utf8"
)

// Kinds of change, as listed by Changes.
const (
	KindInsert     = "insert"
	KindDelete     = "delete"
	KindSubstitute = "substitute"
	KindHighlight  = "highlight"
	KindComment    = "comment"
)

// Change is one tracked change of a CriticMarkup document.
type Change struct {
	// Number counts the changes in document order from 1.
	Number int `json:"number"`
	// Kind is insert, delete, substitute, highlight or comment.
	Kind string `json:"kind"`
	// Line and Column (1-based, in characters) locate the change's first
	// mark in the file, front matter included.
	Line   int `json:"line"`
	Column int `json:"column"`
	// Old is the text a reviewer rejecting the change keeps (deleted or
	// replaced text, the highlighted text); New is the text accepting it
	// gives (inserted or replacing text, the highlighted text).
	Old string `json:"old"`
	New string `json:"new"`
	// Author and Comment come from the comment attached to the change (or
	// from the comment itself, for a comment change).
	Author  string `json:"author"`
	Comment string `json:"comment"`

	// Start and End are the byte offsets in the file of the change's marks,
	// an attached comment included.
	Start int `json:"-"`
	End   int `json:"-"`
}

// Mark kinds as written in the text.
type markKind int

const (
	markInsert markKind = iota
	markDelete
	markSubstitute
	markHighlight
	markComment
)

// Mark is one mark as written: its kind (insert, delete, substitute,
// highlight, comment) and byte offsets in the file. For a substitution Mid
// is the offset of "~>".
type Mark struct {
	Kind       string
	Start, End int
	Mid        int
	kind       markKind
}

// Content returns the mark's text between its delimiters; for a
// substitution, the old and the new text.
func (m Mark) Content(src []byte) (old, new string) {
	switch m.kind {
	case markSubstitute:
		return string(src[m.Start+3 : m.Mid]), string(src[m.Mid+2 : m.End-3])
	case markInsert:
		return "", string(src[m.Start+3 : m.End-3])
	default:
		s := string(src[m.Start+3 : m.End-3])
		return s, s
	}
}

// Doc is a parsed CriticMarkup document.
type Doc struct {
	Name string

	src     []byte
	body    int // byte offset of the body (after any front matter)
	marks   []Mark
	changes []Change
	groups  [][]int // the marks of each change, by index into marks
	code    []span  // code regions, sorted, non-overlapping
	lines   []int   // byte offsets of line starts
}

type span struct{ start, end int }

// Parse parses the CriticMarkup marks in a draft's body (marks in
// YAML front matter are not marks). An unclosed or badly nested mark is an
// error naming NAME:LINE:COLUMN, and so is a body whose lists and block
// quotes nest deeper than MaxNesting.
func Parse(name string, src []byte) (*Doc, error) {
	body, err := criticBodyOffset(name, src)
	if err != nil {
		return nil, err
	}
	d := &Doc{Name: name, src: src, body: body}
	d.lines = append(d.lines, 0)
	for i, c := range src {
		if c == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	if err := d.checkNesting(); err != nil {
		return nil, err
	}
	d.code = codeSpans(src[body:], body)
	if err := d.scan(); err != nil {
		return nil, err
	}
	d.group()
	return d, nil
}

// criticBodyOffset finds where the body of a draft begins, using the
// draft's own front-matter rules.
func criticBodyOffset(name string, src []byte) (int, error) {
	doc, err := draft.Parse(name, src)
	if err != nil {
		return 0, err
	}
	return len(src) - len(doc.Body), nil
}

// UnresolvedMarks returns the tracked changes still in a draft: an empty
// list when the draft is clean. Renderers and send use it to refuse a draft
// that has not been fully accepted or rejected.
func UnresolvedMarks(name string, src []byte) ([]Change, error) {
	d, err := Parse(name, src)
	if err != nil {
		return nil, err
	}
	return d.Changes(), nil
}

// Source returns the document's bytes as parsed.
func (d *Doc) Source() []byte { return d.src }

// BodyOffset returns the byte offset where the body begins.
func (d *Doc) BodyOffset() int { return d.body }

// Marks returns the marks as written, in document order.
func (d *Doc) Marks() []Mark { return append([]Mark(nil), d.marks...) }

// Changes returns the tracked changes in document order, numbered from 1.
func (d *Doc) Changes() []Change { return append([]Change(nil), d.changes...) }

// InCode reports whether the byte at offset lies in a code span or code
// block, where marks are plain text.
func (d *Doc) InCode(offset int) bool {
	i := sort.Search(len(d.code), func(i int) bool { return d.code[i].end > offset })
	return i < len(d.code) && d.code[i].start <= offset
}

// Position returns the 1-based line and column (in characters) of a byte
// offset.
func (d *Doc) Position(offset int) (line, col int) {
	i := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > offset }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, utf8.RuneCount(d.src[d.lines[i]:offset]) + 1
}

// positions turns offsets, given in increasing order, into lines and
// columns, counting characters only from the last offset: listing every
// change of a line with 100,000 marks is then linear, not quadratic.
type positions struct {
	d        *Doc
	line     int // index into d.lines of the last offset's line
	off, col int // the last offset and its column
	started  bool
}

func (p *positions) at(offset int) (line, col int) {
	d := p.d
	if !p.started || offset < p.off {
		p.started = true
		p.line = sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > offset }) - 1
		if p.line < 0 {
			p.line = 0
		}
		p.off, p.col = offset, utf8.RuneCount(d.src[d.lines[p.line]:offset])+1
		return p.line + 1, p.col
	}
	for p.line+1 < len(d.lines) && d.lines[p.line+1] <= offset {
		p.line++
		p.off, p.col = d.lines[p.line], 1
	}
	p.col += utf8.RuneCount(d.src[p.off:offset])
	p.off = offset
	return p.line + 1, p.col
}

func (d *Doc) errorf(offset int, format string, a ...any) error {
	line, col := d.Position(offset)
	return fmt.Errorf("%s:%d:%d: %s", d.Name, line, col, fmt.Sprintf(format, a...))
}

// escaped reports whether the byte at i is preceded by an odd number of
// backslashes.
func escaped(src []byte, i, floor int) bool {
	n := 0
	for j := i - 1; j >= floor && src[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

func tokenAt(src []byte, i int, tokens []string) int {
	for k, t := range tokens {
		if bytes.HasPrefix(src[i:], []byte(t)) {
			return k
		}
	}
	return -1
}

var (
	openTokens  = Openings[:]
	closeTokens = Closings[:]
)

// codeEnd returns the end of the code region holding offset i (i itself
// when i is not in code), and the index of that region or the next, from
// ci on.
func (d *Doc) codeEnd(i, ci int) (int, int) {
	for ci < len(d.code) && d.code[ci].end <= i {
		ci++
	}
	if ci < len(d.code) && d.code[ci].start <= i {
		return d.code[ci].end, ci
	}
	return i, ci
}

// delimiterByte reports whether a delimiter can begin with c.
func delimiterByte(c byte) bool {
	return c == '{' || c == '+' || c == '-' || c == '~' || c == '=' || c == '<'
}

// scan finds the marks of the body.
func (d *Doc) scan() error {
	src := d.src
	ci := 0 // next code region
	open := -1
	var cur Mark
	var escapedOpen [len(Openings)]bool
	for i := d.body; i < len(src); {
		var j int
		if j, ci = d.codeEnd(i, ci); j != i {
			i = j // marks in code are text
			continue
		}
		if !delimiterByte(src[i]) {
			i++
			continue
		}
		if escaped(src, i, d.body) {
			// An escaped opening is text, and so is its closing.
			if k := tokenAt(src, i, openTokens); k >= 0 && open < 0 {
				escapedOpen[k] = true
			}
			i++
			continue
		}
		if open < 0 {
			if k := tokenAt(src, i, openTokens); k >= 0 {
				open = k
				cur = Mark{kind: markKind(k), Start: i, Mid: -1}
				i += 3
				continue
			}
			if k := tokenAt(src, i, closeTokens); k >= 0 {
				if escapedOpen[k] {
					escapedOpen[k] = false
					i += 3
					continue
				}
				return d.errorf(i, "%s closes no mark: open it with %s or escape it as \\%s", Closings[k], Openings[k], Closings[k])
			}
			i++
			continue
		}
		// Inside a mark.
		if k := tokenAt(src, i, closeTokens); k == open {
			if cur.kind == markSubstitute && cur.Mid < 0 {
				return d.errorf(cur.Start, "substitution {~~ has no ~> between the old and the new text")
			}
			cur.End = i + 3
			cur.Kind = markKindName(cur.kind)
			d.marks = append(d.marks, cur)
			open = -1
			i += 3
			continue
		} else if k >= 0 && open != int(markComment) {
			return d.errorf(i, "%s cannot close the %s opened at %s: close it with %s", Closings[k], Openings[open], d.short(cur.Start), Closings[open])
		}
		if open == int(markComment) {
			i++
			continue
		}
		if k := tokenAt(src, i, openTokens); k >= 0 {
			return d.errorf(i, "%s inside the %s opened at %s: marks cannot nest; close the first with %s", Openings[k], Openings[open], d.short(cur.Start), Closings[open])
		}
		if cur.kind == markSubstitute && bytes.HasPrefix(src[i:], []byte(Separator)) {
			if cur.Mid >= 0 {
				return d.errorf(i, "second ~> in the substitution opened at %s: a substitution has one old and one new text", d.short(cur.Start))
			}
			cur.Mid = i
			i += 2
			continue
		}
		i++
	}
	if open >= 0 {
		return d.errorf(cur.Start, "unclosed %s: end it with %s", Openings[open], Closings[open])
	}
	return nil
}

func (d *Doc) short(offset int) string {
	l, c := d.Position(offset)
	return fmt.Sprintf("%d:%d", l, c)
}

func markKindName(k markKind) string {
	switch k {
	case markInsert:
		return KindInsert
	case markDelete:
		return KindDelete
	case markSubstitute:
		return KindSubstitute
	case markHighlight:
		return KindHighlight
	}
	return KindComment
}

// group turns marks into numbered changes.
func (d *Doc) group() {
	src := d.src
	pos := positions{d: d}
	for i := 0; i < len(d.marks); {
		m := d.marks[i]
		g := []int{i}
		c := Change{Kind: m.Kind, Start: m.Start, End: m.End}
		c.Old, c.New = m.Content(src)
		switch m.kind {
		case markDelete:
			c.New = ""
			if i+1 < len(d.marks) && d.marks[i+1].kind == markInsert && d.marks[i+1].Start == m.End {
				i++
				g = append(g, i)
				c.Kind = KindSubstitute
				_, c.New = d.marks[i].Content(src)
				c.End = d.marks[i].End
			}
		case markComment:
			c.Old, c.New = "", ""
			c.Author, c.Comment = splitAuthor(string(src[m.Start+3 : m.End-3]))
		}
		if m.kind != markComment && i+1 < len(d.marks) && d.marks[i+1].kind == markComment && d.marks[i+1].Start == c.End {
			i++
			g = append(g, i)
			cm := d.marks[i]
			c.Author, c.Comment = splitAuthor(string(src[cm.Start+3 : cm.End-3]))
			c.End = cm.End
		}
		i++
		c.Number = len(d.changes) + 1
		c.Line, c.Column = pos.at(c.Start)
		d.changes = append(d.changes, c)
		d.groups = append(d.groups, g)
	}
}

// CommentAuthor splits a comment's text into the author it names and the
// comment proper: "@CDP No. 10: more precise" is by "CDP No. 10" and says
// "more precise" (see the rules at the top of this file). A comment not
// beginning with "@" has no author.
func CommentAuthor(s string) (author, comment string) { return splitAuthor(s) }

func splitAuthor(s string) (author, comment string) {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "@") {
		return "", t
	}
	t = t[1:]
	first, rest, multi := strings.Cut(t, "\n")
	if name, after, ok := strings.Cut(first, ":"); ok {
		comment = strings.TrimSpace(after)
		if multi {
			comment = strings.TrimSpace(comment + "\n" + rest)
		}
		return strings.TrimSpace(name), comment
	}
	if multi {
		return strings.TrimSpace(first), strings.TrimSpace(rest)
	}
	return strings.TrimSpace(first), ""
}
