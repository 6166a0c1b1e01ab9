package render

// Shared helpers of the reviewer views (ansi, side-by-side, critic, html):
// cleaning text for display, cutting a comparison into paragraphs, pairing
// the old and new paragraphs into rows, and the terminal styles. None of it
// compares text: every decision follows the segments of the Comparison.

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/redline-dev/redline/cable"
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

// cleanText makes text safe to show: CRLF becomes LF, other control
// characters (ESC above all: a draft must not drive the reader's terminal)
// become their visible Control Pictures, tabs become a space.
func cleanText(s string) string {
	ok := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n') || c == 0x7f || c >= 0x80 {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			// dropped: the LF that follows ends the line
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteByte('\n')
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		case r >= 0x80 && r < 0xa0, r == utf8.RuneError, r == '\u2028', r == '\u2029':
			b.WriteRune('\ufffd')
		case unicode.Is(unicode.Bidi_Control, r):
			// Bidi overrides could reorder what the reader sees.
			b.WriteRune('\ufffd')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// splitParas cuts clean text at its paragraph breaks: a line break
// followed by one or more lines holding nothing but spaces and tabs, with
// the spaces on either side (the test checks it against the regular
// expression [ \t]*\n(?:[ \t]*\n)+[ \t]*).
func splitParas(s string) []string {
	var out []string
	start := 0
	for i := strings.IndexByte(s, '\n'); i >= 0; {
		// A break: this line break, then lines holding only spaces, the
		// last of them ended by a line break too.
		j, end, lines := i+1, -1, 0
		for {
			k := j
			for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
				k++
			}
			if k < len(s) && s[k] == '\n' {
				lines++
				j = k + 1
				end = j
				continue
			}
			break
		}
		if lines == 0 {
			n := strings.IndexByte(s[i+1:], '\n')
			if n < 0 {
				break
			}
			i += 1 + n
			continue
		}
		// Spaces before the break and after it belong to the break.
		b := i
		for b > start && (s[b-1] == ' ' || s[b-1] == '\t') {
			b--
		}
		for end < len(s) && (s[end] == ' ' || s[end] == '\t') {
			end++
		}
		out = append(out, s[start:b])
		start = end
		n := strings.IndexByte(s[end:], '\n')
		if n < 0 {
			break
		}
		i = end + n
	}
	return append(out, s[start:])
}

func hasParaBreak(s string) bool { return len(splitParas(s)) > 1 }

func isSpace(s string) bool { return strings.TrimSpace(s) == "" }

// joinLines turns the single line breaks of text into spaces; used for old
// text shown inside the new text's lines.
func joinLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i := range lines {
		if i > 0 {
			lines[i] = strings.TrimLeft(lines[i], " ")
		}
		if i < len(lines)-1 {
			lines[i] = strings.TrimRight(lines[i], " ")
		}
	}
	return strings.Join(lines, " ")
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
	var rows []row
	var left, right []paragraph
	var curL, curR paragraph
	endL := func() {
		if !curL.empty() || curL.changed() {
			left = append(left, curL)
		}
		curL = paragraph{}
	}
	endR := func() {
		if !curR.empty() || curR.changed() {
			right = append(right, curR)
		}
		curR = paragraph{}
	}
	closeGroup := func() {
		endL()
		endR()
		i, j := 0, 0
		for i < len(left) || j < len(right) {
			switch {
			case i < len(left) && j < len(right) && left[i].pure() == right[j].pure():
				rows = append(rows, row{left: &left[i], right: &right[j]})
				i++
				j++
			case i < len(left) && (j == len(right) || left[i].pure()):
				rows = append(rows, row{left: &left[i]})
				i++
			default:
				rows = append(rows, row{right: &right[j]})
				j++
			}
		}
		left, right = nil, nil
	}
	addTo := func(p *paragraph, s span) {
		if s.text != "" {
			p.spans = append(p.spans, s)
		}
	}
	for _, seg := range c.Segments {
		k := kindOf(seg.Op)
		base := span{kind: k, change: seg.Change, move: seg.Move, by: seg.By}
		if k == spanEqual {
			pa, pb := splitParas(cleanText(seg.A)), splitParas(cleanText(seg.B))
			if len(pa) == len(pb) {
				for i := range pa {
					if i > 0 {
						closeGroup()
					}
					s := base
					s.text = pa[i]
					addTo(&curL, s)
					s.text = pb[i]
					addTo(&curR, s)
				}
				continue
			}
			for i, p := range pa {
				if i > 0 {
					endL()
				}
				s := base
				s.text = p
				addTo(&curL, s)
			}
			for i, p := range pb {
				if i > 0 {
					endR()
				}
				s := base
				s.text = p
				addTo(&curR, s)
			}
			continue
		}
		old := k == spanDelete || k == spanMoveFrom
		text, cur, end := cleanText(seg.B), &curR, endR
		if old {
			text, cur, end = cleanText(seg.A), &curL, endL
		}
		if isSpace(text) && hasParaBreak(text) {
			m := base
			m.text, m.mark = "¶", true
			addTo(cur, m)
			continue
		}
		for i, p := range splitParas(text) {
			if i > 0 {
				end()
			}
			s := base
			s.text = p
			addTo(cur, s)
		}
	}
	closeGroup()
	return rows
}

// Terminal styles (SGR).
const (
	sgrReset    = "\x1b[0m"
	sgrDelete   = "\x1b[31;9m" // red, struck through
	sgrInsert   = "\x1b[32;4m" // green, underlined
	sgrMoveFrom = "\x1b[36;9m" // cyan, struck through
	sgrMoveTo   = "\x1b[36;4m" // cyan, underlined
	sgrMoveMark = "\x1b[1;36m"
	sgrFaint    = "\x1b[2m"
	sgrBold     = "\x1b[1m"
)

func spanStyle(s span) string {
	switch s.kind {
	case spanDelete:
		return sgrDelete
	case spanInsert:
		return sgrInsert
	case spanMoveFrom:
		return sgrMoveFrom
	case spanMoveTo:
		return sgrMoveTo
	}
	return ""
}

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

// widths measures display columns the same way whatever the locale: the
// library's defaults, with ambiguous characters one column wide.
var widths = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// sideLabel describes one side for headers: name, revision, label, author,
// office and time where known.
func sideLabel(s diff.Side) string {
	var b strings.Builder
	b.WriteString(s.Name)
	if s.Name == "" {
		b.WriteString("(unnamed)")
	}
	var extra []string
	if s.Revision > 0 {
		extra = append(extra, fmt.Sprintf("revision %d", s.Revision))
	}
	if s.Label != "" {
		extra = append(extra, s.Label)
	}
	if s.Author != "" {
		extra = append(extra, s.Author)
	}
	if s.Office != "" {
		extra = append(extra, s.Office)
	}
	if s.Time != "" {
		extra = append(extra, s.Time)
	}
	if len(extra) > 0 {
		b.WriteString(" (" + strings.Join(extra, ", ") + ")")
	}
	return cleanText(b.String())
}

// summaryLine is the one-line summary under a redline.
func summaryLine(c *diff.Comparison) string {
	st := c.Stats
	changes := fmt.Sprintf("%d changes", st.Changes)
	if st.Changes == 1 {
		changes = "1 change"
	}
	deleted := fmt.Sprintf("%d words deleted", st.DeletedWords)
	if st.DeletedWords == 1 {
		deleted = "1 word deleted"
	}
	s := fmt.Sprintf("%s: %s, %d inserted, %d moved; %d → %d words, similarity %.1f%%",
		changes, deleted, st.InsertedWords, st.MovedWords, st.OldWords, st.NewWords, st.Similarity*100)
	if n := len(c.Fields); n == 1 {
		s += "; 1 field changed"
	} else if n > 1 {
		s += fmt.Sprintf("; %d fields changed", n)
	}
	return s
}

// classificationOf is the higher of the two sides' classifications ("" when
// neither has one), which is what a printed redline must carry.
func classificationOf(c *diff.Comparison) string {
	o, n := strings.TrimSpace(c.Old.Classification), strings.TrimSpace(c.New.Classification)
	switch {
	case o == "":
		return n
	case n == "":
		return o
	}
	ro, rn := cable.ClassificationRank(strings.ToUpper(o)), cable.ClassificationRank(strings.ToUpper(n))
	if ro > rn {
		return o
	}
	return n
}

// moveCount counts the distinct moves of a comparison.
func moveCount(c *diff.Comparison) int {
	seen := map[int]bool{}
	for _, s := range c.Segments {
		if s.Move > 0 {
			seen[s.Move] = true
		}
	}
	return len(seen)
}

// fieldFrags shows a field change as "old → new", the old value struck and
// the new one inserted.
func fieldFrags(f diff.FieldChange, color bool) []frag {
	o, n := joinLines(cleanText(f.Old)), joinLines(cleanText(f.New))
	var out []frag
	if o != "" {
		out = append(out, markup([]span{{kind: spanDelete, text: o}}, color, false)...)
	}
	if o != "" && n != "" {
		out = append(out, frag{"", " → "})
	}
	if n != "" {
		out = append(out, markup([]span{{kind: spanInsert, text: n}}, color, false)...)
	}
	return out
}

// keepParagraphs says which of n paragraphs a view shows when it folds
// unchanged ones: all when context is negative, else those within context
// paragraphs of a changed one.
func keepParagraphs(n, context int, changed func(int) bool) []bool {
	keep := make([]bool, n)
	for i := range keep {
		if context < 0 {
			keep[i] = true
			continue
		}
		if changed(i) {
			for j := max(0, i-context); j <= min(n-1, i+context); j++ {
				keep[j] = true
			}
		}
	}
	return keep
}

// foldText stands for n unchanged paragraphs folded away.
func foldText(n int) string {
	if n == 1 {
		return "⋯ 1 unchanged paragraph ⋯"
	}
	return fmt.Sprintf("⋯ %d unchanged paragraphs ⋯", n)
}

// changeTag is what a view writes before a change: #N when numbers are
// shown, and «who» when the comparison says who made it (diff --by).
func changeTag(change int, by string, numbers bool) string {
	if change <= 0 {
		return ""
	}
	tag := ""
	if numbers {
		tag = fmt.Sprintf("#%d", change)
	}
	if by != "" {
		tag += "«" + cleanText(by) + "»"
	}
	return tag
}
