package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/redline-dev/redline/diff"
)

func init() { RegisterFormat(Format{Name: "plain", Render: renderDiffPlain}) }

// renderDiffPlain writes a redline for pipes and e-mail, with wdiff's
// markers: the new text, deletions as [-…-], insertions as {+…+}; moved
// text as [move N<…>move N] where it stood and [move N>…<move N] where it
// now stands, with the edits made to it marked inside; a paragraph split
// or joined as {+¶+} or [-¶-]. The comparison's notes come first ("note:
// case ignored: …", so that a reader of a mailed redline knows why case
// differences are not marked), then field changes, one a line
// ("dtg: [-…-]{+…+}"), each group followed by a blank line. With Numbers, each change starts
// with #N; a change the comparison says who made (diff --by) starts with
// «who». With Context >= 0, runs of unchanged paragraphs further than
// Context paragraphs from a change fold to one line. With Wrap, lines break
// at spaces to fit that width.
func renderDiffPlain(w io.Writer, c *diff.Comparison, opts DiffOptions) error {
	if opts.Wrap > 0 {
		ww := newWrapWriter(w, opts.Wrap)
		opts.Wrap = 0
		if err := renderDiffPlain(ww, c, opts); err != nil {
			return err
		}
		return ww.Flush()
	}
	pw := &plainWriter{w: w}
	for _, n := range c.Notes {
		pw.write("note: " + n + "\n")
	}
	if len(c.Notes) > 0 {
		pw.write("\n")
	}
	for _, f := range c.Fields {
		pw.write(f.Name + ": ")
		if f.Old != "" {
			pw.write("[-" + f.Old + "-]")
		}
		if f.New != "" {
			pw.write("{+" + f.New + "+}")
		}
		pw.write("\n")
	}
	if len(c.Fields) > 0 {
		pw.write("\n")
	}
	if opts.Context >= 0 {
		for _, p := range foldParagraphs(plainBody(c, opts), opts.Context) {
			pw.write(p.text)
		}
	} else {
		// Streamed piece by piece: a large redline is never held whole.
		plainSegments(c, opts, func(s string, _ bool) { pw.write(s) })
	}
	if pw.last != 0 && pw.last != '\n' {
		pw.write("\n")
	}
	return pw.err
}

// plainWriter writes pieces, keeping the first error and the last byte.
type plainWriter struct {
	w    io.Writer
	err  error
	last byte
}

func (p *plainWriter) write(s string) {
	if p.err != nil || s == "" {
		return
	}
	_, p.err = io.WriteString(p.w, s)
	p.last = s[len(s)-1]
}

// plainPara is a paragraph of plain output with its trailing break.
type plainPara struct {
	text    string
	changed bool
}

func isParaBreak(s string) bool {
	return strings.TrimSpace(s) == "" && strings.Count(s, "\n") >= 2
}

// plainBody cuts the plain redline into paragraphs, each marked when it
// holds a change.
func plainBody(c *diff.Comparison, opts DiffOptions) []plainPara {
	var paras []plainPara
	var cur strings.Builder
	changed := false
	// write adds text, ending a paragraph at each blank line.
	write := func(s string, ch bool) {
		if ch {
			changed = true
		}
		for {
			k := strings.Index(s, "\n\n")
			if k < 0 {
				cur.WriteString(s)
				return
			}
			// Take the whole run of blank lines with the paragraph.
			e := k
			for e < len(s) && (s[e] == '\n' || s[e] == ' ' || s[e] == '\t' || s[e] == '\r') {
				e++
			}
			cur.WriteString(s[:e])
			paras = append(paras, plainPara{cur.String(), changed})
			cur.Reset()
			changed = ch && e < len(s)
			s = s[e:]
		}
	}
	plainSegments(c, opts, write)
	if cur.Len() > 0 || changed {
		paras = append(paras, plainPara{cur.String(), changed})
	}
	return paras
}

// plainSegments hands the plain redline's pieces to write, with whether
// each is part of a change.
func plainSegments(c *diff.Comparison, opts DiffOptions, write func(string, bool)) {
	lastChange := 0
	number := func(s diff.Segment) string {
		tag := changeTag(s.Change, s.By, opts.Numbers)
		if tag == "" || s.Change == lastChange {
			return ""
		}
		lastChange = s.Change
		return tag
	}
	segs := c.Segments
	for i := 0; i < len(segs); i++ {
		s := segs[i]
		switch {
		case s.Op == diff.OpEqual:
			write(s.B, false)
		case s.Move != 0 && (s.Op == diff.OpMoveFrom || s.Op == diff.OpDelete):
			// Where moved text stood: its old text, inner deletions marked.
			var t strings.Builder
			j := i
			for ; j < len(segs) && segs[j].Move == s.Move && (segs[j].Op == diff.OpMoveFrom || segs[j].Op == diff.OpDelete); j++ {
				if segs[j].Op == diff.OpDelete {
					t.WriteString("[-" + segs[j].A + "-]")
				} else {
					t.WriteString(segs[j].A)
				}
			}
			write(number(s)+fmt.Sprintf("[move %d<", s.Move), true)
			write(t.String(), true)
			write(fmt.Sprintf(">move %d]", s.Move), true)
			i = j - 1
		case s.Move != 0:
			var t strings.Builder
			j := i
			for ; j < len(segs) && segs[j].Move == s.Move && (segs[j].Op == diff.OpMoveTo || segs[j].Op == diff.OpInsert); j++ {
				if segs[j].Op == diff.OpInsert {
					t.WriteString("{+" + segs[j].B + "+}")
				} else {
					t.WriteString(segs[j].B)
				}
			}
			write(number(s)+fmt.Sprintf("[move %d>", s.Move), true)
			write(t.String(), true)
			write(fmt.Sprintf("<move %d]", s.Move), true)
			i = j - 1
		case s.Op == diff.OpDelete:
			t := strings.TrimRight(s.A, " \t\r\n")
			if isParaBreak(s.A[len(t):]) {
				// A paragraph break the new text no longer has.
				write(number(s)+"[-"+t+"¶-]", true)
			} else {
				write(number(s)+"[-"+s.A+"-]", true)
			}
		case s.Op == diff.OpInsert:
			if isParaBreak(s.B) {
				write(number(s)+"{+¶+}"+s.B, true)
			} else {
				write(number(s)+"{+"+s.B+"+}", true)
			}
		}
	}
}

// foldParagraphs replaces runs of unchanged paragraphs more than ctx
// paragraphs away from a change with one line saying how many were left out.
func foldParagraphs(paras []plainPara, ctx int) []plainPara {
	keep := make([]bool, len(paras))
	for i, p := range paras {
		if !p.changed {
			continue
		}
		for k := max(0, i-ctx); k <= min(len(paras)-1, i+ctx); k++ {
			keep[k] = true
		}
	}
	var out []plainPara
	for i := 0; i < len(paras); {
		if keep[i] {
			out = append(out, paras[i])
			i++
			continue
		}
		j := i
		for j < len(paras) && !keep[j] {
			j++
		}
		word := "paragraphs"
		if j-i == 1 {
			word = "paragraph"
		}
		out = append(out, plainPara{text: fmt.Sprintf("[… %d unchanged %s …]\n\n", j-i, word)})
		i = j
	}
	return out
}
