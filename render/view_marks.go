package render

// Marking spans for output: the pieces of text of a paragraph with their
// styles, and the marks that open and close runs of changes.

import (
	"fmt"
	"strings"
)

// frag is a piece of output text with one terminal style ("" for none).
type frag struct {
	style string
	text  string
}

// markup turns a paragraph's spans into fragments: with colour, styles
// and the move marks ⟦move N⟧ at both ends of a moved block; without,
// the plain format's markers: [-deleted-] and {+inserted+}, moved blocks
// between [move N< >move N] where the text stood and [move N> <move N]
// where it now stands. numbers adds #N before each change. White space at the edges
// of a change goes outside its marks. The fragments keep the spans' line
// breaks.
func markup(spans []span, color, numbers bool) []frag {
	m := &marker{color: color, numbers: numbers}
	for _, s := range spans {
		m.add(s)
	}
	m.closeBlock()
	return m.out
}

type markBlock struct {
	move int
	old  bool
}

type marker struct {
	color, numbers bool
	out            []frag
	open           markBlock // the moved block we are in (move 0: none)
	run            spanKind  // the marked run we are in (spanEqual: none)
	runStart       int       // index in out of the run's first text
	blockStart     int
	lastNum        int
}

// closeMark writes a closing mark, moving white space that ends the marked
// text after it (unless the marked text is all white space).
func (m *marker) closeMark(from int, f frag) {
	var content strings.Builder
	for _, x := range m.out[from:] {
		content.WriteString(x.text)
	}
	trail := ""
	if !isSpace(content.String()) {
		for i := len(m.out) - 1; i >= from; i-- {
			t := m.out[i].text
			trimmed := strings.TrimRight(t, " \n")
			trail = t[len(trimmed):] + trail
			m.out[i].text = trimmed
			if trimmed != "" {
				break
			}
		}
	}
	m.out = append(m.out, f)
	if trail != "" {
		m.out = append(m.out, frag{"", trail})
	}
}

func (m *marker) closeRun() {
	if m.run == spanEqual {
		return
	}
	if !m.color {
		if m.run == spanDelete {
			m.closeMark(m.runStart, frag{"", "-]"})
		} else {
			m.closeMark(m.runStart, frag{"", "+}"})
		}
	}
	m.run = spanEqual
}

func (m *marker) closeBlock() {
	m.closeRun()
	if m.open.move == 0 {
		return
	}
	switch {
	case m.color:
		m.closeMark(m.blockStart, frag{sgrMoveMark, fmt.Sprintf("⟦move %d⟧", m.open.move)})
	case m.open.old:
		m.closeMark(m.blockStart, frag{"", fmt.Sprintf(">move %d]", m.open.move)})
	default:
		m.closeMark(m.blockStart, frag{"", fmt.Sprintf("<move %d]", m.open.move)})
	}
	m.open = markBlock{}
}

// openMark writes an opening mark before text, leaving white space that
// begins the text in front of the mark.
func (m *marker) openMark(f frag, text *string) {
	if !isSpace(*text) {
		trimmed := strings.TrimLeft(*text, " \n")
		if lead := (*text)[:len(*text)-len(trimmed)]; lead != "" {
			m.out = append(m.out, frag{"", lead})
			*text = trimmed
		}
	}
	m.out = append(m.out, f)
}

func (m *marker) add(s span) {
	if s.kind == spanEqual {
		m.closeBlock()
		m.lastNum = 0
		m.out = append(m.out, frag{"", s.text})
		return
	}
	want := markBlock{}
	if s.move > 0 {
		want = markBlock{move: s.move, old: s.isOld()}
	}
	if want != m.open {
		m.closeBlock()
	}
	marked := s.kind == spanDelete || s.kind == spanInsert
	if !marked || s.kind != m.run {
		m.closeRun()
	}
	text := s.text
	if tag := changeTag(s.change, s.by, m.numbers); tag != "" && s.change != m.lastNum {
		m.closeRun()
		st := ""
		if m.color {
			st = sgrFaint
		}
		m.openMark(frag{st, tag}, &text)
		m.lastNum = s.change
	}
	if want != m.open {
		m.open = want
		switch {
		case m.color:
			m.openMark(frag{sgrMoveMark, fmt.Sprintf("⟦move %d⟧", want.move)}, &text)
		case want.old:
			m.openMark(frag{"", fmt.Sprintf("[move %d<", want.move)}, &text)
		default:
			m.openMark(frag{"", fmt.Sprintf("[move %d>", want.move)}, &text)
		}
		m.blockStart = len(m.out)
	}
	if marked && m.run != s.kind {
		m.run = s.kind
		if !m.color {
			if m.run == spanDelete {
				m.openMark(frag{"", "[-"}, &text)
			} else {
				m.openMark(frag{"", "{+"}, &text)
			}
		}
		m.runStart = len(m.out)
	}
	st := ""
	if m.color {
		st = spanStyle(s)
	}
	m.out = append(m.out, frag{st, text})
}

// writeFrags writes fragments with their styles, closing each style at
// the end of every line so that pagers and terminals never carry a style
// into the next line.
func writeFrags(b *strings.Builder, frags []frag) {
	for _, f := range frags {
		writeStyled(b, f.style, f.text)
	}
}

func writeStyled(b *strings.Builder, style, text string) {
	if style == "" {
		b.WriteString(text)
		return
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if line != "" {
			b.WriteString(style)
			b.WriteString(line)
			b.WriteString(sgrReset)
		}
	}
}
