package cable

import (
	"bytes"
	"strings"
)

// The drafting block is what a State telegram prints about its own
// making (cable-format.md §8): the action office and the offices that
// take copies (ORIGIN EUR-25 or ACTION SS-25, INFO OCT-01 ... /093 R), who
// drafted and who approved it (DRAFTED BY EUR/P:WJGEHRON:SS, APPROVED BY
// THE SECRETARY), one clearance a line (EUR/RPM - MR. REHFELD), perhaps
// DESIRED DISTRIBUTION, and the relay line of dashes that closes it. An
// archive copy prints it above the heading; a copy whose heading follows
// the text prints it after the text's NNN, with the first page's banner
// and PAGE 01 line. None of it is message text.

var (
	// the relay line that closes the block: ------- 012446, with or
	// without the time and copy count after the number.
	cpRelayLineRE = lazyRE(`^-{5,}\s*\d{3,}(?:\s+\d{6}Z)?(?:\s*/\s*\d+)?$`)
	// a line that only counts copies or the year (73, 12, 42).
	cpCopyCountRE = lazyRE(`^\d{1,3}$`)
	// an office code with its copy count (OCT-01), or the total (/026 W).
	cpDistCodeRE  = lazyRE(`^[A-Z]{1,6}-\d{2,3}$`)
	cpDistTotalRE = lazyRE(`^/\d{3}$`)
)

// isRelayLine reports whether t is the relay line under a drafting block.
func isRelayLine(t string) bool { return cpRelayLineRE.MatchString(t) || cpDistRuleRE.MatchString(t) }

// draftingPart is the part of the drafting block a line continues.
type draftingPart int

const (
	draftNone draftingPart = iota
	draftDistribution
	draftClearances
	draftDesired
)

// readDraftingBlock reads the drafting block in lines [from, to) into the
// message's fields, with the page lines and banners printed around it (the
// serial and the classification when the message has none yet). It
// reports the index of the first line of the block, or to when there is
// none.
func (p *cableParser) readDraftingBlock(from, to int) int {
	m := &p.msg
	first, part := to, draftNone
	for i := from; i < to; i++ {
		t := p.trimmed(i)
		if t == "" {
			continue
		}
		known := true
		switch {
		case cpHasKeyword(t, "ORIGIN") || cpHasKeyword(t, "ACTION"):
			f := strings.Fields(t)
			if len(f) > 1 {
				m.Origin = f[1]
			}
			m.Distribution = appendDistribution(m.Distribution, f[2:])
			part = draftDistribution
		case cpHasKeyword(t, "INFO") && cpDistCodesRE.MatchString(t):
			m.Distribution = appendDistribution(m.Distribution, strings.Fields(t)[1:])
			part = draftDistribution
		case strings.HasPrefix(t, "DRAFTED BY"):
			m.DraftedBy = strings.TrimSpace(strings.TrimPrefix(t, "DRAFTED BY"))
			part = draftClearances // a text cleared but not yet approved
		case strings.HasPrefix(t, "APPROVED BY"):
			m.ApprovedBy = strings.TrimSpace(strings.TrimPrefix(t, "APPROVED BY"))
			part = draftClearances
		case strings.HasPrefix(t, "DESIRED DISTRIBUTION"):
			m.DesiredDistribution = strings.TrimSpace(strings.TrimPrefix(t, "DESIRED DISTRIBUTION"))
			part = draftDesired
		case isRelayLine(t):
			part = draftNone
		case part == draftDistribution && isDistributionRun(t):
			m.Distribution = appendDistribution(m.Distribution, strings.Fields(t))
		case part == draftClearances:
			m.Clearances = append(m.Clearances, t)
		case part == draftDesired:
			m.DesiredDistribution = strings.TrimSpace(p.joinRunOn(m.DesiredDistribution, t))
		default:
			known = p.readPageFurniture(t)
		}
		if known && i < first {
			first = i
		}
	}
	return first
}

// readPageFurniture takes the serial from a first page line (PAGE 01
// LONDON 10150 051659Z) and the classification from a banner (SECRET,
// SECRET POSS DUPE) when the message has none yet; it reports whether t is
// such a line, or a copy count.
func (p *cableParser) readPageFurniture(t string) bool {
	m := &p.msg
	if sub := cpPageLineRE.FindStringSubmatch(t); sub != nil {
		if s := pageLineSerial(sub[2]); s != "" && m.Serial == "" {
			m.Serial = s
		}
		return true
	}
	if c, rest, ok := cpMatchClassification(t); ok && (rest == "" || rest == "POSS DUPE" || isBanner(t)) {
		if m.Classification == "" {
			m.Classification = c
		}
		return true
	}
	return cpCopyCountRE.MatchString(t)
}

// pageLineSerial is the serial a page line names after its number: the
// station and the message's number (LONDON 10150 in PAGE 01 LONDON 10150
// 051659Z), or "".
func pageLineSerial(rest string) string {
	f := strings.Fields(rest)
	for k := 1; k < len(f) && k <= 3; k++ {
		if s := strings.Join(f[:k+1], " "); cpStateSerialRE.MatchString(s) {
			return s
		}
	}
	return ""
}

// isDistributionRun reports whether t continues an INFO distribution: a
// line that opens with an office code (SS-15 NSC-05 ( ISO ) W), or only
// the total (/093 R).
func isDistributionRun(t string) bool {
	f := strings.Fields(t)
	return cpDistCodesRE.MatchString(t) || len(f) > 0 && (cpDistCodeRE.MatchString(f[0]) || cpDistTotalRE.MatchString(f[0]))
}

// appendDistribution adds the office codes among words to list, leaving
// out the total and the letter after it.
func appendDistribution(list, words []string) []string {
	for _, w := range words {
		if cpDistCodeRE.MatchString(w) {
			list = append(list, w)
		}
	}
	return list
}

// readArchiveTrailer reads what an archive copy whose heading follows the
// text prints between the text and the heading at first: the NNN that ends
// the text, the first page's banner and PAGE 01 line, and the drafting
// block. It returns where the text ends.
func (p *cableParser) readArchiveTrailer(first int) int {
	end := -1
	for i := first - 1; i >= 0; i-- {
		if p.trimmed(i) == "NNN" || p.trimmed(i) == "NNNN" {
			end = i
			p.msg.Ending = p.trimmed(i)
			break
		}
	}
	if end < 0 {
		// No NNN: the text ends where the block and its page lines begin.
		return p.readDraftingBlock(p.trailerStart(first), first)
	}
	p.readDraftingBlock(end+1, first)
	return end
}

// trailerStart is where, with no NNN, the block printed after the text
// begins: the first PAGE 01 line, ORIGIN or ACTION line, DRAFTED BY line
// or relay line before first that only such lines follow.
func (p *cableParser) trailerStart(first int) int {
	start := first
	for i := first - 1; i >= 0; i-- {
		t := p.trimmed(i)
		if t == "" || isArchiveBlockLine(t) {
			start = i
			continue
		}
		break
	}
	return start
}

// readAuthoriser reads the line an FCO telegram's draft form prints above
// its heading (at fm) to name who authorised it for despatch (AUTHORISED
// BY FCO:HOWE) into ApprovedBy.
func (p *cableParser) readAuthoriser(fm int) {
	for i := 0; i < fm; i++ {
		if t := p.trimmed(i); strings.HasPrefix(t, "AUTHORISED BY ") {
			p.msg.ApprovedBy = strings.TrimSpace(strings.TrimPrefix(t, "AUTHORISED BY "))
		}
	}
}

// IsArchiveCopy reports whether data is an archive copy whose heading
// follows its text (see ArchiveCopy): the whole of it is one cable, though
// its first lines are message text.
func IsArchiveCopy(data []byte) bool {
	if !bytes.Contains(data, []byte("NNN")) && !bytes.Contains(data, []byte("-----")) {
		return false
	}
	p := newCableParser(data)
	_, err := p.parse()
	return err == nil && p.headerAfter
}
