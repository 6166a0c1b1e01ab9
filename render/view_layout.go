package render

// The layout every reviewer view shares: the palette (terminal styles),
// how a side is named, the summary line and banners, fields, and which
// paragraphs a fold keeps.

import (
	"fmt"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/diff"
)

// The palette of every view: deleted text red, inserted blue, moved green,
// as reviewers in law and government expect. Each hue is given as a
// terminal colour (SGR), as RGB for PDF and as CSS for HTML (the HTML
// template's --del, --ins and --move variables, which a test holds to
// these).
type hue struct {
	sgr       string // SGR foreground colour
	rgb       [3]int
	css, cssB string // text and background colours
}

var (
	hueDelete = hue{"31", [3]int{200, 0, 0}, "#a50e0e", "#fce8e6"}
	hueInsert = hue{"34", [3]int{0, 0, 210}, "#0b57d0", "#e8f0fe"}
	hueMove   = hue{"32", [3]int{0, 128, 0}, "#0b6b2e", "#e6f4ea"}
)

// Terminal styles (SGR).
var (
	sgrDelete   = "\x1b[" + hueDelete.sgr + ";9m" // struck through
	sgrInsert   = "\x1b[" + hueInsert.sgr + ";4m" // underlined
	sgrMoveFrom = "\x1b[" + hueMove.sgr + ";9m"
	sgrMoveTo   = "\x1b[" + hueMove.sgr + ";4m"
	sgrMoveMark = "\x1b[1;" + hueMove.sgr + "m"
)

const (
	sgrReset = "\x1b[0m"
	sgrFaint = "\x1b[2m"
	sgrBold  = "\x1b[1m"
)

func spanStyle(s span) string {
	switch s.kind {
	case spanDelete:
		return sgrDelete
	case spanInsert:
		return sgrInsert
	case spanMoveFrom:
		return sgrMoveFrom
	case spanMoveTo:
		return sgrMoveTo
	}
	return ""
}

// widths measures display columns the same way whatever the locale: the
// library's defaults, with ambiguous characters one column wide.
var widths = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// displayName is a side's name, or "(unnamed)" when it has none.
func displayName(s diff.Side) string {
	if s.Name == "" {
		return "(unnamed)"
	}
	return s.Name
}

// sideFacts lists what is known of a side beyond its name, in the order
// every view shows them: revision, label (after labelPrefix, which the PDF
// sets to "label "), author, office and time.
func sideFacts(s diff.Side, labelPrefix string) []string {
	var facts []string
	if s.Revision > 0 {
		facts = append(facts, fmt.Sprintf("revision %d", s.Revision))
	}
	for _, f := range []struct{ prefix, v string }{
		{labelPrefix, s.Label}, {"", s.Author}, {"", s.Office}, {"", s.Time},
	} {
		if f.v != "" {
			facts = append(facts, f.prefix+f.v)
		}
	}
	return facts
}

// sideLabel describes one side for headers: its name, then its facts in
// brackets.
func sideLabel(s diff.Side) string {
	label := displayName(s)
	if facts := sideFacts(s, ""); len(facts) > 0 {
		label += " (" + strings.Join(facts, ", ") + ")"
	}
	return cleanText(label)
}

// summaryLine is the one-line summary under a redline.
func summaryLine(c *diff.Comparison) string {
	st := c.Stats
	changes := fmt.Sprintf("%d changes", st.Changes)
	if st.Changes == 1 {
		changes = "1 change"
	}
	deleted := fmt.Sprintf("%d words deleted", st.DeletedWords)
	if st.DeletedWords == 1 {
		deleted = "1 word deleted"
	}
	s := fmt.Sprintf("%s: %s, %d inserted, %d moved; %d → %d words, similarity %.1f%%",
		changes, deleted, st.InsertedWords, st.MovedWords, st.OldWords, st.NewWords, st.Similarity*100)
	if n := len(c.Fields); n == 1 {
		s += "; 1 field changed"
	} else if n > 1 {
		s += fmt.Sprintf("; %d fields changed", n)
	}
	return s
}

// classificationOf is the higher of the two sides' classifications ("" when
// neither has one), which is what a printed redline must carry.
func classificationOf(c *diff.Comparison) string {
	o, n := strings.TrimSpace(c.Old.Classification), strings.TrimSpace(c.New.Classification)
	switch {
	case o == "":
		return n
	case n == "":
		return o
	}
	ro, rn := cable.ClassificationRank(strings.ToUpper(o)), cable.ClassificationRank(strings.ToUpper(n))
	if ro > rn {
		return o
	}
	return n
}

// moveCount counts the distinct moves of a comparison.
func moveCount(c *diff.Comparison) int {
	seen := map[int]bool{}
	for _, s := range c.Segments {
		if s.Move > 0 {
			seen[s.Move] = true
		}
	}
	return len(seen)
}

// fieldFrags shows a field change as "old → new", the old value struck and
// the new one inserted.
func fieldFrags(f diff.FieldChange, color bool) []frag {
	o, n := joinLines(cleanText(f.Old)), joinLines(cleanText(f.New))
	var out []frag
	if o != "" {
		out = append(out, markup([]span{{kind: spanDelete, text: o}}, color, false)...)
	}
	if o != "" && n != "" {
		out = append(out, frag{"", " → "})
	}
	if n != "" {
		out = append(out, markup([]span{{kind: spanInsert, text: n}}, color, false)...)
	}
	return out
}

// keepParagraphs says which of n paragraphs a view shows when it folds
// unchanged ones: all when context is negative, else those within context
// paragraphs of a changed one.
func keepParagraphs(n, context int, changed func(int) bool) []bool {
	keep := make([]bool, n)
	for i := range keep {
		if context < 0 {
			keep[i] = true
			continue
		}
		if changed(i) {
			for j := max(0, i-context); j <= min(n-1, i+context); j++ {
				keep[j] = true
			}
		}
	}
	return keep
}

// foldText stands for n unchanged paragraphs folded away.
func foldText(n int) string {
	if n == 1 {
		return "⋯ 1 unchanged paragraph ⋯"
	}
	return fmt.Sprintf("⋯ %d unchanged paragraphs ⋯", n)
}

// changeTag is what a view writes before a change: #N when numbers are
// shown, and «who» when the comparison says who made it (diff --by).
func changeTag(change int, by string, numbers bool) string {
	if change <= 0 {
		return ""
	}
	tag := ""
	if numbers {
		tag = fmt.Sprintf("#%d", change)
	}
	if by != "" {
		tag += "«" + cleanText(by) + "»"
	}
	return tag
}
