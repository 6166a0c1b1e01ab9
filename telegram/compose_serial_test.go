package telegram

import (
	"strings"
	"testing"
)

// The TELNO series' serials already carry the word (TELNO {n}); the
// fco-telegram template writes it once whether the serial has it or not.
func TestCableFCOTelegramSerialWrittenOnce(t *testing.T) {
	src := strings.Replace(stateDraft, "template: state-cable", "template: fco-telegram\nfrom: FCO", 1)
	for _, serial := range []string{"1119", "TELNO 1119", "telno 1119", " TELNO 1119 "} {
		out, err := Render(parseDraft(t, src), Options{DTG: "170356Z JUL 03", Serial: serial})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "\nTELNO 1119\n") || strings.Contains(string(out), "TELNO TELNO") {
			t.Errorf("serial %q:\n%s", serial, out)
		}
	}
	for in, want := range map[string]string{"1": "TELNO 1", "TELNO 1": "TELNO 1", "TELNOS 1": "TELNO TELNOS 1", "[TELNO]": "TELNO [TELNO]", "": "TELNO", "telno": "telno"} {
		if got := prefixSerial("TELNO", in); got != want {
			t.Errorf("prefixSerial(TELNO, %q) = %q, want %q", in, got, want)
		}
	}
}
