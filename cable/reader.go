package cable

import (
	"strings"
	"unicode/utf8"
)

// cpLine is one line of the input, trimmed at the right.
type cpLine struct {
	n    int    // 1-based line number
	text string // trailing spaces removed, form feeds removed
}

type cableParser struct {
	lines []cpLine
	msg   Message
	fco   bool // the heading is in the FCO form
	// fmTime is the time group of a filed FCO telegram's FM line
	// (160925Z), which its TO line's date completes.
	fmTime string
	// filedTo is the index of a filed FCO telegram's TO line, 0 when
	// the heading is not one.
	filedTo int
	// serialOnClass is set when the serial stands on the classification
	// line (STATE 192639), spaced when that line is letter-spaced and
	// serialLabel when a SERIAL No. line gave it: signs of the form.
	serialOnClass, spaced, serialLabel bool
	// headerAfter is set when the heading was printed after the text, as
	// in the archive's own copies.
	headerAfter bool
	// pageShapes are the shapes (LineShape) of the page lines found under
	// the pages' banners.
	pageShapes map[string]bool
	// noHeading is set when parse found no cable heading at all.
	noHeading bool
	// hyphenated holds the words the input spells with a hyphen inside a
	// line (GUINEA-BISSAU), built when a line-end hyphen is met.
	hyphenated map[string]bool
	// width is the copy's line width (lineWidth), 0 until measured.
	width int
	// ofSeen is set once an FCO heading's OF line (the DTG) has been read.
	ofSeen bool
}

func newCableParser(data []byte) *cableParser {
	s := string(data)
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	raw := strings.Split(s, "\n")
	if len(raw) > 0 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	p := &cableParser{lines: make([]cpLine, len(raw))}
	for i, l := range raw {
		l = strings.ReplaceAll(l, "\f", "")
		l = strings.TrimRight(l, " \t\v\u00a0")
		p.lines[i] = cpLine{n: i + 1, text: l}
	}
	return p
}

func (p *cableParser) text(i int) string {
	if i < 0 || i >= len(p.lines) {
		return ""
	}
	return p.lines[i].text
}

func (p *cableParser) trimmed(i int) string { return strings.TrimSpace(p.text(i)) }

// nextNonBlank returns the index of the first non-blank line at or after i,
// or len(lines).
func (p *cableParser) nextNonBlank(i int) int {
	for i < len(p.lines) && p.trimmed(i) == "" {
		i++
	}
	return i
}
func cpHasKeyword(s, kw string) bool { return s == kw || strings.HasPrefix(s, kw+" ") }
func (p *cableParser) parse() (*Message, error) {
	p.findPageLines()
	h, ok := p.findHeading()
	if !ok {
		p.noHeading = true
		for i := range p.lines {
			if cpHasKeyword(p.trimmed(i), "FM") {
				return nil, cpErrorf(p.lines[i].n, "FM line without a cable heading: expected a precedence and date-time group line (O 212130Z DEC 88) before it and a TO line after it")
			}
		}
		return nil, cpErrorf(0, "no cable heading found: expected a precedence and date-time group line (O 212130Z DEC 88) followed by FM and TO lines")
	}
	m := &p.msg
	var textStart int
	var err error
	if h.kind == cpHeadingACP {
		textStart, err = p.parseACPHeading(h.start)
	} else {
		p.fco = true
		textStart, err = p.parseFCOHeading(h.start)
	}
	if err != nil {
		return nil, err
	}
	end, _ := p.textEnd(textStart)
	if !p.hasContent(textStart, end) {
		// The heading was printed after the text: read the text before it.
		first := h.start
		if len(m.Transmission) > 0 {
			first = p.transmissionStart(h.start)
		}
		if p.hasContent(0, first) {
			textStart, end = 0, p.readArchiveTrailer(first)
			p.headerAfter = true
		}
	} else if h.kind == cpHeadingACP {
		p.readDraftingBlock(0, p.transmissionStart(h.start))
	} else {
		p.readAuthoriser(h.start)
		if p.filedTo > 0 {
			end = p.readFiledDistribution(textStart, end)
		}
	}
	p.parseText(textStart, end)
	cpNormalizeMessage(m)
	return m, nil
}

func (p *cableParser) hasContent(from, to int) bool {
	for i := from; i < to && i < len(p.lines); i++ {
		if t := p.trimmed(i); t != "" && !p.isFurniture(t) {
			return true
		}
	}
	return false
}

// textEnd finds where the text area that starts at i ends: at the last BT
// line, else at the first NNNN/NNN line, else at the end of the input. It
// sets the message's ending and reports whether a closing line was found.
func (p *cableParser) textEnd(i int) (int, bool) {
	lastBT, firstEnd := -1, -1
	for j := i; j < len(p.lines); j++ {
		switch p.trimmed(j) {
		case "BT":
			lastBT = j
		case "NNNN", "NNN":
			if firstEnd < 0 {
				firstEnd = j
			}
		}
	}
	end := len(p.lines)
	switch {
	case lastBT >= 0:
		end = lastBT
	case firstEnd >= 0:
		end = p.sectionsEnd(firstEnd)
	}
	for j := end; j < len(p.lines); j++ {
		if t := p.trimmed(j); t == "NNNN" || t == "NNN" {
			p.msg.Ending = t
			break
		}
	}
	return end, lastBT >= 0 || firstEnd >= 0
}

// lineWidth is the length of the copy's longest line that is not page
// furniture: at least the width its lines were wrapped to.
func (p *cableParser) lineWidth() int {
	if p.width == 0 {
		for i := range p.lines {
			if t := p.text(i); !p.isFurniture(strings.TrimSpace(t)) {
				p.width = max(p.width, utf8.RuneCountInString(t))
			}
		}
		p.width = max(p.width, 1)
	}
	return p.width
}

// endsEarly reports whether line i ended before the copy's width made it
// end: the first word of line next would have fitted on it, so the break
// is the writer's, not the wrapping's. A line ending in a hyphen (a word
// broken across lines) does not end early.
func (p *cableParser) endsEarly(i, next int) bool {
	prev := p.text(i)
	words := strings.Fields(p.text(next))
	if len(words) == 0 || strings.HasSuffix(prev, "-") {
		return false
	}
	return utf8.RuneCountInString(prev)+1+utf8.RuneCountInString(words[0]) <= p.lineWidth()
}
