package critic

import (
	"bytes"
	"sort"

	gast "github.com/yuin/goldmark/ast"

	"github.com/redline-dev/redline/markdown"
)

// CodeMark is text in code that looks like a CriticMarkup mark's opening.
type CodeMark struct {
	// Line and Column (1-based, in characters) locate the opening in the
	// file, front matter included.
	Line, Column int
	// Delimiter is the opening as written: {++ {-- {~~ {== or {>>.
	Delimiter string
	// Offset is its byte offset in the file.
	Offset int
}

// MarksInCode lists the mark openings that stand in code spans or code
// blocks. They are text, not changes (see the top of critic.go), so a
// document can hold them and still have no changes; a command that reports
// "no changes remain" can use this list to say that such text is still
// there, which matters when the marks were meant as changes (a redline
// whose marks landed in an indented code block of a list item). Openings
// after an odd run of backslashes are escaped text anyway and are left
// out.
func (d *Doc) MarksInCode() []CodeMark {
	var out []CodeMark
	pos := positions{d: d}
	for _, s := range d.code {
		for i := s.start; i < s.end; {
			j := bytes.IndexByte(d.src[i:s.end], '{')
			if j < 0 {
				break
			}
			i += j
			if k := tokenAt(d.src[:s.end], i, openTokens); k >= 0 && !escaped(d.src, i, d.body) {
				line, col := pos.at(i)
				out = append(out, CodeMark{Line: line, Column: col, Delimiter: Openings[k], Offset: i})
				i += 3
				continue
			}
			i++
		}
	}
	return out
}

// codeSpans finds code spans and code blocks in a Markdown body with
// goldmark; offsets are shifted by base.
func codeSpans(body []byte, base int) []span {
	if !mayHoldCode(body) {
		return nil // checking a long redline's marks had parsed Markdown that holds no code
	}
	return parsedCodeSpans(body, base)
}

// parsedCodeSpans is codeSpans's parse.
func parsedCodeSpans(body []byte, base int) []span {
	doc := markdown.Parse(body)
	var out []span
	add := func(s, e int) {
		if s < e {
			out = append(out, span{s + base, e + base})
		}
	}
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.FencedCodeBlock:
			add(fencedSpan(body, n))
			return gast.WalkSkipChildren, nil
		case *gast.CodeBlock:
			if lines := n.Lines(); lines.Len() > 0 {
				add(lineStart(body, lines.At(0).Start), lines.At(lines.Len()-1).Stop)
			}
			return gast.WalkSkipChildren, nil
		case *gast.CodeSpan:
			add(codeSpanSpan(body, n))
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	// Merge overlaps.
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s.start <= merged[n-1].end {
			if s.end > merged[n-1].end {
				merged[n-1].end = s.end
			}
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// fencedSpan is a fenced code block with its fence lines; an empty span
// (-1, -1) when goldmark gives no position for it.
func fencedSpan(body []byte, n *gast.FencedCodeBlock) (int, int) {
	s, e := -1, -1
	if lines := n.Lines(); lines.Len() > 0 {
		s, e = lineStart(body, lines.At(0).Start), lines.At(lines.Len()-1).Stop
	} else if n.Info != nil {
		s, e = lineStart(body, n.Info.Segment.Start), lineEnd(body, n.Info.Segment.Stop)
	}
	if s < 0 {
		return -1, -1
	}
	// The opening fence line, when it is the line before.
	if s > 0 {
		ps := lineStart(body, s-1)
		if isFenceLine(body[ps:s]) {
			s = ps
		}
	}
	if e < len(body) && e > 0 && body[e-1] == '\n' {
		ne := lineEnd(body, e)
		if isFenceLine(body[e:ne]) {
			e = ne
		}
	}
	return s, e
}

// codeSpanSpan is a code span with its backticks and the one space or
// line break inside each end that CommonMark strips.
func codeSpanSpan(body []byte, n *gast.CodeSpan) (int, int) {
	s, e := -1, -1
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*gast.Text); ok {
			if s < 0 || t.Segment.Start < s {
				s = t.Segment.Start
			}
			if t.Segment.Stop > e {
				e = t.Segment.Stop
			}
		}
	}
	if s < 0 {
		return -1, -1
	}
	if s > 0 && (body[s-1] == ' ' || body[s-1] == '\n') && s-2 >= 0 && body[s-2] == '`' {
		s--
	}
	for s > 0 && body[s-1] == '`' {
		s--
	}
	if e < len(body) && (body[e] == ' ' || body[e] == '\n' || body[e] == '\r') && e+1 < len(body) && body[e+1] == '`' {
		e++
	}
	for e < len(body) && body[e] == '`' {
		e++
	}
	return s, e
}

func lineStart(b []byte, i int) int {
	if i > len(b) {
		i = len(b)
	}
	return bytes.LastIndexByte(b[:i], '\n') + 1
}

// lineEnd returns the offset just after the line ending of the line holding
// i (or len(b)).
func lineEnd(b []byte, i int) int {
	if i >= len(b) {
		return len(b)
	}
	j := bytes.IndexByte(b[i:], '\n')
	if j < 0 {
		return len(b)
	}
	return i + j + 1
}

// isFenceLine reports whether a line is a code fence (``` or ~~~, at least
// three, after indentation and block-quote markers).
func isFenceLine(l []byte) bool {
	t := bytes.TrimLeft(l, " \t>")
	if len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return false
	}
	return t[1] == t[0] && t[2] == t[0]
}
