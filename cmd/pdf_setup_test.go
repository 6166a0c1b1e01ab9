package cmd

import (
	"strings"
	"testing"
	"time"

	"github.com/redline-dev/redline/render/pdffont"
)

// The PDF setup comes from the environment it is given: a creation date
// from SOURCE_DATE_EPOCH, fallback fonts as in PATH, and a refusal of an
// epoch that is not a count of seconds.
func TestPDFSetupReadsTheEnvironment(t *testing.T) {
	env := map[string]string{
		"SOURCE_DATE_EPOCH":     " 598829400 ",
		pdffont.FallbackFontEnv: "/a/one.ttf: :/b/two.ttf",
	}
	s, err := pdfSetup(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(1988, 12, 22, 21, 30, 0, 0, time.UTC); !s.Created.Equal(want) {
		t.Errorf("created %v, want %v", s.Created, want)
	}
	if got := strings.Join(s.FallbackFonts, "|"); got != "/a/one.ttf|/b/two.ttf" {
		t.Errorf("fallback fonts %q", got)
	}
	if s, err := pdfSetup(func(string) string { return "" }); err != nil || !s.Created.IsZero() || s.FallbackFonts != nil {
		t.Errorf("empty environment: %+v, %v", s, err)
	}
	for _, bad := range []string{"yesterday", "-1", "1.5"} {
		_, err := pdfSetup(func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return bad
			}
			return ""
		})
		if err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
			t.Errorf("SOURCE_DATE_EPOCH=%s: error %v", bad, err)
		}
	}
}
