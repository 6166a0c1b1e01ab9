package telegram_test

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/telegram"
	"github.com/redline-dev/redline/templates"
)

// readbackDrafts is how many random drafts the read-back property tries
// per template; go test ./telegram -readback=2000 tries more.
var readbackDrafts = flag.Int("readback", 200, "random drafts per template for the read-back property test")

// vocabulary holds ordinary words; hazards the words that, wrapped to
// the start of a line, the reader would take for structure or furniture.
var (
	vocabulary = strings.Fields(`the minister said that we should agree to a conference in moscow only if
progress continues on human rights and family reunification cases of from for following settle-ment 1991`)
	hazards = strings.Fields(`ref a. b. (c) 1. 2. 12. - -- — secret page 02 state 153441 section 1 of 2 nnn
nnnn zczc vzczcbko123 bt unclas confidential draft telno mipt subject: tags e.o. 12356 decl oadr`)
)

// genDraft makes a random draft for a template of dialect d.
func genDraft(r *rand.Rand, d *cable.Dialect) string {
	word := func() string {
		if r.IntN(8) == 0 {
			return hazards[r.IntN(len(hazards))]
		}
		return vocabulary[r.IntN(len(vocabulary))]
	}
	sentence := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = word()
		}
		// A drafter opens a sentence with a word, not a list mark.
		ws[0] = vocabulary[r.IntN(len(vocabulary))]
		return strings.Join(ws, " ") + "."
	}
	var b strings.Builder
	b.WriteString("---\nclassification: " + []string{"CONFIDENTIAL", "SECRET", "RESTRICTED", "UNCLASSIFIED", "LIMITED OFFICIAL USE", "TOP SECRET"}[r.IntN(6)] + "\n")
	b.WriteString("precedence: " + []string{"IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH"}[r.IntN(4)] + "\n")
	// an addressee at a precedence of its own, where the dialect writes one
	own := func() string {
		if d == cable.PersonalMessage || r.IntN(3) > 0 {
			return ""
		}
		return []string{" (ROUTINE)", " (NIACT IMMEDIATE)", " (FLASH)"}[r.IntN(3)]
	}
	b.WriteString("from: CABINET OFFICE LONDON\nto: [THE WHITE HOUSE")
	if r.IntN(2) == 0 {
		b.WriteString(", AMEMBASSY MOSCOW" + own())
	}
	b.WriteString("]\n")
	if r.IntN(2) == 0 {
		b.WriteString("info: [UKMIS NEW YORK" + own() + ", PARIS]\n")
	}
	if r.IntN(4) > 0 { // a cable with no subject has no field under its passing line
		b.WriteString("subject: Moscow human rights conference\n")
	}
	b.WriteString("signature: " + []string{"HOWE", "SHULTZ", "ACLAND"}[r.IntN(3)] + "\n")
	if d == cable.FCO && r.IntN(3) == 0 {
		b.WriteString("deskby: 220800Z\n") // written in place of the precedence: TO DESKBY 220800Z
	}
	if d == cable.PersonalMessage || d == cable.State {
		// a passing line with its sender, or one that names only whom it is for
		switch r.IntN(3) {
		case 0:
			b.WriteString("passing: {for: GENERAL POWELL, from: CHARLES POWELL}\n")
		case 1:
			b.WriteString("passing: {for: COVEY FOR THE SECRETARY}\n")
		}
	}
	b.WriteString("---\n")
	for p := 0; p < 1+r.IntN(6); p++ {
		switch r.IntN(8) {
		case 0:
			for i := 0; i < 2+r.IntN(3); i++ {
				fmt.Fprintf(&b, "- %s\n", sentence(3+r.IntN(12)))
			}
		case 1: // a quoted letter, whose paragraphs a State cable leaves unnumbered
			fmt.Fprintf(&b, "%s Begin text:\n\n", sentence(3+r.IntN(8)))
			for q := 0; q < 1+r.IntN(3); q++ {
				fmt.Fprintf(&b, "%s\n\n", sentence(3+r.IntN(15)))
			}
			b.WriteString("End text.\n")
		case 2: // paragraphs the drafter numbered
			for i := 0; i < 2+r.IntN(3); i++ {
				fmt.Fprintf(&b, "%d. %s\n\n", i+1, sentence(3+r.IntN(15)))
			}
		case 3: // lettered subparagraphs typed as lines
			fmt.Fprintf(&b, "%s:\n", strings.TrimSuffix(sentence(3+r.IntN(6)), "."))
			for i := 0; i < 2+r.IntN(3); i++ {
				fmt.Fprintf(&b, "%c. %s\n", 'a'+i, sentence(3+r.IntN(10)))
			}
		default:
			for s := 0; s < 1+r.IntN(4); s++ {
				b.WriteString(sentence(4+r.IntN(25)) + " ")
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// overrideTemplates writes, for each built-in template, an override in dir
// whose page line is the given one.
func overrideTemplates(t *testing.T, dir, pageLine string) {
	for _, n := range templates.Names() {
		tm, err := templates.Embedded(n)
		if err != nil {
			t.Fatal(err)
		}
		src := string(tm.Source)
		if i := strings.Index(src, "page_line:"); i >= 0 {
			src = src[:i] + src[i+strings.IndexByte(src[i:], '\n')+1:]
		}
		src = strings.Replace(src, "{{/*\n", "{{/*\npage_line: '"+pageLine+"'\n", 1)
		if err := os.WriteFile(filepath.Join(dir, n+".tmpl"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Every bundled template, with any page length from 10 to 60 lines and
// its own page line or another, writes cables that read back: the fields
// the draft gave, and the same words as the draft (diff shows no word
// changes).
func TestReadBackProperty(t *testing.T) {
	pageLines := map[string]string{"": "", "sheet": "SHEET {{.Page}}", "dashes": "- {{.Page}} - {{.Serial}}"}
	dirs := map[string]string{"": ""}
	for name, pl := range pageLines {
		if pl != "" {
			dirs[name] = t.TempDir()
			overrideTemplates(t, dirs[name], pl)
		}
	}
	r := rand.New(rand.NewPCG(1988, 12))
	tried, rendered := 0, 0
	for _, tmpl := range templates.Names() {
		tm, err := templates.Embedded(tmpl)
		if err != nil {
			t.Fatal(err)
		}
		d := tm.Dialect()
		for i := 0; i < *readbackDrafts; i++ {
			src := genDraft(r, d)
			pages := 0
			if i > 0 {
				pages = 10 + r.IntN(51)
			}
			over := []string{"", "sheet", "dashes"}[r.IntN(3)]
			name := fmt.Sprintf("%s/%d/pages-%d/%s", tmpl, i, pages, over)
			if checkReadBack(t, name, src, tmpl, d, pages, dirs[over]) {
				rendered++
			}
			tried++
		}
	}
	// Drafts with words the writer refuses (NNNN opening a paragraph,
	// say) are part of the test, but most drafts must go through.
	if rendered*2 < tried {
		t.Errorf("only %d of %d random drafts rendered: the property was hardly tried", rendered, tried)
	}
	t.Logf("%d of %d random drafts rendered and read back", rendered, tried)
}

// checkReadBack renders one draft and reads it back; it reports whether
// the writer took the draft.
func checkReadBack(t *testing.T, name, src, tmpl string, d *cable.Dialect, pages int, dir string) bool {
	t.Helper()
	doc, err := draft.Parse("draft.md", []byte(src))
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, src)
	}
	opts := telegram.Options{Template: tmpl, TemplateDir: dir, DTG: "212130Z DEC 88", Serial: "T 192A/88", PageLines: pages}
	if d == cable.State {
		opts.Serial = "STATE 153441"
	} else if d == cable.FCO {
		opts.Serial = "TELNO 1119"
	}
	out, err := telegram.Render(doc, opts)
	if err != nil {
		// A draft the writer refuses is not sent: the property holds of
		// what is written. It must be refused for a reason it names.
		if !strings.Contains(err.Error(), "draft.md") {
			t.Errorf("%s: refused without naming the draft: %v", name, err)
		}
		return false
	}
	m, err := cable.Parse(out)
	if err != nil {
		t.Errorf("%s: the cable does not read back: %v\n%s", name, err, out)
		return true
	}
	f := doc.Fields
	names := func(list []string) []string {
		out := make([]string, len(list))
		for i, a := range list {
			out[i], _ = cable.SplitAddressee(a)
		}
		return out
	}
	got := []any{m.Form, m.DTG, m.From, m.To, m.Info, m.Serial, m.Classification}
	want := []any{d.Name, "212130Z DEC 88", f.From, names(f.To), names(f.Info), opts.Serial, f.Classification}
	if d.Signature != cable.SignatureInText {
		got, want = append(got, m.Signature), append(want, strings.ToUpper(f.Signature))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: read back %q, want %q\n%s", name, got, want, out)
		return true
	}
	c, err := diff.Compare(diff.Input{Name: "draft.md", Data: doc.Bytes()}, diff.Input{Name: "cable.txt", Data: out}, diff.Options{})
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return true
	}
	for _, fc := range c.Fields {
		// the addressees and their precedences come back as the draft gave them
		if fc.Name == "to" || fc.Name == "info" || fc.Name == "precedence" || fc.Name == "info_precedence" {
			t.Errorf("%s: diff shows a field change %s %q %q\ndraft:\n%s\ncable:\n%s", name, fc.Name, fc.Old, fc.New, src, out)
			return true
		}
	}
	for _, s := range c.Segments {
		if s.Op != diff.OpEqual && (strings.TrimSpace(s.A) != "" || strings.TrimSpace(s.B) != "") {
			t.Errorf("%s: diff shows a word change %s %q %q\ndraft:\n%s\ncable:\n%s", name, s.Op, s.A, s.B, src, out)
			return true
		}
	}
	return true
}
