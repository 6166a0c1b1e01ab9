package telegram

import (
	"reflect"
	"strings"
	"testing"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
)

func TestSentenceCase(t *testing.T) {
	names := []string{"Soviet", "Soviet Union", "CSCE", "U.S.", "Ron"}
	for in, want := range map[string]string{
		"IF THE PRESENT VIENNA CSCE MEETING IS TO BE CONCLUDED. I BELIEVE SO.": "If the present vienna CSCE meeting is to be concluded. I believe so.",
		"\"DEAR RON\n\nI'M SURE THE SOVIET UNION AND THE SOVIET PRESS AGREE.":  "\"Dear Ron\n\nI'm sure the Soviet Union and the Soviet press agree.",
		"THE U.S. POSITION ON 20 OCTOBER, 1.5 PER CENT.":                       "The U.S. position on 20 October, 1.5 per cent.",
		"- A NUMBER OF CASES.\n- THE JAMMING HAS CEASED.":                      "- A number of cases.\n- The jamming has ceased.",
		"WE MAY SEE. IT IS AN ISSUE.":                                          "We may see. It is an issue.",
	} {
		if got := SentenceCase(in, names); got != want {
			t.Errorf("SentenceCase(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

func TestImportParagraphs(t *testing.T) {
	text := "1. THE BRITISH AMBASSADOR PRESENTED\nHIS CREDENTIALS.\n2. THE PRESIDENT WELCOMED HIM.\n\n- ONE\n  CONTINUED\n- TWO\nVANCE"
	got := importParagraphs(text)
	want := []string{"1. THE BRITISH AMBASSADOR PRESENTED HIS CREDENTIALS.", "2. THE PRESIDENT WELCOMED HIM.",
		"- ONE CONTINUED\n- TWO VANCE"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// A quoted letter's opening lines stand alone in a copy with no blank lines.
	text = "1. PLEASE PASS FOLLOWING MESSAGE.\n2. BEGIN MESSAGE:\nDEAR MR. PRESIDENT:\nNOW THAT OUR ELECTIONS\nHAVE TAKEN PLACE.\nWE ARE AS\nFOLLOWS: READY."
	want = []string{"1. PLEASE PASS FOLLOWING MESSAGE.", "2. BEGIN MESSAGE:", "DEAR MR. PRESIDENT:",
		"NOW THAT OUR ELECTIONS HAVE TAKEN PLACE. WE ARE AS FOLLOWS: READY."}
	if got := importParagraphs(text); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := stripParaNumbers([]string{"1. A", "B", "2. C"}); !reflect.DeepEqual(got, []string{"A", "B", "C"}) {
		t.Errorf("stripParaNumbers = %q", got)
	}
	if got := stripParaNumbers([]string{"A", "2. B", "3. C"}); !reflect.DeepEqual(got, []string{"A", "B", "C"}) {
		t.Errorf("stripParaNumbers kept the numbers after an unnumbered first paragraph: %q", got)
	}
	if got := stripParaNumbers([]string{"A", "3. B"}); !reflect.DeepEqual(got, []string{"A", "3. B"}) {
		t.Errorf("stripParaNumbers took 3. after one paragraph for a numbering: %q", got)
	}
	if got := stripParaNumbers([]string{"1. A", "3. C"}); !reflect.DeepEqual(got, []string{"1. A", "3. C"}) {
		t.Errorf("stripParaNumbers kept a broken numbering: %q", got)
	}
}

// The fields a draft gets from each form of cable.
func TestFromCable(t *testing.T) {
	m, err := cable.Parse([]byte("P R 011200Z JAN 10\nFM SECSTATE WASHDC\nTO RUEHLO/AMEMBASSY LONDON IMMEDIATE 0123\nINFO AMEMBASSY PARIS ROUTINE\nBT\n" +
		"S E C R E T NOFORN STATE 000123\nNODIS\nFOR AMBASSADOR FROM THE SECRETARY\nE.O. 12356: DECL: OADR\nSUBJECT: TEST\nREFS: (A) STATE 1 (B) LONDON 2\n\n1. FIRST.\n\n2. SECOND.\n\nCLINTON\nBT\nNNNN\n"))
	if err != nil {
		t.Fatal(err)
	}
	fl, body := FromCable(m, draft.DefaultSeries(), "", "")
	want := draft.Fields{Title: "TEST", Template: "state-cable", Classification: "SECRET", Caveats: []string{"NOFORN"}, Captions: []string{"NODIS"}, EO: "12356: DECL: OADR",
		// the TO line writes IMMEDIATE beside London, the heading P: the
		// draft keeps both, so that it renders the same lines again
		Precedence: "PRIORITY", InfoPrecedence: "ROUTINE", From: "SECSTATE WASHDC", To: []string{"AMEMBASSY LONDON (IMMEDIATE)"},
		Info: []string{"AMEMBASSY PARIS"}, Series: "STATE", Passing: draft.Passing{For: "AMBASSADOR", From: "THE SECRETARY"},
		Subject: "TEST", References: []string{"STATE 1", "LONDON 2"}, Signature: "CLINTON"}
	if !reflect.DeepEqual(fl, want) {
		t.Errorf("fields\n got %+v\nwant %+v", fl, want)
	}
	if body != "FIRST.\n\nSECOND.\n" {
		t.Errorf("body = %q", body)
	}
}

// In a numbered cable, the unnumbered headings between numbered paragraphs
// become Markdown headings, which a numbering template writes unnumbered;
// in a cable whose numbers stay (none, or out of order) nothing changes.
func TestSectionHeadings(t *testing.T) {
	for _, c := range []struct{ in, want []string }{
		{[]string{"SUMMARY", "1. ONE.", "DETAIL", "2. TWO.", "3. THREE."}, []string{"## SUMMARY", "ONE.", "## DETAIL", "TWO.", "THREE."}},
		{[]string{"A. LETTERS", "1. ONE.", "B. TELEGRAMS", "2. TWO."}, []string{"## A. LETTERS", "ONE.", "## B. TELEGRAMS", "TWO."}},
		{[]string{"SUMMARY", "ONE.", "DETAIL", "TWO."}, []string{"SUMMARY", "ONE.", "DETAIL", "TWO."}},
		{[]string{"1. ONE.", "3. THREE.", "DETAIL", "4. FOUR."}, []string{"1. ONE.", "3. THREE.", "DETAIL", "4. FOUR."}},
		// a sentence, a heading in lower case, or the last paragraph is no heading
		{[]string{"1. ONE.", "WE AGREE.", "Detail", "2. TWO.", "MEYER"}, []string{"ONE.", "WE AGREE.", "Detail", "TWO.", "MEYER"}},
	} {
		if got := sectionHeadings(c.in, stripParaNumbers(c.in)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("sectionHeadings(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Import says what a draft cannot hold (a DESKBY on an INFO line), and
// writes an addressee's own precedence where the draft's is not its.
func TestImportLossesAndOwnPrecedences(t *testing.T) {
	m := &cable.Message{
		Form: "fco", Precedence: []string{"O", "P"},
		To: []string{"FCO"}, ToPrecedence: []string{"IMMEDIATE"},
		Info: []string{"PARIS", "MOSCOW", "UKMIS NEW YORK"}, InfoPrecedence: []string{"PRIORITY", "ROUTINE", "DESKBY 170800Z"},
	}
	if got, want := ImportLosses(m), []string{"the copy gives an INFO addressee DESKBY 170800Z, which a draft cannot hold; the draft leaves it out"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	fl, _ := FromCable(m, nil, "", "")
	if want := []string{"PARIS", "MOSCOW (ROUTINE)", "UKMIS NEW YORK"}; !reflect.DeepEqual(fl.Info, want) || fl.InfoPrecedence != "PRIORITY" {
		t.Errorf("info %q at %q, want %q at PRIORITY", fl.Info, fl.InfoPrecedence, want)
	}
	m = &cable.Message{Form: "state", Precedence: []string{"O"}, To: []string{"AMCONSUL LOURENCO MARQUES", "AMEMBASSY PRETORIA"},
		ToPrecedence: []string{"NIACT IMMEDIATE", "IMMEDIATE"}}
	fl, _ = FromCable(m, nil, "", "")
	if want := []string{"AMCONSUL LOURENCO MARQUES (NIACT IMMEDIATE)", "AMEMBASSY PRETORIA"}; !reflect.DeepEqual(fl.To, want) || fl.Precedence != "IMMEDIATE" {
		t.Errorf("to %q at %q, want %q at IMMEDIATE", fl.To, fl.Precedence, want)
	}
}

// A text whose first line would read as a field above it (a reference
// such as WASHINGTON TELNO 1991, unnumbered as a single paragraph is) is
// refused, with what to do, rather than written for the reader to lose.
func TestRenderRefusesAFirstLineThatReadsAsAField(t *testing.T) {
	doc, err := draft.Parse("ref.md", []byte("---\ntemplate: fco-telegram\nclassification: SECRET\nprecedence: IMMEDIATE\nfrom: A\nto: [B]\nsignature: HOWE\n---\n"+
		"Washington telno 1991 reported that the talks went well.\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Render(doc, Options{})
	if err == nil || !strings.Contains(err.Error(), "ref.md:9:1: the text's first line would read as a field above the text") ||
		!strings.Contains(err.Error(), "references:") {
		t.Errorf("err = %v", err)
	}
}
