package cable

import (
	"strings"
)

// dialect tells which dialect the heading and fields read so far show.
func (p *cableParser) dialect() *Dialect {
	m := &p.msg
	s := formSigns{
		fco:         p.fco,
		headerAfter: p.headerAfter,
		stateFields: m.EO != "" || len(m.Tags) > 0 || m.ClassifiedBy != "" || p.serialOnClass,
		personal:    p.serialLabel || strings.HasPrefix(m.Passing, "FOLLOWING "),
		spaced:      p.spaced,
	}
	for _, h := range m.Heading {
		s.titled = s.titled || strings.Contains(h, "PERSONAL MESSAGE")
	}
	return recogniseDialect(s)
}

var (
	// a word of a signature: a name in capitals (VANCE, O'NEILL).
	cpSignatureWordRE = lazyRE(`^[A-Z][A-Z'-]*[A-Z]$`)
	// words that end a text without being a signature.
	cpNotSignature = map[string]bool{
		"END": true, "ENDS": true, "QUOTE": true, "UNQUOTE": true, "FYI": true, "TEXT": true, "SUMMARY": true,
		"COMMENT": true, "BT": true, "NNNN": true, "NNN": true, "SECRET": true, "CONFIDENTIAL": true,
		"UNCLAS": true, "UNCLASSIFIED": true, "RESTRICTED": true, "TOP": true, "MINIMIZE": true,
		"GDS": true, "DECL": true, "OADR": true, "PARA": true, "BEGIN": true, "MESSAGE": true,
	}
	// words whose full stop does not end a sentence.
	cpTitleWords = map[string]bool{
		"MR": true, "MRS": true, "MS": true, "DR": true, "ST": true, "GEN": true, "COL": true, "AMB": true,
		"SEN": true, "REP": true, "GOV": true, "PROF": true, "LT": true, "CAPT": true, "ADM": true,
		"SGT": true, "NO": true, "NOS": true, "JR": true, "SR": true, "INC": true, "CO": true, "LTD": true,
		"VS": true, "CF": true, "REF": true, "PARA": true, "ART": true, "SEC": true, "MIN": true,
	}
)

// cpSignatureName reports whether t is a signature of at most maxWords
// names in capitals.
func cpSignatureName(t string, maxWords int) bool {
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > maxWords || cpNotSignature[words[0]] || cpIsCaptionLine(t) {
		return false
	}
	for _, w := range words {
		if !cpSignatureWordRE.MatchString(w) || cpNotSignature[w] {
			return false
		}
	}
	return true
}

// cpEndsSentenceStop reports whether s ends a sentence with a full stop,
// question or exclamation mark (perhaps inside a closing quote or
// bracket), or is a talking point or list item line.
func cpEndsSentenceStop(s string) bool {
	s = strings.TrimRight(s, " ")
	core := strings.TrimRight(s, "'\")")
	return strings.HasSuffix(core, ".") || strings.HasSuffix(core, "?") || strings.HasSuffix(core, "!")
}

// cpSignature looks for the signature at the end of a text's lines, where
// the form puts it. It returns the signature and what is left of the last
// line ("" when the signature was the whole line). It is conservative: a
// State cable's signature is one or two names in capitals alone on the
// last line after a sentence's end, a blank line, a talking point or a
// line it would have fitted on (so not wrapped there), or
// one name in capitals after the final full stop of the last line (as
// archive copies print it: ... PARTNERSHIP. VANCE); an FCO telegram's is
// a last paragraph of one to three names in capitals.
//
// lines are the text's last lines (at least three when it has them);
// width is the length of its longest line.
func cpSignature(place SignaturePlace, lines []string, width int) (sig, rest string, ok bool) {
	n := len(lines)
	if n == 0 {
		return "", "", false
	}
	last := strings.TrimSpace(lines[n-1])
	prev := ""
	if n > 1 {
		prev = strings.TrimSpace(lines[n-2])
	}
	switch place {
	case SignatureLastParagraph:
		if n >= 3 && prev == "" && strings.TrimSpace(lines[n-3]) != "" && cpSignatureName(last, 3) {
			return last, "", true
		}
	case SignatureSurname:
		// A name alone after a line that does not end a sentence is a
		// signature only when it would have fitted on that line: then the
		// line break is the writer's, not the teleprinter's wrap.
		if n >= 2 && cpSignatureName(last, 2) && (prev == "" || cpEndsSentenceStop(prev) ||
			strings.HasPrefix(prev, "-") || len(prev)+1+len(last) <= width) {
			return last, "", true
		}
		// ... PARTNERSHIP. VANCE
		k := strings.LastIndexByte(last, ' ')
		if k < 0 {
			break
		}
		before, word := strings.TrimRight(last[:k], " "), last[k+1:]
		if strings.HasSuffix(before, "END FYI") && cpSignatureName(word, 1) {
			return word, before, true // ... THIS MONTH. END FYI KISSINGER
		}
		if strings.ContainsRune(word, '\'') || !cpSignatureName(word, 1) || !cpEndsSentenceStop(before) {
			break
		}
		f := strings.Fields(before)
		stop := strings.TrimRight(strings.TrimRight(f[len(f)-1], "'\")"), ".?!")
		if len(stop) < 2 || strings.Contains(stop, ".") || cpTitleWords[strings.ToUpper(strings.TrimLeft(stop, "(\"'"))] {
			break // U.S. OFFICIALS, GEORGE S. VEST, MR. SMITH
		}
		return word, before, true
	}
	return "", "", false
}

func cpStartsWithLetter(s string) bool {
	return s != "" && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'))
}

func cpEndsSentence(s string) bool {
	s = strings.TrimRight(s, " ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, "!") || strings.HasSuffix(s, ")") || strings.HasSuffix(s, "''") ||
		strings.HasSuffix(s, "\"") || strings.HasSuffix(s, ";")
}
