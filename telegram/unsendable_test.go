package telegram

import (
	"errors"
	"strings"
	"testing"

	"github.com/redline-dev/redline/cable"
)

// A draft with a name in Cyrillic and symbols in its subject has every
// character that cannot be sent reported in one run, each with its line
// and column and what to write instead.
func TestEveryUnsendableCharacterInOneRun(t *testing.T) {
	src := strings.Replace(stateDraft, "British Ambassador presents", "British Ambassador + Горбачёв", 1)
	src = strings.Replace(src, "Sir Nicholas Henderson,", "Sir Nicholas Henderson, Шеварднадзе;", 1)
	_, err := Render(parseDraft(t, src), Options{DTG: "242336Z JUL 79", Serial: "STATE 1"})
	var ue *cable.UnsendableError
	if !errors.As(err, &ue) {
		t.Fatalf("want every unsendable character listed, got %v", err)
	}
	// + and the 8 letters of the subject, the 11 of the name in the text
	// (the semicolon is in the template's extra characters).
	if len(ue.Chars) != 1+8+11 {
		t.Errorf("%d characters listed, want 20:\n%v", len(ue.Chars), err)
	}
	msg := err.Error()
	for _, want := range []string{
		"test.md has 20 characters that cannot be sent in the ita2 character set",
		"test.md: front matter field subject, column 20: '+' (U+002B): write PLUS instead",
		"test.md: front matter field subject, column 22: 'Г' (U+0413): write G instead",
		"test.md: front matter field subject, column 28: 'ё' (U+0451): write YE instead",
		"test.md:13:49: 'Ш' (U+0428): write SH instead",
		"test.md:13:59: 'е' (U+0435): write E instead",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
}

func TestSuggestion(t *testing.T) {
	for r, want := range map[rune]string{'Ж': "ZH", 'щ': "SHCH", '+': "PLUS", '€': "EUROS", '♥': "", 'Ь': ""} {
		if got := cable.Suggestion(r); got != want {
			t.Errorf("Suggestion(%q) = %q, want %q", r, got, want)
		}
	}
}
