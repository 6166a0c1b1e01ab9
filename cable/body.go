package cable

import (
	"strings"
)

// parseBody builds Text from the lines [i, end): it removes page furniture
// and repeated section headings, joins words hyphenated across line ends
// and takes the signature off the end (and, in a dialect that signs each
// section, off the end of each section).
func (p *cableParser) parseBody(i, end int) {
	m := &p.msg
	d := p.dialect()
	m.Form = ""
	if d != nil {
		m.Form = d.Name
	}
	b := &bodyBuilder{p: p, d: d, end: end}
	// sectionAfter[k] tells whether line i+k is followed, past blank and
	// transmission lines, by a later section's heading.
	sectionAfter := make([]bool, max(end-i, 0))
	for j, next := end-1, false; j >= i; j-- {
		t := p.trimmed(j)
		sectionAfter[j-i] = next
		if t != "" && !cpIsTransmissionLine(t) {
			next = p.isDTGLine(j)
		}
	}
	for j := i; j < end; j++ {
		tt := p.trimmed(j)
		switch {
		case tt == "":
			b.blank++
		case p.isDTGLine(j) && cpHasKeyword(p.trimmed(p.nextNonBlank(j+1)), "FM"):
			j = b.skipSectionHeading(j) - 1
		case tt == "NNN" || tt == "NNNN":
			if k := p.laterSection(j); k >= 0 {
				// the end of a section an archive copy prints with its
				// own first page and heading: skip to that heading
				j = k - 1
			} else {
				b.pendingBreak = true // the end of the message: furniture
			}
		case p.isSectionClassLine(tt):
			// a later section's classification line without a heading
			// before it (a copy that leaves the headings out)
			b.sectionEnd()
			j = p.skipSectionHead(j, end) - 1
			// Without a heading it may be a page's banner inside a
			// paragraph: a paragraph starts only where the text shows one.
			b.pendingBreak = true
		case p.isFurniture(tt) || (cpIsTransmissionLine(tt) && sectionAfter[j-i]) || p.isMarginMark(j, end):
			b.pendingBreak = true
		default:
			b.add(j)
		}
	}
	b.finish()
}

// bodyBuilder collects the text lines of a cable's body.
type bodyBuilder struct {
	p   *cableParser
	d   *Dialect // nil for a cable of no known dialect
	end int
	out []cpBodyLine
	// longest is the longest text line: the width the text was wrapped at.
	longest int
	// stash holds signatures taken off the end of sections, put back at
	// the end unless they are the message's signature.
	stash []cpStashedSignature
	// pendingBreak is set when a furniture run was removed since the last
	// text line; blank counts the blank lines since then.
	pendingBreak bool
	blank        int
}

// signature is where the dialect puts its signature.
func (b *bodyBuilder) signature() SignaturePlace {
	if b.d == nil {
		return SignatureInText
	}
	return b.d.Signature
}

// skipSectionHeading skips a later section's heading at line j, the
// classification line and the fields repeated under it, and returns the
// index of the section's first text line.
func (b *bodyBuilder) skipSectionHeading(j int) int {
	p, end := b.p, b.end
	k := j + 1
	for k < end && p.trimmed(k) != "BT" && !p.isTextStart(p.trimmed(k)) {
		k++
	}
	if k < end && p.trimmed(k) == "BT" {
		k++
	}
	b.sectionEnd()
	b.pendingBreak, b.blank = true, b.blank+1 // sections end at a paragraph end
	return p.skipSectionHead(k, end)
}

// sectionEnd takes the signature off the end of a section, in a dialect
// that signs each section.
func (b *bodyBuilder) sectionEnd() {
	if b.d == nil || !b.d.SignsSections || len(b.out) == 0 {
		return
	}
	last := len(b.out) - 1
	if _, rest, ok := cpSignature(b.signature(), cpBodyTail(b.out), b.longest); ok {
		b.stash = append(b.stash, cpStashedSignature{at: last, line: b.out[last], removed: rest == ""})
		if rest == "" {
			b.out = b.out[:last]
		} else {
			b.out[last].text = rest
		}
	}
}

// add adds text line j, joining a word hyphenated across the line end
// and keeping the paragraph breaks the text shows.
func (b *bodyBuilder) add(j int) {
	t := b.p.text(j)
	tt := strings.TrimSpace(t)
	if len(b.out) > 0 {
		prev := &b.out[len(b.out)-1]
		switch {
		case cpEndsWithHyphenatedWord(prev.text) && cpStartsWithLetter(tt):
			// SETTLE- / MENT. -> SETTLEMENT.
			// (GUINEA- / BISSAU keeps its hyphen where the text spells it so)
			word, rest, _ := strings.Cut(tt, " ")
			prev.text = b.p.joinBroken(prev.text, word)
			b.blank, b.pendingBreak = 0, false
			if rest = strings.TrimSpace(rest); rest == "" {
				return
			}
			t = rest
		case b.pendingBreak:
			if prev.text == "" {
				break // a signature taken off left the paragraph break
			}
			// A paragraph number after the page's furniture opens a
			// paragraph; a -- talking point goes on the run of points on
			// its own line, as it would have with no page break.
			if cpEndsSentence(prev.text) && (b.blank > 0 || cpBodyStartRE.MatchString(tt) && !strings.HasPrefix(tt, "-")) {
				b.out = append(b.out, cpBodyLine{})
			}
		default:
			for ; b.blank > 0; b.blank-- {
				b.out = append(b.out, cpBodyLine{})
			}
		}
	}
	b.blank, b.pendingBreak = 0, false
	b.out = append(b.out, cpBodyLine{b.p.lines[j].n, t})
	b.longest = max(b.longest, len(tt))
}

// finish takes the message's signature off the end, puts back the
// section signatures that are not it, and sets Text.
func (b *bodyBuilder) finish() {
	m := &b.p.msg
	out := cpTrimBlankEnd(b.out)
	if place := b.signature(); place != SignatureInText {
		if sig, rest, ok := cpSignature(place, cpBodyTail(out), b.longest); ok {
			m.Signature = sig
			if last := len(out) - 1; rest == "" {
				out = cpTrimBlankEnd(out[:last])
			} else {
				out[last].text = rest
			}
		}
	}
	out = restoreSectionSignatures(out, b.stash, m.Signature)
	var sb strings.Builder
	for k, l := range out {
		if k > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(l.text)
	}
	m.Text = sb.String()
	if len(out) > 0 {
		m.TextLine = out[0].n
	}
}

// restoreSectionSignatures puts back a section's signature that is not
// the message's: it is text after all. The indices of the lines taken off
// are those of out as it is now (each was the last line when it went), so
// one pass puts them back.
func restoreSectionSignatures(out []cpBodyLine, stash []cpStashedSignature, sig string) []cpBodyLine {
	var back []cpStashedSignature
	for _, st := range stash {
		if sig != "" && strings.EqualFold(cpLastWords(st.line.text, len(strings.Fields(sig))), sig) {
			continue
		}
		if !st.removed {
			if st.at < len(out) {
				out[st.at] = st.line
			}
			continue
		}
		back = append(back, st)
	}
	if len(back) == 0 {
		return out
	}
	merged := make([]cpBodyLine, 0, len(out)+len(back))
	for k := 0; k <= len(out); k++ {
		for len(back) > 0 && (back[0].at == k || k == len(out)) {
			merged = append(merged, back[0].line)
			back = back[1:]
		}
		if k < len(out) {
			merged = append(merged, out[k])
		}
	}
	return merged
}

// cpBodyLine is a line of the text and its line number in the input.
type cpBodyLine struct {
	n    int
	text string
}

// cpStashedSignature is a signature taken off the end of a section: the
// line it was on, its index in the text, and whether the whole line went.
type cpStashedSignature struct {
	at      int
	line    cpBodyLine
	removed bool
}

// cpBodyTail returns the texts of the last three lines: what a signature
// is looked for in.
func cpBodyTail(out []cpBodyLine) []string {
	out = out[max(0, len(out)-3):]
	s := make([]string, len(out))
	for k, l := range out {
		s[k] = l.text
	}
	return s
}

func cpTrimBlankEnd(out []cpBodyLine) []cpBodyLine {
	for len(out) > 0 && strings.TrimSpace(out[len(out)-1].text) == "" {
		out = out[:len(out)-1]
	}
	return out
}

// cpLastWords returns the last n words of s, joined by single spaces.
func cpLastWords(s string, n int) string {
	f := strings.Fields(s)
	if n > len(f) {
		n = len(f)
	}
	return strings.Join(f[len(f)-n:], " ")
}

// isSectionClassLine reports whether t is the classification line of a
// section after the first: S E C R E T SECTION 02 OF 02 STATE 153441.
func (p *cableParser) isSectionClassLine(t string) bool {
	_, rest, ok := cpMatchClassification(t)
	if !ok || !cpSectionInRE.MatchString(rest) {
		return false
	}
	_, serial, ok := cpClassificationRest(rest)
	return ok && (serial == "" || p.msg.Serial == "" || serial == p.msg.Serial)
}

// skipSectionHead skips, from line k, what a later section repeats at its
// top: the classification line, captions, the passing line and the E.O.,
// TAGS, SUBJECT and REF fields. It returns the index of the section's
// first text line.
func (p *cableParser) skipSectionHead(k, end int) int {
	for k < end {
		t := p.trimmed(k)
		if t == "" || p.isFurniture(t) || p.isSectionClassLine(t) || cpIsCaptionLine(t) || p.isRepeatedHeading(t) {
			k++
			continue
		}
		if kind := p.fieldKind(k); kind != cpFieldNone {
			_, next := p.fieldValue(k, end, kind)
			if kind == cpFieldSerial {
				next = k + 1
			}
			k = next
			continue
		}
		break
	}
	return k
}
