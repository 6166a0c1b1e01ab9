package cmd

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

type sampleRow struct {
	Name   string   `json:"name"`
	Office string   `json:"office,omitempty"`
	Labels []string `json:"labels,omitempty"`
	Count  int      `json:"count"`
}

func exportWith(t *testing.T, v any, args ...string) (string, error) {
	t.Helper()
	c := &cobra.Command{Use: "x", RunE: func(*cobra.Command, []string) error { return nil }}
	e := addJSONFlags(c, sampleRow{})
	if err := parseOnly(t, c, args...); err != nil {
		return "", err
	}
	var b bytes.Buffer
	err := e.Write(&b, v)
	return b.String(), err
}

func TestJSONFieldSelection(t *testing.T) {
	rows := []sampleRow{{Name: "a", Office: "FCO", Count: 2}, {Name: "b", Count: 0}}
	got, err := exportWith(t, rows, "--json=name,office")
	if err != nil {
		t.Fatal(err)
	}
	want := "[\n  {\n    \"name\": \"a\",\n    \"office\": \"FCO\"\n  },\n  {\n    \"name\": \"b\",\n    \"office\": null\n  }\n]\n"
	if got != want {
		t.Fatalf("got %s\nwant %s", got, want)
	}
	all, err := exportWith(t, rows, "--json")
	if err != nil || !strings.Contains(all, `"count": 0`) || strings.Contains(all, "null") {
		t.Fatalf("--json alone must print the value as it is: %s %v", all, err)
	}
}

func TestJSONUnknownFieldIsUsageError(t *testing.T) {
	_, err := exportWith(t, []sampleRow{}, "--json=name,bogus")
	if err == nil || exitCode(err) != ExitError || !strings.Contains(err.Error(), "count, labels, name, office") {
		t.Fatalf("got %v", err)
	}
}

func TestJQAndTemplate(t *testing.T) {
	rows := []sampleRow{{Name: "a", Labels: []string{"x", "y"}}, {Name: "b"}}
	got, err := exportWith(t, rows, "--jq", ".[] | .name")
	if err != nil || got != "a\nb\n" {
		t.Fatalf("--jq gave %q, %v", got, err)
	}
	got, err = exportWith(t, rows, "--jq", ".[0].labels")
	if err != nil || got != "[\"x\",\"y\"]\n" {
		t.Fatalf("--jq gave %q, %v", got, err)
	}
	got, err = exportWith(t, rows, "--json-template", `{{range .}}{{.name}}:{{join "," .labels}};{{end}}`)
	if err != nil || got != "a:x,y;b:;" {
		t.Fatalf("--json-template gave %q, %v", got, err)
	}
	if _, err := exportWith(t, rows, "--jq", ".[] | "); err == nil || exitCode(err) != ExitError {
		t.Fatalf("a bad jq expression must be a usage error: %v", err)
	}
}

func TestWriteJSONNilSliceIsArray(t *testing.T) {
	var b bytes.Buffer
	var rows []sampleRow
	if err := writeJSON(&b, rows); err != nil || b.String() != "[]\n" {
		t.Fatalf("got %q, %v", b.String(), err)
	}
}

func TestErrorWithHint(t *testing.T) {
	err := errorWithHint(usageErrorf("x.md exists"), "give --force")
	if exitCode(err) != ExitError || err.Error() != "x.md exists" {
		t.Fatalf("got %v", err)
	}
	var out strings.Builder
	code := Main([]string{"version", "--json=bogus"}, strings.NewReader(""), &out, &out)
	if code != ExitError || !strings.Contains(out.String(), "unknown field") {
		t.Fatalf("code %d, %q", code, out.String())
	}
	if h := errorHints(err); len(h) != 1 || h[0] != "give --force" {
		t.Fatalf("hints %v", h)
	}
}
