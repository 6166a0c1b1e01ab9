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
	case cpFollowingForAlone(t) && p.endsParagraph(i):
		return cpFieldPassing
	}
	return cpFieldNone
}

// The quick checks in fieldKind (a label's opening before its pattern)
// never change its answer, on lines made of labels, their near misses and
// words, in any case.
func TestFieldKindQuickChecksKeepAnswers(t *testing.T) {
	parts := strings.Fields(`SERIAL serial Serial No. NO. PERSONAL MESSAGE E.O. E. O. 12356 CLASSIFIED
		classified DERIVED BY : TAGS TAG TAGS: TAGS:PFOR TAG:X SUBJ SUBJECT: SUBJECT REF REFS: REFERENCE REFTEL MY YOUR
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

// A subject runs on across a page break when the line after the break
// goes on with it, and stops there when the text begins; TAGS takes its
// value with or without a space after the colon.
func TestSubjectAcrossPageBreak(t *testing.T) {
	head := "UNCLASSIFIED\nPAGE 01 STATE 123456\nP 010101Z JAN 80\nFM SECSTATE WASHDC\nTO AMEMBASSY LONDON\n" +
		"UNCLASSIFIED STATE 123456\nE.O. 12065: N/A\nTAGS:PFOR, OVIP\nSUBJECT: VISIT OF THE\n" +
		"UNCLASSIFIED\nUNCLASSIFIED\nPAGE 02 STATE 123456\n"
	for _, tc := range []struct{ after, subject, textStarts string }{
		{"FOREIGN MINISTER\n1. THE MINISTER ARRIVES MONDAY.\nVANCE\n", "VISIT OF THE FOREIGN MINISTER", "1. THE MINISTER"},
		{"1. THE MINISTER ARRIVES MONDAY.\nVANCE\n", "VISIT OF THE", "1. THE MINISTER"},
	} {
		m, err := Parse([]byte(head + tc.after))
		if err != nil {
			t.Fatal(err)
		}
		if m.Subject != tc.subject || !strings.HasPrefix(m.Text, tc.textStarts) {
			t.Errorf("after %q: subject %q, text %q; want subject %q, text from %q", tc.after, m.Subject, m.Text, tc.subject, tc.textStarts)
		}
		if strings.Join(m.Tags, "|") != "PFOR|OVIP" {
			t.Errorf("tags %q, want PFOR and OVIP", m.Tags)
		}
	}
}

// In a copy with no blank lines, an unnumbered first paragraph may follow
// the subject's line directly. The subject ends there when its line ended
// before the copy's width made it end and the next line is a full line of
// a wrapped paragraph; a subject a typist broke short, one broken across a
// page, or one with a word hyphenated across lines goes on.
func TestSubjectRunsIntoText(t *testing.T) {
	head := "UNCLASSIFIED\nPAGE 01 STATE 123456\nR 010101Z JAN 76\nFM SECSTATE WASHDC\nTO AMEMBASSY LONDON\n" +
		"UNCLAS STATE 123456\nE.O. 11652: N/A\nTAGS: OVIP\n"
	para := "THE MINISTER WILL ARRIVE MONDAY FOR TALKS WITH THE SECRETARY\nAND WILL LEAVE ON TUESDAY. PLEASE INFORM THE FOREIGN OFFICE\nOF THE ARRANGEMENTS.\n"
	for _, tc := range []struct{ body, subject, textStarts string }{
		{"SUBJECT: VISIT OF FOREIGN MINISTER\n" + para, "VISIT OF FOREIGN MINISTER", "THE MINISTER WILL ARRIVE"},
		// a subject wrapped at the copy's width goes on
		{"SUBJECT: VISIT OF THE FOREIGN MINISTER OF THE UNITED KINGDOM AND\nHIS PARTY\n1. " + para,
			"VISIT OF THE FOREIGN MINISTER OF THE UNITED KINGDOM AND HIS PARTY", "1. THE MINISTER"},
		// broken short by a typist, on three lines
		{"SUBJECT: VISIT OF\nTHE FOREIGN\nMINISTER\n1. " + para, "VISIT OF THE FOREIGN MINISTER", "1. THE MINISTER"},
		// broken short, then a field
		{"SUBJECT: VISIT OF\nTHE FOREIGN MINISTER\nREF: STATE 1234\n" + para, "VISIT OF THE FOREIGN MINISTER", "THE MINISTER WILL ARRIVE"},
		// a word hyphenated across the lines
		{"SUBJECT: VISIT OF THE FOREIGN MIN-\nISTER OF THE UNITED KINGDOM AND OF THE MINISTER OF DEFENCE AND\n1. " + para,
			"VISIT OF THE FOREIGN MINISTER OF THE UNITED KINGDOM AND OF THE MINISTER OF DEFENCE AND", "1. THE MINISTER"},
		// broken across a page
		{"SUBJECT: VISIT OF\nUNCLASSIFIED\nUNCLASSIFIED\nPAGE 02 STATE 123456\nTHE FOREIGN MINISTER\n1. " + para,
			"VISIT OF THE FOREIGN MINISTER", "1. THE MINISTER"},
	} {
		m, err := Parse([]byte(head + tc.body + "KISSINGER\nUNCLASSIFIED\nNNN\n"))
		if err != nil {
			t.Fatal(err)
		}
		if m.Subject != tc.subject || !strings.HasPrefix(m.Text, tc.textStarts) || m.Signature != "KISSINGER" {
			t.Errorf("%q:\n subject %q, signature %q, text %q\nwant subject %q, text from %q", tc.body, m.Subject, m.Signature, m.Text, tc.subject, tc.textStarts)
		}
	}
}
