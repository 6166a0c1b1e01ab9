package cable

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func mustParse(t *testing.T, data string) *Message {
	t.Helper()
	m, err := Parse([]byte(data))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return m
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The telegram at the end of the seed, as a plain-text file.
func TestParseSeedTelegram(t *testing.T) {
	data := readTestdata(t, "parse_seed_1988.txt")
	if !IsCable([]byte(data)) {
		t.Fatal("IsCable = false")
	}
	m := mustParse(t, data)
	check := func(name string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", name, got, want)
		}
	}
	check("Transmission", m.Transmission, []string{"CABWTECO1"})
	check("Precedence", m.Precedence, []string{"O"})
	check("DTG", m.DTG, "212130Z DEC 88")
	check("From", m.From, "CABINET OFFICE LONDON")
	check("To", m.To, []string{"THE WHITE HOUSE"})
	check("Info", m.Info, []string{})
	check("Classification", m.Classification, "SECRET")
	check("Heading", m.Heading, []string{"MESSAGE FROM THE PRIME MINISTER TO", "TO THE PRESIDENT OF THE UNITED STATES", "PRIME MINISTER'S PERSONAL MESSAGE"})
	check("Serial", m.Serial, "T 192A/88")
	check("Passing", m.Passing, "FOLLOWING FOR GENERAL POWELL FROM CHARLES POWELL, NO. 10 DOWNING STREET.")
	f, fr := PassingParts(m.Passing)
	check("PassingParts", []string{f, fr}, []string{"GENERAL POWELL", "CHARLES POWELL, NO. 10 DOWNING STREET"})
	if !strings.HasPrefix(m.Text, "THE FOLLOWING IS THE TEXT OF A MESSAGE FROM THE PRIME MINISTER\n") {
		t.Errorf("Text starts %q", firstLine(m.Text))
	}
	if !strings.HasSuffix(m.Text, "YOURS EVER\n\nMARGARET''") {
		t.Errorf("Text ends %q", m.Text[max(0, len(m.Text)-40):])
	}
	lines := strings.Split(data, "\n")
	if m.TextLine < 1 || lines[m.TextLine-1] != firstLine(m.Text) {
		t.Errorf("TextLine %d does not point at the first text line", m.TextLine)
	}
	for _, header := range []string{"BT", "SECRET", "SERIAL", "FOLLOWING FOR", "FM ", "212130Z"} {
		for _, l := range strings.Split(m.Text, "\n") {
			if strings.HasPrefix(l, header) {
				t.Errorf("header line %q left in the text", l)
			}
		}
	}
	check("Ending", m.Ending, "")
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// The released State cable of cable-format.md §5: no BT lines, the
// classification letter-spaced with the serial, E.O., TAGS, SUBJECT.
func TestParseStateCable(t *testing.T) {
	m := mustParse(t, readTestdata(t, "parse_state_1979.txt"))
	want := Message{
		Transmission: []string{}, Precedence: []string{"O", "P"}, DTG: "242336Z JUL 79",
		From: "SECSTATE WASHDC", To: []string{"AMEMBASSY LONDON"}, Info: []string{"AMEMBASSY DUBLIN"},
		XMT: []string{}, ToPrecedence: []string{"IMMEDIATE"}, InfoPrecedence: []string{"PRIORITY"}, Form: "state",
		Classification: "CONFIDENTIAL", Caveats: []string{}, Captions: []string{}, Serial: "STATE 192639",
		EO: "12065: GDS 7/24/85 (VEST, GEORGE S.)", Tags: []string{"UK", "SG", "XT", "PDIP", "EI", "RH"},
		Subject: "BRITISH AMBASSADOR PRESENTS CREDENTIALS", References: []string{}, Heading: []string{},
		Text: "1. THE BRITISH AMBASSADOR, SIR NICHOLAS HENDERSON, PRESENTED\nHIS CREDENTIALS TO THE PRESIDENT ON JULY 24.\n" +
			"2. THE PRESIDENT WELCOMED HIM WARMLY.",
		Signature: "VANCE", TextLine: 9, Ending: "NNNN",
	}
	if !reflect.DeepEqual(*m, want) {
		t.Errorf("got  %+v\nwant %+v", *m, want)
	}
}

// An archive copy: printout furniture before the heading, transmission
// lines, two sections each with its own heading, page furniture inside a
// paragraph, a word hyphenated across the page break, NNN.
func TestParseArchiveCopy(t *testing.T) {
	m := mustParse(t, readTestdata(t, "parse_state_archive.txt"))
	checks := map[string][2]any{
		"Transmission": {m.Transmission, []string{"VZCZCWAO123", "OO RUEHMO", "DE RUEHC #3441 1630041", "ZNY SSSSS ZZH"}},
		"Precedence":   {m.Precedence, []string{"O", "P"}},
		"To":           {m.To, []string{"AMEMBASSY MOSCOW"}},
		"ToPrecedence": {m.ToPrecedence, []string{"IMMEDIATE"}},
		"Info":         {m.Info, []string{"AMEMBASSY LONDON", "AMEMBASSY PARIS"}},
		"InfoPrec":     {m.InfoPrecedence, []string{"PRIORITY", "PRIORITY"}},
		"Form":         {m.Form, "state"},
		"Signature":    {m.Signature, "SHULTZ"},
		"XMT":          {m.XMT, []string{"AMCONSUL LENINGRAD"}},
		"Class":        {m.Classification, "SECRET"},
		"Serial":       {m.Serial, "STATE 153441"},
		"Captions":     {m.Captions, []string{"NODIS"}},
		"Passing":      {m.Passing, "FOR AMBASSADOR FROM THE SECRETARY"},
		"Subject":      {m.Subject, "HUMAN RIGHTS: NEXT STEPS ON DIVIDED FAMILIES"},
		"References":   {m.References, []string{"MOSCOW 07892", "STATE 150012"}},
		"Ending":       {m.Ending, "NNN"},
		"Text": {m.Text, "1. (S - ENTIRE TEXT.)\n\n2. WE HAVE REVIEWED THE LIST OF DIVIDED FAMILIES AND BELIEVE\n" +
			"THAT A SETTLEMENT\nOF THE REMAINING CASES IS WITHIN REACH.\n\n3. YOU SHOULD SEEK AN EARLY APPOINTMENT WITH THE FOREIGN\n" +
			"MINISTER.\n\n4. -- THE SECRETARY HOPES THE MINISTER WILL RESPOND."},
	}
	for name, c := range checks {
		if !reflect.DeepEqual(c[0], c[1]) {
			t.Errorf("%s = %#v\nwant %#v", name, c[0], c[1])
		}
	}
}

// The FCO form: classification above FM, TO with the precedence word, TELNO,
// OF with the date-time group, INFO with commas.
func TestParseFCOTelegram(t *testing.T) {
	m := mustParse(t, readTestdata(t, "parse_fco_telno.txt"))
	got := []any{m.Classification, m.From, m.To, m.Info, m.Serial, m.DTG, m.Precedence, m.References}
	want := []any{"CONFIDENTIAL", "WASHINGTON", []string{"FCO"}, []string{"UKMIS NEW YORK", "PARIS"}, "TELNO 1119",
		"170356Z JUL 03", []string{"O", "P"}, []string{"YOUR TELNO 456: IRAQ"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
	if !strings.HasPrefix(m.Text, "SUMMARY\n\n1. THE ADMINISTRATION") {
		t.Errorf("Text = %q", m.Text)
	}
	// DTG on the FM line, as redline's fco-telegram template writes it.
	m = mustParse(t, "RESTRICTED\nFM UKMIS NEW YORK 011200Z JAN 89\nTO ROUTINE FCO\nTELNO 12\n\nTEXT.\n")
	if m.From != "UKMIS NEW YORK" || m.DTG != "011200Z JAN 89" || !reflect.DeepEqual(m.Precedence, []string{"R"}) || m.Text != "TEXT." {
		t.Errorf("FM line with DTG: %+v", m)
	}
}

func TestParseHeaderAfterText(t *testing.T) {
	m := mustParse(t, "UNCLAS\nSUBJECT: A TEST\n1. FIRST PARAGRAPH.\nNNNN\nR 010101Z JAN 90\nFM A\nTO B\n")
	if m.Classification != "UNCLASSIFIED" || m.Subject != "A TEST" || m.Text != "1. FIRST PARAGRAPH." || m.DTG != "010101Z JAN 90" {
		t.Errorf("%+v", m)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"HELLO\nWORLD\n", "no cable heading found"},
		{"O 212130Z DEC 88\nFM LONDON\nBT\nSECRET\nTEXT\nBT\n", "line 2: FM line is not followed by a TO line"},
		{"O 322130Z DEC 88\nFM LONDON\nTO PARIS\nBT\nTEXT\nBT\n", "line 1: date-time group \"322130Z DEC 88\": day 32"},
		{"O 212190Z DEC 88\nFM LONDON\nTO PARIS\nBT\nTEXT\nBT\n", "line 1: date-time group \"212190Z DEC 88\": minute 90"},
		{"X\nFM LONDON\nPARIS\n", "line 2: FM line without a cable heading"},
		{"SECRET\nFM LONDON 313030Z JULY 2003\nTO FCO\nTELNO 1\n", "line 2: date-time group \"313030Z JULY 2003\": hour 30"},
	} {
		_, err := Parse([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q) error = %v, want %q", c.in, err, c.want)
		}
	}
}

func TestIsCable(t *testing.T) {
	for in, want := range map[string]bool{
		"O 212130Z DEC 88\nFM A\nTO B\nBT\nX\nBT\n":               true,
		"\r\nZCZC ABC123\r\nP 010000Z JAN 01\r\nFM A\r\nTO B\r\n": true,
		"---\ntitle: x\n---\nDear Ron,\n":                         false,
		"FM: Charles\nTO: Ron\n":                                  false,
		"O 212130Z DEC 88\nDear Ron\n":                            false,
	} {
		if got := IsCable([]byte(in)); got != want {
			t.Errorf("IsCable(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestParseLetterSpacedAndFurniture(t *testing.T) {
	in := "Z 010000Z JAN 2010\nFM A\nTO B\nBT\nT O P   S E C R E T\nFIRST LINE ENDS WITH A SEN-\n" +
		"TOP SECRET\n- 2 -\nPAGE 2 OF 3\nTENCE AND GOES ON.\nPAGE 5 IS MISSING FROM THE FILE\nSECRET TALKS IN 1988 WENT WELL.\nBT\nNNNN\n"
	m := mustParse(t, in)
	want := "FIRST LINE ENDS WITH A SENTENCE\nAND GOES ON.\nPAGE 5 IS MISSING FROM THE FILE\nSECRET TALKS IN 1988 WENT WELL."
	if m.Classification != "TOP SECRET" || m.Text != want || m.TextLine != 6 || m.DTG != "010000Z JAN 2010" {
		t.Errorf("got %q (%s, line %d), want %q", m.Text, m.Classification, m.TextLine, want)
	}
}

// JSON keys that `redline cable parse --json` and scripts rely on.
func TestMessageJSONKeys(t *testing.T) {
	b, err := json.Marshal(mustParse(t, "O 212130Z DEC 88\nFM A\nTO B\nBT\nSECRET\nX\nBT\n"))
	if err != nil {
		t.Fatal(err)
	}
	var keys map[string]any
	json.Unmarshal(b, &keys)
	for _, k := range []string{"precedence", "dtg", "from", "to", "info", "classification", "captions", "serial", "subject", "references", "passing", "text"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("key %q missing from %s", k, b)
		}
	}
	if _, ok := keys["to"].([]any); !ok {
		t.Errorf("to is not an array: %s", b)
	}
}

// A cable in the form of the State Department's 2000s archive: routing
// indicators in the addressees, SIPDIS, Classified By, lettered references,
// two sections each with its heading, mixed case, trailing spaces.
func TestParseTwoSectionCable(t *testing.T) {
	m := mustParse(t, readTestdata(t, "parse_cablegate.txt"))
	got := []any{m.Transmission[0], m.Precedence, m.DTG, m.To, m.Info, m.Classification, m.Serial, m.Captions,
		m.EO, m.Tags, m.Subject, m.References, m.ClassifiedBy, m.Ending, m.TextLine, m.ToPrecedence, m.Signature}
	// The routing indicators (RUEHC/), precedence and station serial
	// numbers are not part of the addressee.
	want := []any{"VZCZCXRO2133", []string{"P"}, "011234Z FEB 09", []string{"SECSTATE WASHDC"},
		[]string{"MOSCOW POLITICAL COLLECTIVE", "NSC WASHDC"}, "CONFIDENTIAL", "MOSCOW 000123",
		[]string{"SIPDIS"}, "12958: DECL: 02/01/2019", []string{"PREL", "PGOV", "RS"},
		"RUSSIA: PARLIAMENT DEBATES THE BUDGET", []string{"MOSCOW 100", "STATE 200"},
		"Political Counselor for reasons 1.4 (b) and (d).", "NNNN", 23, []string{"PRIORITY"}, "BEYRLE"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
	wantText := "1. (C) Summary: The Duma debated the budget for three days.\nDeputies called for a review of defense spending.\n" +
		"End Summary.\n\n2. (C) The debate was lively.\n\n3. (C) Comment: the budget will pass."
	if m.Text != wantText {
		t.Errorf("Text = %q\nwant %q", m.Text, wantText)
	}
}

// A double-spaced transcription keeps its heading together.
func TestParseDoubleSpaced(t *testing.T) {
	m := mustParse(t, "O 212130Z DEC 88\n\nFM CABINET OFFICE LONDON\n\nTO THE WHITE HOUSE\n\nINFO FCO\n\nBT\n\nSECRET\n\nTEXT ONE.\n\nBT\n")
	if m.From != "CABINET OFFICE LONDON" || !reflect.DeepEqual(m.To, []string{"THE WHITE HOUSE"}) ||
		!reflect.DeepEqual(m.Info, []string{"FCO"}) || m.Classification != "SECRET" || m.Text != "TEXT ONE." {
		t.Errorf("%+v", m)
	}
}

// Every parse_*.txt in testdata has its whole parse kept in parse_*.json
// (go test ./cable -run ParseGolden -update rewrites them; read the diff).
func TestParseGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "parse_*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(b)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		got, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		golden := strings.TrimSuffix(name, ".txt") + ".json"
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./cable -run ParseGolden -update)", err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: parse differs from %s:\n%s", name, golden, got)
		}
	}
}

func TestParseErrorLine(t *testing.T) {
	_, err := Parse([]byte("\n\nO 212130Z DEC 88\nFM LONDON\nINFO PARIS\n"))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 4 || pe.Msg != "FM line is not followed by a TO line" {
		t.Errorf("error = %#v", err)
	}
}

// The signature is taken where the form puts it, and nowhere else: a
// name in capitals is not a signature when it could be the last word of
// a sentence.
func TestParseSignature(t *testing.T) {
	const state = "O 242336Z JUL 79\nFM SECSTATE WASHDC\nTO AMEMBASSY LONDON\nBT\nC O N F I D E N T I A L STATE 192639\nSUBJECT: TEST\n\n"
	const fco = "CONFIDENTIAL\n\nFM FCO LONDON 211830Z DEC 88\nTO IMMEDIATE WASHINGTON\nTELNO 1119\n\n"
	const personal = "O 212130Z DEC 88\nFM CABINET OFFICE LONDON\nTO THE WHITE HOUSE\nBT\nSECRET\nSERIAL No. T 1/88\n\n"
	for _, c := range []struct {
		name, in, sig, textEnd string
	}{
		{"state, alone", state + "1. THE PRESIDENT SAID SO.\nVANCE\nBT\nNNNN\n", "VANCE", "SAID SO."},
		{"state, after a blank line", state + "1. THE PRESIDENT SAID SO\n\nVANCE\nBT\n", "VANCE", "SAID SO"},
		{"state, after a talking point", state + "-- FIRST POINT\n-- SECOND POINT\nSHULTZ\nBT\n", "SHULTZ", "SECOND POINT"},
		{"state, two names", state + "1. TEXT.\nVAN HOLLEN\nBT\n", "VAN HOLLEN", "TEXT."},
		{"state, archive copy: after the final full stop", state + "1. A CONSTRUCTIVE\nPARTNERSHIP. VANCE\nBT\nNNN\n", "VANCE", "PARTNERSHIP."},
		{"state, after a question", state + "1. WHY NOT? VANCE\nBT\n", "VANCE", "WHY NOT?"},
		{"state, after a closing quote", state + "1. HE SAID ''YES.'' VANCE\nBT\n", "VANCE", "''YES.''"},
		// Not signatures.
		{"state, a wrapped last word", state + "1. THE MEETING OF THE FOREIGN MINISTERS WILL TAKE PLACE IN THE CITY OF\nGENEVA\nBT\n", "", "OF\nGENEVA"},
		{"state, after an abbreviation", state + "1. HE MET U.S. OFFICIALS\nBT\n", "", "U.S. OFFICIALS"},
		{"state, after a title", state + "1. HE MET MR. SMITH\nBT\n", "", "MR. SMITH"},
		{"state, after an initial", state + "1. SIGNED BY GEORGE S. VEST\nBT\n", "", "S. VEST"},
		{"state, two words after the stop", state + "1. TEXT. THANK YOU\nBT\n", "", "THANK YOU"},
		{"state, lower case", state + "1. Text.\nVance\nBT\n", "", "Vance"},
		{"state, end of a quotation", state + "1. TEXT.\nEND FYI\nBT\n", "", "END FYI"},
		{"state, a caption", state + "1. TEXT.\nNODIS\nBT\n", "", "NODIS"},
		{"state, text of one line", state + "VANCE\nBT\n", "", "VANCE"},
		{"fco, last paragraph", fco + "1. TEXT.\n\n2. MORE TEXT.\n\nHOWE\n", "HOWE", "MORE TEXT."},
		{"fco, not a paragraph of its own", fco + "1. TEXT.\n\n2. MORE TEXT\nHOWE\n", "", "TEXT\nHOWE"},
		{"fco, a sentence", fco + "1. TEXT.\n\nENDS\n", "", "ENDS"},
		{"personal, part of the letter", personal + "DEAR RON\n\nYOURS EVER\n\nMARGARET''\nBT\n", "", "MARGARET''"},
		{"personal, a name alone", personal + "TEXT.\n\nMARGARET\nBT\n", "", "MARGARET"},
		{"no form", "O 212130Z DEC 88\nFM A\nTO B\nBT\nSECRET\nTEXT.\nVANCE\nBT\n", "", "TEXT.\nVANCE"},
	} {
		m := mustParse(t, c.in)
		if m.Signature != c.sig || !strings.HasSuffix(m.Text, c.textEnd) {
			t.Errorf("%s: signature %q, text ends %q; want %q and %q", c.name, m.Signature, m.Text[max(0, len(m.Text)-30):], c.sig, c.textEnd)
		}
	}
}

// Handling words printed with the classification are caveats; those on
// lines of their own are captions.
func TestParseCaveatsAndCaptions(t *testing.T) {
	for _, c := range []struct {
		in                string
		caveats, captions []string
	}{
		{"CONFIDENTIAL UK EYES ONLY\n\nFM FCO 211830Z DEC 88\nTO IMMEDIATE WASHINGTON\nTELNO 1\n\nTEXT.\n", []string{"UK EYES ONLY"}, []string{}},
		{"CONFIDENTIAL UK EYES ONLY\nPERSONAL\n\nFM FCO 211830Z DEC 88\nTO IMMEDIATE WASHINGTON\nTELNO 1\n\nTEXT.\n", []string{"UK EYES ONLY"}, []string{"PERSONAL"}},
		{"O 212130Z DEC 88\nFM A\nTO B\nBT\nS E C R E T NODIS NOFORN STATE 123456\nEXDIS\nTEXT.\nBT\n", []string{"NODIS", "NOFORN"}, []string{"EXDIS"}},
		{"O 212130Z DEC 88\nFM A\nTO B\nBT\nSECRET UK EYES A\nTEXT.\nBT\n", []string{"UK EYES A"}, []string{}},
		{"O 212130Z DEC 88\nFM A\nTO B\nBT\nSECRET\nSTAFF IN CONFIDENCE\nTEXT.\nBT\n", []string{}, []string{"STAFF IN CONFIDENCE"}},
	} {
		m := mustParse(t, c.in)
		if !reflect.DeepEqual(m.Caveats, c.caveats) || !reflect.DeepEqual(m.Captions, c.captions) {
			t.Errorf("%q: caveats %q captions %q, want %q and %q", c.in, m.Caveats, m.Captions, c.caveats, c.captions)
		}
	}
}

// Addressees lose what the heading writes around them; the precedence
// written with each is kept beside it.
func TestParseAddressees(t *testing.T) {
	m := mustParse(t, "O P 212130Z DEC 88\nFM SECSTATE WASHDC\nTO RUEHMO/AMEMBASSY MOSCOW NIACT IMMEDIATE 4521\n"+
		"AMEMBASSY BONN\nINFO RUEHLO/AMEMBASSY LONDON PRIORITY\nUSUN NEW YORK 1234\nRUEHXD/MOSCOW POLITICAL COLLECTIVE 77\nBT\nSECRET\nTEXT.\nBT\n")
	got := []any{m.To, m.ToPrecedence, m.Info, m.InfoPrecedence}
	want := []any{[]string{"AMEMBASSY MOSCOW", "AMEMBASSY BONN"}, []string{"NIACT IMMEDIATE", ""},
		// A number after an addressee is a station serial only after a
		// precedence or with a routing indicator.
		[]string{"AMEMBASSY LONDON", "USUN NEW YORK 1234", "MOSCOW POLITICAL COLLECTIVE"}, []string{"PRIORITY", "", ""}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	m = mustParse(t, "CONFIDENTIAL\nFM WASHINGTON 170356Z JUL 03\nTO IMMEDIATE FCO\nTELNO 1119\nINFO PRIORITY UKMIS NEW YORK, PARIS\nINFO ROUTINE MOSCOW\n\nTEXT.\n")
	got = []any{m.To, m.ToPrecedence, m.Info, m.InfoPrecedence, m.Precedence}
	want = []any{[]string{"FCO"}, []string{"IMMEDIATE"}, []string{"UKMIS NEW YORK", "PARIS", "MOSCOW"},
		[]string{"PRIORITY", "PRIORITY", "ROUTINE"}, []string{"O", "P"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FCO: got  %q\nwant %q", got, want)
	}
}

// A copy of a sectioned State cable that leaves out the later sections'
// headings: the section's classification line, the captions and fields
// repeated under it and the signature that ends each section are not text.
func TestParseSectionsWithoutHeadings(t *testing.T) {
	m := mustParse(t, "O 152000Z DEC 88\nFM SECSTATE WASHDC\nTO AMEMBASSY MOSCOW IMMEDIATE\nBT\n"+
		"S E C R E T SECTION 01 OF 02 STATE 402100\nNODIS\nE.O. 12356: DECL: OADR\nTAGS: PHUM, UR\nSUBJECT: TALKS\n\n"+
		"1. FIRST PARAGRAPH.\nSHULTZ\n"+
		"S E C R E T FINAL SECTION OF 02 STATE 402100\nNODIS\nE.O. 12356: DECL: OADR\nTAGS: PHUM, UR\nSUBJECT: TALKS\n\n"+
		"2. SECOND PARAGRAPH ENDS WITH SHULTZ.\nSHULTZ\nBT\nNNNN\n")
	if m.Text != "1. FIRST PARAGRAPH.\n\n2. SECOND PARAGRAPH ENDS WITH SHULTZ." || m.Signature != "SHULTZ" ||
		!reflect.DeepEqual(m.Captions, []string{"NODIS"}) || m.EO != "12356: DECL: OADR" {
		t.Errorf("text %q, signature %q, captions %q, eo %q", m.Text, m.Signature, m.Captions, m.EO)
	}
	// A section that ends with a name which is not the message's signature
	// keeps it.
	m = mustParse(t, "O 152000Z DEC 88\nFM SECSTATE WASHDC\nTO AMEMBASSY MOSCOW IMMEDIATE\nBT\n"+
		"S E C R E T SECTION 01 OF 02 STATE 402100\n\n1. WE SPOKE TO THE\nFOREIGN MINISTER.\nGROMYKO\n"+
		"S E C R E T FINAL SECTION OF 02 STATE 402100\n\n2. MORE.\nSHULTZ\nBT\n")
	if m.Text != "1. WE SPOKE TO THE\nFOREIGN MINISTER.\nGROMYKO\n\n2. MORE." || m.Signature != "SHULTZ" {
		t.Errorf("text %q, signature %q", m.Text, m.Signature)
	}
}
