package cmd

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
)

// checkSendable checks what can be checked of a draft without the store:
// no unresolved tracked changes; classification, originator and addressees
// present.
func checkSendable(path string, data []byte, doc *draft.Document) error {
	marks, err := critic.UnresolvedMarks(path, data)
	if err != nil {
		return err
	}
	if len(marks) > 0 {
		return fmt.Errorf("%s has %d unresolved tracked change(s), the first at line %d: resolve them with `redline accept` or `redline reject`, commit, then send", path, len(marks), marks[0].Line)
	}
	var missing []string
	if strings.TrimSpace(doc.Fields.Classification) == "" {
		missing = append(missing, "classification")
	}
	if strings.TrimSpace(doc.Fields.From) == "" {
		missing = append(missing, "from (the originator)")
	}
	if len(doc.Fields.To) == 0 {
		missing = append(missing, "to (the addressees)")
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s cannot be sent without %s: add it to the front matter and commit", path, strings.Join(missing, ", "))
	}
	if !hasWords(doc.Body) {
		return fmt.Errorf("%s has no message text: write the message below the front matter, commit, then send", path)
	}
	if strings.TrimSpace(doc.Fields.Title) == skeletonTitle {
		return fmt.Errorf("%s still has the placeholder title of `redline new` (%q): give the message its title in the front matter, commit, then send", path, skeletonTitle)
	}
	if bytes.Contains(doc.Body, []byte(skeletonBody)) {
		return fmt.Errorf("%s still has the placeholder text of `redline new` (%q): write the message in its place, commit, then send", path, strings.TrimSpace(skeletonBody))
	}
	return nil
}

// hasWords reports whether text holds at least one letter or digit.
func hasWords(text []byte) bool {
	return bytes.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
