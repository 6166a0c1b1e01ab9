package cable

import (
	"fmt"
	"strconv"
	"strings"
)

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
	cpDtgLineRE = lazyRE(`^([ZOPRY])(?:\s+([ZOPRY]))?\s+(\d{6}[A-Z]|DDHHMMZ)\s+([A-Z]{3,9})(?:\s+(\d{4}|\d{2}|YY))?(?:\s+(.*))?$`)
	// a date-time group on its own (FCO OF line, FM line).
	cpDtgRE = lazyRE(`(\d{6}[A-Z])\s+([A-Z]{3,9})(?:\s+(\d{4}|\d{2}))?$`)

	cpSerialLabelRE = lazyRE(`(?i)^(?:PERSONAL MESSAGE\s+)?SERIAL\b(?:\s+(?:NO|NR|NUMBER)\.?)?\s*[:.]?\s*(\S.*)$`)
	cpEoRE          = lazyRE(`^E?\.\s?O\.\s*\d`) // (an archive copy may have lost the E: .O. 11652)
	cpClassifiedRE  = lazyRE(`(?i)^(?:CLASSIFIED|DERIVED CLASSIFICATION) BY\s*:?\s*(.*)$`)
	cpTagsRE        = lazyRE(`^TAGS?(?:\s*:\s*|\s+)(.*)$`)
	cpSubjectRE     = lazyRE(`^SUBJ(?:ECT)?\s*:\s*(.*)$`)
	cpRefRE         = lazyRE(`^(?:REFS?|REFERENCES?|REFTEL)\s*(?:\.\s*:|[:.])\s*(.*)$`)
	cpTelnoRefRE    = lazyRE(`^(?:(?:MY|YOUR|OUR|UKMIS \S+|[A-Z]+) TELNOS? \d|(?:MY|YOUR|OUR|[A-Z]+(?: [A-Z]+)?) TELEGRAMS?(?: NO\.?| NUMBER)? \d|MI[PF]TS?\b)`)
	cpPassingRE     = lazyRE(`^(?:FOLLOWING\s+|PERSONAL\s+)?FOR\s+\S.*\sFROM\s+\S`)
	cpPassingHeadRE = lazyRE(`^(?:FOLLOWING\s+|PERSONAL\s+)?FOR\s+\S`)
	cpBodyStartRE   = lazyRE(`^(?:\d+\.|\([A-Z0-9]{1,3}\)|--|- |[A-Z]\.\s)`)
	cpPageLineRE    = lazyRE(`^PAGE\s+(\d{1,3})(?:\s+OF\s+\d{1,3})?((?:\s+[A-Z0-9/.-]+){0,7})$`)
	cpSectionInRE   = lazyRE(`(?:FINAL\s+)?SECTION\s+(?:\d+\s+)?OF\s+\d+`)
	cpStateSerialRE = lazyRE(`^[A-Z]+(?: [A-Z]+)? \d{5,6}$`)
	cpSectionRE     = lazyRE(`^(?:SECTION\s+\d+\s+OF\s+\d+|FINAL\s+SECTION\s+OF\s+\d+)`)
	cpPageNumberRE  = lazyRE(`^-\s*\d{1,3}\s*-$`)
	cpStationSerRE  = lazyRE(`^#\d+$`)
	cpSerialRestRE  = lazyRE(`^(?:[A-Z][A-Z]*(?: [A-Z]+)* )?(?:\d+[A-Z]?(?:/\d+)?|\[[A-Z]+\])(?: [A-Z]{4,6} \d{3,6})?$`)
	cpRefLetterRE   = lazyRE(`(?:^|\s)\(([A-Z])\)\s+`)
	cpRefDotRE      = lazyRE(`(?:^|\s)([A-Z])\.\s+`)
	cpRefHalfRE     = lazyRE(`(?:^|\s)([A-Z])\)\s+`)
	cpTransIDRE     = lazyRE(`^V?ZCZC`)
	cpRoutingRE     = lazyRE(`^[ZOPRY]{2}\s+[A-Z]{4,}`)
	cpSingleTokenRE = lazyRE(`^[A-Z0-9#/]{4,}$`)
)

// isDTGLine reports whether line i is a precedence and date-time group line.
func (p *cableParser) isDTGLine(i int) bool {
	m := cpDtgLineRE.FindStringSubmatch(p.trimmed(i))
	return m != nil && (MonthNumber(m[4]) != 0 || m[3] == "DDHHMMZ" && m[4] == "MON")
}

// findHeading finds the first heading in the input: an ACP 127 heading (a
// precedence and date-time group line followed by FM) or an FCO heading
// (FM followed by TO, with a TELNO or OF line or a date-time group on the
// FM line).
func (p *cableParser) findHeading() (cpHeading, bool) {
	for i := range p.lines {
		t := p.trimmed(i)
		if p.isDTGLine(i) {
			if j := p.nextNonBlank(i + 1); cpHasKeyword(p.trimmed(j), "FM") || p.truncatedHeading(i) {
				return cpHeading{cpHeadingACP, i}, true
			}
			continue
		}
		if cpHasKeyword(t, "FM") {
			if p.filedToAfter(i) >= 0 {
				return cpHeading{cpHeadingFCO, i}, true
			}
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
	mon := int(MonthNumber(month))
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
var cpWholeDTGRE = lazyRE(`^\d{6}[A-Z]\s+[A-Z]{3,9}(?:\s+(?:\d{4}|\d{2})\b)?`)

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
	m.DTG = cpCanonicalDTG(sub[3], sub[4], sub[5])
	if p.truncatedHeading(i) {
		return len(p.lines), nil
	}
	return p.parseAddress(i+1, false)
}

// truncatedHeading reports whether the date-time group line at i is the
// last line of an archive copy whose heading follows the text and was cut
// short after it (no FM, no TO): the relay line of the drafting block
// stands above it, and nothing but blank lines below.
func (p *cableParser) truncatedHeading(i int) bool {
	if p.nextNonBlank(i+1) < len(p.lines) {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		if t := p.trimmed(j); t != "" {
			return isRelayLine(t)
		}
	}
	return false
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
	if sub := cpDtgRE.FindStringSubmatch(fm); sub != nil && MonthNumber(sub[2]) != 0 {
		if err := p.checkDTG(i, sub[1], sub[2]); err != nil {
			return 0, err
		}
		m.DTG = cpCanonicalDTG(sub[1], sub[2], sub[3])
		fm = strings.TrimSpace(strings.TrimSuffix(fm, sub[0]))
	} else if k := p.filedToAfter(i); k >= 0 {
		fm, p.fmTime = cpFiledTime(fm)
		fm = cpInitialism(fm)
		p.filedTo = k
		misread := ""
		for l := i + 1; l < k; l++ {
			t := p.trimmed(l)
			if cpStampOrBanner(t) && !cpStampRE.MatchString(t) {
				m.Classification, _, _ = cpMatchClassification(t)
			} else if c := cpMisreadClassification(t); c != "" && misread == "" {
				misread = t
				if m.Classification == "" {
					m.Classification = c
				}
			}
		}
		if misread != "" && m.Classification != "" {
			m.Notes = append(m.Notes, "classification "+m.Classification+" read from "+misread+", which the copy misspells")
		}
	}
	p.lines[i].text = "FM " + fm
	return p.parseAddress(i, true)
}

// cpCanonicalDTG writes a date-time group read from a heading as redline
// writes it: single spaces and the month in three letters (DECEMBER and
// DEC are one month; the draft placeholder keeps MON).
func cpCanonicalDTG(group, month, year string) string {
	if m := MonthNumber(month); m != 0 {
		month = MonthAbbrev(m)
	}
	return strings.Join(strings.Fields(group+" "+month+" "+year), " ")
}
