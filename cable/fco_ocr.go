package cable

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The OCR text of a scanned filed FCO telegram misreads a letter here and
// there, and reads each mark in the margin (a desk officer's initials, a
// folio number, a character stamped in) as a line of its own. The reader
// of a filed telegram (a heading found with its time group on the FM line
// and the rest on one TO line) makes room for three such misreadings, and
// no more, so that a telegram of our own is never read this loosely:
//   - a classification alone on a line between FM and TO, two letters off
//     at most (CIFIDENTIAL), when no classification is spelt right there;
//   - the FILES line that opens the distribution list, one letter off
//     (VILES);
//   - a mark of at most four letters or digits in the text (J 4, 30, 明),
//     which is left out of the text as a page's furniture is.

// cpMisreadLevels are the classifications long enough for two slips of
// the OCR to leave them unmistakable: SECRET is one letter from SECRETS
// and others, so it is not among them.
var cpMisreadLevels = []string{"CONFIDENTIAL", "RESTRICTED", "UNCLASSIFIED"}

// cpMisreadClassification returns the classification that t, a single
// word of capitals that opens with the classification's first letter,
// spells with at most two letters wrong, missing or added
// (CIFIDENTIAL), or "".
func cpMisreadClassification(t string) string {
	if len(t) < 8 || len(t) > 14 || strings.Trim(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return ""
	}
	for _, c := range cpMisreadLevels {
		if t != c && t[0] == c[0] && cpEditsApart(t, c) <= 2 {
			return c
		}
	}
	return ""
}

// cpFilesLine reports whether t opens a filed telegram's distribution
// list: FILES, or FILES with one letter misread (VILES, FIIES).
func cpFilesLine(t string) bool {
	if len(t) != len("FILES") {
		return false
	}
	diff := 0
	for k := 0; k < len(t); k++ {
		c := t[k]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
		if c != "FILES"[k] {
			diff++
		}
	}
	return diff <= 1
}

// cpEditsApart is the number of letters changed, left out or put in that
// turn a into b (ASCII, short: a classification word).
func cpEditsApart(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for k := range prev {
		prev[k] = k
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for k := 1; k <= len(b); k++ {
			cost := 1
			if a[i-1] == b[k-1] {
				cost = 0
			}
			cur[k] = min(prev[k]+1, cur[k-1]+1, prev[k-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// cpMarginMark reports whether t is a mark in the margin that the OCR text
// gave a line of its own: one or two groups, at most four letters, digits
// or CJK characters in all, and nothing else (so no full stop: a
// paragraph's last line IT. or a paragraph number 2. is not one).
func cpMarginMark(t string) bool {
	fields := strings.Fields(t)
	if len(fields) == 0 || len(fields) > 2 || utf8.RuneCountInString(strings.Join(fields, "")) > 4 {
		return false
	}
	for _, f := range fields {
		for _, r := range f {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}

// isMarginMark reports whether line j of a filed telegram's text, which
// ends before end, is a mark in the margin: never the text's last line,
// which may be a short signature (COX).
func (p *cableParser) isMarginMark(j, end int) bool {
	if p.filedTo == 0 || !cpMarginMark(p.trimmed(j)) {
		return false
	}
	for k := j + 1; k < end; k++ {
		if p.trimmed(k) != "" {
			return true
		}
	}
	return false
}
