package telegram

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A template override built (or mistyped) to run for ever or to print
// without end is stopped with an error naming the file, quickly.
func TestTemplateExecutionBounded(t *testing.T) {
	old := templateDeadline
	templateDeadline = 300 * time.Millisecond
	t.Cleanup(func() { templateDeadline = old })
	dir := t.TempDir()
	for _, c := range []struct{ name, src, want string }{
		{"huge range", "{{range 3000000000}}{{end}}{{.Text}}\n", "{{range 3000000000}} would repeat 3000000000 times"},
		{"nested ranges", "{{range 1000}}{{range 1000}}X{{end}}{{end}}{{.Text}}\n", "with the ranges around it"},
		{"page line", "{{/*\npage_line: '{{range 99999999}}P{{end}}'\n*/}}{{.Text}}\n", "page_line"},
		{"endless output", "{{range $i := 90000}}{{range $i}}XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX{{end}}{{end}}{{.Text}}\n", "more than 4 MiB"},
		{"endless loop", "{{range $i := 8000}}{{range $i}}{{end}}{{end}}{{.Text}}\n", "ran for more than 300ms"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, "state-cable.tmpl")
			if err := os.WriteFile(p, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err := Render(parseDraft(t, stateDraft), Options{TemplateDir: dir, DTG: "242336Z JUL 79", Serial: "STATE 1", PageLines: 20})
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), p) {
				t.Errorf("error %v, want one naming %s: %q", err, p, c.want)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %s to refuse", d)
			}
		})
	}
}

// Ranges within the bound, and ranges over the draft's own lists, run.
func TestTemplateRangesWithinBound(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "state-cable.tmpl")
	src := "{{range 3}}-{{end}}\n{{range .To}}TO {{.}}\n{{end}}{{.Text}}\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := Render(parseDraft(t, stateDraft), Options{TemplateDir: dir, DTG: "242336Z JUL 79", Serial: "STATE 1"})
	if err != nil || !strings.HasPrefix(string(out), "---\nTO ") {
		t.Errorf("got %q, %v", out, err)
	}
}
