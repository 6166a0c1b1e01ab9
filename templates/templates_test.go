package templates

import (
	"github.com/redline-dev/redline/cable"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuiltIns(t *testing.T) {
	names := Names()
	if strings.Join(names, ",") != "fco-telegram,personal-message,state-cable" {
		t.Fatalf("Names() = %v", names)
	}
	for _, n := range names {
		tm, err := Load(n, "")
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if tm.Origin != "built-in" || tm.Settings.Description == "" || tm.Settings.Width != 69 {
			t.Errorf("%s: origin %q, settings %+v", n, tm.Origin, tm.Settings)
		}
	}
	st, _ := Load("state-cable", "")
	if st.Settings.Classification != "spaced" || st.Settings.TapePageLines != 20 || st.Settings.SectionPages != 5 || !st.Settings.Numbered {
		t.Errorf("state-cable settings %+v", st.Settings)
	}
	pm, _ := Load("personal-message", "")
	if pm.Settings.OpenQuote == nil || *pm.Settings.OpenQuote != `"` || *pm.Settings.CloseQuote != "''" {
		t.Errorf("personal-message quotes %+v", pm.Settings)
	}
}

func TestLoadOverrideAndPath(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "state-cable.tmpl"), []byte("{{/*\ndescription: ours\nwidth: 55\n*/}}X\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "extra.tmpl"), []byte("no settings {{.Text}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tm, err := Load("state-cable", dir)
	if err != nil || tm.Settings.Width != 55 || tm.Origin != filepath.Join(dir, "state-cable.tmpl") {
		t.Fatalf("override: %+v, %v", tm, err)
	}
	tm, err = Load(filepath.Join(dir, "extra.tmpl"), "")
	if err != nil || tm.Name != "extra" || tm.Settings.Width != 0 {
		t.Fatalf("path: %+v, %v", tm, err)
	}
	list, errs := List(dir)
	if len(errs) != 0 || len(list) != 4 {
		t.Fatalf("List: %d templates, errors %v", len(list), errs)
	}
	if _, err := Load("nope", dir); err == nil || !strings.Contains(err.Error(), `unknown template "nope"`) {
		t.Errorf("unknown name: %v", err)
	}
	if _, err := Load("", dir); err == nil {
		t.Error("empty name accepted")
	}
	if _, err := Load(filepath.Join(dir, "missing.tmpl"), ""); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing path: %v", err)
	}
}

func TestSettingsErrors(t *testing.T) {
	for src, want := range map[string]string{
		"{{/*\nwidht: 40\n*/}}":         `line 2: unknown setting "widht" (settings are description, dialect, width,`,
		"{{/*\ndialect: telex\n*/}}":    `dialect: unknown dialect "telex": use one of`,
		"{{/*\ndialect: archive\n*/}}":  `dialect "archive" is only read, never written: use state`,
		"{{/*\nwidth: wide\n*/}}":       "cannot unmarshal",
		"{{/*\nwidth: 40\n":             "never closed",
		"{{/*\nwidth: [1\n*/}}":         "settings:",
		"{{/*\nnumbered: perhaps\n*/}}": "cannot unmarshal",
	} {
		_, err := parse("t", "t.tmpl", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("parse(%q) error = %v, want one line containing %q", src, err, want)
		}
	}
}

func TestEmptyOverrideAndEmbedded(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "fco-telegram.tmpl")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load("fco-telegram", dir); err == nil || !strings.Contains(err.Error(), "template "+p+" is empty: remove it to use the built-in fco-telegram") {
		t.Errorf("empty override: %v", err)
	}
	tm, err := Embedded("fco-telegram")
	if err != nil || tm.Origin != "built-in" || !strings.Contains(string(tm.Source), "{{.Text}}") {
		t.Errorf("Embedded: %+v %v", tm, err)
	}
	if _, err := Embedded("nope"); err == nil {
		t.Error("Embedded of an unknown name")
	}
}

// Every built-in template names the dialect it writes, and each dialect a
// template writes is written by exactly one built-in template.
func TestEveryTemplateNamesItsDialect(t *testing.T) {
	seen := map[string]string{}
	for _, n := range Names() {
		tm, err := Embedded(n)
		if err != nil {
			t.Fatal(err)
		}
		d := tm.Dialect()
		if d == nil {
			t.Errorf("template %s names no dialect (%q)", n, tm.Settings.Dialect)
			continue
		}
		if other, ok := seen[d.Name]; ok {
			t.Errorf("templates %s and %s both write dialect %s", other, n, d.Name)
		}
		seen[d.Name] = n
		if got := ForDialect(d); got != n {
			t.Errorf("ForDialect(%s) = %q, want %s", d.Name, got, n)
		}
	}
	for _, d := range cable.Dialects() {
		if d.CopyOf != nil {
			if got, want := ForDialect(d), seen[d.CopyOf.Name]; got != want || got == "" {
				t.Errorf("ForDialect(%s) = %q, want the template of %s (%q)", d.Name, got, d.CopyOf.Name, want)
			}
			continue
		}
		if seen[d.Name] == "" {
			t.Errorf("no built-in template writes dialect %s", d.Name)
		}
	}
}
