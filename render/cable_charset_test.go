package render

import (
	"strings"
	"testing"
)

// The State template sends what State telegrams carried: the seed's 1988
// instruction has "PRISONER); ON GORDIYEVSKAYA".
func TestCableStateSemicolon(t *testing.T) {
	src := strings.Replace(stateDraft, "The Department's view is unchanged.", "He is a prisoner); on the other case, we ask only that.", 1)
	out, err := Cable(parseDraft(t, src), CableOptions{DTG: "150000Z DEC 88", Serial: "STATE 402000"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "PRISONER); ON THE OTHER CASE") {
		t.Errorf("semicolon lost:\n%s", out)
	}
}
