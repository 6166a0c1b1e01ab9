// Package tracked renders drafts with their tracked changes, built on
// package critic: a goldmark inline extension that reads
// CriticMarkup and writes <ins>, <del>, <mark> and comments with their
// authors, the self-contained HTML page of a draft built on it, and a
// terminal rendering in colour.
//
// goldmark parses inline syntax one block at a time, while a CriticMarkup
// mark may span paragraphs and lists. DraftHTML therefore first cuts each
// mark that crosses lines into one mark per line (keeping list markers,
// quote markers and heading hashes outside the mark so that the blocks stay
// what they are); the inline extension then only meets marks inside a block.
package tracked

import (
	"bytes"
	"regexp"
	"strings"
	"sync"

	"github.com/redline-dev/redline/critic"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindCritic is the node kind of a tracked change (insertion, deletion or
// highlight) holding inline content.
var KindCritic = gast.NewNodeKind("Critic")

// KindCriticComment is the node kind of a CriticMarkup comment.
var KindCriticComment = gast.NewNodeKind("CriticComment")

var kindCriticMarker = gast.NewNodeKind("CriticMarker")

// Critic is an insertion, deletion or highlight.
type Critic struct {
	gast.BaseInline
	// ChangeKind is critic.KindInsert, critic.KindDelete or
	// critic.KindHighlight.
	ChangeKind string
	// Number is the change's number when this node starts the change, 0
	// otherwise.
	Number int
}

// Kind implements ast.Node.
func (n *Critic) Kind() gast.NodeKind { return KindCritic }

// Dump implements ast.Node.
func (n *Critic) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"ChangeKind": n.ChangeKind}, nil)
}

// CriticComment is a comment, with the author it names.
type CriticComment struct {
	gast.BaseInline
	Author, Comment string
	Number          int
}

// Kind implements ast.Node.
func (n *CriticComment) Kind() gast.NodeKind { return KindCriticComment }

// Dump implements ast.Node.
func (n *CriticComment) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"Author": n.Author, "Comment": n.Comment}, nil)
}

// criticMarker is an opening ({++ {-- {~~ {==), middle (~>) or closing
// delimiter met while parsing a block; a transformer pairs them up when the
// block is done.
type criticMarker struct {
	gast.BaseInline
	mark    byte // '+', '-', '~', '='
	role    byte // 'o' open, 'm' middle, 'c' close
	number  int
	segment text.Segment
}

func (n *criticMarker) Kind() gast.NodeKind { return kindCriticMarker }
func (n *criticMarker) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"mark": string(n.mark), "role": string(n.role)}, nil)
}

type criticParser struct {
	// numbers maps the offset of a change's first opening in the source
	// to the change's number.
	numbers map[int]int
}

func (p *criticParser) Trigger() []byte { return []byte{'{', '+', '-', '~', '='} }

func (p *criticParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 {
		return nil
	}
	if bytes.HasPrefix(line, []byte("{>>")) {
		l, pos := block.Position()
		block.Advance(3)
		var buf []byte
		for {
			ln, _ := block.PeekLine()
			if ln == nil {
				block.SetPosition(l, pos)
				return nil
			}
			if i := bytes.Index(ln, []byte("<<}")); i >= 0 {
				buf = append(buf, ln[:i]...)
				block.Advance(i + 3)
				break
			}
			buf = append(buf, ln...)
			block.AdvanceLine()
		}
		author, comment := critic.CommentAuthor(string(buf))
		return &CriticComment{Author: author, Comment: comment, Number: p.numbers[seg.Start]}
	}
	m := &criticMarker{number: p.numbers[seg.Start]}
	switch {
	case len(line) >= 3 && line[0] == '{' && (line[1] == '+' || line[1] == '-' || line[1] == '~' || line[1] == '=') && line[2] == line[1]:
		m.mark, m.role = line[1], 'o'
	case len(line) >= 3 && line[0] == line[1] && line[2] == '}' && strings.IndexByte("+-~=", line[0]) >= 0:
		m.mark, m.role = line[0], 'c'
	case line[0] == '~' && line[1] == '>':
		m.mark, m.role = '~', 'm'
	default:
		return nil
	}
	n := 3
	if m.role == 'm' {
		n = 2
	}
	m.segment = seg.WithStop(seg.Start + n)
	block.Advance(n)
	return m
}

// criticTransformer pairs the markers of each block into Critic nodes;
// markers left without a partner become text again.
type criticTransformer struct{}

func (criticTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	var parents []gast.Node
	seen := map[gast.Node]bool{}
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			if _, ok := n.(*criticMarker); ok && !seen[n.Parent()] {
				seen[n.Parent()] = true
				parents = append(parents, n.Parent())
			}
		}
		return gast.WalkContinue, nil
	})
	for _, p := range parents {
		pairMarkers(p)
	}
}

func pairMarkers(parent gast.Node) {
	for c := parent.FirstChild(); c != nil; {
		m, ok := c.(*criticMarker)
		if !ok || m.role != 'o' {
			c = c.NextSibling()
			continue
		}
		// Find the partner(s) among the following siblings.
		var mid, end *criticMarker
		for s := m.NextSibling(); s != nil; s = s.NextSibling() {
			o, ok := s.(*criticMarker)
			if !ok {
				continue
			}
			if o.role == 'm' && m.mark == '~' && mid == nil {
				mid = o
				continue
			}
			if o.role == 'c' && o.mark == m.mark {
				end = o
			}
			break
		}
		if end == nil || (m.mark == '~' && mid == nil) {
			c = c.NextSibling()
			continue
		}
		var next gast.Node
		if m.mark == '~' {
			del := &Critic{ChangeKind: critic.KindDelete, Number: m.number}
			ins := &Critic{ChangeKind: critic.KindInsert}
			moveBetween(parent, m, mid, del)
			moveBetween(parent, mid, end, ins)
			parent.InsertBefore(parent, m, del)
			parent.InsertBefore(parent, m, ins)
			parent.RemoveChild(parent, mid)
		} else {
			kind := map[byte]string{'+': critic.KindInsert, '-': critic.KindDelete, '=': critic.KindHighlight}[m.mark]
			n := &Critic{ChangeKind: kind, Number: m.number}
			moveBetween(parent, m, end, n)
			parent.InsertBefore(parent, m, n)
		}
		next = end.NextSibling()
		parent.RemoveChild(parent, m)
		parent.RemoveChild(parent, end)
		c = next
	}
	// Whatever is left unpaired is text.
	for c := parent.FirstChild(); c != nil; {
		next := c.NextSibling()
		if m, ok := c.(*criticMarker); ok {
			gast.MergeOrReplaceTextSegment(parent, m, m.segment)
		}
		c = next
	}
}

// moveBetween moves the siblings strictly between a and b into dst.
func moveBetween(parent, a, b, dst gast.Node) {
	for s := a.NextSibling(); s != nil && s != b; {
		next := s.NextSibling()
		parent.RemoveChild(parent, s)
		dst.AppendChild(dst, s)
		s = next
	}
}

// criticHTMLRenderer writes tracked changes as HTML.
type criticHTMLRenderer struct {
	numbers bool
}

func (r *criticHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCritic, r.renderCritic)
	reg.Register(KindCriticComment, r.renderComment)
	reg.Register(kindCriticMarker, func(w util.BufWriter, src []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(util.EscapeHTML(n.(*criticMarker).segment.Value(src)))
		}
		return gast.WalkSkipChildren, nil
	})
}

func (r *criticHTMLRenderer) number(w util.BufWriter, n int) {
	if r.numbers && n > 0 {
		_, _ = w.WriteString(`<sup class="critic-number" title="change ` + itoa(n) + `">` + itoa(n) + `</sup>`)
	}
}

func (r *criticHTMLRenderer) renderCritic(w util.BufWriter, src []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	n := node.(*Critic)
	tag := map[string]string{critic.KindInsert: "ins", critic.KindDelete: "del", critic.KindHighlight: "mark"}[n.ChangeKind]
	if entering {
		r.number(w, n.Number)
		_, _ = w.WriteString("<" + tag + ` class="critic critic-` + n.ChangeKind + `">`)
	} else {
		_, _ = w.WriteString("</" + tag + ">")
	}
	return gast.WalkContinue, nil
}

func (r *criticHTMLRenderer) renderComment(w util.BufWriter, src []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	if !entering {
		return gast.WalkContinue, nil
	}
	n := node.(*CriticComment)
	r.number(w, n.Number)
	_, _ = w.WriteString(`<span class="critic critic-comment" role="note">`)
	if n.Author != "" {
		_, _ = w.WriteString(`<span class="critic-author">`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.Author)))
		_, _ = w.WriteString(`</span>`)
		if n.Comment != "" {
			_, _ = w.WriteString(" ")
		}
	}
	_, _ = w.Write(util.EscapeHTML([]byte(n.Comment)))
	_, _ = w.WriteString(`</span>`)
	return gast.WalkSkipChildren, nil
}

// criticExtension is the goldmark extension: the inline parser, the
// transformer that pairs delimiters, and the HTML renderer.
type criticExtension struct {
	numbers map[int]int
	showNum bool
}

// CriticMarkup returns a goldmark extension that renders CriticMarkup
// marks written inside one block as <ins>, <del>, <mark> and comment spans.
func CriticMarkup() goldmark.Extender { return &criticExtension{} }

func (e *criticExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(&criticParser{numbers: e.numbers}, 150)),
		parser.WithASTTransformers(util.Prioritized(criticTransformer{}, 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&criticHTMLRenderer{numbers: e.showNum}, 100)))
}

var (
	blockPrefixRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))?(?:#{1,6}(?:[ \t]+|$))?`)
	})
	ruleLineRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$`)
	})
)

// splitMarks rewrites a parsed draft's source so that no mark crosses a
// line: a mark over several lines becomes one mark per line, a
// substitution a deletion and an insertion, a comment one line. It returns
// the new source and, for each change, the offset of its first delimiter.
func splitMarks(d *critic.Doc) ([]byte, map[int]int) {
	src := d.Source()
	changes := d.Changes()
	numbers := map[int]int{}
	var out bytes.Buffer
	pos := 0
	ci := 0
	lineStart, scanned := 0, 0 // where the output's last line begins, as far as scanned
	for _, m := range d.Marks() {
		out.Write(src[pos:m.Start])
		pos = m.End
		for ci < len(changes) && changes[ci].End <= m.Start {
			ci++
		}
		num := 0
		if ci < len(changes) && changes[ci].Start == m.Start {
			num = changes[ci].Number
		}
		ob := out.Bytes()
		if k := bytes.LastIndexByte(ob[scanned:], '\n'); k >= 0 {
			lineStart = scanned + k + 1
		}
		scanned = len(ob)
		atLineStart := isBlankBytes(ob[lineStart:])
		old, new := m.Content(src)
		switch m.Kind {
		case critic.KindComment:
			if num > 0 {
				numbers[out.Len()] = num
			}
			out.WriteString("{>>" + strings.Join(strings.Fields(old), " ") + "<<}")
		case critic.KindInsert:
			writeSplit(&out, d, "{++", "++}", new, m.Start+3, atLineStart, numbers, num)
		case critic.KindDelete:
			writeSplit(&out, d, "{--", "--}", old, m.Start+3, atLineStart, numbers, num)
		case critic.KindHighlight:
			writeSplit(&out, d, "{==", "==}", old, m.Start+3, atLineStart, numbers, num)
		case critic.KindSubstitute:
			// A line replaced by a line of the same kind ({~~## Old~>## New~~})
			// keeps its block prefix once, outside both marks.
			newOff, newStart := m.Mid+2, atLineStart && old == ""
			if atLineStart {
				first, _, _ := strings.Cut(old, "\n")
				if p := blockPrefixRe().FindString(strings.TrimRight(first, "\r")); p != "" && strings.HasPrefix(new, p) {
					new, newOff = new[len(p):], newOff+len(p)
				}
			}
			if old != "" {
				writeSplit(&out, d, "{--", "--}", old, m.Start+3, atLineStart, numbers, num)
				num = 0
			}
			if new != "" || num > 0 {
				writeSplit(&out, d, "{++", "++}", new, newOff, newStart, numbers, num)
			}
		}
	}
	out.Write(src[pos:])
	return out.Bytes(), numbers
}

// writeSplit writes content between open and close, one mark per line.
// offset is where content starts in the original source (to tell code);
// num, when not 0, is the change number the first delimiter carries.
func writeSplit(out *bytes.Buffer, d *critic.Doc, open, close, content string, offset int, atLineStart bool, numbers map[int]int, num int) {
	lines := strings.Split(content, "\n")
	for i, l := range lines {
		if i > 0 {
			out.WriteByte('\n')
		}
		lineOff := offset
		offset += len(l) + 1
		body := strings.TrimRight(l, "\r")
		cr := l[len(body):]
		if len(lines) > 1 && (strings.TrimSpace(body) == "" || d.InCode(lineOff) || ruleLineRe().MatchString(body) || isFence(body)) {
			out.WriteString(l)
			continue
		}
		prefix := ""
		if i > 0 || atLineStart {
			prefix = blockPrefixRe().FindString(body)
		}
		out.WriteString(prefix)
		if num > 0 {
			numbers[out.Len()] = num
			num = 0
		}
		out.WriteString(open + body[len(prefix):] + close + cr)
	}
	if num > 0 {
		// Nothing written could carry the number: put an empty mark.
		numbers[out.Len()] = num
		out.WriteString(open + close)
	}
}

func isFence(l string) bool {
	t := strings.TrimLeft(l, " \t>")
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
}

func isBlankBytes(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
