package cable

import (
	"fmt"
	"strings"
)

// Classification levels, lowest first. LIMITED OFFICIAL USE is the US
// handling marking State telegrams print where a classification goes
// (5 FAM 480); it stands below CONFIDENTIAL, beside the UK's RESTRICTED.
var Classifications = []string{"UNCLASSIFIED", "LIMITED OFFICIAL USE", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET"}

// ParseClassification accepts a classification level in any case and with
// any spacing, including the letter-spaced form (S E C R E T), and returns
// its canonical upper-case form.
func ParseClassification(s string) (string, error) {
	v := strings.ToUpper(strings.Join(strings.Fields(s), " "))
	if v == "UNCLAS" {
		return "UNCLASSIFIED", nil
	}
	for _, c := range Classifications {
		if v == c || v == strings.Join(strings.Fields(letterSpace(c)), " ") {
			return c, nil
		}
	}
	return "", fmt.Errorf("unknown classification %q: use one of %s", s, strings.Join(Classifications, ", "))
}

// ClassificationRank orders levels: 0 for UNCLASSIFIED up to 5 for TOP
// SECRET, -1 for an unknown level.
func ClassificationRank(c string) int {
	for i, v := range Classifications {
		if v == c {
			return i
		}
	}
	return -1
}

// LetterSpaced writes a classification as ACP 127 §209 does in plain
// language text: S E C R E T, with words separated by three spaces
// (T O P   S E C R E T).
func LetterSpaced(c string) string { return letterSpace(c) }

func letterSpace(c string) string {
	words := strings.Fields(c)
	for i, w := range words {
		words[i] = strings.Join(strings.Split(w, ""), " ")
	}
	return strings.Join(words, "   ")
}
