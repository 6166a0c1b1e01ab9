package cable

import (
	"fmt"
	"strconv"
	"strings"
)

// Message is a cable read back from text: its heading (the communications
// lines and the address), the fields written at the top of the text
// (classification, captions, serial, subject, references, passing line,
// title lines) and the message text itself, with the page furniture of
// printed and archive copies taken out.
type Message struct {
	// Transmission holds the lines the communications centre adds before
	// the heading: the transmission identification (ZCZC..., VZCZC...,
	// CABWTECO1), routing (OO RUEHC), DE lines and the security warning
	// (ZNY SSSSS).
	Transmission []string `json:"transmission"`
	// Precedence holds the precedence letters of the heading, one, or two
	// for dual precedence: ["O"], ["P", "R"].
	Precedence []string `json:"precedence"`
	// DTG is the date-time group as written (212130Z DEC 88).
	DTG  string `json:"dtg"`
	From string `json:"from"`
	// To, Info and XMT are the addressees as named: a routing indicator
	// (RUEHC/), the precedence written after a US addressee (AMEMBASSY
	// LONDON IMMEDIATE) or before an FCO one (TO IMMEDIATE FCO) and a
	// station serial number after it are taken off.
	To   []string `json:"to"`
	Info []string `json:"info"`
	XMT  []string `json:"xmt"`
	// ToPrecedence and InfoPrecedence run parallel to To and Info: the
	// precedence word written with each addressee (IMMEDIATE, NIACT
	// IMMEDIATE), or "" where the line has none.
	ToPrecedence   []string `json:"to_precedence"`
	InfoPrecedence []string `json:"info_precedence"`
	// Form is the form of cable the heading and fields show, which is the
	// template that writes it: "state" (US State telegram: serial on the
	// classification line, E.O., TAGS), "fco" (UK FCO telegram: FM / TO /
	// TELNO), "personal" (No. 10 personal message: SERIAL No. line,
	// FOLLOWING FOR passing line) or "" (an ACP 127 message of none of
	// these forms).
	Form string `json:"form"`
	// Classification is the canonical level (see ParseClassification),
	// read from the first line of the text (or, in the FCO form, from the
	// line above FM).
	Classification string `json:"classification"`
	// Caveats are the handling words printed on the classification's own
	// line, after it (SECRET UK EYES ONLY, S E C R E T NODIS STATE 1):
	// what a draft's caveats field prints.
	Caveats []string `json:"caveats"`
	// Captions are handling lines printed on their own lines under the
	// classification (NODIS, SIPDIS): what a draft's captions field prints.
	Captions []string `json:"captions"`
	// Serial is the message's serial number without its label: T 192A/88,
	// STATE 192639, TELNO 1119.
	Serial string `json:"serial"`
	// EO is the E.O. line of a US State cable without its E.O. label
	// (12065: GDS 7/24/85 (VEST, GEORGE S.)); Tags are the TAGS: line's
	// tags.
	EO   string   `json:"eo"`
	Tags []string `json:"tags"`
	// ClassifiedBy is the classification authority line of a US cable
	// (Classified By: ... for reasons 1.4 (b) and (d).), without its label.
	ClassifiedBy string `json:"classified_by"`
	// Subject is the SUBJECT: (or SUBJ:) line, joined when it runs on.
	Subject string `json:"subject"`
	// References are the REF: lines (and the MY TELNO / YOUR TELNO lines of
	// an FCO telegram).
	References []string `json:"references"`
	// Passing is the passing line as written, joined when it runs on:
	// FOLLOWING FOR GENERAL POWELL FROM CHARLES POWELL, NO. 10 DOWNING STREET.
	Passing string `json:"passing"`
	// Heading holds the title lines written before the text (MESSAGE FROM
	// THE PRIME MINISTER TO ..., PRIME MINISTER'S PERSONAL MESSAGE).
	Heading []string `json:"heading"`
	// Text is the message text: from after the fields above to the closing
	// BT (or NNNN), with page furniture removed (classification lines,
	// PAGE lines, SECTION lines, repeated headings of later sections) and
	// words hyphenated across line ends joined; other line breaks are kept.
	// The signature is not part of it.
	Text string `json:"text"`
	// Signature is the principal's name that signs the message, taken from
	// the end of the text where the form puts it: a State cable's surname
	// on a line of its own after the text (or, in archive copies, after the
	// final full stop of the last line: ... PARTNERSHIP. VANCE), an FCO
	// telegram's name standing alone as the last paragraph. A personal
	// message's signature (YOURS EVER / MARGARET'') is written as part of
	// the letter, so it stays in Text; so does anything in a cable of no
	// known form.
	Signature string `json:"signature"`
	// TextLine is the 1-based line of the input where Text starts (0 when
	// there is no text).
	TextLine int `json:"text_line"`
	// Ending is the end-of-message signal found after the text: NNNN or
	// NNN ("" when there is none).
	Ending string `json:"ending"`
}

// ParseError is an error in a cable, at a line of the input (Line 0 when it
// concerns the whole input).
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

func cpErrorf(line int, format string, a ...any) error {
	return &ParseError{Line: line, Msg: fmt.Sprintf(format, a...)}
}

// PassingParts splits a passing line (FOLLOWING FOR X FROM Y, FOR X FROM
// Y, PERSONAL FOR X FROM Y) into the recipient and the sender. The final
// full stop is dropped.
func PassingParts(passing string) (forWhom, from string) {
	s := strings.TrimSpace(passing)
	s = strings.TrimSuffix(s, ".")
	u := strings.ToUpper(s)
	for _, p := range []string{"FOLLOWING ", "PERSONAL "} {
		if strings.HasPrefix(u, p) {
			s, u = s[len(p):], u[len(p):]
		}
	}
	if !strings.HasPrefix(u, "FOR ") {
		return "", ""
	}
	s, u = s[4:], u[4:]
	i := strings.Index(u, " FROM ")
	if i < 0 {
		return strings.TrimSpace(s), ""
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+6:])
}

// IsCable reports whether data holds a cable heading: a precedence and
// date-time group line followed by FM and TO lines (with or without BT,
// and with the communications lines and archive furniture around it), or
// the FCO form FM / TO / TELNO / OF <date-time group>.
func IsCable(data []byte) bool {
	p := newCableParser(data)
	_, ok := p.findHeading()
	return ok
}

// Parse reads a cable. It accepts the tool's own output, cables as
// transmitted (ZCZC ... NNNN) and archive copies (page furniture between
// pages, repeated section headings, hyphenated line ends, NNN endings).
// Errors name the line they are about.
func Parse(data []byte) (*Message, error) {
	p := newCableParser(data)
	return p.parse()
}

// cpLine is one line of the input, trimmed at the right.
type cpLine struct {
	n    int    // 1-based line number
	text string // trailing spaces removed, form feeds removed
}

type cableParser struct {
	lines []cpLine
	msg   Message
	fco   bool // the heading is in the FCO form
	// serialOnClass is set when the serial stands on the classification
	// line (STATE 192639), spaced when that line is letter-spaced and
	// serialLabel when a SERIAL No. line gave it: signs of the form.
	serialOnClass, spaced, serialLabel bool
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

// cpHeading is where the cable's heading was found.
type cpHeading struct {
	kind  int // cpHeadingACP or cpHeadingFCO
	start int // index of the precedence line (ACP) or FM line (FCO)
}

const (
	cpHeadingACP = iota + 1
	cpHeadingFCO
)

var (
	// precedence letters and a date-time group, then operating signals.
	cpDtgLineRE = lazyRE(`^([ZOPRY])(?:\s+([ZOPRY]))?\s+(\d{6}[A-Z]|DDHHMMZ)\s+([A-Z]{3,4})(?:\s+(\d{4}|\d{2}|YY))?(?:\s+(.*))?$`)
	// a date-time group on its own (FCO OF line, FM line).
	cpDtgRE = lazyRE(`(\d{6}[A-Z])\s+([A-Z]{3,4})(?:\s+(\d{4}|\d{2}))?$`)

	cpMonthNames = map[string]int{"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUNE": 6,
		"JUL": 7, "JULY": 7, "AUG": 8, "SEP": 9, "SEPT": 9, "OCT": 10, "NOV": 11, "DEC": 12}

	cpSerialLabelRE = lazyRE(`(?i)^(?:PERSONAL MESSAGE\s+)?SERIAL\b(?:\s+(?:NO|NR|NUMBER)\.?)?\s*[:.]?\s*(\S.*)$`)
	cpEoRE          = lazyRE(`^E\.\s?O\.\s*\d`)
	cpClassifiedRE  = lazyRE(`(?i)^(?:CLASSIFIED|DERIVED CLASSIFICATION) BY\s*:?\s*(.*)$`)
	cpTagsRE        = lazyRE(`^TAGS?\s*:?\s+(.*)$`)
	cpSubjectRE     = lazyRE(`^SUBJ(?:ECT)?\s*:\s*(.*)$`)
	cpRefRE         = lazyRE(`^(?:REFS?|REFERENCES?|REFTEL)\s*[:.]\s*(.*)$`)
	cpTelnoRefRE    = lazyRE(`^(?:MY|YOUR|OUR|UKMIS \S+|[A-Z]+) TELNOS? \d`)
	cpPassingRE     = lazyRE(`^(?:FOLLOWING\s+|PERSONAL\s+)?FOR\s+\S.*\sFROM\s+\S`)
	cpPassingHeadRE = lazyRE(`^(?:FOLLOWING\s+|PERSONAL\s+)?FOR\s+\S`)
	cpBodyStartRE   = lazyRE(`^(?:\d+\.|\([A-Z0-9]{1,3}\)|--|- |[A-Z]\.\s)`)
	cpPageLineRE    = lazyRE(`^PAGE\s+(\d{1,3})(?:\s+OF\s+\d{1,3})?((?:\s+[A-Z0-9/.-]+){0,5})$`)
	cpSectionInRE   = lazyRE(`(?:FINAL\s+)?SECTION\s+(?:\d+\s+)?OF\s+\d+`)
	cpStateSerialRE = lazyRE(`^[A-Z]+(?: [A-Z]+)? \d{5,6}$`)
	cpSectionRE     = lazyRE(`^(?:SECTION\s+\d+\s+OF\s+\d+|FINAL\s+SECTION\s+OF\s+\d+)`)
	cpPageNumberRE  = lazyRE(`^-\s*\d{1,3}\s*-$`)
	cpStationSerRE  = lazyRE(`^#\d+$`)
	cpSerialRestRE  = lazyRE(`^(?:[A-Z][A-Z]*(?: [A-Z]+)* )?(?:\d+[A-Z]?(?:/\d+)?|\[[A-Z]+\])$`)
	cpRefLetterRE   = lazyRE(`(?:^|\s)\(([A-Z])\)\s+`)
	cpRefDotRE      = lazyRE(`(?:^|\s)([A-Z])\.\s+`)
	cpRefHalfRE     = lazyRE(`(?:^|\s)([A-Z])\)\s+`)
	cpTransIDRE     = lazyRE(`^V?ZCZC`)
	cpRoutingRE     = lazyRE(`^[ZOPRY]{2}\s+[A-Z]{4,}`)
	cpSingleTokenRE = lazyRE(`^[A-Z0-9#/]{4,}$`)
)

// cpCaptionWords are handling words that may follow the classification.
var cpCaptionWords = map[string]bool{
	"NODIS": true, "EXDIS": true, "LIMDIS": true, "STADIS": true, "NOFORN": true, "ORCON": true,
	"PROPIN": true, "NOCONTRACT": true, "PERSONAL": true, "EYES": true, "ONLY": true, "DEDIP": true,
	"CHEROKEE": true, "ROGER": true, "CHANNEL": true, "EFTO": true, "SPECAT": true, "WNINTEL": true,
	"UK": true, "A": true, "IN": true, "CONFIDENCE": true, "DELIVER": true, "BY": true,
	"COMMERCIAL": true, "MANAGEMENT": true, "STAFF": true, "CABINET": true, "SIPDIS": true,
	"SENSITIVE": true, "NOFORN/SIPDIS": true,
}

// cpPrecedenceWordLetters maps the precedence words written in FCO TO and INFO
// lines to their letters.
var cpPrecedenceWordLetters = map[string]string{"FLASH": "Z", "IMMEDIATE": "O", "PRIORITY": "P", "ROUTINE": "R"}

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

// isDTGLine reports whether line i is a precedence and date-time group line.
func (p *cableParser) isDTGLine(i int) bool {
	m := cpDtgLineRE.FindStringSubmatch(p.trimmed(i))
	return m != nil && (cpMonthNames[m[4]] != 0 || m[3] == "DDHHMMZ" && m[4] == "MON")
}

func cpHasKeyword(s, kw string) bool { return s == kw || strings.HasPrefix(s, kw+" ") }

// findHeading finds the first heading in the input: an ACP 127 heading (a
// precedence and date-time group line followed by FM) or an FCO heading
// (FM followed by TO, with a TELNO or OF line or a date-time group on the
// FM line).
func (p *cableParser) findHeading() (cpHeading, bool) {
	for i := range p.lines {
		t := p.trimmed(i)
		if p.isDTGLine(i) {
			if j := p.nextNonBlank(i + 1); cpHasKeyword(p.trimmed(j), "FM") {
				return cpHeading{cpHeadingACP, i}, true
			}
			continue
		}
		if cpHasKeyword(t, "FM") {
			j := p.nextNonBlank(i + 1)
			if !cpHasKeyword(p.trimmed(j), "TO") {
				continue
			}
			if cpDtgRE.MatchString(t) {
				return cpHeading{cpHeadingFCO, i}, true
			}
			for k := j + 1; k < len(p.lines) && k <= j+8; k++ {
				u := p.trimmed(k)
				if cpHasKeyword(u, "TELNO") || (cpHasKeyword(u, "OF") && cpDtgRE.MatchString(u)) {
					return cpHeading{cpHeadingFCO, i}, true
				}
			}
		}
	}
	return cpHeading{}, false
}

func (p *cableParser) parse() (*Message, error) {
	h, ok := p.findHeading()
	if !ok {
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
			textStart, end = 0, first
		}
	}
	p.parseText(textStart, end)
	cpNormalizeMessage(m)
	return m, nil
}

// transmissionStart returns the index where the transmission lines before
// the heading at i begin.
func (p *cableParser) transmissionStart(i int) int {
	start := i
	for j := i - 1; j >= 0; j-- {
		t := p.trimmed(j)
		if t == "" {
			continue
		}
		if !cpIsTransmissionLine(t) {
			break
		}
		start = j
	}
	return start
}

func cpIsTransmissionLine(t string) bool {
	if cpTransIDRE.MatchString(t) || cpRoutingRE.MatchString(t) || cpHasKeyword(t, "DE") ||
		cpHasKeyword(t, "ZNY") || cpHasKeyword(t, "ZNR") || cpStationSerRE.MatchString(t) {
		return true
	}
	if cpSingleTokenRE.MatchString(t) {
		if _, _, ok := cpMatchClassification(t); ok {
			return false
		}
		return t != "BT" && t != "NNNN" && t != "NNN"
	}
	return false
}

func (p *cableParser) hasContent(from, to int) bool {
	for i := from; i < to && i < len(p.lines); i++ {
		if t := p.trimmed(i); t != "" && !p.isFurniture(t) {
			return true
		}
	}
	return false
}

func cpValidDTG(day, hour, minute string, month int) error {
	d, _ := strconv.Atoi(day)
	h, _ := strconv.Atoi(hour)
	mi, _ := strconv.Atoi(minute)
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	switch {
	case d < 1 || d > days[month]:
		return fmt.Errorf("day %02d does not exist in that month", d)
	case h > 23:
		return fmt.Errorf("hour %02d is out of range 00-23", h)
	case mi > 59:
		return fmt.Errorf("minute %02d is out of range 00-59", mi)
	}
	return nil
}

// checkDTG validates the date-time group parts of line i.
func (p *cableParser) checkDTG(i int, group, month string) error {
	if group == "DDHHMMZ" {
		return nil // the placeholder of a draft rendering
	}
	// The error quotes the whole group as written (313030Z DEC 88).
	whole := group + " " + month
	if line := p.trimmed(i); strings.Contains(line, group) {
		if w := cpWholeDTGRE.FindString(line[strings.Index(line, group):]); w != "" {
			whole = strings.Join(strings.Fields(w), " ")
		}
	}
	mon := cpMonthNames[month]
	if mon == 0 {
		return cpErrorf(p.lines[i].n, "date-time group %q: unknown month %q (use JAN ... DEC)", whole, month)
	}
	if len(strings.Fields(whole)) == 3 {
		// With its year the group can be checked in full, by the same
		// rules as everywhere else (29 FEB only in a leap year).
		if _, err := ParseDTG(whole, DTGOptions{}); err != nil {
			return cpErrorf(p.lines[i].n, "%v", err)
		}
		return nil
	}
	// Without a year (archive headings often leave it out) the day is
	// checked against the longest month of that name.
	if err := cpValidDTG(group[0:2], group[2:4], group[4:6], mon); err != nil {
		return cpErrorf(p.lines[i].n, "date-time group %q: %v", whole, err)
	}
	return nil
}

// cpWholeDTGRE is a date-time group with its month and year.
var cpWholeDTGRE = lazyRE(`^\d{6}[A-Z]\s+[A-Z]{3,4}(?:\s+(?:\d{4}|\d{2})\b)?`)

// parseACPHeading reads the transmission lines before line i, the
// precedence line at i and the address lines after it; it returns the
// index where the text area begins.
func (p *cableParser) parseACPHeading(i int) (int, error) {
	m := &p.msg
	for j := p.transmissionStart(i); j < i; j++ {
		if t := p.trimmed(j); t != "" {
			m.Transmission = append(m.Transmission, t)
		}
	}
	sub := cpDtgLineRE.FindStringSubmatch(p.trimmed(i))
	m.Precedence = append(m.Precedence, sub[1])
	if sub[2] != "" {
		m.Precedence = append(m.Precedence, sub[2])
	}
	if err := p.checkDTG(i, sub[3], sub[4]); err != nil {
		return 0, err
	}
	m.DTG = strings.Join(strings.Fields(sub[3]+" "+sub[4]+" "+sub[5]), " ")
	return p.parseAddress(i+1, false)
}

// parseFCOHeading reads an FCO heading starting at the FM line i: an
// optional classification line above it, FM [DTG], TO [PRECEDENCE] ...,
// TELNO n, OF DTG, INFO [PRECEDENCE] ...
func (p *cableParser) parseFCOHeading(i int) (int, error) {
	m := &p.msg
	for j := i - 1; j >= 0; j-- {
		t := p.trimmed(j)
		if t == "" {
			continue
		}
		if cpIsCaptionLine(t) {
			m.Captions = append([]string{t}, m.Captions...)
			continue
		}
		if c, rest, ok := cpMatchClassification(t); ok {
			if caveats, _, ok := cpClassificationRest(rest); ok {
				m.Classification = c
				m.Caveats = caveats
			}
		}
		break
	}
	fm := strings.TrimSpace(strings.TrimPrefix(p.trimmed(i), "FM"))
	if sub := cpDtgRE.FindStringSubmatch(fm); sub != nil && cpMonthNames[sub[2]] != 0 {
		if err := p.checkDTG(i, sub[1], sub[2]); err != nil {
			return 0, err
		}
		m.DTG = strings.Join(strings.Fields(sub[0]), " ")
		fm = strings.TrimSpace(strings.TrimSuffix(fm, sub[0]))
	}
	p.lines[i].text = "FM " + fm
	return p.parseAddress(i, true)
}

// parseAddress reads FM, TO, INFO and XMT lines (and, in the FCO form,
// TELNO and OF lines) from line i; it returns the index of the first line
// of the text area.
func (p *cableParser) parseAddress(i int, fco bool) (int, error) {
	m := &p.msg
	cur := cpAddrNone
	fmLine, toSeen := 0, false
	j := i
	for ; j < len(p.lines); j++ {
		t := p.trimmed(j)
		if t == "" {
			// A double-spaced copy: the heading goes on when an address
			// line follows the blank lines.
			next := p.trimmed(p.nextNonBlank(j))
			if fmLine == 0 || next == "BT" || cpHasKeyword(next, "TO") || cpHasKeyword(next, "INFO") ||
				cpHasKeyword(next, "XMT") || (fco && (cpHasKeyword(next, "TELNO") || cpHasKeyword(next, "OF") && cpDtgRE.MatchString(next))) {
				continue
			}
			break
		}
		if fmLine == 0 && !cpHasKeyword(t, "FM") {
			return 0, cpErrorf(p.lines[j].n, "expected the FM line after the date-time group line")
		}
		switch {
		case t == "BT":
			j++
			goto done
		case cpHasKeyword(t, "FM"):
			if fmLine != 0 {
				goto done
			}
			fmLine = p.lines[j].n
			m.From = strings.TrimSpace(t[2:])
			cur = cpAddrNone
		case cpHasKeyword(t, "TO"):
			toSeen = true
			cur = cpAddrTo
			p.addAddressees(cur, strings.TrimSpace(t[2:]), fco, true)
		case cpHasKeyword(t, "INFO"):
			cur = cpAddrInfo
			p.addAddressees(cur, strings.TrimSpace(t[4:]), fco, true)
		case cpHasKeyword(t, "XMT"):
			cur = cpAddrXMT
			p.addAddressees(cur, strings.TrimSpace(t[3:]), fco, true)
		case fco && cpHasKeyword(t, "TELNO"):
			m.Serial = t
			cur = cpAddrNone
		case fco && cpHasKeyword(t, "OF") && cpDtgRE.MatchString(t):
			sub := cpDtgRE.FindStringSubmatch(t)
			if err := p.checkDTG(j, sub[1], sub[2]); err != nil {
				return 0, err
			}
			m.DTG = strings.Join(strings.Fields(sub[0]), " ")
			cur = cpAddrNone
		case p.isTextStart(t):
			goto done
		default:
			if cur == cpAddrNone {
				if fmLine != 0 && !toSeen && m.From != "" && !fco {
					m.From += " " + t
					continue
				}
				goto done
			}
			p.addAddressees(cur, t, fco, false)
		}
	}
done:
	if !toSeen {
		return 0, cpErrorf(fmLine, "FM line is not followed by a TO line")
	}
	return j, nil
}

// isTextStart reports whether t, met among the address lines, already
// belongs to the text (a cable without BT lines).
func (p *cableParser) isTextStart(t string) bool {
	if _, _, ok := cpMatchClassification(t); ok {
		return true
	}
	return cpEoRE.MatchString(t) || cpSubjectRE.MatchString(t) || cpTagsRE.MatchString(t) ||
		t == "NNNN" || t == "NNN" || strings.HasPrefix(t, "DRAFT - NOT FOR TRANSMISSION")
}

// Which list of addressees an address line adds to.
const (
	cpAddrNone = iota
	cpAddrTo
	cpAddrInfo
	cpAddrXMT
)

var (
	// a routing indicator before a US addressee: RUEHC/SECSTATE WASHDC.
	cpRoutingPrefixRE = lazyRE(`^R[A-Z]{3,7}/`)
)

// addAddressees appends the addressees of one address line to the list
// cur. A US addressee may carry a routing indicator before it and its
// precedence (and a station serial number) after it: RUEHC/SECSTATE WASHDC
// PRIORITY 1234. In the FCO form the line may start with a precedence word
// and list several addressees separated by commas; on the first TO and
// INFO line that word also gives the action or information precedence
// when the heading has no precedence line (first reports whether the line
// carries its TO or INFO keyword).
func (p *cableParser) addAddressees(cur int, s string, fco bool, first bool) {
	m := &p.msg
	var list, precs *[]string
	role := -1
	switch cur {
	case cpAddrTo:
		list, precs, role = &m.To, &m.ToPrecedence, 0
	case cpAddrInfo:
		list, precs, role = &m.Info, &m.InfoPrecedence, 1
	case cpAddrXMT:
		list = &m.XMT
	default:
		return
	}
	if !first {
		role = -1
	}
	add := func(a, prec string) {
		*list = append(*list, a)
		if precs != nil {
			*precs = append(*precs, prec)
		}
	}
	if s == "" {
		return
	}
	if !fco {
		a, prec := cpSplitUSAddressee(s)
		add(a, prec)
		return
	}
	prec := ""
	words := strings.Fields(s)
	if len(words) > 1 {
		if l, ok := cpPrecedenceWordLetters[words[0]]; ok {
			p.setPrecedence(role, l)
			prec = words[0]
			s = strings.TrimSpace(s[len(words[0]):])
		}
	}
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			add(a, prec)
		}
	}
}

// cpSplitUSAddressee takes the routing indicator, the precedence and the
// station serial number off a US addressee line.
func cpSplitUSAddressee(s string) (addressee, precedence string) {
	s = strings.TrimSpace(s)
	routed := false
	if loc := cpRoutingPrefixRE.FindStringIndex(s); loc != nil && len(s) > loc[1] {
		s, routed = s[loc[1]:], true
	}
	words := strings.Fields(s)
	n := len(words)
	if n > 1 && routed && cpAllDigits(words[n-1]) {
		n-- // RUEHXD/MOSCOW POLITICAL COLLECTIVE 1234
	}
	if n > 2 && cpAllDigits(words[n-1]) {
		if _, ok := cpPrecedenceWordLetters[words[n-2]]; ok {
			n-- // AMEMBASSY MOSCOW IMMEDIATE 4521
		}
	}
	if n > 1 {
		if _, ok := cpPrecedenceWordLetters[words[n-1]]; ok {
			k := n - 1
			if k > 1 && words[k-1] == "NIACT" {
				k--
			}
			return strings.Join(words[:k], " "), strings.Join(words[k:n], " ")
		}
	}
	return strings.Join(words[:n], " "), ""
}

func cpAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func (p *cableParser) setPrecedence(role int, letter string) {
	m := &p.msg
	switch {
	case role == 0 && len(m.Precedence) == 0:
		m.Precedence = []string{letter}
	case role == 1 && len(m.Precedence) == 1 && m.Precedence[0] != letter:
		m.Precedence = append(m.Precedence, letter)
	}
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
		end = firstEnd
	}
	for j := end; j < len(p.lines); j++ {
		if t := p.trimmed(j); t == "NNNN" || t == "NNN" {
			p.msg.Ending = t
			break
		}
	}
	return end, lastBT >= 0 || firstEnd >= 0
}

// cpMatchClassification reads a classification at the start of t, plain
// (SECRET, TOP SECRET, UNCLAS) or letter-spaced (S E C R E T), and returns
// the canonical level and the rest of the line.
func cpMatchClassification(t string) (class, rest string, ok bool) {
	words := strings.Fields(t)
	if len(words) == 0 {
		return "", "", false
	}
	// letter-spaced: a run of single letters
	n := 0
	for n < len(words) && len(words[n]) == 1 && words[n][0] >= 'A' && words[n][0] <= 'Z' {
		n++
	}
	for k := n; k >= 5; k-- {
		canon := map[string]string{"TOPSECRET": "TOP SECRET", "SECRET": "SECRET", "CONFIDENTIAL": "CONFIDENTIAL",
			"RESTRICTED": "RESTRICTED", "UNCLASSIFIED": "UNCLASSIFIED", "UNCLAS": "UNCLASSIFIED"}[strings.Join(words[:k], "")]
		if canon != "" {
			return canon, strings.Join(words[k:], " "), true
		}
	}
	switch {
	case len(words) >= 2 && words[0] == "TOP" && words[1] == "SECRET":
		return "TOP SECRET", strings.Join(words[2:], " "), true
	case words[0] == "SECRET", words[0] == "CONFIDENTIAL", words[0] == "RESTRICTED", words[0] == "UNCLASSIFIED":
		return words[0], strings.Join(words[1:], " "), true
	case words[0] == "UNCLAS":
		return "UNCLASSIFIED", strings.Join(words[1:], " "), true
	}
	return "", "", false
}

// cpClassificationRest splits what follows the classification on its line
// into caveats, a section marker and a serial.
func cpClassificationRest(rest string) (caveats []string, serial string, ok bool) {
	rest = strings.TrimSpace(rest)
	if loc := cpSectionInRE.FindStringIndex(rest); loc != nil {
		rest = strings.TrimSpace(rest[:loc[0]] + " " + rest[loc[1]:])
	}
	words := strings.Fields(rest)
	if len(words) > 1 && len(strings.Join(words, "")) == len(words) {
		words = []string{strings.Join(words, "")} // letter-spaced caption: E F T O
	}
	k := 0
	for k < len(words) && cpCaptionWords[words[k]] {
		k++
	}
	caveats = cpSplitCaveats(words[:k])
	tail := strings.Join(words[k:], " ")
	switch {
	case tail == "":
		return caveats, "", true
	case cpSerialRestRE.MatchString(tail):
		return caveats, tail, true
	case strings.HasPrefix(tail, "COVERING "):
		if _, r, ok := cpMatchClassification(strings.TrimPrefix(tail, "COVERING ")); ok && r == "" {
			return caveats, "", true
		}
	}
	return nil, "", false
}

// cpLoneCaveats are handling words that make a caveat on their own; the
// other handling words make one caveat together (UK EYES ONLY, STAFF IN
// CONFIDENCE).
var cpLoneCaveats = map[string]bool{
	"NODIS": true, "EXDIS": true, "LIMDIS": true, "STADIS": true, "NOFORN": true, "ORCON": true,
	"PROPIN": true, "NOCONTRACT": true, "DEDIP": true, "EFTO": true, "SPECAT": true, "WNINTEL": true,
	"SIPDIS": true, "NOFORN/SIPDIS": true, "CHEROKEE": true, "PERSONAL": true, "SENSITIVE": true,
}

// cpSplitCaveats groups the handling words printed after a classification
// into caveats: SECRET NODIS NOFORN has two, SECRET UK EYES ONLY one.
func cpSplitCaveats(words []string) []string {
	var out []string
	group := ""
	for _, w := range words {
		if cpLoneCaveats[w] {
			if group != "" {
				out = append(out, group)
				group = ""
			}
			out = append(out, w)
			continue
		}
		if group != "" {
			group += " "
		}
		group += w
	}
	if group != "" {
		out = append(out, group)
	}
	return out
}

var (
	// office codes of a distribution block: ORIGIN EUR-12, INFO OCT-01
	// ADS-00 /013 R.
	cpDistCodesRE = lazyRE(`^(?:(?:ORIGIN|ACTION|INFO)\s+)?(?:[A-Z]{1,6}-\d{2,3}\s*)+(?:/\d{3}(?:\s+[A-Z])?)?$`)
	// the drafting lines and the rule with the teletype's number under a
	// distribution block.
	cpDistByRE   = lazyRE(`^(?:DRAFTED|APPROVED|CLEARED)\s+BY\b`)
	cpDistRuleRE = lazyRE(`^-{5,}\s*\d+\s+\d{6}Z\s*/\d+$`)
)

// cpIsDistributionLine reports whether t is a line of the distribution
// block that archive copies of State cables print above the text.
func cpIsDistributionLine(t string) bool {
	return cpDistCodesRE.MatchString(t) || cpDistByRE.MatchString(t) || cpDistRuleRE.MatchString(t)
}

// cpIsLetterSpaced reports whether a classification line starts with a
// letter-spaced classification (S E C R E T).
func cpIsLetterSpaced(t string) bool {
	f := strings.Fields(t)
	return len(f) >= 5 && len(f[0]) == 1 && len(f[1]) == 1 && len(f[2]) == 1
}

// cpIsCaptionLine reports whether t holds only handling words.
func cpIsCaptionLine(t string) bool {
	words := strings.Fields(t)
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !cpCaptionWords[w] {
			return false
		}
	}
	// a lone article or preposition is not a caption
	return len(words) > 1 || len(words[0]) > 2
}

// isFurniture reports whether a line of the text area is page furniture:
// a classification banner, a PAGE or SECTION line, the draft marker,
// transmission signals.
func (p *cableParser) isFurniture(t string) bool {
	switch {
	case t == "BT" || t == "NNNN" || t == "NNN" || cpStationSerRE.MatchString(t):
		return true
	case strings.HasPrefix(t, "DRAFT - NOT FOR TRANSMISSION"):
		return true
	case cpPageNumberRE.MatchString(t), cpSectionRE.MatchString(t):
		return true
	case cpTransIDRE.MatchString(t) && !strings.Contains(t, " "):
		return true
	}
	if sub := cpPageLineRE.FindStringSubmatch(t); sub != nil {
		if sub[2] == "" || strings.ContainsAny(sub[2], "0123456789") {
			return true
		}
	}
	if _, rest, ok := cpMatchClassification(t); ok {
		if _, serial, ok := cpClassificationRest(rest); ok {
			if p.msg.Serial != "" {
				return serial == "" || serial == p.msg.Serial
			}
			return serial == "" || cpStateSerialRE.MatchString(serial)
		}
	}
	return false
}

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
		if t == "" || cpPageLineRE.MatchString(t) || cpIsDistributionLine(t) {
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
		j = last + 1
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
	if i+1 >= end || p.trimmed(i+1) != "" || t == "" || cpBodyStartRE.MatchString(t) || cpEndsSentence(t) ||
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
	switch {
	case cpSerialLabelRE.MatchString(t):
		return cpFieldSerial
	case cpEoRE.MatchString(t):
		return cpFieldEO
	case cpClassifiedRE.MatchString(t):
		return cpFieldClassifiedBy
	case cpTagsRE.MatchString(t):
		return cpFieldTags
	case cpSubjectRE.MatchString(t):
		return cpFieldSubject
	case cpRefRE.MatchString(t), cpTelnoRefRE.MatchString(t):
		return cpFieldRef
	case cpPassingRE.MatchString(t):
		return cpFieldPassing
	case cpPassingHeadRE.MatchString(t) && strings.HasPrefix(p.trimmed(i+1), "FROM "):
		return cpFieldPassing
	}
	return cpFieldNone
}

// parseFields reads the fields at the top of the text from line i: captions,
// title lines, serial, passing line, E.O., TAGS, SUBJECT, REF. Lines that
// are not fields count as title lines only when a field follows them
// within the first lines; otherwise the text starts there.
func (p *cableParser) parseFields(i, end int) int {
	m := &p.msg
	// Find the last field line near the top, before the text visibly starts.
	lastField := -1
	seen := 0
	for j := i; j < end && seen < 16; j++ {
		t := p.trimmed(j)
		if t == "" || p.isFurniture(t) {
			continue
		}
		seen++
		if p.fieldKind(j) != cpFieldNone {
			lastField = j
			continue
		}
		if cpBodyStartRE.MatchString(t) || strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "''") {
			break
		}
	}
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
			break
		}
		value, next := p.fieldValue(j, end, kind)
		switch kind {
		case cpFieldSerial:
			m.Serial = cpSerialLabelRE.FindStringSubmatch(t)[1]
			p.serialLabel = true
			next = j + 1
		case cpFieldEO:
			m.EO = cpEOValue(value)
		case cpFieldTags:
			for _, tag := range strings.Split(strings.TrimSpace(cpTagsRE.FindStringSubmatch(value)[1]), ",") {
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

// fieldValue joins a field line with the lines it runs on to: non-blank
// lines that are not fields themselves and do not start a paragraph. A
// passing line runs on only while it does not end with a full stop, and
// at most two lines.
func (p *cableParser) fieldValue(i, end, kind int) (string, int) {
	v := p.trimmed(i)
	j := i + 1
	for ; j < end; j++ {
		t := p.trimmed(j)
		if t == "" || p.isFurniture(t) || p.fieldKind(j) != cpFieldNone || cpBodyStartRE.MatchString(t) ||
			strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "''") {
			break
		}
		if kind == cpFieldPassing && (strings.HasSuffix(v, ".") || j-i >= 2) {
			break
		}
		if kind == cpFieldTags || kind == cpFieldEO {
			break
		}
		v = cpJoinRunOn(v, t)
	}
	return v, j
}

// cpEOLabelRE is the label of an E.O. line.
var cpEOLabelRE = lazyRE(`^E\.\s?O\.\s*`)

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
		ref = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(ref, ","), " AND"))
		out = append(out, ref)
	}
	return out
}

// cpJoinRunOn joins two lines of one field, closing a hyphenated word.
func cpJoinRunOn(a, b string) string {
	if cpEndsWithHyphenatedWord(a) {
		return a[:len(a)-1] + b
	}
	return a + " " + b
}

func cpEndsWithHyphenatedWord(s string) bool {
	n := len(s)
	if n < 3 || s[n-1] != '-' {
		return false
	}
	c := s[n-2]
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
}

// parseBody builds Text from the lines [i, end): it removes page furniture
// and repeated section headings, joins words hyphenated across line ends
// and takes the signature off the end (and, in a State cable split into
// sections, off the end of each section).
func (p *cableParser) parseBody(i, end int) {
	m := &p.msg
	m.Form = p.form()
	var out []cpBodyLine
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
	longest := 0 // the longest text line: the width the text was wrapped at
	// Signatures taken off the end of sections, put back at the end unless
	// they are the message's signature.
	var stash []cpStashedSignature
	sectionEnd := func() {
		if m.Form != "state" || len(out) == 0 {
			return
		}
		last := len(out) - 1
		if _, rest, ok := cpSignature(m.Form, cpBodyTail(out), longest); ok {
			stash = append(stash, cpStashedSignature{at: last, line: out[last], removed: rest == ""})
			if rest == "" {
				out = out[:last]
			} else {
				out[last].text = rest
			}
		}
	}
	pendingBreak := false // a furniture run was removed since the last text line
	blank := 0
	for j := i; j < end; j++ {
		t := p.text(j)
		tt := strings.TrimSpace(t)
		if tt == "" {
			blank++
			continue
		}
		if p.isDTGLine(j) && cpHasKeyword(p.trimmed(p.nextNonBlank(j+1)), "FM") {
			// a later section's heading: skip it, the classification line
			// and the fields repeated under it
			k := j + 1
			for k < end && p.trimmed(k) != "BT" && !p.isTextStart(p.trimmed(k)) {
				k++
			}
			if k < end && p.trimmed(k) == "BT" {
				k++
			}
			sectionEnd()
			j = p.skipSectionHead(k, end) - 1
			pendingBreak, blank = true, blank+1 // sections end at a paragraph end
			continue
		}
		if p.isSectionClassLine(tt) {
			// a later section's classification line without a heading
			// before it (a copy that leaves the headings out)
			sectionEnd()
			j = p.skipSectionHead(j, end) - 1
			// Without a heading it may be a page's banner inside a
			// paragraph: a paragraph starts only where the text shows one.
			pendingBreak = true
			continue
		}
		if p.isFurniture(tt) || (cpIsTransmissionLine(tt) && sectionAfter[j-i]) {
			pendingBreak = true
			continue
		}
		if len(out) > 0 {
			prev := &out[len(out)-1]
			switch {
			case cpEndsWithHyphenatedWord(prev.text) && cpStartsWithLetter(tt):
				// SETTLE- / MENT. -> SETTLEMENT.
				word, rest, _ := strings.Cut(tt, " ")
				prev.text = prev.text[:len(prev.text)-1] + word
				blank, pendingBreak = 0, false
				if rest = strings.TrimSpace(rest); rest == "" {
					continue
				}
				t = rest
			case pendingBreak:
				if prev.text == "" {
					break // a signature taken off left the paragraph break
				}
				if cpEndsSentence(prev.text) && (blank > 0 || cpBodyStartRE.MatchString(tt)) {
					out = append(out, cpBodyLine{})
				}
			default:
				for ; blank > 0; blank-- {
					out = append(out, cpBodyLine{})
				}
			}
		}
		blank, pendingBreak = 0, false
		out = append(out, cpBodyLine{p.lines[j].n, t})
		longest = max(longest, len(tt))
	}
	out = cpTrimBlankEnd(out)
	if m.Form == "state" || m.Form == "fco" {
		if sig, rest, ok := cpSignature(m.Form, cpBodyTail(out), longest); ok {
			m.Signature = sig
			if last := len(out) - 1; rest == "" {
				out = cpTrimBlankEnd(out[:last])
			} else {
				out[last].text = rest
			}
		}
	}
	// A section's signature that is not the message's is text after all.
	// The indices of the lines taken off are those of out as it is now
	// (each was the last line when it went), so one pass puts them back.
	var back []cpStashedSignature
	for _, st := range stash {
		if m.Signature != "" && strings.EqualFold(cpLastWords(st.line.text, len(strings.Fields(m.Signature))), m.Signature) {
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
	if len(back) > 0 {
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
		out = merged
	}
	var b strings.Builder
	for k, l := range out {
		if k > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
	}
	m.Text = b.String()
	if len(out) > 0 {
		m.TextLine = out[0].n
	}
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
		if t == "" || p.isFurniture(t) || p.isSectionClassLine(t) || cpIsCaptionLine(t) {
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

// form tells which form of cable the heading and fields read so far show
// (see Message.Form).
func (p *cableParser) form() string {
	m := &p.msg
	switch {
	case p.fco:
		return "fco"
	case m.EO != "" || len(m.Tags) > 0 || m.ClassifiedBy != "" || p.serialOnClass:
		return "state"
	case p.serialLabel || strings.HasPrefix(m.Passing, "FOLLOWING "):
		return "personal"
	case p.spaced:
		return "state"
	}
	for _, h := range m.Heading {
		if strings.Contains(h, "PERSONAL MESSAGE") {
			return "personal"
		}
	}
	return ""
}

var (
	// a word of a signature: a name in capitals (VANCE, O'NEILL).
	cpSignatureWordRE = lazyRE(`^[A-Z][A-Z'-]*[A-Z]$`)
	// words that end a text without being a signature.
	cpNotSignature = map[string]bool{
		"END": true, "ENDS": true, "QUOTE": true, "UNQUOTE": true, "FYI": true, "TEXT": true, "SUMMARY": true,
		"COMMENT": true, "BT": true, "NNNN": true, "NNN": true, "SECRET": true, "CONFIDENTIAL": true,
		"UNCLAS": true, "UNCLASSIFIED": true, "RESTRICTED": true, "TOP": true, "MINIMIZE": true,
		"GDS": true, "DECL": true, "OADR": true, "PARA": true, "BEGIN": true, "MESSAGE": true,
	}
	// words whose full stop does not end a sentence.
	cpTitleWords = map[string]bool{
		"MR": true, "MRS": true, "MS": true, "DR": true, "ST": true, "GEN": true, "COL": true, "AMB": true,
		"SEN": true, "REP": true, "GOV": true, "PROF": true, "LT": true, "CAPT": true, "ADM": true,
		"SGT": true, "NO": true, "NOS": true, "JR": true, "SR": true, "INC": true, "CO": true, "LTD": true,
		"VS": true, "CF": true, "REF": true, "PARA": true, "ART": true, "SEC": true, "MIN": true,
	}
)

// cpSignatureName reports whether t is a signature of at most maxWords
// names in capitals.
func cpSignatureName(t string, maxWords int) bool {
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > maxWords || cpNotSignature[words[0]] || cpIsCaptionLine(t) {
		return false
	}
	for _, w := range words {
		if !cpSignatureWordRE.MatchString(w) || cpNotSignature[w] {
			return false
		}
	}
	return true
}

// cpEndsSentenceStop reports whether s ends a sentence with a full stop,
// question or exclamation mark (perhaps inside a closing quote or
// bracket), or is a talking point or list item line.
func cpEndsSentenceStop(s string) bool {
	s = strings.TrimRight(s, " ")
	core := strings.TrimRight(s, "'\")")
	return strings.HasSuffix(core, ".") || strings.HasSuffix(core, "?") || strings.HasSuffix(core, "!")
}

// cpSignature looks for the signature at the end of a text's lines, where
// the form puts it. It returns the signature and what is left of the last
// line ("" when the signature was the whole line). It is conservative: a
// State cable's signature is one or two names in capitals alone on the
// last line after a sentence's end, a blank line, a talking point or a
// line it would have fitted on (so not wrapped there), or
// one name in capitals after the final full stop of the last line (as
// archive copies print it: ... PARTNERSHIP. VANCE); an FCO telegram's is
// a last paragraph of one to three names in capitals.
//
// lines are the text's last lines (at least three when it has them);
// width is the length of its longest line.
func cpSignature(form string, lines []string, width int) (sig, rest string, ok bool) {
	n := len(lines)
	if n == 0 {
		return "", "", false
	}
	last := strings.TrimSpace(lines[n-1])
	prev := ""
	if n > 1 {
		prev = strings.TrimSpace(lines[n-2])
	}
	switch form {
	case "fco":
		if n >= 3 && prev == "" && strings.TrimSpace(lines[n-3]) != "" && cpSignatureName(last, 3) {
			return last, "", true
		}
	case "state":
		// A name alone after a line that does not end a sentence is a
		// signature only when it would have fitted on that line: then the
		// line break is the writer's, not the teleprinter's wrap.
		if n >= 2 && cpSignatureName(last, 2) && (prev == "" || cpEndsSentenceStop(prev) ||
			strings.HasPrefix(prev, "-") || len(prev)+1+len(last) <= width) {
			return last, "", true
		}
		// ... PARTNERSHIP. VANCE
		k := strings.LastIndexByte(last, ' ')
		if k < 0 {
			break
		}
		before, word := strings.TrimRight(last[:k], " "), last[k+1:]
		if strings.ContainsRune(word, '\'') || !cpSignatureName(word, 1) || !cpEndsSentenceStop(before) {
			break
		}
		f := strings.Fields(before)
		stop := strings.TrimRight(strings.TrimRight(f[len(f)-1], "'\")"), ".?!")
		if len(stop) < 2 || strings.Contains(stop, ".") || cpTitleWords[strings.ToUpper(strings.TrimLeft(stop, "(\"'"))] {
			break // U.S. OFFICIALS, GEORGE S. VEST, MR. SMITH
		}
		return word, before, true
	}
	return "", "", false
}

func cpStartsWithLetter(s string) bool {
	return s != "" && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'))
}

func cpEndsSentence(s string) bool {
	s = strings.TrimRight(s, " ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, "!") || strings.HasSuffix(s, ")") || strings.HasSuffix(s, "''") ||
		strings.HasSuffix(s, "\"") || strings.HasSuffix(s, ";")
}

// cpNormalizeMessage makes empty lists empty rather than nil, so that JSON
// shows [] for them.
func cpNormalizeMessage(m *Message) {
	for _, l := range []*[]string{&m.Transmission, &m.Precedence, &m.To, &m.Info, &m.XMT, &m.ToPrecedence,
		&m.InfoPrecedence, &m.Caveats, &m.Captions, &m.Tags, &m.References, &m.Heading} {
		if *l == nil {
			*l = []string{}
		}
	}
}
