package cable

import "strings"

// PlainOpening is a quick and conservative answer to whether a line of
// capitals opens with ordinary words: when it reports true, neither
// OpensStructure nor Furniture holds for the line, nor for any line made
// of its first words, so a writer that asks of every line it makes need
// not ask them. It reports false whenever it cannot tell at a glance,
// and those lines get the full checks. It judges the opening only: the
// first word is a word of capitals (digits, hyphens and apostrophes may
// follow its first letter) that no mark, caption, classification, field
// label or page line begins with, and the second and third words
// are no TELNO or TELEGRAM (UKMIS GENEVA TELNO 3 is a reference); the
// line holds no slash, which a declassification stamp has.
func PlainOpening(line string) bool {
	t := strings.TrimLeft(line, " ")
	if t == "" || strings.IndexByte(t, '/') >= 0 {
		return false
	}
	first, rest, _ := strings.Cut(t, " ")
	if len(first) < 2 {
		return false // a list letter, or a letter-spaced classification (S E C R E T)
	}
	if first[0] < 'A' || first[0] > 'Z' {
		return false
	}
	for i := 1; i < len(first); i++ {
		if c := first[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '\'') {
			return false
		}
	}
	for _, p := range cpOpeningPrefixes[first[0]-'A'] {
		if strings.HasPrefix(first, p) {
			return false
		}
	}
	if cpCaptionWords[first] || first == "BT" {
		return false
	}
	if _, _, ok := cpMatchClassification(t); ok {
		return false // a classification line or banner, as the reader matches them
	}
	for k := 0; k < 2 && rest != ""; k++ {
		var w string
		w, rest, _ = strings.Cut(strings.TrimLeft(rest, " "), " ")
		if strings.HasPrefix(w, "TELNO") || strings.HasPrefix(w, "TELEGRAM") {
			return false
		}
	}
	return true
}

// cpOpeningPrefixes are the beginnings of first words that open a field
// (SERIAL No., PERSONAL MESSAGE, CLASSIFIED BY, DERIVED FROM, TAGS,
// SUBJECT, SUBJ, REF, REFTEL, MIPT, MIFT, FOR ... FROM, FOLLOWING FOR), a
// page or section line, the draft marker, a message's end or a
// transmission identification.
// They are listed under their first letter, A to Z.
var cpOpeningPrefixes = [26][]string{
	'C' - 'A': {"CLASSIFIED"},
	'D' - 'A': {"DERIVED", "DRAFT"},
	'F' - 'A': {"FOR", "FOLLOWING", "FINAL"},
	'M' - 'A': {"MI"},
	'N' - 'A': {"NNN"},
	'P' - 'A': {"PERSONAL", "PAGE"},
	'R' - 'A': {"REF"},
	'S' - 'A': {"SERIAL", "SUBJ", "SECTION"},
	'T' - 'A': {"TAG"},
	'V' - 'A': {"VZCZC"},
	'Z' - 'A': {"ZCZC"},
}
