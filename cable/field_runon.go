package cable

import "strings"

// How a field's lines are joined: which line goes on with a field, and
// the value built as they are joined.

// runOn is a field's value as its lines are joined: the bytes so far, and
// what the checks on the next line need of them without reading them all
// again (which made a field of many lines quadratic): its first and last
// lines, and the letters of its last lettered references ((C), F.).
type runOn struct {
	buf         []byte
	first, last string
	paren, dot  byte // the last (X) and X. reference letters, 0 for none
}

func newRunOn(first string) *runOn {
	v := &runOn{buf: []byte(first), first: first}
	v.noteLine(first, true)
	return v
}

// noteLine records line t, just joined (after a space when spaced). A
// letter at the line's end counts, as the next line is joined after a
// space.
func (v *runOn) noteLine(t string, spaced bool) {
	v.last = t
	s := t + " "
	for _, m := range cpRefLetterRE.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 || spaced {
			v.paren = s[m[2]]
		}
	}
	for _, m := range cpRefDotRE.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 || spaced {
			v.dot = s[m[2]]
		}
	}
}

// appendRunOn joins line t to the value, closing a word broken at a
// hyphen as joinBroken does.
func (p *cableParser) appendRunOn(v *runOn, t string) {
	spaced := true
	if tail := v.buf[max(0, len(v.buf)-maxBrokenWord):]; cpEndsWithHyphenatedWord(string(tail)) {
		spaced = false
		if !p.spellsHyphenated(string(tail), t) {
			v.buf = v.buf[:len(v.buf)-1]
		}
	} else {
		v.buf = append(v.buf, ' ')
	}
	v.buf = append(v.buf, t...)
	v.noteLine(t, spaced)
}

// maxBrokenWord is the most of a value's end read for the word broken at
// a hyphen: longer than any real word.
const maxBrokenWord = 64

// textRunsIn reports whether line j, after a subject or reference line,
// opens the text of a copy with no blank lines and an unnumbered first
// paragraph, rather than carrying on the field: the field's line ended
// before the copy's width made it end (endsEarly), while line j is a full
// line that runs on into the next, as a wrapped paragraph does. A subject
// a typist broke short (HUMAN RIGHTS: NEXT STEPS ON / DIVIDED FAMILIES,
// then REF:) goes on.
func (p *cableParser) textRunsIn(j, end int) bool {
	if !p.endsEarly(j-1, j) || j+1 >= end || p.endsEarly(j, j+1) {
		return false
	}
	t := p.trimmed(j + 1)
	return t != "" && !p.isFurniture(t) && p.fieldKind(j+1) == cpFieldNone
}

// continuesField reports whether line k goes on with the value v of a
// field of the given kind, as fieldValue would join it.
func (p *cableParser) continuesField(v *runOn, k, kind int) bool {
	t := p.trimmed(k)
	if kind == cpFieldRef && !strings.HasPrefix(v.first, "REF") && cpEndsSentenceStop(v.last) {
		// An FCO reference line (YOUR TELNO 478: SUBJECT.) ends at its
		// full stop; the text may follow on the next line.
		return false
	}
	if (strings.HasPrefix(t, "SUMMARY") || strings.HasPrefix(t, "BEGIN") || strings.HasPrefix(t, "COMMENT")) && cpLabelledParaRE.MatchString(t) {
		// SUMMARY: ... under REF: USUN 2642 opens the text
		return false
	}
	return t != "" && !p.isFurniture(t) && p.fieldKind(k) == cpFieldNone &&
		(!cpBodyStartRE.MatchString(t) || kind == cpFieldRef && cpNextRefLetter(v, t)) &&
		!strings.HasPrefix(t, "\"") && !strings.HasPrefix(t, "''")
}

// cpNextRefLetter reports whether line t goes on with the lettered
// references of ref: it opens with the letter after ref's last (G. BERLIN
// 6577 after ... F. SOFIA 2882, or (D) after (C)), so it is not a lettered
// paragraph.
func cpNextRefLetter(ref *runOn, t string) bool {
	if len(t) >= 4 && t[0] == '(' && t[2] == ')' && t[3] == ' ' {
		// (D) LISBON 2831 after ... (C) LISBON 2778;
		return ref.paren != 0 && t[1] == ref.paren+1
	}
	if ref.dot == 0 || len(t) < 3 || t[1] != '.' || t[2] != ' ' {
		return false
	}
	return t[0] == ref.dot+1
}

// joinRunOn joins two lines of one field, closing a word broken at a
// hyphen (joinBroken).
func (p *cableParser) joinRunOn(a, b string) string {
	if cpEndsWithHyphenatedWord(a) {
		return p.joinBroken(a, b)
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
