package cable

import "strings"

// A word broken at a line's end with a hyphen is usually one word cut in
// two (SETTLE- / MENT), but a compound that has a hyphen of its own
// (GUINEA- / BISSAU) breaks the same way. The text decides: where the
// message spells the compound with its hyphen inside a line, a break at
// that hyphen keeps it.

// joinBroken joins the word broken at the end of a (which ends with a
// hyphen) to the word that opens b.
func (p *cableParser) joinBroken(a, b string) string {
	if p.spellsHyphenated(a, b) {
		return a + b
	}
	return a[:len(a)-1] + b
}

// spellsHyphenated reports whether the compound made of a's last word and
// b's first word, with a's closing hyphen kept, stands inside a line
// somewhere in the input.
func (p *cableParser) spellsHyphenated(a, b string) bool {
	head := a[strings.LastIndexAny(a, " \t")+1:]
	tail, _, _ := strings.Cut(strings.TrimSpace(b), " ")
	word := cpBareWord(head + tail)
	if !strings.Contains(word, "-") {
		return false
	}
	if p.hyphenated == nil {
		p.hyphenated = map[string]bool{}
		for _, l := range p.lines {
			for _, f := range strings.Fields(l.text) {
				if w := cpBareWord(f); strings.Contains(w, "-") && !strings.HasSuffix(w, "-") && !strings.HasPrefix(w, "-") {
					p.hyphenated[w] = true
				}
			}
		}
	}
	return p.hyphenated[word]
}

// cpBareWord is w without the punctuation around it and a possessive 'S:
// ("GUINEA-BISSAU",) and GUINEA-BISSAU'S give GUINEA-BISSAU.
func cpBareWord(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r >= 0x80)
	})
	for _, s := range []string{"'S", "'s"} {
		w = strings.TrimSuffix(w, s)
	}
	return w
}
