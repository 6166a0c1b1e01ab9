package render

import (
	"io"
	"strings"

	"github.com/redline-dev/redline/diff"
)

func init() { RegisterFormat(Format{Name: "ansi", TerminalSafe: true, Render: renderANSI}) }

// renderANSI draws the terminal redline: the new text with deletions struck
// through in red, insertions underlined in blue and moved text in green
// marked ⟦move N⟧ at both ends; notes and field changes above, a one-line
// summary below. Without colour it uses wdiff's markers, so that it reads
// the same in a pipe. With Wrap, lines break at spaces to fit that width.
func renderANSI(w io.Writer, c *diff.Comparison, opts DiffOptions) error {
	var b strings.Builder
	b.Grow(ansiSize(c, opts.Color))
	faint := func(s string) {
		if opts.Color {
			writeStyled(&b, sgrFaint, s)
		} else {
			b.WriteString(s)
		}
	}
	for _, n := range c.Notes {
		faint("note: " + cleanText(n))
		b.WriteByte('\n')
	}
	if len(c.Fields) > 0 {
		for _, f := range c.Fields {
			b.WriteString(cleanText(f.Name) + ": ")
			writeFrags(&b, fieldFrags(f, opts.Color))
			b.WriteByte('\n')
		}
	}
	if len(c.Notes) > 0 || len(c.Fields) > 0 {
		b.WriteByte('\n')
	}

	paras := flowParagraphs(c)
	keep := keepParagraphs(len(paras), opts.Context, func(i int) bool { return paras[i].changed() })
	first := true
	for i := 0; i < len(paras); {
		if !first {
			b.WriteString("\n\n")
		}
		first = false
		if !keep[i] {
			n := 0
			for i < len(paras) && !keep[i] {
				n++
				i++
			}
			faint(foldText(n))
			continue
		}
		var pb strings.Builder
		writeFrags(&pb, markup(paras[i].spans, opts.Color, opts.Numbers))
		b.WriteString(strings.Trim(pb.String(), " \n"))
		i++
	}
	if !first {
		b.WriteString("\n\n")
	}
	faint(summaryLine(c))
	b.WriteByte('\n')
	if opts.Wrap > 0 {
		ww := newWrapWriter(w, opts.Wrap)
		io.WriteString(ww, b.String())
		return ww.Flush()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ansiSize estimates the length of the view: the new side's text, the
// deleted text beside it, and each change's markers or colour codes, so
// that its buffer is made once rather than grown a quarter at a time.
func ansiSize(c *diff.Comparison, color bool) int {
	size := 4096
	for _, s := range c.Segments {
		switch s.Op {
		case diff.OpEqual:
			size += len(s.B)
		default:
			size += len(s.A) + len(s.B) + 8
			if color {
				size += 16
			}
		}
	}
	return size
}
