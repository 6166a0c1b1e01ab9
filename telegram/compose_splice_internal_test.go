package telegram

import (
	"testing"
	"text/template"

	"github.com/redline-dev/redline/templates"
)

// The bundled templates print .Text plainly, so their text is spliced;
// a template that does anything else with it is run over the text.
func TestPrintsTextPlainly(t *testing.T) {
	funcs := template.FuncMap{"upper": func(s string) string { return s }, "required": func(string, any) any { return nil },
		"spaced": func(s string) string { return s }, "join": func(string, []string) string { return "" }, "stop": func(s string) string { return s },
		"prefixed": func(string, any) string { return "" }, "wrap": func(s string) string { return s }}
	for _, n := range templates.Names() {
		tm, err := templates.Embedded(n)
		if err != nil {
			t.Fatal(err)
		}
		p, err := template.New(n).Funcs(funcs).Parse(string(tm.Source))
		if err != nil {
			t.Fatal(err)
		}
		if !printsTextPlainly(p) {
			t.Errorf("%s: the bundled template is not taken to print .Text plainly", n)
		}
	}
	for src, want := range map[string]bool{
		"A\n{{.Text}}\nB":                               true,
		"{{if .Subject}}S{{end}}\n{{.Text}}\n":          true,
		"{{.Text | upper}}":                             false,
		"{{if .Text}}{{.Text}}{{end}}":                  false,
		"{{with .Text}}{{.}}{{end}}":                    false,
		"{{$t := .Text}}{{$t}}":                         false,
		"{{define \"x\"}}{{len .Text}}{{end}}{{.Text}}": false,
		"{{range .Captions}}{{$.Text}}{{end}}":          false,
	} {
		p, err := template.New("t").Funcs(funcs).Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := printsTextPlainly(p); got != want {
			t.Errorf("%q: printsTextPlainly = %v, want %v", src, got, want)
		}
	}
}

// splice gives the lines the full run's output would split into, and
// declines when the marker is not alone on its line or stands twice.
func TestSpliceLines(t *testing.T) {
	text := []TeleprinterLine{{Text: "ONE"}, {Text: ""}, {Text: "TWO"}}
	for printed, want := range map[string]string{
		"HEAD\n" + textMarker + "\nTAIL\n":  "HEAD|ONE||TWO|TAIL",
		textMarker + "\n\n\n":               "ONE||TWO",
		"A\n\nB\n" + textMarker:             "A||B|ONE||TWO",
		"A\n" + textMarker + "\n\nBT\n\n\n": "A|ONE||TWO||BT",
	} {
		got, ok := splice(printed, text)
		if !ok || join(got) != want {
			t.Errorf("%q: %q (%v), want %q", printed, join(got), ok, want)
		}
	}
	for _, printed := range []string{"A " + textMarker + "\n", textMarker + " B", textMarker + "\n" + textMarker, "no marker"} {
		if _, ok := splice(printed, text); ok {
			t.Errorf("%q: spliced", printed)
		}
	}
}

func join(l []string) string {
	out := ""
	for i, s := range l {
		if i > 0 {
			out += "|"
		}
		out += s
	}
	return out
}
