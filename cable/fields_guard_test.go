package cable

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// fieldKindByPatterns is fieldKind without its quick checks: every
// pattern tried on every line, in the same order.
func fieldKindByPatterns(p *cableParser, i int) int {
	t := p.trimmed(i)
	switch {
	case cpSerialLabelRE.MatchString(t):
		return cpFieldSerial
	case cpEoRE.MatchString(t):
		return cpFieldEO
	case cpClassifiedRE.MatchString(t):
		return cpFieldClassifiedBy
	case cpTagsRE.MatchString(t):
		return cpFieldTags
	case cpSubjectRE.MatchString(t):
		return cpFieldSubject
	case cpRefRE.MatchString(t), cpTelnoRefRE.MatchString(t):
		return cpFieldRef
	case cpPassingRE.MatchString(t):
		return cpFieldPassing
	case cpPassingHeadRE.MatchString(t) && strings.HasPrefix(p.trimmed(i+1), "FROM "):
		return cpFieldPassing
	}
	return cpFieldNone
}

// The quick checks in fieldKind (a label's opening before its pattern)
// never change its answer, on lines made of labels, their near misses and
// words, in any case.
func TestFieldKindQuickChecksKeepAnswers(t *testing.T) {
	parts := strings.Fields(`SERIAL serial Serial No. NO. PERSONAL MESSAGE E.O. E. O. 12356 CLASSIFIED
		classified DERIVED BY : TAGS TAG TAGS: SUBJ SUBJECT: SUBJECT REF REFS: REFERENCE REFTEL MY YOUR
		TELNO TELNOS 1119 MIPT MIFT UKMIS GENEVA FOR FROM FOLLOWING PERSONAL THE MINISTER SAID . , 2.
		A. - -- FM TO`)
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 20000; n++ {
		var line, next []string
		if r.IntN(2) == 0 { // a line opening with a label's words, as fields do
			line = append(line, []string{"FOLLOWING", "PERSONAL", "FOR", "SERIAL", "MY", "UKMIS", "CLASSIFIED"}[r.IntN(7)])
		}
		for k := 0; k < 1+r.IntN(6); k++ {
			line = append(line, parts[r.IntN(len(parts))])
		}
		for k := 0; k < r.IntN(3); k++ {
			next = append(next, parts[r.IntN(len(parts))])
		}
		p := &cableParser{lines: []cpLine{{n: 1, text: strings.Join(line, " ")}, {n: 2, text: strings.Join(next, " ")}}}
		if got, want := p.fieldKind(0), fieldKindByPatterns(p, 0); got != want {
			t.Fatalf("fieldKind(%q / %q) = %d, patterns alone say %d", p.lines[0].text, p.lines[1].text, got, want)
		}
	}
}
