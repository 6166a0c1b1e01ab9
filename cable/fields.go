package cable

import (
	"strings"
)

// parseText reads the text area [i, end): the classification line, the
// fields at the top of the text, then the text itself.
func (p *cableParser) parseText(i, end int) {
	m := &p.msg
	j := p.nextNonBlank(i)
	for j < end && p.isDraftMarker(j) {
		j = p.nextNonBlank(j + 1)
	}
	// The classification line; an archive copy may print the page's
	// banner and PAGE line before it (CONFIDENTIAL / PAGE 01 STATE 192639 /
	// C O N F I D E N T I A L STATE 192639), so a run of such lines is read
	// together.
	// Released State cables also print the distribution block (ORIGIN
	// EUR-12, DRAFTED BY ..., the ------044391 250001Z /62 line) there; it
	// is skipped only when a classification line follows it.
	last := -1
	for k := j; k < end; k++ {
		t := p.trimmed(k)
		if t == "" || cpPageLineRE.MatchString(t) || p.pageShapes[LineShape(t)] || cpIsDistributionLine(t) {
			continue
		}
		c, rest, ok := cpMatchClassification(t)
		if !ok {
			break
		}
		caveats, serial, ok := cpClassificationRest(rest)
		if !ok {
			break
		}
		m.Classification = c
		if len(m.Caveats) == 0 {
			m.Caveats = caveats
		}
		if serial != "" && !p.serialOnClass {
			m.Serial = serial
			p.serialOnClass = true
		}
		p.spaced = p.spaced || cpIsLetterSpaced(t)
		last = k
	}
	if last >= 0 {
		p.readDraftingBlock(j, last)
		j = last + 1
		// and the page line under a banner
		for j < end && (p.trimmed(j) == "" || p.isFurniture(p.trimmed(j))) {
			j++
		}
	}
	j = p.parseFields(j, end)
	if p.fco && m.Subject == "" {
		j = p.fcoSubject(j, end)
	}
	p.parseBody(j, end)
}

// fcoSubject reads the subject line of an FCO telegram, which has no
// SUBJECT: label: a title line above the REF line, or a single line
// standing alone as the first paragraph, not numbered and with no full
// stop, with more text after it. It returns where the text starts.
func (p *cableParser) fcoSubject(j, end int) int {
	m := &p.msg
	if len(m.Heading) == 1 {
		m.Subject, m.Heading = m.Heading[0], nil
		return j
	}
	if len(m.Heading) > 0 || len(m.References) > 0 {
		return j
	}
	i := p.nextNonBlank(j)
	t := p.trimmed(i)
	if i+1 >= end || p.trimmed(i+1) != "" && !p.isFurniture(p.trimmed(i+1)) || t == "" || cpBodyStartRE.MatchString(t) || cpEndsSentence(t) ||
		p.isFurniture(t) || p.nextNonBlank(i+1) >= end {
		return j
	}
	m.Subject = t
	return i + 1
}

func (p *cableParser) isDraftMarker(i int) bool {
	return strings.HasPrefix(p.trimmed(i), "DRAFT - NOT FOR TRANSMISSION")
}

// fieldKind classifies a line at the top of the text.
const (
	cpFieldNone = iota
	cpFieldSerial
	cpFieldEO
	cpFieldTags
	cpFieldSubject
	cpFieldRef
	cpFieldPassing
	cpFieldClassifiedBy
)

func (p *cableParser) fieldKind(i int) int {
	t := p.trimmed(i)
	if t == "" {
		return cpFieldNone
	}
	// Each pattern is tried only on a line opening with its label (the
	// writer asks of every line it makes).
	has := func(label string) bool { return len(t) >= len(label) && strings.EqualFold(t[:len(label)], label) }
	switch {
	case (has("SERIAL") || has("PERSONAL MESSAGE")) && cpSerialLabelRE.MatchString(t):
		return cpFieldSerial
	case (strings.HasPrefix(t, "E.") || strings.HasPrefix(t, ".O.")) && cpEoRE.MatchString(t):
		return cpFieldEO
	case (has("CLASSIFIED") || has("DERIVED")) && cpClassifiedRE.MatchString(t):
		return cpFieldClassifiedBy
	case strings.HasPrefix(t, "TAG") && cpTagsRE.MatchString(t):
		return cpFieldTags
	case strings.HasPrefix(t, "SUBJ") && cpSubjectRE.MatchString(t):
		return cpFieldSubject
	case strings.HasPrefix(t, "REF") && cpRefRE.MatchString(t), (telnoOpensWord(t) || strings.HasPrefix(t, "MI")) && cpTelnoRefRE.MatchString(t):
		return cpFieldRef
	case !strings.HasPrefix(t, "FOR") && !strings.HasPrefix(t, "FOLLOWING") && !strings.HasPrefix(t, "PERSONAL"):
		return cpFieldNone // FOR, FOLLOWING FOR, PERSONAL FOR: the passing line's openings
	case cpPassingRE.MatchString(t):
		return cpFieldPassing
	case cpPassingHeadRE.MatchString(t) && strings.HasPrefix(p.trimmed(i+1), "FROM "):
		return cpFieldPassing
	case cpFollowingForAlone(t) && p.endsParagraph(i):
		// FOLLOWING FOR GENERAL SCOWCROFT., a line to itself: a passing
		// line that names no sender
		return cpFieldPassing
	}
	return cpFieldNone
}

// telnoOpensWord reports whether TELNO or TELEGRAM opens the second or
// third word of t, the only places cpTelnoRefRE finds them (MY TELNO 12,
// UKMIS GENEVA TELNO 3, PEKING TELEGRAM NO. 1434): a check that reads a
// line's first words, not all of it.
func telnoOpensWord(t string) bool {
	for k, i := 0, 0; k < 2; k++ {
		j := strings.IndexByte(t[i:], ' ')
		if j < 0 {
			return false
		}
		i += j + 1
		if strings.HasPrefix(t[i:], "TELNO") || strings.HasPrefix(t[i:], "TELEGRAM") {
			return true
		}
	}
	return false
}

// lastFieldLine finds the last field line near the top of the text area
// [i, end), before the text visibly starts; -1 when there is none.
func (p *cableParser) lastFieldLine(i, end int) int {
	lastField := -1
	seen := 0
	for j := i; j < end && seen < 16; j++ {
		t := p.trimmed(j)
		if t == "" || p.isFurniture(t) {
			continue
		}
		seen++
		if kind := p.fieldKind(j); kind != cpFieldNone {
			if _, next := p.fieldValue(j, end, kind); kind == cpFieldPassing && p.paragraphGoesOn(next, end) {
				break // a sentence shaped like a passing line: the text has begun (see parseFields)
			}
			lastField = j
			continue
		}
		// A sentence's end (a title line has none) shows the text has begun.
		if cpBodyStartRE.MatchString(t) || strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "''") || cpEndsSentenceStop(t) ||
			cpSentenceInsideRE.MatchString(t) || opensQuotedText(t) {
			break
		}
	}
	return lastField
}

// opensQuotedText reports whether t announces a quoted text (... BEGIN
// TEXT:, BEGIN MESSAGE:), which no title line does: the text has begun.
func opensQuotedText(t string) bool {
	return strings.Contains(t, "BEGIN TEXT") || strings.Contains(t, "BEGIN MESSAGE") || strings.Contains(t, "BEGIN QUOTE")
}

// cpSentenceInsideRE is a sentence ending inside a line and the next one
// starting (HUMAN. ONLY IF WE, IN 1991. BEGIN TEXT): a title line has no
// full stop after a word or a year, short abbreviations (U.S., ST. JAMES,
// NO. 10) aside.
var cpSentenceInsideRE = lazyRE(`(?:[A-Z]{3,}|\d{2,})\. [A-Z]{2,}`)

// splitOutsideBrackets splits a TAGS line at its commas, but not at one
// inside brackets: OVIP (KISSINGER, HENRY A.) is one tag, the person a
// visit tag names.
func splitOutsideBrackets(s string) []string {
	var out []string
	depth, from := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth = max(0, depth-1)
		case ',':
			if depth == 0 {
				out = append(out, s[from:i])
				from = i + 1
			}
		}
	}
	return append(out, s[from:])
}

// endsParagraph reports whether line i is the last of its paragraph: a
// blank line, page furniture (a page break) or the end follows it.
func (p *cableParser) endsParagraph(i int) bool {
	t := p.trimmed(i + 1)
	return t == "" || p.isFurniture(t)
}

// cpFollowingForAlone reports whether t is a personal message's passing
// line that names no sender, when it makes a paragraph by itself
// (FOLLOWING FOR GENERAL SCOWCROFT.).
func cpFollowingForAlone(t string) bool {
	return strings.HasPrefix(t, "FOLLOWING FOR ") && strings.HasSuffix(t, ".")
}

// cpPassingAlone reports whether t is a passing line that names no sender
// standing alone: FOR and a few words, with no full stop at its end and
// nothing that ends or joins a sentence (:;?!).
func cpPassingAlone(t string) bool {
	return cpPassingHeadRE.MatchString(t) && !strings.HasSuffix(t, ".") && !strings.ContainsAny(t, ":;?!") &&
		len(strings.Fields(t)) <= 8
}

// cpCaptionsAndPassing splits a heading line that gives the handling and
// the passing together, as State telegrams of the 1970s print them
// (EXDIS, FOR COVEY FOR THE SECRETARY; CHEROKEE, FOR AMBASSADOR FROM THE
// SECRETARY).
func cpCaptionsAndPassing(t string) (captions, passing string, ok bool) {
	captions, passing, ok = strings.Cut(t, ", ")
	if !ok || !cpIsCaptionLine(captions) || !cpPassingHeadRE.MatchString(passing) {
		return "", "", false
	}
	return captions, passing, true
}

// parseFields reads the fields at the top of the text from line i: captions,
// title lines, serial, passing line, E.O., TAGS, SUBJECT, REF. Lines that
// are not fields count as title lines only when a field follows them
// within the first lines; otherwise the text starts there.
func (p *cableParser) parseFields(i, end int) int {
	m := &p.msg
	lastField := p.lastFieldLine(i, end)
	j := i
	for j < end {
		t := p.trimmed(j)
		if t == "" || (p.isFurniture(t) && j <= lastField) {
			j++
			continue
		}
		kind := p.fieldKind(j)
		if kind == cpFieldNone {
			if j < lastField {
				if cpIsCaptionLine(t) {
					m.Captions = append(m.Captions, t)
				} else if caps, passing, ok := cpCaptionsAndPassing(t); ok && m.Passing == "" {
					m.Captions = append(m.Captions, caps)
					m.Passing = passing
				} else if m.Passing == "" && len(m.Heading) == 0 && cpPassingHeadRE.MatchString(t) {
					m.Passing = t // FOR COVEY FOR THE SECRETARY: a passing line that names no sender
				} else {
					m.Heading = append(m.Heading, t)
				}
				j++
				continue
			}
			if cpIsCaptionLine(t) && len(m.Heading) == 0 && lastField < 0 {
				m.Captions = append(m.Captions, t)
				j++
				continue
			}
			if lastField < 0 && m.Passing == "" && len(m.Heading) == 0 && cpPassingAlone(t) && p.endsParagraph(j) {
				// FOR JOHNSON above the text of a cable with no fields: a
				// passing line that names no sender, a paragraph of its own
				// with no full stop
				m.Passing = t
				j++
				continue
			}
			break
		}
		value, next := p.fieldValue(j, end, kind)
		if kind == cpFieldPassing && p.paragraphGoesOn(next, end) {
			// FOR CASES FOLLOWING FROM PROGRESS ... with the sentence
			// going on below: the text's first paragraph, not a passing
			// line, which stands alone above a field, a paragraph or a
			// blank line.
			break
		}
		switch kind {
		case cpFieldSerial:
			m.Serial = cpSerialLabelRE.FindStringSubmatch(t)[1]
			p.serialLabel = true
			next = j + 1
		case cpFieldEO:
			m.EO = cpEOValue(value)
		case cpFieldTags:
			for _, tag := range splitOutsideBrackets(strings.TrimSpace(cpTagsRE.FindStringSubmatch(value)[1])) {
				if tag = strings.TrimSpace(tag); tag != "" {
					m.Tags = append(m.Tags, tag)
				}
			}
		case cpFieldSubject:
			m.Subject = strings.TrimSpace(cpSubjectRE.FindStringSubmatch(value)[1])
		case cpFieldRef:
			if sub := cpRefRE.FindStringSubmatch(value); sub != nil {
				value = strings.TrimSpace(sub[1])
			}
			m.References = append(m.References, cpSplitRefs(value)...)
		case cpFieldPassing:
			m.Passing = value
		case cpFieldClassifiedBy:
			m.ClassifiedBy = strings.TrimSpace(cpClassifiedRE.FindStringSubmatch(value)[1])
		}
		j = next
	}
	return j
}

// paragraphGoesOn reports whether line i, right after a field's lines,
// carries on their paragraph: it is not blank, not furniture, not a field
// and does not open a paragraph of its own.
func (p *cableParser) paragraphGoesOn(i, end int) bool {
	if i >= end {
		return false
	}
	t := p.trimmed(i)
	return t != "" && !p.isFurniture(t) && p.fieldKind(i) == cpFieldNone && !cpBodyStartRE.MatchString(t) &&
		!strings.HasPrefix(t, "\"") && !strings.HasPrefix(t, "''")
}

// fieldValue joins a field line with the lines it runs on to: non-blank
// lines that are not fields themselves and do not start a paragraph. A
// passing line runs on only while it does not end with a full stop, and
// at most two lines.
func (p *cableParser) fieldValue(i, end, kind int) (string, int) {
	v := newRunOn(p.trimmed(i))
	j := i + 1
	for ; j < end; j++ {
		pageBreak := false
		if kind == cpFieldSubject || kind == cpFieldRef {
			// A subject or reference runs on across a page break (the
			// banners and page line between its lines) when the line after
			// the break goes on with it.
			k := j
			for k < end && p.trimmed(k) != "" && p.isFurniture(p.trimmed(k)) {
				k++
			}
			if k > j && k < end && p.continuesField(v, k, kind) {
				j, pageBreak = k, true
			}
		}
		if !p.continuesField(v, j, kind) {
			break
		}
		if (kind == cpFieldSubject || kind == cpFieldRef) && !pageBreak && p.textRunsIn(j, end) {
			break
		}
		if kind == cpFieldPassing && (strings.HasSuffix(v.last, ".") || j-i >= 2) {
			break
		}
		if kind == cpFieldTags || kind == cpFieldEO {
			break
		}
		p.appendRunOn(v, p.trimmed(j))
	}
	return string(v.buf), j
}

// cpLabelledParaRE is a paragraph that opens with its label (SUMMARY:,
// BEGIN SUMMARY, COMMENT:): text, not the run-on of a field above it.
var cpLabelledParaRE = lazyRE(`^(?:BEGIN\s+)?(?:SUMMARY|COMMENT)(?:\s*[:.]|\s*$|\s+-)|^BEGIN\s+(?:SUMMARY|COMMENT|TEXT)\b`)

// cpEOLabelRE is the label of an E.O. line.
var cpEOLabelRE = lazyRE(`^E?\.\s?O\.\s*`)

// cpEOValue takes the E.O. label off an E.O. line: E.O. 12065: GDS ... gives
// 12065: GDS ..., the value a draft's eo field holds.
func cpEOValue(line string) string {
	return strings.TrimSpace(cpEOLabelRE.ReplaceAllString(strings.TrimSpace(line), ""))
}

// cpSplitRefs splits a list of references lettered (A) X (B) Y into X and
// Y; anything else is one reference.
func cpSplitRefs(v string) []string {
	if v == "" {
		return nil
	}
	locs := cpRefLetterRE.FindAllStringSubmatchIndex(v, -1)
	if len(locs) == 0 || locs[0][0] != 0 {
		locs = cpRefDotRE.FindAllStringSubmatchIndex(v, -1)
	}
	// References lettered A) X B) Y were lettered in the draft itself (a
	// template writes them as they are), so each keeps its letter.
	keep := false
	if len(locs) == 0 || locs[0][0] != 0 {
		locs = cpRefHalfRE.FindAllStringSubmatchIndex(v, -1)
		keep = true
	}
	if len(locs) < 2 || locs[0][0] != 0 {
		return []string{v}
	}
	var out []string
	for k, loc := range locs {
		if v[loc[2]] != byte('A'+k) {
			return []string{v}
		}
		stop := len(v)
		if k+1 < len(locs) {
			stop = locs[k+1][0]
		}
		from := loc[1]
		if keep {
			from = loc[2]
		}
		ref := strings.TrimSpace(v[from:stop])
		ref = strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(ref, ",;"), " AND"))
		out = append(out, ref)
	}
	return out
}

// IsTelegramRef reports whether a reference names a telegram the way an FCO
// telegram's reference line does without a label (MY TELNO 3126, UKMIS
// GENEVA TELNO 3, YOUR TELEGRAM 478, MIPT, MIFT), which the reader takes for
// a reference on a line of its own.
func IsTelegramRef(ref string) bool {
	return cpTelnoRefRE.MatchString(strings.ToUpper(strings.TrimSpace(ref)))
}
