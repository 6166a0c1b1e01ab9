package render

import (
	"io"
	"iter"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/graphemes"

	"github.com/redline-dev/redline/diff"
)

func init() {
	RegisterFormat(Format{Name: "side-by-side", Aliases: []string{"sbs"}, TerminalSafe: true, Render: renderSideBySide})
}

// sbsDefaultWidth is the width when neither --width nor a terminal gives one.
const sbsDefaultWidth = 120

// sbsMinWidth is the narrowest layout drawn: two columns of three cells,
// enough for a wide character each.
const sbsMinWidth = 9

// sbsMaxWidth is the widest layout drawn: every line is padded to the width,
// so a mistyped width must not fill memory with spaces.
const sbsMaxWidth = 1000

// renderSideBySide draws two columns, old on the left and new on the
// right, aligned paragraph by paragraph and wrapped at word boundaries to
// half the width. No line is wider than opts.Width (when it is at least
// sbsMinWidth), whatever the text: wide characters count two columns and
// words longer than a column are broken.
func renderSideBySide(w io.Writer, c *diff.Comparison, opts DiffOptions) error {
	width := opts.Width
	if width <= 0 {
		width = sbsDefaultWidth
	}
	width = min(max(width, sbsMinWidth), sbsMaxWidth)
	l := sbsLayout{color: opts.Color, left: (width - 3) / 2, scratch: new([2]wrapScratch)}
	l.right = width - 3 - l.left
	var b strings.Builder
	b.Grow(sbsSize(c, l, width))

	faint := func(s string) []frag {
		if l.color {
			return []frag{{sgrFaint, s}}
		}
		return []frag{{"", s}}
	}
	for _, n := range c.Notes {
		l.full(&b, faint("note: "+cleanText(n)), width)
	}
	bold := func(s string) []frag {
		if l.color {
			return []frag{{sgrBold, s}}
		}
		return []frag{{"", s}}
	}
	l.pair(&b, bold("OLD "+sideLabel(c.Old)), bold("NEW "+sideLabel(c.New)), "│")
	b.WriteString(strings.Repeat("─", l.left) + "─┼─" + strings.Repeat("─", l.right) + "\n")
	for _, f := range c.Fields {
		name := cleanText(f.Name) + ": "
		lf := append([]frag{{"", name}}, markup(fieldSpan(spanDelete, f.Old), l.color, false)...)
		rf := append([]frag{{"", name}}, markup(fieldSpan(spanInsert, f.New), l.color, false)...)
		l.pair(&b, lf, rf, "┃")
	}
	if len(c.Fields) > 0 {
		l.gap(&b)
	}

	rows := sideRows(c)
	keep := keepParagraphs(len(rows), opts.Context, func(i int) bool { return rows[i].changed() })
	for i := 0; i < len(rows); {
		if i > 0 {
			l.gap(&b)
		}
		if !keep[i] {
			n := 0
			for i < len(rows) && !keep[i] {
				n++
				i++
			}
			l.pair(&b, faint(foldText(n)), faint(foldText(n)), "│")
			continue
		}
		r := rows[i]
		var lf, rf []frag
		if r.left != nil {
			lf = markup(reflowSpans(r.left.spans), l.color, opts.Numbers)
		}
		if r.right != nil {
			rf = markup(reflowSpans(r.right.spans), l.color, opts.Numbers)
		}
		gutter := "│"
		if r.changed() {
			gutter = "┃"
		}
		l.pair(&b, lf, rf, gutter)
		i++
	}
	b.WriteString(strings.Repeat("─", l.left) + "─┴─" + strings.Repeat("─", l.right) + "\n")
	l.full(&b, faint(summaryLine(c)), width)
	_, err := io.WriteString(w, b.String())
	return err
}

type sbsLayout struct {
	color       bool
	left, right int // column widths
	// scratch holds the lines of the two cells being written, reused
	// from row to row: a row's lines are written before the next row is
	// wrapped.
	scratch *[2]wrapScratch
}

// wrapScratch is the room one cell's wrapped lines are made in.
type wrapScratch struct {
	buf   []frag
	lines [][]frag
}

// wrap is wrapFrags into the scratch's room; the lines it returns are good
// until its next call.
func (sc *wrapScratch) wrap(frags []frag, width int) [][]frag {
	sc.lines, sc.buf = wrapFragsInto(sc.lines[:0], sc.buf[:0], frags, width)
	return sc.lines
}

// pair writes two cells side by side, separated by the gutter character.
func (l sbsLayout) pair(b *strings.Builder, lf, rf []frag, gutter string) {
	ll, rl := l.scratch[0].wrap(lf, l.left), l.scratch[1].wrap(rf, l.right)
	for i := 0; i < max(len(ll), len(rl), 1); i++ {
		used := 0
		if i < len(ll) {
			used = l.writeLine(b, ll[i])
		}
		writeSpaces(b, l.left-used+1)
		b.WriteString(gutter)
		if i < len(rl) && len(rl[i]) > 0 {
			b.WriteByte(' ')
			l.writeLine(b, rl[i])
		}
		b.WriteByte('\n')
	}
}

// spaces is enough blanks to pad any column (sbsMaxWidth).
var spaces = strings.Repeat(" ", sbsMaxWidth+1)

// writeSpaces writes n blanks without building them.
func writeSpaces(b *strings.Builder, n int) {
	if n > 0 {
		b.WriteString(spaces[:min(n, len(spaces))])
	}
}

// gap is the empty line between rows.
func (l sbsLayout) gap(b *strings.Builder) {
	writeSpaces(b, l.left+1)
	b.WriteString("│\n")
}

// sbsSize estimates the length of the view of c, so that its buffer is
// made once: a large buffer grows by a quarter at a time, and had been
// copied and cleared over and over, a fifth of the view's time. Each side's
// text fills its column's lines, and each paragraph break adds two; a
// line is the whole width, in bytes a little more (the gutter is three
// bytes, colours add their codes).
func sbsSize(c *diff.Comparison, l sbsLayout, width int) int {
	old, new, oldBreaks, newBreaks := 0, 0, 0, 0
	for _, s := range c.Segments {
		old += len(s.A)
		new += len(s.B)
		oldBreaks += 2 * strings.Count(s.A, "\n\n")
		newBreaks += 2 * strings.Count(s.B, "\n\n")
	}
	// A paragraph ends a line short, and a gap stands after it (the text's
	// other line breaks are reflowed away).
	lines := max(old/max(l.left, 1)+oldBreaks, new/max(l.right, 1)+newBreaks)
	perLine := width + 4
	if l.color {
		perLine += 16
	}
	return min(lines*perLine+4096, 1<<30)
}

// full writes fragments wrapped across the whole width.
func (l sbsLayout) full(b *strings.Builder, f []frag, width int) {
	for _, line := range l.scratch[0].wrap(f, width) {
		l.writeLine(b, line)
		b.WriteByte('\n')
	}
}

// writeLine writes one wrapped line and returns its display width.
func (l sbsLayout) writeLine(b *strings.Builder, line []frag) int {
	n := 0
	var t strings.Builder
	for i := 0; i < len(line); {
		st := line[i].style
		j := i + 1
		for j < len(line) && line[j].style == st {
			j++
		}
		// A run of one fragment, the usual case, is written as it is;
		// only longer runs are joined first.
		text := line[i].text
		if j > i+1 {
			t.Reset()
			for _, f := range line[i:j] {
				t.WriteString(f.text)
			}
			text = t.String()
		}
		i = j
		n += cellWidth(text)
		if l.color {
			writeStyled(b, st, text)
		} else {
			b.WriteString(text)
		}
	}
	return n
}

// startsBlockLine reports whether b begins a line that starts a list
// item, a heading, a quotation or a table row: the line break before it
// stays in reflowed text. Only the first 24 bytes are looked at. It
// matches what the pattern
//
//	^[ ]*(?:[-*+•] |\d{1,3}[.)] |\(?[A-Za-z0-9]{1,4}\) |#|>|\|)
//
// matches (a test checks it against the pattern), without a regular
// expression: it runs at every line end of a redline's text.
func startsBlockLine(b []byte) bool {
	if len(b) > 24 {
		b = b[:24]
	}
	p := 0
	for p < len(b) && b[p] == ' ' {
		p++
	}
	at := func(i int, c byte) bool { return i < len(b) && b[i] == c }
	if p == len(b) {
		return false
	}
	switch b[p] {
	case '#', '>', '|':
		return true
	case '-', '*', '+':
		if at(p+1, ' ') {
			return true
		}
	case 0xe2: // • is E2 80 A2
		if at(p+1, 0x80) && at(p+2, 0xa2) && at(p+3, ' ') {
			return true
		}
	}
	// \d{1,3}[.)] : the digits must all be read, as [.)] is no digit.
	d := p
	for d < len(b) && d-p < 4 && b[d] >= '0' && b[d] <= '9' {
		d++
	}
	if n := d - p; n >= 1 && n <= 3 && (at(d, '.') || at(d, ')')) && at(d+1, ' ') {
		return true
	}
	// \(?[A-Za-z0-9]{1,4}\)
	q := p
	if b[q] == '(' {
		q++
	}
	r := q
	for r < len(b) && r-q < 5 && isASCIIAlnum(b[r]) {
		r++
	}
	n := r - q
	return n >= 1 && n <= 4 && at(r, ')') && at(r+1, ' ')
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// cellWidth is the display width of s: its length when it is all
// printable ASCII, which needs no table.
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return widths.StringWidth(s)
		}
	}
	return len(s)
}

// reflowSpans turns the line breaks of a paragraph into spaces, except
// before lines that start a list item, heading, quotation or table row.
func reflowSpans(spans []span) []span {
	var all strings.Builder
	for _, s := range spans {
		all.WriteString(s.text)
	}
	text := []byte(all.String())
	for i, c := range text {
		if c == '\n' && !startsBlockLine(text[i+1:]) {
			text[i] = ' '
		}
	}
	joined := string(text)
	out := make([]span, len(spans))
	pos := 0
	for i, s := range spans {
		out[i] = s
		out[i].text = joined[pos : pos+len(s.text)]
		pos += len(s.text)
	}
	return out
}

// wword is a unit of wrapping: text that is never broken unless it is
// wider than a line.
type wword struct {
	frags      []frag
	width      int
	space      bool   // a space separates it from the word before
	spaceStyle string // the style of that space
	hard       bool   // a line break comes before it
}

// clusters yields the grapheme clusters of s with their offsets. Between
// two ASCII bytes (but CR and LF) there is always a boundary, so a byte
// followed by another ASCII byte is a cluster of its own; only the
// stretches around other characters go through the segmenter, which is
// many times slower per character.
func clusters(s string) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for i := 0; i < len(s); {
			if s[i] < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf && (s[i] != '\r' || s[i+1] != '\n')) {
				if !yield(s[i:i+1], i) {
					return
				}
				i++
				continue
			}
			// Up to the next boundary between two ASCII bytes.
			j := i + 1
			for j < len(s) && !(s[j-1] < utf8.RuneSelf && s[j] < utf8.RuneSelf && (s[j-1] != '\r' || s[j] != '\n')) {
				j++
			}
			it := graphemes.FromString(s[i:j])
			for it.Next() {
				if !yield(it.Value(), i+it.Start()) {
					return
				}
			}
			i = j
		}
	}
}

// graphemeWidth is the display width of one grapheme cluster.
func graphemeWidth(g string) int {
	if len(g) == 1 {
		if g[0] < 0x20 || g[0] == 0x7f {
			return 0
		}
		return 1
	}
	return cellWidth(g)
}

// wrapFrags wraps fragments into lines no wider than width.
func wrapFrags(frags []frag, width int) [][]frag {
	lines, _ := wrapFragsInto(nil, nil, frags, width)
	return lines
}

// wrapFragsInto is wrapFrags appending the lines to lines and their
// fragments to buf, and returning both.
func wrapFragsInto(lines [][]frag, buf []frag, frags []frag, width int) ([][]frag, []frag) {
	size := 0
	for _, f := range frags {
		size += len(f.text)
	}
	// Every line is a slice of buf: buf[lineStart:] is the line being
	// filled.
	buf = slices.Grow(buf[:0], size/3+1)
	lineStart := 0
	lw := 0
	push := func() {
		lines = append(lines, buf[lineStart:len(buf):len(buf)])
		lineStart, lw = len(buf), 0
	}
	eachWord(frags, func(wd wword) {
		if wd.hard && lw > 0 {
			push()
		}
		sep := 0
		if lw > 0 && wd.space {
			sep = 1
		}
		if lw > 0 && lw+sep+wd.width > width {
			push()
			sep = 0
		}
		if sep == 1 {
			buf = append(buf, frag{wd.spaceStyle, " "})
			lw++
		}
		if wd.width <= width-lw {
			buf = append(buf, wd.frags...)
			lw += wd.width
			return
		}
		// A word wider than the line: break it between characters.
		for _, f := range wd.frags {
			it := graphemes.FromString(f.text)
			for it.Next() {
				g := it.Value()
				gw := widths.StringWidth(g)
				if lw > 0 && lw+gw > width {
					push()
				}
				if n := len(buf); n > lineStart && buf[n-1].style == f.style {
					buf[n-1].text += g
				} else {
					buf = append(buf, frag{f.style, g})
				}
				lw += gw
			}
		}
	})
	if len(buf) > lineStart {
		push()
	}
	return lines, buf
}

// fieldSpan is a field's value on one side (none when it is empty).
func fieldSpan(k spanKind, v string) []span {
	v = joinLines(cleanText(v))
	if v == "" {
		return nil
	}
	return []span{{kind: k, text: v}}
}
