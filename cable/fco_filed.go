package cable

import (
	"strings"
)

// An FCO telegram as the registry filed it (the copies in The National
// Archives' FCO series, and the scans and OCR texts made of them) puts
// its heading on two lines: FM, the post and the time group
// (FM HONG KONG 160925Z), and one TO line that carries the precedence,
// the addressee, the telegram number, its date and the posts informed
// (TO PRIORITY FCO TELNO 539 OF 16 MAY/INFO PEKING.). A classification
// line or a registry stamp may stand between the two. At the foot, under
// the signature, the registry's distribution list begins with FILES
// (FILES / FED / HKIOD / P/S MR ROYLE ...).

var (
	// cpFiledToRE is the TO line of a filed telegram: its addressee, the
	// telegram number (TELNO 539, TELEGRAM NUMBER 1465, TELEGRAM NO 12),
	// the date after OF and the INFO addressees, after a slash or not.
	cpFiledToRE = lazyRE(`^TO\s+(.+?)\s+(?:TELNO|TELEGRAM\s+(?:NO\.?|NUMBER))\s+(\d+)(?:\s+OF\s+(.+?))?(?:\s*/\s*|\s+)?(?:\bINFO\s+(.*?))?[\s.,;:-]*$`)
	// cpFiledDateRE is the date after OF: the day, the month in full or
	// short, and perhaps the year (16 MAY, 29 DECEMBER, 15 MAY 1973).
	cpFiledDateRE = lazyRE(`^(\d{1,2})\s+([A-Z]{3,9})\.?(?:\s+(\d{4}|\d{2}))?$`)
	// cpFiledTimeRE is the time group at the end of a filed FM line
	// (160925Z). In the OCR texts of scans a Z is often read as 2
	// (1609252); seven digits ending in 2 are taken for that when the
	// first six are a day and a time.
	cpFiledTimeRE = lazyRE(`(?:^|\s)(\d{6})[Z2]$`)
	// cpStampRE is a registry stamp or folio number alone on a line: a
	// year (1973) or a short number.
	cpStampRE = lazyRE(`^\d{1,4}$`)
)

// cpFiledTo is what a filed telegram's TO line holds.
type cpFiledTo struct {
	to, number, date, info string
}

// cpSplitFiledTo splits a filed telegram's TO line; ok is false when t is
// not one.
func cpSplitFiledTo(t string) (cpFiledTo, bool) {
	if !cpHasKeyword(t, "TO") || !strings.Contains(t, "TEL") {
		return cpFiledTo{}, false
	}
	m := cpFiledToRE.FindStringSubmatch(t)
	if m == nil {
		return cpFiledTo{}, false
	}
	return cpFiledTo{to: cpInitialism(m[1]), number: m[2], date: strings.TrimSpace(m[3]), info: m[4]}, true
}

// cpInitialism writes an initialism typed letter by letter (F C O,
// F.C.O.) as one word (FCO); other text is returned as it is.
func cpInitialism(s string) string {
	words := strings.Fields(s)
	// F.C.O. and F.C.O as one word (three letters at least: U.K. stays)
	for i, w := range words {
		if len(w) >= 5 && strings.Count(w, ".") >= 2 && cpDottedLetters(w) {
			words[i] = strings.ReplaceAll(strings.ReplaceAll(w, ".", ""), "0", "O")
		}
	}
	var out []string
	for i := 0; i < len(words); {
		j, letters := i, 0
		for j < len(words) && len(words[j]) == 1 && (words[j][0] >= 'A' && words[j][0] <= 'Z' || words[j][0] == '0') {
			if words[j][0] != '0' {
				letters++
			}
			j++
		}
		if letters >= 2 {
			// A 0 among the letters is an O that the scan's text
			// recognition read as a digit (F C 0).
			out = append(out, strings.ReplaceAll(strings.Join(words[i:j], ""), "0", "O"))
			i = j
			continue
		}
		out = append(out, words[i])
		i++
	}
	return strings.Join(out, " ")
}

// cpDottedLetters reports whether w is single capital letters each
// followed by a full stop (the last one's may be missing).
func cpDottedLetters(w string) bool {
	for i := 0; i < len(w); i += 2 {
		if (w[i] < 'A' || w[i] > 'Z') && w[i] != '0' || i+1 < len(w) && w[i+1] != '.' {
			return false
		}
	}
	return true
}

// cpFiledTime takes the time group off the end of a filed FM line's
// sender, returning the sender and the group (DDHHMMZ), or the sender
// unchanged and "" when the line has none.
func cpFiledTime(from string) (string, string) {
	m := cpFiledTimeRE.FindStringSubmatchIndex(from)
	if m == nil {
		return from, ""
	}
	group := from[m[2]:m[3]]
	if cpValidDTG(group[0:2], group[2:4], group[4:6], 12) != nil {
		return from, ""
	}
	return strings.TrimSpace(from[:m[0]]), group + "Z"
}

// Interposed reports whether the trimmed line t may stand between a filed
// FCO telegram's FM and TO lines: a classification alone, a registry
// stamp, or a short note (a file number, initials, a date written in; the
// OCR text of a scan reads each mark in the margin as a line of its own).
// diff's guess of a side's kind asks it too, so both agree.
func Interposed(t string) bool {
	if cpStampOrBanner(t) {
		return true
	}
	return len(t) <= 32 && len(strings.Fields(t)) <= 4 && !cpHasKeyword(t, "FM") && !cpHasKeyword(t, "TO") &&
		!cpHasKeyword(t, "INFO") && t != "BT"
}

// cpStampOrBanner reports whether t is a registry stamp or folio number,
// or a classification alone on its line.
func cpStampOrBanner(t string) bool {
	if cpStampRE.MatchString(t) {
		return true
	}
	c, rest, ok := cpMatchClassification(t)
	return ok && c != "" && strings.TrimSpace(rest) == ""
}

// MaxInterposed is how many lines may stand between a filed telegram's
// FM and TO lines.
const MaxInterposed = 12

// filedToAfter returns the index of the TO line of a filed telegram whose
// FM line is i (past at most MaxInterposed interposed lines), or -1.
func (p *cableParser) filedToAfter(i int) int {
	j := p.nextNonBlank(i + 1)
	for n := 0; n < MaxInterposed && j < len(p.lines) && Interposed(p.trimmed(j)); n++ {
		j = p.nextNonBlank(j + 1)
	}
	if j < len(p.lines) {
		if _, ok := cpSplitFiledTo(p.trimmed(j)); ok {
			return j
		}
	}
	return -1
}

// readFiledTo reads a filed telegram's TO line at j: the addressee and its
// precedence, the telegram number as the serial, the date (which gives
// the FM line's time group its month and year), and the INFO addressees.
// It returns the list the next line would go on with.
func (p *cableParser) readFiledTo(j int, f cpFiledTo) (int, error) {
	m := &p.msg
	p.addAddressees(cpAddrTo, f.to, true, true)
	m.Serial = "TELNO " + f.number
	if d := cpFiledDateRE.FindStringSubmatch(f.date); d != nil && p.fmTime != "" && MonthNumber(d[2]) != 0 {
		if err := p.checkDTG(j, p.fmTime, d[2]); err != nil {
			return 0, err
		}
		m.DTG = cpCanonicalDTG(p.fmTime, d[2], d[3])
	} else if f.date != "" && cpIsOfLine("OF "+f.date) {
		if err := p.readOfLine(j, "OF "+f.date); err != nil {
			return 0, err
		}
	}
	if f.info == "" {
		return cpAddrNone, nil
	}
	p.addAddressees(cpAddrInfo, cpInitialism(strings.TrimRight(f.info, " .,;:-")), true, true)
	return cpAddrInfo, nil
}

// readFiledDistribution finds the registry's distribution list at the
// foot of a filed telegram's text [i, end): from a FILES line near the
// end to the last line, past the closing banner and folio number. It
// records the list and returns where the text ends; end when there is
// none.
func (p *cableParser) readFiledDistribution(i, end int) int {
	last := end - 1
	for last >= i {
		t := p.trimmed(last)
		if t != "" && !cpStampOrBanner(t) {
			break
		}
		last--
	}
	for k := last; k >= i && k > last-16; k-- {
		t := p.trimmed(k)
		if cpFilesLine(t) {
			for l := k; l <= last; l++ {
				if u := p.trimmed(l); u != "" {
					p.msg.Distribution = append(p.msg.Distribution, u)
				}
			}
			// The name right above the list signs the telegram, though
			// a copy without blank lines does not set it apart.
			s := k - 1
			for s > i && p.trimmed(s) == "" {
				s--
			}
			if s > i && cpSignatureName(p.trimmed(s), 3) {
				p.msg.Signature = p.trimmed(s)
				return s
			}
			return k
		}
		if len(strings.Fields(t)) > 12 || cpEndsSentenceStop(t) {
			return end
		}
	}
	return end
}
