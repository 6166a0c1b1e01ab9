package cable

import (
	"slices"
	"strings"
	"testing"
)

func TestReadHandlingLine(t *testing.T) {
	for _, c := range []struct {
		line                       string
		ok                         bool
		classification, precedence string
		captions                   []string
		niact                      bool
	}{
		{line: "confidential", ok: true, classification: "CONFIDENTIAL"},
		{line: "us urgent", ok: true},
		{line: "secret   us urgent", ok: true, classification: "SECRET"},
		{line: "top secret  niact", ok: true, classification: "TOP SECRET", precedence: "O", niact: true},
		{line: "secret nodis", ok: true, classification: "SECRET", captions: []string{"NODIS"}},
		{line: "limited official use priority", ok: true, classification: "LIMITED OFFICIAL USE", precedence: "P"},
		{line: "restricted immediate eyes only", ok: true, classification: "RESTRICTED", precedence: "O", captions: []string{"EYES ONLY"}},
		// the text's own lines
		{line: "SECRET"},
		{line: "Confidential"},
		{line: "secret talks"},
		{line: "urgently"},
		{line: "secretly immediate"},
		{line: "the secret"},
		{line: strings.Repeat("secret ", 10)},
	} {
		tr := &transcript{}
		if got := tr.readHandling(c.line); got != c.ok {
			t.Errorf("readHandling(%q) = %v, want %v", c.line, got, c.ok)
			continue
		}
		m := tr.msg
		var prec string
		if len(m.Precedence) > 0 {
			prec = m.Precedence[0]
		}
		if m.Classification != c.classification || prec != c.precedence || tr.niact != c.niact ||
			!slices.Equal(m.Captions, c.captions) {
			t.Errorf("readHandling(%q): classification %q precedence %q captions %q niact %v",
				c.line, m.Classification, prec, m.Captions, tr.niact)
		}
		if c.ok != (len(m.Notes) == 1) {
			t.Errorf("readHandling(%q): notes %q", c.line, m.Notes)
		}
	}
}

func TestHandlingLineNiactMarksEveryAddressee(t *testing.T) {
	doc := "711.00/1–2349: Telegram\n\nThe Secretary of State to the Embassy in France\n\nsecret   niact\n\n" +
		"Washington, January 23, 1949—8 p.m.\n\n212. Please see Foreign Minister tonight.\n"
	m, ok, err := readTranscription([]byte(doc))
	if !ok || err != nil {
		t.Fatalf("not read: %v %v", ok, err)
	}
	if m.Classification != "SECRET" || m.Serial != "212" || !slices.Equal(m.ToPrecedence, []string{Niact.Word}) ||
		m.ActionPrecedence() != Niact.Word || m.Dateline != "Washington, January 23, 1949—8 p.m." {
		t.Errorf("read %q %q %q %q %q", m.Classification, m.Serial, m.ToPrecedence, m.ActionPrecedence(), m.Dateline)
	}
	if m.Text != "Please see Foreign Minister tonight." {
		t.Errorf("text %q", m.Text)
	}
}

func TestSentenceEndMarkFollowsTheFootnotes(t *testing.T) {
	const notes = "\n\n  1. Not printed.\n  2. Not printed.\n"
	for _, c := range []struct{ body, want string }{
		// marks after a date ending a sentence, in order
		{"Your 52, June 5.1 Please reply. See his 7, May 2.2 He agrees.", "Your 52, June 5. Please reply. See his 7, May 2. He agrees."},
		// a decimal, not followed by a sentence
		{"Paragraph 5.1 of the draft stands.", "Paragraph 5.1 of the draft stands."},
		// a number that is not the next footnote's
		{"Section 4.7 Stands as drafted.", "Section 4.7 Stands as drafted."},
	} {
		doc := "711.00/1–2349: Telegram\n\nThe Secretary of State to the Embassy in France\n\n212. " + c.body + notes
		m, ok, err := readTranscription([]byte(doc))
		if !ok || err != nil {
			t.Fatalf("not read: %v %v", ok, err)
		}
		if m.Text != c.want {
			t.Errorf("text %q\nwant %q", m.Text, c.want)
		}
	}
}

// A source note's handling and repetitions are the telegram's captions and
// information addressees (FRUS 1969–76 vol. XLI, document 311's note).
func TestSourceNoteCaptionsAndRepeats(t *testing.T) {
	doc := "311. Telegram From Secretary of State Rogers to the Department of State1\n\n" +
		"Secto 12. The President's talks went well.\n\n" +
		"- Source: National Archives, RG 59, Central Files 1967–69, POL 7 US/NIXON. Secret; Priority; Nodis. " +
		"Repeated to London, Brussels, Paris, Bonn, and USNATO.↩\n"
	m, ok, err := readTranscription([]byte(doc))
	if !ok || err != nil {
		t.Fatalf("not read: %v %v", ok, err)
	}
	if m.Classification != "SECRET" || !slices.Equal(m.Precedence, []string{"P"}) || !slices.Equal(m.Captions, []string{"NODIS"}) ||
		!slices.Equal(m.Info, []string{"London", "Brussels", "Paris", "Bonn", "USNATO"}) || len(m.InfoPrecedence) != 5 {
		t.Errorf("read %q %q %q %q %q", m.Classification, m.Precedence, m.Captions, m.Info, m.InfoPrecedence)
	}
}

// FRUS spells LIMDIS out, and names the posts a telegram was sent to for
// information with their precedence (FRUS 1981–88 vol. XIII, document
// 27's note; 1955–57 vol. III, document 371's).
func TestSourceNoteSentForInformation(t *testing.T) {
	doc := "27. Telegram From the Department of State to the Embassy in the United Kingdom1\n\n85529. Subject: Letter.\n\n" +
		"1. Secret–Entire text.\n\n- Source: Reagan Library. Secret; Sensitive; Immediate; Exdis. Sent for information Immediate to Buenos Aires.↩\n"
	m, _, err := readTranscription([]byte(doc))
	if err != nil || !slices.Equal(m.Captions, []string{"EXDIS"}) || !slices.Equal(m.Info, []string{"Buenos Aires"}) ||
		!slices.Equal(m.InfoPrecedence, []string{"IMMEDIATE"}) {
		t.Errorf("read %q %q %q %v", m.Captions, m.Info, m.InfoPrecedence, err)
	}
	doc = "371. Telegram 1219 to Geneva1\n\n1219. For Johnson.\n\n- Source: Department of State, Central Files. Secret; Limit Distribution. Drafted by McConaughy.↩\n"
	if m, _, err = readTranscription([]byte(doc)); err != nil || !slices.Equal(m.Captions, []string{"LIMDIS"}) || len(m.Info) != 0 {
		t.Errorf("read %q %q %v", m.Captions, m.Info, err)
	}
}

// A telegram numbered in a series of its own (Secto 12., Argonaut 12.) has
// that number read as its serial, as a plain number is.
func TestTranscriptionSeriesNumber(t *testing.T) {
	for first, serial := range map[string]string{"Secto 12. The talks went well.": "Secto 12", "Argonaut 12. Crypto-War for the Acting Secretary.": "Argonaut 12",
		"Section 12. Of the treaty.": "", "Tosec 12 was received.": ""} {
		doc := "Defense Files: Telegram\n\nThe Secretary of State to the Acting Secretary of State (Grew)\n\n" + first + "\n\nSecond paragraph.\n"
		m, _, err := readTranscription([]byte(doc))
		if err != nil || m.Serial != serial {
			t.Errorf("%q: serial %q, want %q (%v)", first, m.Serial, serial, err)
		}
		if serial != "" && strings.Contains(m.Text, serial) {
			t.Errorf("%q: the number stays in the text %q", first, m.Text)
		}
	}
}
