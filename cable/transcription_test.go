package cable

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStripMark(t *testing.T) {
	for in, want := range map[string]string{
		"Minister3": "Minister", "Minister3,": "Minister,", "Secretary.2": "Secretary.",
		"7th31": "7th", "p.m.31": "p.m.", "Tehran.57": "Tehran.", "Geneva1": "Geneva",
		"offices.12”": "offices.”",
		// the text's own digits
		"No.1628": "No.1628", "para.25": "para.25", "B52": "B52", "SS20": "SS20", "1.4": "1.4",
		"F97-013#59": "F97-013#59", "km2": "km2", "1982.": "1982.", "12065:": "12065:",
		"Minister1234": "Minister1234", "5/17/00": "5/17/00", "(b)(1)": "(b)(1)", "G7": "G7",
	} {
		got, took := stripMark(in)
		if got != want || took != (in != want) {
			t.Errorf("stripMark(%q) = %q, %v; want %q", in, got, took, want)
		}
	}
}

func TestTitleAddresses(t *testing.T) {
	for title, want := range map[string][2]string{
		"Telegram From the Department of State to the Embassy in the United Kingdom": {"Department of State", "Embassy in the United Kingdom"},
		"The Secretary of State to the Ambassador in Great Britain (Davis)":          {"The Secretary of State", "Ambassador in Great Britain (Davis)"},
		"Telegram 1219 to Geneva": {"", "Geneva"},
		"Backchannel Message From the Ambassador to Iran (Sullivan) to the Deputy Assistant":                               {"Ambassador to Iran (Sullivan)", "Deputy Assistant"},
		"Cold War: US Ambassador (London) to Secretary of State (British hopes for Thatcher US visit) [declassified 2000]": {"US Ambassador (London)", "Secretary of State"},
		"Memorandum for the Record": {"", ""},
	} {
		from, to := titleAddresses(title)
		if from != want[0] || strings.Join(to, "") != want[1] {
			t.Errorf("titleAddresses(%q) = %q, %q; want %q", title, from, to, want)
		}
	}
}

func TestTranscriptDTG(t *testing.T) {
	for _, c := range []struct{ dateline, comments, want string }{
		{"Washington, March 31, 1982, 0054Z.", "", "310054Z MAR 82"},
		{"London, 21 December 1988, 2130Z", "", "212130Z DEC 88"},
		{"Washington, November 12, 1955, 1:03", "", ""}, // local time: no zone is invented
		{"", "Despatched 1037 GMT 15 Sep 1983; declassified 17 May 2000.", "151037Z SEP 83"},
		{"", "", ""},
	} {
		if got := transcriptDTG(c.dateline, c.comments); got != c.want {
			t.Errorf("transcriptDTG(%q, %q) = %q, want %q", c.dateline, c.comments, got, c.want)
		}
	}
}

// No cable, draft or example the repository holds opens like a
// transcription, and each transcription in the archive does.
func TestIsTranscriptionOnlyForTranscriptions(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	more, _ := filepath.Glob("../examples/*/*")
	archive, _ := filepath.Glob("testdata/archive/*.txt")
	for _, f := range append(append(files, more...), archive...) {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		base := filepath.Base(f)
		want := strings.HasPrefix(base, "frus_") || strings.Contains(base, "_transcription")
		if got := IsTranscription(data); got != want {
			t.Errorf("IsTranscription(%s) = %v, want %v", f, got, want)
		}
	}
}

// transcriptionWords are the words the generated transcriptions are made
// of: mixed case, with punctuation, as an editor prints a telegram.
var transcriptionWords = strings.Fields(`the Secretary will see Lord Carrington on March 31 and
	we believe that Argentine Government should abide by existing arrangements; Embassy London
	reports progress. Department informed Tokyo, Paris and Moscow that our position is unchanged`)

// genTranscription writes a FRUS-style transcription of random paragraphs
// with page markers, footnote marks, a bracketed editor's note, a source
// note and footnotes, and returns it with the text the reader must give.
func genTranscription(r *rand.Rand) (doc, text string, marks, pages int) {
	var paras, printed []string
	n := 1 + r.Intn(5)
	for p := 0; p < n; p++ {
		var words, out []string
		for k := 0; k < 3+r.Intn(25); k++ {
			w := transcriptionWords[r.Intn(len(transcriptionWords))]
			words = append(words, w)
			o := w
			if len(w) >= 4 && w == strings.ToLower(w) && strings.ToLower(w) != strings.ToUpper(w) && r.Intn(6) == 0 {
				o = w + fmt.Sprint(2+r.Intn(40))
				marks++
			}
			out = append(out, o)
			if r.Intn(15) == 0 {
				out = append(out, fmt.Sprintf("[Page %d]", 40+r.Intn(900)))
				pages++
			}
		}
		paras = append(paras, strings.Join(words, " "))
		printed = append(printed, strings.Join(out, " "))
	}
	if r.Intn(2) == 0 {
		printed = append(printed[:1], append([]string{"[Here follows text of telegram 2386 to Moscow.]"}, printed[1:]...)...)
	}
	sep := "\n"
	if r.Intn(2) == 0 {
		sep = "\n\n"
	}
	number := 2 + r.Intn(90000)
	doc = fmt.Sprintf("%d. Telegram From the Department of State to the Embassy in France1\n"+
		"Washington, June %d, 1979, 1%d30Z.\n%d. Subject: Generated Message.\n%s\n"+
		"- Source: Department of State, Central Foreign Policy Files. Confidential; Priority. Drafted by Smith; cleared by Jones and Brown.↩\n"+
		"- Not found.↩\n", 1+r.Intn(27), 1+r.Intn(27), r.Intn(10), number, strings.Join(printed, sep))
	return doc, strings.Join(paras, "\n\n"), marks, pages
}

func TestTranscriptionReadsGeneratedDocuments(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for i := 0; i < 300; i++ {
		doc, text, marks, pages := genTranscription(r)
		m, err := Parse([]byte(doc))
		if err != nil {
			t.Fatalf("case %d: %v\n%s", i, err, doc)
		}
		if m.Form != "transcription" || m.Text != text || m.FootnoteMarks != marks || m.PageMarkers != pages {
			t.Fatalf("case %d: form %q, marks %d (want %d), pages %d (want %d), text\n%q\nwant\n%q\nfrom\n%s",
				i, m.Form, m.FootnoteMarks, marks, m.PageMarkers, pages, m.Text, text, doc)
		}
		if m.Subject != "Generated Message." || m.Classification != "CONFIDENTIAL" || len(m.Precedence) != 1 ||
			m.Precedence[0] != "P" || m.From != "Department of State" || len(m.To) != 1 || m.To[0] != "Embassy in France" ||
			m.DraftedBy != "Smith" || strings.Join(m.Clearances, ",") != "Jones,Brown" || m.DTG == "" {
			t.Fatalf("case %d: fields %+v", i, m)
		}
	}
}

func FuzzReadTranscription(f *testing.F) {
	files, _ := filepath.Glob("testdata/archive/*.txt")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("1. Telegram From A to B\n2. x [Page 3\n- Source: ↩"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, ok, err := readTranscription(data)
		if !ok || err != nil {
			return
		}
		if strings.Contains(m.Text, "[Page ") && !strings.Contains(string(data), "[[Page") {
			if trPageRE.MatchString(m.Text) {
				t.Fatalf("a page marker is left in the text: %q", m.Text)
			}
		}
		if m.Form != Transcription.Name || m.Dialect() != Transcription {
			t.Fatalf("form %q", m.Form)
		}
	})
}

// A telegram's number line may carry a passing line before its subject
// (FRUS 1981-88 vol. XIII doc. 123, as published).
func TestTranscriptionNumberLineWithPassing(t *testing.T) {
	doc := "123. Telegram From the Embassy in the United Kingdom to the Department of State1\n" +
		"8241. For the Secretary. Subj: Message From the Foreign and Commonwealth Secretary to Secretary Haig: Falkland Islands.\n" +
		"1. S–Entire text.\n2. Begin text:\nThank you for your friendly message2 which I have just received.\n" +
		"- Source: Department of State, Central Foreign Policy File. Niact Immediate.↩\n- Not found.↩\n"
	m, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if m.Serial != "8241" || m.Passing != "For the Secretary." ||
		m.Subject != "Message From the Foreign and Commonwealth Secretary to Secretary Haig: Falkland Islands." ||
		m.From != "Embassy in the United Kingdom" || strings.Join(m.To, "") != "Department of State" ||
		m.Classification != "SECRET" || strings.Join(m.Precedence, "") != "O" {
		t.Errorf("fields %+v", m)
	}
	if want := "1. S–Entire text.\n\n2. Begin text:\n\nThank you for your friendly message which I have just received."; m.Text != want {
		t.Errorf("text %q, want %q", m.Text, want)
	}
	// A subject label further into the first line is the text's.
	doc = strings.Replace(doc, "8241. For the Secretary. Subj:", "8241. We discussed the subject: ", 1)
	if m, err := Parse([]byte(doc)); err != nil || m.Subject != "" || !strings.HasPrefix(m.Text, "We discussed the subject:") {
		t.Errorf("subject inside text: %v %q %q", err, m.Subject, m.Text)
	}
}
