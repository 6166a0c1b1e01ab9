package cable

import "testing"

func TestParseClassification(t *testing.T) {
	for in, want := range map[string]string{
		"secret":              "SECRET",
		"S E C R E T":         "SECRET",
		"Top  Secret":         "TOP SECRET",
		"T O P   S E C R E T": "TOP SECRET",
		"UNCLAS":              "UNCLASSIFIED",
	} {
		got, err := ParseClassification(in)
		if err != nil || got != want {
			t.Errorf("ParseClassification(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseClassification("SEKRET"); err == nil {
		t.Error("SEKRET accepted")
	}
	if got := LetterSpaced("TOP SECRET"); got != "T O P   S E C R E T" {
		t.Errorf("LetterSpaced = %q", got)
	}
}

func TestParsePrecedence(t *testing.T) {
	for in, want := range map[string]string{"immediate": "O", "O": "O", "flash": "Z", "r": "R"} {
		p, err := ParsePrecedence(in)
		if err != nil || p.Letter != want {
			t.Errorf("ParsePrecedence(%q) = %v, %v; want %s", in, p, err, want)
		}
	}
	if _, err := ParsePrecedence("URGENT"); err == nil {
		t.Error("URGENT accepted")
	}
}

// A classification line letter-spaced in full, LIMITED OFFICIAL USE too
// (which State's own copies print in plain letters), is read as one.
func TestSpacedClassificationLine(t *testing.T) {
	for line, want := range map[string]string{
		"L I M I T E D   O F F I C I A L   U S E STATE 180074": "LIMITED OFFICIAL USE",
		"LIMITED OFFICIAL USE STATE 180074":                    "LIMITED OFFICIAL USE",
		"T O P   S E C R E T STATE 180074":                     "TOP SECRET",
		"C O N F I D E N T I A L STATE 180074":                 "CONFIDENTIAL",
	} {
		class, rest, ok := cpMatchClassification(line)
		if !ok || class != want || rest != "STATE 180074" {
			t.Errorf("%q: %q %q %v, want %q", line, class, rest, ok, want)
		}
	}
}

func TestSplitAddressee(t *testing.T) {
	for in, want := range map[string][2]string{
		"AMEMBASSY MOSCOW (NIACT IMMEDIATE)": {"AMEMBASSY MOSCOW", "NIACT IMMEDIATE"},
		"MOSCOW (routine)":                   {"MOSCOW", "ROUTINE"},
		" PARIS (P) ":                        {"PARIS", "PRIORITY"},
		"USMISSION USUN NEW YORK (NOTAL)":    {"USMISSION USUN NEW YORK (NOTAL)", ""},
		"AMEMBASSY LONDON":                   {"AMEMBASSY LONDON", ""},
		"(IMMEDIATE)":                        {"(IMMEDIATE)", ""},
	} {
		if n, p := SplitAddressee(in); n != want[0] || p != want[1] {
			t.Errorf("SplitAddressee(%q) = %q, %q; want %q", in, n, p, want)
		}
	}
}
