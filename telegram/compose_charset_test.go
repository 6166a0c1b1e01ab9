package telegram

import (
	"strings"
	"testing"
)

// The State template sends what State telegrams carried: the seed's 1988
// instruction has "PRISONER); ON GORDIYEVSKAYA".
func TestCableStateSemicolon(t *testing.T) {
	src := strings.Replace(stateDraft, "The Department's view is unchanged.", "He is a prisoner); on the other case, we ask only that.", 1)
	out, err := Render(parseDraft(t, src), Options{DTG: "150000Z DEC 88", Serial: "STATE 402000"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "PRISONER); ON THE OTHER CASE") {
		t.Errorf("semicolon lost:\n%s", out)
	}
}

// Errors from header lines name the draft and the front-matter field.
func TestCableHeaderErrorsNameTheField(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"long word in the subject", strings.Replace(stateDraft, "subject: British Ambassador presents credentials", "subject: "+strings.Repeat("X", 75), 1),
			"test.md: front matter field subject: the word XXXXXXXXXXXXXXXXXXXX... is 75 characters, longer than a line of 69"},
		{"long addressee", strings.Replace(stateDraft, "to: [AMEMBASSY LONDON]", "to: [AMEMBASSY LONDON, USMISSION USNATO BRUSSELS BELGIUM VERY LONG NAME OF THE MISSION]", 1),
			"test.md: front matter field to makes line 4 of the cable 73 characters, longer than 69"},
		{"no template", "---\nclassification: SECRET\nprecedence: ROUTINE\n---\ntext\n",
			"add template: NAME to its front matter (fco-telegram, personal-message, state-cable)"},
	} {
		_, err := Render(parseDraft(t, c.src), Options{DTG: "150000Z DEC 88", Serial: "STATE 1"})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}
