package render

// The comparison as the reviewer views read it: pieces of text (spans)
// shown as equal, deleted, inserted or moved, gathered into paragraphs.
// None of it compares text: every decision follows the segments of the
// Comparison.

import (
	"strings"

	"github.com/redline-dev/redline/diff"
)

// spanKind says how a piece of text is shown.
type spanKind int

const (
	spanEqual spanKind = iota
	spanDelete
	spanInsert
	spanMoveFrom
	spanMoveTo
)

// span is a piece of one paragraph with one look.
type span struct {
	kind   spanKind
	text   string // display text; holds no paragraph break
	change int
	move   int
	mark   bool   // a paragraph mark (¶) standing for a paragraph split or join
	by     string // who made the change (diff --by), shown with it
}

// isOld reports whether the span is old text only (the left column).
func (s span) isOld() bool { return s.kind == spanDelete || s.kind == spanMoveFrom }

// paragraph is one paragraph of a view; changed when any span is not equal.
type paragraph struct {
	spans []span
}

func (p paragraph) changed() bool {
	for _, s := range p.spans {
		if s.kind != spanEqual {
			return true
		}
	}
	return false
}

// pure reports whether the paragraph holds changed text only (a whole
// paragraph deleted, inserted or moved).
func (p paragraph) pure() bool {
	for _, s := range p.spans {
		if s.kind == spanEqual && strings.TrimSpace(s.text) != "" {
			return false
		}
	}
	return true
}

func (p paragraph) empty() bool {
	for _, s := range p.spans {
		if strings.TrimSpace(s.text) != "" {
			return false
		}
	}
	return true
}

func kindOf(op diff.Op) spanKind {
	switch op {
	case diff.OpDelete:
		return spanDelete
	case diff.OpInsert:
		return spanInsert
	case diff.OpMoveFrom:
		return spanMoveFrom
	case diff.OpMoveTo:
		return spanMoveTo
	}
	return spanEqual
}

// flowParagraphs lays the comparison out as the new document reads, with
// deleted and moved-away text where it stood: the inline redline of the
// ansi and html views. A change that only splits or joins paragraphs is a
// paragraph mark.
func flowParagraphs(c *diff.Comparison) []paragraph {
	var out []paragraph
	var cur paragraph
	flush := func() {
		if len(cur.spans) > 0 && !cur.empty() || cur.changed() {
			out = append(out, cur)
		}
		cur = paragraph{}
	}
	add := func(s span) {
		if s.text != "" {
			cur.spans = append(cur.spans, s)
		}
	}
	for _, seg := range c.Segments {
		k := kindOf(seg.Op)
		base := span{kind: k, change: seg.Change, move: seg.Move, by: seg.By}
		text := seg.B
		if k == spanDelete || k == spanMoveFrom {
			text = seg.A
		}
		text = cleanText(text)
		if k != spanEqual && isSpace(text) && hasParaBreak(text) {
			m := base
			m.text, m.mark = "¶", true
			add(m)
			if k == spanInsert || k == spanMoveTo {
				flush()
			}
			continue
		}
		for i, p := range splitParas(text) {
			if i > 0 {
				flush()
			}
			if k == spanDelete || k == spanMoveFrom {
				p = joinLines(p)
			}
			s := base
			s.text = p
			add(s)
		}
	}
	flush()
	return out
}
