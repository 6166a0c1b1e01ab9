package telegram_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/telegram"
	"github.com/redline-dev/redline/templates"
)

// A template that prints .Text plainly has the text spliced into its
// output; the same template with one more, idle, use of .Text is run over
// the text in full. Both give the same cable, and the same refusals, for
// random drafts of every bundled template, paged or not, long enough to
// be split into sections or not.
func TestSplicedTextMatchesFullRun(t *testing.T) {
	full := t.TempDir()
	for _, n := range templates.Names() {
		tm, err := templates.Embedded(n)
		if err != nil {
			t.Fatal(err)
		}
		src := strings.TrimRight(string(tm.Source), "\n") + "{{if .Text}}{{end}}\n"
		if err := os.WriteFile(filepath.Join(full, n+".tmpl"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := rand.New(rand.NewPCG(12, 1988))
	for _, n := range templates.Names() {
		tm, _ := templates.Embedded(n)
		for i := 0; i < 60; i++ {
			src := genDraft(r, tm.Dialect())
			if i%10 == 9 {
				// long enough for ACP 127 sections where the template has them
				body := src[strings.LastIndex(src, "---\n")+4:]
				src += strings.Repeat(body, 40)
			}
			doc, err := draft.Parse("draft.md", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			opts := telegram.Options{Template: n, DTG: "212130Z DEC 88", Serial: "TELNO 1119", PageLines: []int{0, 20, 45}[i%3]}
			if tm.Dialect() == cable.State {
				opts.Serial = "STATE 153441"
			}
			got, gotErr := telegram.Render(doc, opts)
			opts.TemplateDir = full
			want, wantErr := telegram.Render(doc, opts)
			if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != strings.ReplaceAll(wantErr.Error(), filepath.Join(full, n+".tmpl"), n) {
				t.Fatalf("%s/%d: spliced %v, full %v", n, i, gotErr, wantErr)
			}
			if string(got) != string(want) {
				t.Fatalf("%s/%d: the spliced cable differs from the full run's\n--- spliced\n%s\n--- full\n%s", n, i, got, want)
			}
		}
	}
}
