package telegram

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A template override that is empty, blank, or does not print the message
// text must not make an empty cable: each is an error naming the file.
func TestCableTemplateWithoutText(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, src, want string }{
		{"empty", "", "state-cable.tmpl is empty"},
		{"blank", " \n\t\n", "state-cable.tmpl is empty"},
		{"settings only", "{{/*\nwidth: 60\n*/ -}}\n", "state-cable.tmpl printed nothing"},
		{"no text", "{{.Classification}}\n{{.Serial}}\n", "state-cable.tmpl does not print the message text"},
		{"part of the text", "{{.Classification}}\n{{slice .Text 0 20}}\n", "state-cable.tmpl does not print the message text"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, "state-cable.tmpl")
			if err := os.WriteFile(p, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := Render(parseDraft(t, stateDraft), Options{TemplateDir: dir, DTG: "242336Z JUL 79", Serial: "STATE 1"})
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), p) {
				t.Errorf("got %q, %v; want an error naming %s: %q", out, err, p, c.want)
			}
		})
	}
}
