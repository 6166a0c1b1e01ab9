package render

// Rows of the side-by-side views: the old and the new paragraphs paired.

import (
	"github.com/redline-dev/redline/diff"
)

// row is one line of the side-by-side views: an old paragraph, a new
// paragraph, or both. A side without a paragraph is nil.
type row struct {
	left, right *paragraph
}

func (r row) changed() bool {
	return (r.left != nil && r.left.changed()) || (r.right != nil && r.right.changed()) ||
		r.left == nil || r.right == nil
}

// sideRows pairs the old and new paragraphs. Paragraph breaks that both
// sides share (in equal text) close a group; within a group, paragraphs
// made of changed text alone stand on their own row unless the other side
// has one too (a paragraph replaced), and the others pair in order.
func sideRows(c *diff.Comparison) []row {
	var b rowBuilder
	for _, seg := range c.Segments {
		k := kindOf(seg.Op)
		base := span{kind: k, change: seg.Change, move: seg.Move, by: seg.By}
		if k == spanEqual {
			b.addEqual(base, splitParas(cleanText(seg.A)), splitParas(cleanText(seg.B)))
			continue
		}
		if k == spanDelete || k == spanMoveFrom {
			b.addChange(base, cleanText(seg.A), &b.curL, b.endL)
		} else {
			b.addChange(base, cleanText(seg.B), &b.curR, b.endR)
		}
	}
	b.closeGroup()
	return b.rows
}

// rowBuilder gathers each side's paragraphs of the group being read.
type rowBuilder struct {
	rows        []row
	left, right []paragraph
	curL, curR  paragraph
}

func (b *rowBuilder) endL() {
	if !b.curL.empty() || b.curL.changed() {
		b.left = append(b.left, b.curL)
	}
	b.curL = paragraph{}
}

func (b *rowBuilder) endR() {
	if !b.curR.empty() || b.curR.changed() {
		b.right = append(b.right, b.curR)
	}
	b.curR = paragraph{}
}

// closeGroup pairs the group's paragraphs into rows.
func (b *rowBuilder) closeGroup() {
	b.endL()
	b.endR()
	left, right := b.left, b.right
	i, j := 0, 0
	for i < len(left) || j < len(right) {
		switch {
		case i < len(left) && j < len(right) && left[i].pure() == right[j].pure():
			b.rows = append(b.rows, row{left: &left[i], right: &right[j]})
			i++
			j++
		case i < len(left) && (j == len(right) || left[i].pure()):
			b.rows = append(b.rows, row{left: &left[i]})
			i++
		default:
			b.rows = append(b.rows, row{right: &right[j]})
			j++
		}
	}
	b.left, b.right = nil, nil
}

func addSpan(p *paragraph, s span) {
	if s.text != "" {
		p.spans = append(p.spans, s)
	}
}

// addEqual adds equal text: where both sides have as many paragraphs, a
// shared break closes the group; otherwise each side's breaks end its own
// paragraphs.
func (b *rowBuilder) addEqual(base span, pa, pb []string) {
	if len(pa) == len(pb) {
		for i := range pa {
			if i > 0 {
				b.closeGroup()
			}
			s := base
			s.text = pa[i]
			addSpan(&b.curL, s)
			s.text = pb[i]
			addSpan(&b.curR, s)
		}
		return
	}
	for i, p := range pa {
		if i > 0 {
			b.endL()
		}
		s := base
		s.text = p
		addSpan(&b.curL, s)
	}
	for i, p := range pb {
		if i > 0 {
			b.endR()
		}
		s := base
		s.text = p
		addSpan(&b.curR, s)
	}
}

// addChange adds one side's changed text to that side; a change that is
// only a paragraph break shows as a mark.
func (b *rowBuilder) addChange(base span, text string, cur *paragraph, end func()) {
	if isSpace(text) && hasParaBreak(text) {
		m := base
		m.text, m.mark = "¶", true
		addSpan(cur, m)
		return
	}
	for i, p := range splitParas(text) {
		if i > 0 {
			end()
		}
		s := base
		s.text = p
		addSpan(cur, s)
	}
}
