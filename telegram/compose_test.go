package telegram

import (
	"fmt"
	"github.com/redline-dev/redline/cable"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redline-dev/redline/draft"
)

func loadDraft(t *testing.T, path string) *draft.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := draft.Parse(filepath.Base(path), data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestCable1988 renders the example telegram as it was sent and compares it
// with the seed's copy: the header line for line, the rest word for word.
func TestCable1988(t *testing.T) {
	doc := loadDraft(t, "../examples/moscow-1988/telegram.md")
	out, err := Render(doc, Options{DTG: "212130Z DEC 88", Serial: "T 192A/88"})
	if err != nil {
		t.Fatal(err)
	}
	sent, err := os.ReadFile("../examples/moscow-1988/as-sent.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := string(sent)
	want = want[strings.Index(want, "O 212130Z DEC 88"):]
	got := string(out)
	for i, l := range strings.Split(got, "\n") {
		if len(l) > 69 {
			t.Errorf("line %d is %d characters: %q", i+1, len(l), l)
		}
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	header := 0
	for i, l := range wl {
		if strings.HasPrefix(l, "SERIAL No.") {
			header = i + 1
		}
	}
	if header == 0 {
		t.Fatal("as-sent.txt has no SERIAL No. line")
	}
	for i := 0; i < header; i++ {
		if i >= len(gl) || gl[i] != wl[i] {
			t.Errorf("header line %d: got %q, want %q", i+1, at(gl, i), wl[i])
		}
	}
	gw, ww := strings.Fields(strings.Join(gl[header:], "\n")), strings.Fields(strings.Join(wl[header:], "\n"))
	for i := 0; i < max(len(gw), len(ww)); i++ {
		if at(gw, i) != at(ww, i) {
			t.Fatalf("word %d: got %q, want %q (context: %v)", i+1, at(gw, i), at(ww, i), gw[max(0, i-5):min(len(gw), i+5)])
		}
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "<none>"
}

func parseDraft(t *testing.T, src string) *draft.Document {
	t.Helper()
	doc, err := draft.Parse("test.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

const stateDraft = `---
template: state-cable
classification: CONFIDENTIAL
precedence: IMMEDIATE
info_precedence: PRIORITY
to: [AMEMBASSY LONDON]
info: [AMEMBASSY DUBLIN]
eo: "12065: GDS 7/24/85 (VEST, GEORGE S.)"
tags: [UK, SG, XT, PDIP, EI, RH]
subject: British Ambassador presents credentials
signature: VANCE
---
The British Ambassador, Sir Nicholas Henderson, presented his credentials to the President on July 23.

-- We welcome the Ambassador.

The Department's view is unchanged.
`

// TestCableStateGolden renders a State cable like the released one in
// cable-format.md and compares it with a golden file.
func TestCableStateGolden(t *testing.T) {
	out, err := Render(parseDraft(t, stateDraft), Options{DTG: "242336Z JUL 79", Serial: "STATE 192639"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/cable_state.golden", out)
	for _, want := range []string{"O P 242336Z JUL 79\n", "TO AMEMBASSY LONDON IMMEDIATE\n", "INFO AMEMBASSY DUBLIN PRIORITY\n",
		"C O N F I D E N T I A L STATE 192639\n", "\n1. THE BRITISH", "\n2. THE DEPARTMENT'S", "\n-- WE WELCOME", "VANCE\nBT\nNNNN\n"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("state cable lacks %q", want)
		}
	}
	if strings.Contains(string(out), DraftMark) {
		t.Error("a cable with serial and DTG is marked as a draft")
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestCableDraftMarks(t *testing.T) {
	out, err := Render(parseDraft(t, stateDraft), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if !strings.HasPrefix(s, DraftMark+"\n") || !strings.HasSuffix(s, DraftMark+"\n") {
		t.Errorf("draft not marked at top and bottom:\n%s", s)
	}
	if !strings.Contains(s, "C O N F I D E N T I A L STATE [SERIAL]") || !strings.Contains(s, DTGPlaceholder) {
		t.Errorf("placeholders missing:\n%s", s)
	}
	now := time.Date(2010, 1, 4, 18, 20, 0, 0, time.UTC)
	out, err = Render(parseDraft(t, stateDraft), Options{DTG: "now", Now: now, Serial: "STATE 1"})
	if err != nil || !strings.HasPrefix(string(out), "O P 041820Z JAN 2010\n") {
		t.Errorf("--dtg now: %v\n%s", err, out)
	}
	out, err = Render(parseDraft(t, stateDraft), Options{DTG: "now", Now: now, Serial: "STATE 1", YearDigits: 2})
	if err != nil || !strings.HasPrefix(string(out), "O P 041820Z JAN 10\n") {
		t.Errorf("--dtg now, 2 digits: %v\n%s", err, out)
	}
	if _, err := Render(parseDraft(t, stateDraft), Options{DTG: "310000Z APR 88"}); err == nil || !strings.Contains(err.Error(), "day 31 does not exist in APR 1988") {
		t.Errorf("bad DTG: %v", err)
	}
}

// TestCablePages lays a long cable out in pages and checks the furniture
// of every page.
func TestCablePages(t *testing.T) {
	var body strings.Builder
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&body, "Paragraph %d says something about the conference in Moscow and the Vienna meeting.\n\n", i+1)
	}
	src := strings.Replace(stateDraft, "The British Ambassador", body.String()+"The British Ambassador", 1)
	l, err := Compose(parseDraft(t, src), Options{DTG: "242336Z JUL 79", Serial: "STATE 153441", PageLines: 25})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Pages) < 3 {
		t.Fatalf("%d pages", len(l.Pages))
	}
	for i, p := range l.Pages {
		if p.Header[0] != "CONFIDENTIAL" || p.Footer[len(p.Footer)-1] != "CONFIDENTIAL" {
			t.Errorf("page %d: banners %q / %q", i+1, p.Header, p.Footer)
		}
		if want := fmt.Sprintf("PAGE %02d STATE 153441", i+1); p.Header[1] != want {
			t.Errorf("page %d: page line %q, want %q", i+1, p.Header[1], want)
		}
		if n := len(p.Header) + len(p.Lines) + len(p.Footer); n > 25 {
			t.Errorf("page %d has %d lines", i+1, n)
		}
	}
	text := string(l.Text())
	if got := strings.Count(text, "\f"); got != len(l.Pages)-1 {
		t.Errorf("%d form feeds for %d pages", got, len(l.Pages))
	}
	if _, err := Compose(parseDraft(t, src), Options{PageLines: 4}); err == nil || !strings.Contains(err.Error(), "too small") {
		t.Errorf("tiny pages: %v", err)
	}
}

// TestCableSections splits a cable longer than five tape-relay pages of 20
// lines into ACP 127 sections.
func TestCableSections(t *testing.T) {
	var body strings.Builder
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&body, "Paragraph %d says something about the conference in Moscow and the Vienna meeting of the CSCE.\n\n", i+1)
	}
	src := strings.Replace(stateDraft, "The British Ambassador", body.String()+"The British Ambassador", 1)
	l, err := Compose(parseDraft(t, src), Options{DTG: "242336Z JUL 79", Serial: "STATE 153441"})
	if err != nil {
		t.Fatal(err)
	}
	text := string(l.Text())
	n := strings.Count(text, "BT\nNNNN\n")
	if n < 2 {
		t.Fatalf("%d sections:\n%s", n, text)
	}
	for i := 1; i < n; i++ {
		if !strings.Contains(text, fmt.Sprintf("C O N F I D E N T I A L SECTION %d OF %d STATE 153441\n", i, n)) {
			t.Errorf("no SECTION %d OF %d", i, n)
		}
	}
	if !strings.Contains(text, fmt.Sprintf("C O N F I D E N T I A L FINAL SECTION OF %d STATE 153441\n", n)) {
		t.Errorf("no FINAL SECTION OF %d", n)
	}
	if strings.Count(text, "O P 242336Z JUL 79\n") != n {
		t.Errorf("every section must carry the same DTG")
	}
	for i, sec := range strings.Split(strings.TrimSuffix(text, "\n"), "NNNN\n") {
		if lines := strings.Count(sec, "\n"); lines > 100 {
			t.Errorf("section %d has %d lines, more than five pages of 20", i+1, lines)
		}
	}
	// every paragraph survives, once, in order
	last := -1
	for i := 0; i < 60; i++ {
		at := strings.Index(text, fmt.Sprintf("PARAGRAPH %d SAYS", i+1))
		if at <= last {
			t.Fatalf("paragraph %d missing or out of order", i+1)
		}
		last = at
	}
}

func TestCableRefusals(t *testing.T) {
	for _, c := range []struct {
		name, src string
		opts      Options
		want      string
	}{
		{"unresolved marks", strings.Replace(stateDraft, "presented his", "{++formally ++}presented his", 1), Options{},
			"test.md has 1 unresolved tracked change(s) (test.md:13:"},
		{"no template", "---\nclassification: SECRET\nprecedence: ROUTINE\n---\ntext\n", Options{}, "test.md has no template"},
		{"unknown template", stateDraft, Options{Template: "nope"}, `unknown template "nope"`},
		{"no precedence", "---\nclassification: SECRET\ntemplate: state-cable\n---\ntext\n", Options{}, "has no precedence"},
		{"no classification", "---\nprecedence: ROUTINE\ntemplate: state-cable\n---\ntext\n", Options{}, "has no classification"},
		{"no to", "---\nprecedence: ROUTINE\nclassification: SECRET\ntemplate: state-cable\n---\ntext\n", Options{}, "test.md has no to: add to:"},
		{"bad field char", strings.Replace(stateDraft, "British Ambassador presents", "British Ambassador ♥", 1), Options{}, "front matter field subject, column 20: character '♥'"},
		{"hazard in text", strings.Replace(stateDraft, "The Department's view", "The Department's view\\\nZCZC", 1), Options{}, "test.md:18:1: line"},
		{"long header line", strings.Replace(stateDraft, "AMEMBASSY LONDON]", "AMEMBASSY LONDON AND EVERY OTHER EMBASSY IN THE WHOLE WIDE WORLD]", 1), Options{}, "longer than 69"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Render(parseDraft(t, c.src), c.opts)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestCableTemplateOverride(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("state-cable.tmpl", "{{/*\ndescription: mine\nwidth: 40\n*/ -}}\nMINE {{.DTG}}\n{{.Text}}\n")
	out, err := Render(parseDraft(t, stateDraft), Options{TemplateDir: dir, DTG: "242336Z JUL 79", Serial: "X"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "MINE 242336Z JUL 79\nTHE BRITISH AMBASSADOR, SIR NICHOLAS\nHENDERSON, PRESENTED HIS CREDENTIALS TO\n") {
		t.Errorf("override not used or width not applied:\n%s", out)
	}
	p := write("typo.tmpl", "{{.Serail}}\n")
	if _, err := Render(parseDraft(t, stateDraft), Options{Template: p}); err == nil || !strings.Contains(err.Error(), "Serail") {
		t.Errorf("missing key not refused: %v", err)
	}
	p = write("bad.tmpl", "{{/*\nwidht: 40\n*/}}\n")
	if _, err := Render(parseDraft(t, stateDraft), Options{Template: p}); err == nil || !strings.Contains(err.Error(), "widht") {
		t.Errorf("unknown setting not refused: %v", err)
	}
}

func TestCableDualPrecedence(t *testing.T) {
	src := strings.Replace(stateDraft, "precedence: IMMEDIATE", "precedence: PRIORITY", 1)
	src = strings.Replace(src, "info_precedence: PRIORITY", "info_precedence: ROUTINE", 1)
	out, err := Render(parseDraft(t, src), Options{DTG: "041820Z JAN 10", Serial: "STATE 1"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "P R 041820Z JAN 10\n") {
		t.Errorf("dual precedence line:\n%s", out)
	}
	src = strings.Replace(src, "info_precedence: ROUTINE", "info_precedence: PRIORITY", 1)
	out, _ = Render(parseDraft(t, src), Options{DTG: "041820Z JAN 10", Serial: "STATE 1"})
	if !strings.HasPrefix(string(out), "P 041820Z JAN 10\n") {
		t.Errorf("single precedence line:\n%s", out)
	}
}

func TestCableFCOTelegram(t *testing.T) {
	src := strings.Replace(stateDraft, "template: state-cable", "template: fco-telegram\nfrom: FCO", 1)
	src = strings.Replace(src, "signature: VANCE", "signature: HOWE", 1)
	out, err := Render(parseDraft(t, src), Options{DTG: "170356Z JULY 03", Serial: "1119"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"CONFIDENTIAL\n", "FM FCO\nTO IMMEDIATE AMEMBASSY LONDON\nTELNO 1119\nOF 170356Z JUL 03\nINFO PRIORITY AMEMBASSY DUBLIN\n", "\n1. THE BRITISH", "\nHOWE\n"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("FCO telegram lacks %q:\n%s", want, out)
		}
	}
}

func TestCablePersonalMessageTitle(t *testing.T) {
	src := "---\ntemplate: personal-message\ntitle: Message from the Prime Minister to the Chancellor of the Federal Republic of Germany about Vienna\nclassification: CONFIDENTIAL\ncaveats: [UK EYES ONLY]\nprecedence: PRIORITY\nfrom: CABINET OFFICE LONDON\nto: [BONN]\nsignature: Margaret Thatcher\n---\nDear Helmut, thank you.\n"
	out, err := Render(parseDraft(t, src), Options{DTG: "011200Z JAN 89", Serial: "T 1/89"})
	if err != nil {
		t.Fatal(err)
	}
	want := "P 011200Z JAN 89\nFM CABINET OFFICE LONDON\nTO BONN\nBT\nCONFIDENTIAL UK EYES ONLY\n" +
		"MESSAGE FROM THE PRIME MINISTER TO THE CHANCELLOR OF THE FEDERAL\nREPUBLIC OF GERMANY ABOUT VIENNA\n\n" +
		"PRIME MINISTER'S\nPERSONAL MESSAGE\nSERIAL No. T 1/89\n\nDEAR HELMUT, THANK YOU.\n\nMARGARET THATCHER\nBT\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func BenchmarkCable1988(b *testing.B) {
	data, err := os.ReadFile("../examples/moscow-1988/telegram.md")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := draft.Parse("telegram.md", data)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := Render(doc, Options{DTG: "212130Z DEC 88", Serial: "T 192A/88"}); err != nil {
			b.Fatal(err)
		}
	}
}

// A State telegram writes TO and INFO once, each further addressee on a
// line of its own with its precedence, and reads back every addressee.
func TestStateAddressWrittenOnce(t *testing.T) {
	src := strings.Replace(stateDraft, "to: [AMEMBASSY LONDON]", "to: [AMEMBASSY LONDON, AMEMBASSY PARIS]", 1)
	src = strings.Replace(src, "info: [AMEMBASSY DUBLIN]", "info: [AMEMBASSY DUBLIN, USMISSION USNATO]", 1)
	out, err := Render(parseDraft(t, src), Options{DTG: "242336Z JUL 79", Serial: "STATE 192639"})
	if err != nil {
		t.Fatal(err)
	}
	want := "TO AMEMBASSY LONDON IMMEDIATE\nAMEMBASSY PARIS IMMEDIATE\nINFO AMEMBASSY DUBLIN PRIORITY\nUSMISSION USNATO PRIORITY\nBT\n"
	if !strings.Contains(string(out), want) {
		t.Fatalf("address block is not\n%s\n%s", want, out)
	}
	m, err := cable.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(append(m.To, m.Info...), ","); got != "AMEMBASSY LONDON,AMEMBASSY PARIS,AMEMBASSY DUBLIN,USMISSION USNATO" {
		t.Errorf("read back %s", got)
	}
}
