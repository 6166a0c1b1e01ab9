package cable

import (
	"strings"
	"testing"
)

// archiveSection builds one section of a cable as the archive prints a
// long cable sent in sections (the layout of 1974USUNN02668, made up
// here): the section's first page with its PAGE 01 line naming the part,
// its distribution block, the heading with the same date-time group, the
// classification line naming the section, then its text and NNN.
func archiveSection(part, parts int, dtg, text string) string {
	p := func(n int) string {
		return "PAGE 0" + string(rune('0'+n)) + " USUN N 02668 0" + string(rune('0'+part)) + " OF 0" + string(rune('0'+parts)) + " 010845Z"
	}
	var b strings.Builder
	b.WriteString("CONFIDENTIAL\n" + p(1) + "\n12\nACTION IO-14\nINFO OCT-01 ISO-00 AF-10 /092 W\n--------------------- 015393\n")
	b.WriteString("R " + dtg + "\nFM USMISSION USUN NY\nTO SECSTATE WASHDC 515" + string(rune('0'+part)) + "\nINFO USMISSION GENEVA\n")
	b.WriteString("C O N F I D E N T I A L SECTION " + string(rune('0'+part)) + " OF " + string(rune('0'+parts)) + " USUN 2668\n")
	b.WriteString("UNSUMMARY\n")
	if part == 1 {
		b.WriteString("E.O. 11652: GDS\nTAGS: OGEN\nSUBJECT: USUN UNCLASSIFIED SUMMARY NO. 149\n\n")
	}
	lines := strings.Split(text, "\n")
	for k, l := range lines {
		if k == 3 {
			b.WriteString("CONFIDENTIAL\nCONFIDENTIAL\n" + p(2) + "\n")
		}
		b.WriteString(l + "\n")
	}
	b.WriteString("CONFIDENTIAL\nNNN\n")
	return b.String()
}

func TestArchiveSectionsReadAsOneText(t *testing.T) {
	one := "CYPRUS IN SC --\nAFTER UNSUCCESSFUL FILIBUSTER IN SC BY SOVIET CHARGE,\nAMB MALIK RETURNED TO NY IN TIME TO VETO\nSC RES AUTHORIZING UNFICYP TO CARRY OUT TASKS."
	two := "SOUTHERN RHODESIA SANCTIONS --\nSANCTIONS COMMITTEE MET JULY 31 TO CONSIDER\nITS REPORT TO THE COUNCIL, WHICH IT\nADOPTED WITHOUT A VOTE.\nSCALI"
	three := "NAMIBIA --\nCOUNCIL FOR NAMIBIA MET\nIN CLOSED SESSION AND\nAGREED ITS PROGRAMME."
	for parts := 2; parts <= 3; parts++ {
		texts := []string{one, three, two}[:parts]
		if parts == 2 {
			texts = []string{one, two}
		}
		var in strings.Builder
		for k, tx := range texts {
			in.WriteString(archiveSection(k+1, parts, "010645Z AUG 74", tx))
		}
		m, err := Parse([]byte(in.String()))
		if err != nil {
			t.Fatalf("%d sections: %v", parts, err)
		}
		got := strings.Join(strings.Fields(m.Text), " ")
		for _, tx := range texts {
			want := strings.Join(strings.Fields(strings.TrimSuffix(tx, "\nSCALI")), " ")
			if !strings.Contains(got, want) {
				t.Errorf("%d sections: text lacks %q:\n%s", parts, want, m.Text)
			}
		}
		for _, bad := range []string{"PAGE 0", "ACTION IO-14", "OCT-01", "015393", "FM ", "SECTION", "UNSUMMARY", "NNN"} {
			if strings.Contains(m.Text, bad) {
				t.Errorf("%d sections: text holds %q:\n%s", parts, bad, m.Text)
			}
		}
		if m.Signature != "SCALI" || m.Ending != "NNN" || m.Serial != "USUN 2668" || m.Subject != "USUN UNCLASSIFIED SUMMARY NO. 149" {
			t.Errorf("%d sections: signature %q, ending %q, serial %q, subject %q", parts, m.Signature, m.Ending, m.Serial, m.Subject)
		}
		if strings.Join(m.Distribution, " ") != "OCT-01 ISO-00 AF-10" {
			t.Errorf("%d sections: distribution %q, want the first section's", parts, m.Distribution)
		}
	}
}

// A second message after the first one's NNN is not a section of it:
// another date-time group, or a classification line that names no
// section, leaves the text where the first message ends.
func TestArchiveNextMessageIsNotASection(t *testing.T) {
	first := archiveSection(1, 2, "010645Z AUG 74", "FIRST MESSAGE TEXT.\nON THREE\nLINES.")
	for name, next := range map[string]string{
		"other dtg":  archiveSection(2, 2, "020930Z AUG 74", "SECOND MESSAGE TEXT.\nALSO ON\nLINES HERE."),
		"no section": strings.Replace(archiveSection(2, 2, "010645Z AUG 74", "SECOND MESSAGE TEXT.\nALSO ON\nLINES HERE."), "SECTION 2 OF 2 ", "", 1),
	} {
		m, err := Parse([]byte(first + next))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if strings.Contains(m.Text, "SECOND MESSAGE") || !strings.Contains(m.Text, "FIRST MESSAGE") {
			t.Errorf("%s: text %q", name, m.Text)
		}
	}
}

// A page line may name the part of a sectioned cable and a two-word
// station: PAGE 02 USUN N 02668 01 OF 02 010845Z is furniture.
func TestPageLineWithSectionPart(t *testing.T) {
	p := newCableParser(nil)
	for _, l := range []string{"PAGE 02 USUN N 02668 01 OF 02 010845Z", "PAGE 03 STATE 153441 02 OF 03", "PAGE 01 BONN 12345 01 OF 03 121212Z"} {
		if !p.isFurniture(l) {
			t.Errorf("%q is not read as a page line", l)
		}
	}
}
