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
