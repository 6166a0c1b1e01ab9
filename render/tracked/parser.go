package tracked

import (
	"bytes"
	"strings"

	"github.com/redline-dev/redline/critic"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

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
