package critic

import (
	"strings"
	"testing"
)

// The finer marking keeps what the two sides of a change share, in
// order, as unchanged text: whole words, and single white-space
// characters such as the line breaks two runs of white space share.
func TestCommonRuns(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"the old text here", "the new text there", "the |old→new| text |here→there|"},
		{"\n\n\n \t ", "  \n\n\n", "|→  |\n\n\n| \t →|"},
		{"abc", "xyz", "|abc→xyz|"},
	} {
		parts, ok := commonRuns(splitTokens(tc.a), splitTokens(tc.b))
		if !ok {
			t.Fatalf("%q against %q: not split", tc.a, tc.b)
		}
		var got, old, new strings.Builder
		for _, p := range parts {
			old.WriteString(p.Old)
			new.WriteString(p.New)
			if p.Change {
				got.WriteString("|" + p.Old + "→" + p.New + "|")
			} else {
				got.WriteString(p.New)
			}
		}
		if got.String() != tc.want || old.String() != tc.a || new.String() != tc.b {
			t.Errorf("%q against %q: %q, want %q", tc.a, tc.b, got.String(), tc.want)
		}
	}
	if _, ok := commonRuns(make([]string, 3000), make([]string, 3000)); ok {
		t.Error("a change of 3,000 by 3,000 pieces was split past the limit")
	}
}
