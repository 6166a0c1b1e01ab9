package render

import "github.com/redline-dev/redline/diff"

// What views outside this package (docx) share with the views here, so
// that every view cleans text, names the sides and sums a comparison up
// the same way.

// CleanText makes text safe to show: control characters become visible
// pictures, CRLF becomes LF, tabs a space (see cleanText).
func CleanText(s string) string { return cleanText(s) }

// SideLabel describes one side: name, revision, label, author, office and
// time where known.
func SideLabel(s diff.Side) string { return sideLabel(s) }

// SummaryLine is the one-line summary of a comparison every view prints.
func SummaryLine(c *diff.Comparison) string { return summaryLine(c) }

// ClassificationOf is the higher of the sides' classifications, which a
// printed redline must carry.
func ClassificationOf(c *diff.Comparison) string { return classificationOf(c) }

// DefaultTitle is the title of a redline when none is given.
func DefaultTitle(c *diff.Comparison) string {
	return "Redline: " + orUnnamed(c.Old.Name) + " → " + orUnnamed(c.New.Name)
}
