package cable

import "strings"

// A long cable went out in sections, and an archive copy prints each
// section as the station received it: the section's text ends with NNN,
// and the next section follows with its own first page (the banner, a
// PAGE 01 line naming the part, 02 OF 02), its own distribution block
// (ACTION, INFO, the total, the relay dash line) and its own heading (the
// same date-time group, FM, TO, INFO, the classification line saying
// SECTION 2 OF 2). The text of the message runs on across all of them.

// isArchiveBlockLine reports whether t is one of the lines an archive copy
// prints around a drafting or distribution block: a banner, a PAGE 01
// line, a copy count, an office list or a relay line.
func isArchiveBlockLine(t string) bool {
	return isBanner(t) || cpIsDistributionLine(t) || isDistributionRun(t) || isRelayLine(t) ||
		cpCopyCountRE.MatchString(t) || strings.HasPrefix(t, "PAGE ") && cpPageLineRE.MatchString(t)
}

// laterSection returns, for the ending line (NNN) at j, the index of the
// date-time group line that opens the next section of the same message,
// or -1. Only the lines of an archive block may stand between them, the
// date-time group must be the message's own, an FM line must follow it,
// and the section's classification line must say it is a section.
func (p *cableParser) laterSection(j int) int {
	if p.msg.DTG == "" {
		return -1
	}
	k := j + 1
	for k < len(p.lines) {
		t := p.trimmed(k)
		if t == "" || isArchiveBlockLine(t) || cpIsTransmissionLine(t) {
			k++
			continue
		}
		break
	}
	if k >= len(p.lines) || !p.isDTGLine(k) || !cpHasKeyword(p.trimmed(p.nextNonBlank(k+1)), "FM") {
		return -1
	}
	if !strings.Contains(p.trimmed(k), p.msg.DTG) {
		return -1
	}
	for c := k + 1; c < len(p.lines) && c < k+60; c++ {
		t := p.trimmed(c)
		if p.isSectionClassLine(t) {
			return k
		}
		if t == "NNN" || t == "NNNN" || t == "BT" {
			break
		}
	}
	return -1
}

// sectionsEnd extends a text area that ends at the ending line end over
// the later sections that follow it, and returns where the last of them
// ends.
func (p *cableParser) sectionsEnd(end int) int {
	for end < len(p.lines) {
		k := p.laterSection(end)
		if k < 0 {
			break
		}
		next := len(p.lines)
		for j := k + 1; j < len(p.lines); j++ {
			if t := p.trimmed(j); t == "NNN" || t == "NNNN" {
				next = j
				break
			}
		}
		end = next
	}
	return end
}

// isRepeatedHeading reports whether t repeats one of the title lines the
// message's first section has before its text (UNSUMMARY), as a later
// section's head does.
func (p *cableParser) isRepeatedHeading(t string) bool {
	for _, h := range p.msg.Heading {
		if t == h {
			return true
		}
	}
	return false
}
