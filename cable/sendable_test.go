package cable

import (
	"strings"
	"testing"
)

func TestSendMissing(t *testing.T) {
	for _, tc := range []struct {
		name string
		msg  Message
		want []string
	}{
		{"state without tags or E.O.", Message{Form: "state"}, []string{"TAGS", "E.O."}},
		{"state without tags", Message{Form: "state", EO: "12356: DECL: OADR"}, []string{"TAGS"}},
		{"state complete", Message{Form: "state", EO: "N/A", Tags: []string{"PREL"}}, nil},
		{"personal message needs neither", Message{Form: "personal"}, nil},
		{"fco needs neither", Message{Form: "fco"}, nil},
	} {
		got := tc.msg.SendMissing()
		if len(got) != len(tc.want) {
			t.Errorf("%s: SendMissing() = %q, want %d item(s) naming %q", tc.name, got, len(tc.want), tc.want)
			continue
		}
		for i, w := range tc.want {
			if !strings.Contains(got[i], w) {
				t.Errorf("%s: item %d = %q, want it to name %s", tc.name, i, got[i], w)
			}
		}
	}
}
