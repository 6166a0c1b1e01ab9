package cable

import "strings"

// cpListStartRE is how a line of a text opens a list item or a numbered
// or lettered paragraph, as the reader and import take it: 1. A. (A) (1)
// - and --.
var cpListStartRE = lazyRE(`^(?:\d+\.(?:\s|$)|[A-Z]\.(?:\s|$)|\([A-Z0-9]{1,3}\)(?:\s|$)|--?(?:\s|$))`)

// OpensStructure reports whether a line of a cable's text opens with what
// the reader takes for structure rather than words: a paragraph number,
// a letter or a list mark (1. A. (B) - --). A writer that wraps a
// sentence must not start a continuation line so.
//
// Near the top of the text the reader also takes a line for a field when
// it opens with a field's label (TAGS, SUBJECT:, REF:, E.O. 12356, FOR ...
// FROM ...) or holds only handling words (UK EYES ONLY): a continuation
// line must not open so either.
func OpensStructure(line string) bool {
	t := strings.TrimSpace(line)
	if t != "" && strings.Contains("0123456789(-", t[:1]) || len(t) > 1 && t[1] == '.' {
		if cpListStartRE.MatchString(t) {
			return true
		}
	}
	if cpIsCaptionLine(t) {
		return true
	}
	p := &cableParser{lines: []cpLine{{n: 1, text: t}}}
	return p.fieldKind(0) != cpFieldNone
}

// OpensField reports whether a line, as the first of a cable's text,
// reads as one of the fields above the text (SUBJECT:, REF:, WASHINGTON
// TELNO 1991, E.O. 12356, TAGS) or as handling words alone, which the
// reader would take out of the text. A writer refuses such a first line.
func OpensField(line string) bool {
	t := strings.TrimSpace(line)
	if cpIsCaptionLine(t) {
		return true
	}
	p := &cableParser{lines: []cpLine{{n: 1, text: t}}}
	k := p.fieldKind(0)
	return k != cpFieldNone && k != cpFieldPassing // a passing line is mended by the writer
}

// OpensPassing reports whether a line, with the line after it ("" when
// the paragraph ends with it), reads as a passing line (FOR X FROM Y, FOR
// X above a line opening FROM Y, or a paragraph of one line FOLLOWING FOR
// X. or FOR X), as the reader takes one at the top of a cable's text. A
// writer keeps the first line of a paragraph from reading so.
func OpensPassing(line, next string) bool {
	t, n := strings.TrimSpace(line), strings.TrimSpace(next)
	switch {
	case cpPassingRE.MatchString(t), cpPassingHeadRE.MatchString(t) && strings.HasPrefix(n, "FROM "):
		return true
	case n != "":
		return false
	}
	// a paragraph of one line: FOLLOWING FOR X., or FOR X with no full stop
	return cpFollowingForAlone(t) || cpPassingAlone(t)
}

// Furniture says why the reader of a cable would drop a line of its text
// as page furniture or a message signal ("" when it would keep it): a
// classification banner alone, a PAGE or SECTION line, a page number,
// the draft marker, NNN, a transmission identification or station serial.
// A writer refuses such a line: the reader would lose its words.
func Furniture(line string) string {
	t := strings.TrimSpace(line)
	if t == "" {
		return ""
	}
	p := &cableParser{}
	switch {
	case t == "NNN" || t == "NNNN":
		return "be " + t + " alone, which ends a message"
	case (strings.HasPrefix(t, "ZCZC") || strings.HasPrefix(t, "VZCZC")) && !strings.Contains(t, " "):
		return "be a transmission identification (" + t + ")"
	case strings.HasPrefix(t, "#") && cpStationSerRE.MatchString(t):
		return "be a station serial number (" + t + ")"
	case isBanner(t):
		return "be a page banner (" + t + ") alone"
	case p.isFurniture(t):
		return "look like a page or section line (" + t + ")"
	}
	return ""
}
