package cable

import (
	"strings"
)

// cpPrecedenceWordLetters maps the precedence words written in FCO TO and INFO
// lines to their letters.
var cpPrecedenceWordLetters = map[string]string{"FLASH": "Z", "IMMEDIATE": "O", "PRIORITY": "P", "ROUTINE": "R"}

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
		if fmLine != 0 && (t == "" || p.isFurniture(t)) {
			// A page break inside the heading: its banners and page line
			// are skipped when the address goes on after them.
			if k := p.addressResumes(j, fco, cur != cpAddrNone); k > j {
				j = k - 1
				continue
			}
		}
		if t == "" {
			if j < p.filedTo || p.addressGoesOn(j, fmLine != 0, fco) {
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
		case fco && !toSeen && j < p.filedTo:
			// a filed telegram's classification or registry stamp
			// between its FM and TO lines (parseFCOHeading read it)
		case cpHasKeyword(t, "TO"), cpHasKeyword(t, "INFO"), cpHasKeyword(t, "XMT"), fco && (cpHasKeyword(t, "TELNO") || cpIsOfLine(t)):
			var err error
			if cur, err = p.keywordLine(j, t, fco); err != nil {
				return 0, err
			}
			toSeen = toSeen || cpHasKeyword(t, "TO")
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
			if fco && !strings.HasSuffix(p.trimmed(j-1), ",") {
				// An FCO telegram writes each address line with its TO or
				// INFO; a line of its own ends the address unless the
				// line above ran on after a comma (its subject follows
				// INFO with no blank line).
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

// keywordLine reads the address line t at j that opens with its keyword
// (TO, INFO, XMT; in the FCO form also a filed telegram's TO line and the
// TELNO and OF lines) and returns the list the lines after it go on with.
func (p *cableParser) keywordLine(j int, t string, fco bool) (int, error) {
	if fco && cpHasKeyword(t, "TO") && strings.Contains(t, " TEL") {
		if f, ok := cpSplitFiledTo(t); ok {
			return p.readFiledTo(j, f)
		}
	}
	if fco && (cpHasKeyword(t, "TELNO") || cpIsOfLine(t)) {
		p.ofSeen = p.ofSeen || cpIsOfLine(t) || strings.Contains(t, " OF ")
		read := p.readOfLine
		if cpHasKeyword(t, "TELNO") {
			read = p.readTelnoLine
		}
		return cpAddrNone, read(j, t)
	}
	return p.addressKeywordLine(t, fco), nil
}

// addressKeywordLine reads a TO, INFO or XMT line's addressees and
// returns which list the lines after it go on with.
func (p *cableParser) addressKeywordLine(t string, fco bool) int {
	kind, label := cpAddrTo, "TO"
	switch {
	case cpHasKeyword(t, "INFO"):
		kind, label = cpAddrInfo, "INFO"
	case cpHasKeyword(t, "XMT"):
		kind, label = cpAddrXMT, "XMT"
	}
	p.addAddressees(kind, strings.TrimSpace(t[len(label):]), fco, true)
	return kind
}

// addressGoesOn reports whether the heading goes on after the blank line
// j, as in a double-spaced copy: before the FM line, or when an address
// line (or BT) follows the blank lines.
func (p *cableParser) addressGoesOn(j int, fmSeen, fco bool) bool {
	next := p.trimmed(p.nextNonBlank(j))
	if fco && p.ofSeen && cpHasKeyword(next, "TO") {
		// TO after the OF line and a blank: the FCO form writes its TO
		// lines above TELNO and OF, so this opens the text (TO MOSCOW ...)
		return false
	}
	return !fmSeen || next == "BT" || cpHasKeyword(next, "TO") || cpHasKeyword(next, "INFO") ||
		cpHasKeyword(next, "XMT") || (fco && (cpHasKeyword(next, "TELNO") || cpIsOfLine(next)))
}

// readTelnoLine reads an FCO TELNO line at j: the serial, and the OF line
// when it stands on the same line (TELNO 3127 OF 212300Z DEC 88).
func (p *cableParser) readTelnoLine(j int, t string) error {
	p.msg.Serial = t
	if k := strings.Index(t, " OF "); k > 0 && cpIsOfLine(t[k+1:]) {
		p.msg.Serial = strings.TrimSpace(t[:k])
		return p.readOfLine(j, t[k+1:])
	}
	return nil
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
		if words := strings.Fields(s); cur == cpAddrTo && len(m.To) == 0 && len(words) > 2 &&
			len(words[len(words)-1]) == 4 && AllDigits(words[len(words)-1]) {
			// The first action addressee of an archive copy carries the
			// station's serial number: TO SECSTATE WASHDC 3773.
			s = strings.Join(words[:len(words)-1], " ")
		}
		a, prec := cpSplitUSAddressee(s)
		add(a, prec)
		return
	}
	prec := ""
	words := strings.Fields(s)
	deskby, words := cpTakeDeskby(words)
	s = strings.Join(words, " ")
	if len(words) > 2 && words[0] == "NIACT" && words[1] == "IMMEDIATE" {
		// TO NIACT IMMEDIATE AMEMBASSY MOSCOW: State's night action, which
		// a draft may give an addressee of an FCO-form telegram too
		p.setPrecedence(role, Niact.Letter)
		prec = Niact.Word
		s = strings.Join(words[2:], " ")
	} else if len(words) > 1 {
		if l, ok := cpPrecedenceWordLetters[words[0]]; ok {
			p.setPrecedence(role, l)
			prec = words[0]
			s = strings.TrimSpace(s[len(words[0]):])
		}
	}
	if deskby != "" {
		// written with the addressees it is for, as a precedence word is
		prec = strings.TrimSpace(prec + " DESKBY " + deskby)
		if cur == cpAddrTo && m.Deskby == "" {
			m.Deskby = deskby
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
	if n > 2 && words[n-2] == "BY" && words[n-1] == "POUCH" {
		n -= 2 // AMEMBASSY BANJUL BY POUCH: the means of delivery, as a precedence is
	}
	if n > 1 && routed && AllDigits(words[n-1]) {
		n-- // RUEHXD/MOSCOW POLITICAL COLLECTIVE 1234
	}
	if n > 2 && AllDigits(words[n-1]) {
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

// AllDigits reports whether s is one or more ASCII digits (a serial's
// number, a revision number).
func AllDigits(s string) bool {
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

// readOfLine reads the DTG of an FCO OF line (OF 212300Z DECEMBER 88) at
// line j.
func (p *cableParser) readOfLine(j int, t string) error {
	if strings.HasSuffix(t, DTGPlaceholder) {
		return nil // a rendering of a draft not yet sent: no date-time group
	}
	sub := cpDtgRE.FindStringSubmatch(t)
	if err := p.checkDTG(j, sub[1], sub[2]); err != nil {
		return err
	}
	p.msg.DTG = cpCanonicalDTG(sub[1], sub[2], sub[3])
	return nil
}

// DTGPlaceholder stands for the date-time group of a cable not yet sent,
// as a rendering of a draft prints it; the reader takes it for no DTG.
const DTGPlaceholder = "DDHHMMZ MON YY"

// cpIsOfLine reports whether t is an FCO OF line: OF and a date-time group,
// or OF and the placeholder of an unsent draft.
func cpIsOfLine(t string) bool {
	return cpHasKeyword(t, "OF") && (cpDtgRE.MatchString(t) || strings.HasSuffix(t, " "+DTGPlaceholder))
}

// addressResumes returns the index of the address line that follows the
// blank and furniture lines from j (a page break inside the heading), or
// j when no address line follows them. In a list (inList) the line after
// the break may go on with its addressees (AMEMBASSY MADRID), when lines
// shaped like addresses run from there to the next address keyword or
// the classification line.
func (p *cableParser) addressResumes(j int, fco, inList bool) int {
	k := j
	furniture := false
	for k < len(p.lines) {
		t := p.trimmed(k)
		if t != "" && !p.isFurniture(t) || t == "BT" {
			break
		}
		furniture = furniture || t != ""
		k++
	}
	if !furniture {
		return j
	}
	if p.isAddressKeyword(p.trimmed(k), fco) || inList && !fco && p.addresseesRun(k) {
		return k
	}
	return j
}

// isAddressKeyword reports whether t opens an address line with its
// keyword, or is BT.
func (p *cableParser) isAddressKeyword(t string, fco bool) bool {
	return t == "BT" || cpHasKeyword(t, "TO") || cpHasKeyword(t, "INFO") || cpHasKeyword(t, "XMT") ||
		fco && (cpHasKeyword(t, "TELNO") || cpIsOfLine(t))
}

// addresseesRun reports whether the lines from k are addressees going on
// after a page break: each shaped like an address (capitals, no sentence
// punctuation, a few words), up to an address keyword or the
// classification line.
func (p *cableParser) addresseesRun(k int) bool {
	for n := 0; k < len(p.lines) && n < 80; k, n = k+1, n+1 {
		t := p.trimmed(k)
		switch {
		case p.isAddressKeyword(t, false):
			return n > 0
		case t == "":
			return false
		case p.isTextStart(t):
			_, _, class := cpMatchClassification(t)
			return n > 0 && class
		case !cpAddressShaped(t):
			return false
		}
	}
	return false
}

// cpAddressShaped reports whether t could be an addressee line: at most
// six words of capitals, digits, slashes and hyphens.
func cpAddressShaped(t string) bool {
	if len(strings.Fields(t)) > 6 {
		return false
	}
	for _, r := range t {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ' ' || r == '/' || r == '-') {
			return false
		}
	}
	return true
}
