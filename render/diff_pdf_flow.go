package render

import (
	"strings"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/render/pdffont"
)

// blRun is a stretch of text in one style, before it is broken into lines.
type blRun struct {
	text    string
	family  string
	style   string
	size    float64
	color   [3]int
	deco    blDeco
	change  int
	changed bool // shows a change bar in the margin
}

// segmentRuns styles each segment: the new text as it stands, deleted and
// moved-away text where it stood.
func segmentRuns(segs []diff.Segment) []blRun {
	runs := make([]blRun, 0, len(segs))
	lastBy := 0
	for _, s := range segs {
		if s.By != "" && s.Change != 0 && s.Change != lastBy && s.Op != diff.OpEqual {
			// Who made the change, in small muted type before it.
			runs = append(runs, blRun{text: "«" + s.By + "»", family: pdffont.Prose, style: "I", size: 8, color: blColorMuted, change: s.Change, changed: true})
			lastBy = s.Change
		}
		r := blRun{family: pdffont.Prose, size: blTextSize, color: blColorText, change: s.Change}
		switch s.Op {
		case diff.OpEqual:
			r.text = s.B
			r.change = 0
		case diff.OpDelete:
			r.text, r.color, r.deco = s.A, blColorDel, decoStrike
		case diff.OpInsert:
			r.text, r.color, r.deco = s.B, blColorIns, decoUnderline
		case diff.OpMoveFrom:
			r.text, r.color, r.deco = s.A, blColorMove, decoDoubleStrike
		case diff.OpMoveTo:
			r.text, r.color, r.deco = s.B, blColorMove, decoDoubleUnderline
		default:
			r.text = s.B
		}
		r.changed = s.Op != diff.OpEqual
		if r.text != "" {
			runs = append(runs, r)
		}
	}
	return runs
}

// softBreaks turns the line breaks inside a paragraph into spaces, so that
// text wrapped for a teleprinter or an editor flows again in the
// blackline's wider column. A break stays when it ends a paragraph (a blank
// line follows or precedes it) or when the next line starts a list item, a
// talking point or an indented line. Each run keeps its length, so marks
// stay where they were.
func softBreaks(runs []blRun) []blRun {
	var all strings.Builder
	for _, r := range runs {
		all.WriteString(r.text)
	}
	text := all.String()
	out := make([]blRun, len(runs))
	at := 0
	for i, r := range runs {
		buf := []byte(r.text)
		for j := range buf {
			if buf[j] == '\n' && softBreakAt(text, at+j) {
				buf[j] = ' '
			}
		}
		out[i] = r
		out[i].text = string(buf)
		at += len(r.text)
	}
	return out
}

// softBreakAt reports whether the line break at text[i] only wraps a line.
func softBreakAt(text string, i int) bool {
	prev := strings.TrimRight(text[:i], " \t\r")
	if prev == "" || strings.HasSuffix(prev, "\n") {
		return false
	}
	next := text[i+1:]
	if next == "" || next[0] == '\n' || next[0] == '\r' || next[0] == ' ' || next[0] == '\t' {
		return false
	}
	return !startsItem(next)
}

// startsItem reports whether a line starts a list item: "- ", "* ", "• ",
// "-- ", "1. ", "2) ", "A. ", "(a) ".
func startsItem(line string) bool {
	for _, p := range []string{"- ", "* ", "+ ", "• ", "-- ", "(", "—", "–"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	n := 0
	for n < len(line) && n < 3 && (line[n] >= '0' && line[n] <= '9' || n == 0 && line[n] >= 'A' && line[n] <= 'Z') {
		n++
	}
	if n > 0 && n < len(line)-1 && (line[n] == '.' || line[n] == ')') && line[n+1] == ' ' {
		// "A. " only with a single letter, "12. " with digits.
		return n == 1 || line[0] >= '0' && line[0] <= '9'
	}
	return false
}

func (b *blBuilder) flow(runs []blRun, lineH float64) { b.flowAt(runs, lineH, blMarginLeft, nil) }

// flowAt breaks runs into lines between left and the right margin. A line
// break in the text ends the line; an empty line is a shorter gap, as
// between paragraphs. first, when given, is drawn on the first line (a
// label in front of the text).
func (b *blBuilder) flowAt(runs []blRun, lineH, left float64, first *blItem) {
	b.newLine(lineH, left)
	if first != nil {
		it := *first
		it.w = b.width(it.family, it.style, it.size, it.text)
		b.cur.items = append(b.cur.items, it)
	}
	lineEmpty := true // nothing but white space placed on the current line
	wrapped := false  // the current line was started by wrapping, not by a line break
	// A list item's wrapped lines hang under its first word, after the
	// mark: hang is where they start, marked that a mark was just placed.
	hang, marked := left, false
	for _, r := range runs {
		b.pieces = appendPieces(b.pieces[:0], r.text)
		for _, piece := range b.pieces {
			if piece == "\n" {
				if lineEmpty && len(b.cur.items) == 0 {
					b.cur.h = lineH * 0.55
				}
				if r.changed {
					b.mark(r)
				}
				b.endLine()
				b.newLine(lineH, left)
				lineEmpty, wrapped = true, false
				hang, marked = left, false
				continue
			}
			isSpace := strings.TrimSpace(piece) == ""
			w := b.width(r.family, r.style, r.size, piece)
			if !isSpace && b.x+w > b.right && !lineEmpty {
				b.trimTrailingSpace()
				b.endLine()
				b.newLine(lineH, hang)
				lineEmpty, wrapped = true, true
			}
			if marked {
				// The mark is followed by a space: the text starts after it.
				marked = false
				if isSpace {
					b.place(r, piece, w)
					hang = b.x
					continue
				}
			}
			if !isSpace && lineEmpty && !wrapped && b.x == left && isItemMark(piece) && hang == left {
				marked = true
			}
			if isSpace && lineEmpty && wrapped {
				// A wrapped line starts with its first word, not a space.
				continue
			}
			if !isSpace && w > b.right-left {
				// A word longer than the line: break it by characters.
				for _, part := range breakWord(piece, b.right-left, func(s string) float64 { return b.width(r.family, r.style, r.size, s) }) {
					pw := b.width(r.family, r.style, r.size, part)
					if b.x+pw > b.right && !lineEmpty {
						b.endLine()
						b.newLine(lineH, hang)
					}
					b.place(r, part, pw)
					lineEmpty, wrapped = false, false
				}
				continue
			}
			b.place(r, piece, w)
			if !isSpace {
				lineEmpty, wrapped = false, false
			}
		}
	}
	b.trimTrailingSpace()
	b.endLine()
}

func (b *blBuilder) newLine(h, left float64) {
	b.line = blLine{h: h}
	b.cur = &b.line
	b.x = left
}

func (b *blBuilder) endLine() {
	if b.cur != nil {
		b.lines = append(b.lines, *b.cur)
		b.cur = nil
	}
}

// mark notes a change on the current line: its number in the margin (once,
// where it begins) and the change bar.
func (b *blBuilder) mark(r blRun) {
	if !b.cur.hasBar {
		b.cur.hasBar, b.cur.bar = true, r.color
	}
	key := [2]int{r.change, 0}
	if r.deco == decoDoubleUnderline {
		key[1] = 1
	}
	if r.change > 0 && !b.numbered[key] {
		if b.numbered == nil {
			b.numbered = map[[2]int]bool{}
		}
		b.numbered[key] = true
		b.cur.numbers = append(b.cur.numbers, r.change)
	}
}

// place adds text to the current line, joining it to the previous item when
// the style is the same so that a phrase is drawn (and struck) as one.
func (b *blBuilder) place(r blRun, s string, w float64) {
	if r.changed {
		b.mark(r)
	}
	if n := len(b.cur.items); n > 0 {
		// A deletion and an insertion that touch (a replaced word) are
		// set a space apart, so that each reads as a word of its own.
		last := b.cur.items[n-1]
		if last.deco != r.deco && last.deco != decoNone && r.deco != decoNone && last.x+last.w == b.x &&
			!strings.HasSuffix(last.text, " ") && !strings.HasPrefix(s, " ") {
			b.x += b.width(r.family, "", r.size, " ")
		}
	}
	if n := len(b.cur.items); n > 0 {
		last := &b.cur.items[n-1]
		if last.family == r.family && last.style == r.style && last.size == r.size && last.color == r.color && last.deco == r.deco && last.x+last.w == b.x {
			last.text = joinText(last.text, s, r.text)
			if last.hasSym && pdffont.PlainASCII(s) {
				sym, unit := b.fonts.SymWidth(r.family, r.style, r.size, s)
				last.sym += sym
				last.w = float64(last.sym) * unit / 1000
			} else {
				last.hasSym = false
				last.w = b.width(r.family, r.style, r.size, last.text)
			}
			b.x = last.x + last.w
			return
		}
	}
	it := blItem{x: b.x, w: w, text: s, family: r.family, style: r.style, size: r.size, color: r.color, deco: r.deco}
	if pdffont.PlainASCII(s) {
		it.sym, _ = b.fonts.SymWidth(r.family, r.style, r.size, s)
		it.hasSym = true
	}
	b.cur.items = append(b.cur.items, it)
	b.x += w
}

// trimTrailingSpace drops white space at the end of the current line, so
// that a strike or underline does not run on past the last word.
func (b *blBuilder) trimTrailingSpace() {
	for b.cur != nil && len(b.cur.items) > 0 {
		n := len(b.cur.items) - 1
		last := &b.cur.items[n]
		t := strings.TrimRight(last.text, " \t")
		if t == last.text {
			return
		}
		if t == "" {
			b.cur.items = b.cur.items[:n]
			continue
		}
		last.text = t
		last.w = b.width(last.family, last.style, last.size, t)
		return
	}
}

// joinText is a+b. When both are pieces of run, one right after the other
// (the words of a phrase placed on one line), that is the piece of run
// they make up together, and nothing is copied: a redline's every word
// had been a new string of the item's text so far.
func joinText(a, b, run string) string {
	base := uintptr(unsafe.Pointer(unsafe.StringData(run)))
	pa, pb := uintptr(unsafe.Pointer(unsafe.StringData(a))), uintptr(unsafe.Pointer(unsafe.StringData(b)))
	if len(a) > 0 && len(b) > 0 && pa >= base && pa+uintptr(len(a)) == pb && pb+uintptr(len(b)) <= base+uintptr(len(run)) {
		off := int(pa - base)
		return run[off : off+len(a)+len(b)]
	}
	return a + b
}

// appendPieces cuts s into words, runs of spaces, and single line breaks,
// and appends them to out. Tabs count as spaces; a carriage return before
// a line feed is dropped. The pieces are pieces of s itself unless s holds
// tabs or carriage returns.
func appendPieces(out []string, s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	from := len(out)
	start := 0
	kind := -1 // 0 word, 1 space
	flush := func(i int) {
		if i > start {
			out = append(out, s[start:i])
		}
		start = i
	}
	for i, r := range s {
		switch {
		case r == '\n':
			flush(i)
			out = append(out, "\n")
			start = i + 1
			kind = -1
		case r == ' ' || r == '\t' || r == '\u00a0':
			if kind != 1 {
				flush(i)
				kind = 1
			}
		default:
			if kind != 0 {
				flush(i)
				kind = 0
			}
		}
	}
	flush(len(s))
	for i := from; i < len(out); i++ {
		if p := out[i]; p != "\n" && strings.ContainsRune(p, '\t') {
			out[i] = strings.ReplaceAll(p, "\t", "    ")
		}
	}
	return out
}

// breakWord cuts a word into parts that each fit in width. The word is
// measured a character at a time (widths add up: there is no kerning), so
// that a long unspaced run, as CJK text is, costs time in proportion to its
// length.
func breakWord(word string, width float64, measure func(string) float64) []string {
	word = norm.NFC.String(word)
	var parts []string
	start, used := 0, 0.0
	for i, r := range word {
		w := measure(string(r))
		if used+w > width && i > start {
			parts = append(parts, word[start:i])
			start, used = i, 0
		}
		used += w
	}
	if start < len(word) {
		parts = append(parts, word[start:])
	}
	return parts
}

// paginate puts lines on pages of the given height, never splitting a line
// and not starting a page with a gap. A line marked keepNext starts a new
// page when it and the lines it keeps with do not fit on this one.
func paginate(lines []blLine, height float64) [][]blLine {
	var pages [][]blLine
	var cur []blLine
	used := 0.0
	for i, l := range lines {
		if l.keepNext && len(cur) > 0 {
			if need := keptHeight(lines, i); used+need > height && need <= height {
				pages = append(pages, cur)
				cur, used = nil, 0
			}
		}
		if used+l.h > height && len(cur) > 0 {
			pages = append(pages, cur)
			cur, used = nil, 0
		}
		if len(cur) == 0 && len(l.items) == 0 && !l.rule {
			continue
		}
		cur = append(cur, l)
		used += l.h
	}
	if len(cur) > 0 || len(pages) == 0 {
		pages = append(pages, cur)
	}
	return pages
}

// keptHeight is the height of line i with the lines it keeps with: the
// following keepNext lines and gaps, and the first line of text after them.
func keptHeight(lines []blLine, i int) float64 {
	h := lines[i].h
	for j := i + 1; j < len(lines); j++ {
		h += lines[j].h
		if !lines[j].keepNext && (len(lines[j].items) > 0 || lines[j].rule) {
			break
		}
	}
	return h
}

// keepHeadings marks the lines of the text that are Markdown headings
// ("# ", "## " …) to be kept with the line after them.
func keepHeadings(lines []blLine) {
	for i := range lines {
		var text strings.Builder
		for _, it := range lines[i].items {
			text.WriteString(it.text)
		}
		t := text.String()
		n := len(t) - len(strings.TrimLeft(t, "#"))
		if n >= 1 && n <= 6 && (len(t) == n || t[n] == ' ') {
			lines[i].keepNext = true
		}
	}
}

// isItemMark reports whether a word opens a list item when it starts a
// line: a bullet or dash, or a number or letter with a full stop or
// bracket ("1.", "12)", "A.", "(a)").
func isItemMark(w string) bool {
	switch w {
	case "-", "*", "+", "•", "--", "—", "–":
		return true
	}
	core := strings.TrimPrefix(w, "(")
	if len(core) < 2 || len(core) > 4 {
		return false
	}
	end := core[len(core)-1]
	if end != '.' && end != ')' || w[0] == '(' && end != ')' {
		return false
	}
	body := core[:len(core)-1]
	digits := strings.Trim(body, "0123456789") == ""
	letter := len(body) == 1 && (body[0] >= 'A' && body[0] <= 'Z' || body[0] >= 'a' && body[0] <= 'z')
	return digits || letter
}
