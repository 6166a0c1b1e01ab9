package cable

import (
	"os"
	"strings"
	"testing"
)

func TestDialectsAreDistinctAndNamed(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range Dialects() {
		if d.Name == "" || d.Title == "" || len(d.Heading) == 0 || seen[d.Name] {
			t.Errorf("dialect %+v: needs a unique name, a title and its heading lines", d)
		}
		seen[d.Name] = true
		if got, err := DialectNamed(d.Name); err != nil || got != d {
			t.Errorf("DialectNamed(%q) = %v, %v", d.Name, got, err)
		}
		if d.CopyOf != nil && (d.CopyOf.CopyOf != nil || d.Writer() != d.CopyOf) {
			t.Errorf("dialect %s is a copy of %s, which must be a written dialect", d.Name, d.CopyOf.Name)
		}
		if d.CopyOf == nil && len(d.Skeleton) == 0 {
			t.Errorf("dialect %s is written by a template but gives a new draft no fields", d.Name)
		}
	}
	if _, err := DialectNamed("telex"); err == nil || !strings.Contains(err.Error(), "use one of archive, archive-text, fco, personal, state") {
		t.Errorf("unknown dialect: %v", err)
	}
}

// Each dialect is recognised from a cable written in it, without being
// told.
func TestDialectRecognised(t *testing.T) {
	for file, want := range map[string]*Dialect{
		"parse_state_1979.txt":            State,
		"parse_fco_telno.txt":             FCO,
		"parse_seed_1988.txt":             PersonalMessage,
		"parse_qa_state_header_after.txt": ArchiveCopy,
		"archive/frus_1981-88v13_d27.txt": Transcription,
	} {
		data, err := os.ReadFile("testdata/" + file)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if m.Dialect() != want || m.Form != want.Name {
			t.Errorf("%s: dialect %v (form %q), want %s", file, m.Dialect(), m.Form, want.Name)
		}
	}
	if (&Message{}).Dialect() != nil {
		t.Error("a message of no form has a dialect")
	}
}
