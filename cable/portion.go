package cable

import (
	"fmt"
	"strings"
)

// A portion mark is the classification a State telegram writes at the
// head of a paragraph, 1. (C), 2. (S), 1. (C - ENTIRE TEXT) (5 FAM 480):
// the overall classification must be at least the highest of them.

// cpPortionRE is a paragraph opening with a portion mark, after its
// number if it has one.
var cpPortionRE = lazyRE(`^(?:\d+\.\s+)?\(\s*(TS|S|C|LOU|SBU|U)(?:\s*[-/]\s*[A-Z][A-Z ]*)?\s*\)(?:[.:\s]|$)`)

// portionLevels maps a portion mark to its classification level.
var portionLevels = map[string]string{"TS": "TOP SECRET", "S": "SECRET", "C": "CONFIDENTIAL",
	"LOU": "LIMITED OFFICIAL USE", "SBU": "LIMITED OFFICIAL USE", "U": "UNCLASSIFIED"}

// PortionMark is the level a paragraph is marked with, and the 1-based
// line of the text where the paragraph opens.
type PortionMark struct {
	Line  int
	Mark  string // as written: C, S, LOU
	Level string // its classification level: CONFIDENTIAL
}

// PortionMarks lists the portion marks that open paragraphs of a cable's
// text (a paragraph opens on the first line, after a blank line and on a
// numbered line). A one-letter mark counts only after the paragraph's
// number (1. (C)): standing alone, (C) is a lettered subparagraph.
func PortionMarks(text string) []PortionMark { return portionMarks(text, true) }

// DraftPortionMarks lists the portion marks that open paragraphs of a
// draft's Markdown body, where the template numbers the paragraphs and a
// subparagraph is lettered a. or (a): a paragraph opening (C) is marked
// CONFIDENTIAL.
func DraftPortionMarks(body string) []PortionMark { return portionMarks(body, false) }

func portionMarks(text string, cableText bool) []PortionMark {
	var out []PortionMark
	prevBlank := true
	for i, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if t == "" {
			prevBlank = true
			continue
		}
		if prevBlank || cpListStartRE.MatchString(t) {
			if sub := cpPortionRE.FindStringSubmatch(t); sub != nil && (!cableText || len(sub[1]) > 1 || t[0] != '(') {
				out = append(out, PortionMark{Line: i + 1, Mark: sub[1], Level: portionLevels[sub[1]]})
			}
		}
		prevBlank = false
	}
	return out
}

// CheckPortionMarks reports the first of marks above the
// overall classification, naming its line (counted from firstLine, the
// line of the input where the text they were read from starts) and the two ways to fix it; nil
// when every mark is at or below it or the classification is unknown.
func CheckPortionMarks(name string, firstLine int, classification string, marks []PortionMark) error {
	overall := ClassificationRank(classification)
	if overall < 0 {
		return nil
	}
	for _, pm := range marks {
		if ClassificationRank(pm.Level) > overall {
			return fmt.Errorf("%s:%d: the paragraph is marked (%s), %s, above the message's classification %s: raise the classification to %s or mark the paragraph lower",
				name, firstLine+pm.Line-1, pm.Mark, pm.Level, classification, pm.Level)
		}
	}
	return nil
}
