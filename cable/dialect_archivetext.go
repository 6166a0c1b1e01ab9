package cable

import (
	"bytes"
	"strings"
)

// ArchiveText is a State telegram as an archive's web page shows it when
// only the text is copied: the WikiLeaks PlusD mirror of NARA's database
// prints a "Show Headers" toggle above the body, and each page break of
// the original as the classification and the page line run together
// ("SECRET" then "SECRETSTATE 296706"), with the archivist's release stamp
// ("… Declassified/Released US Department of State EO Systematic Review …")
// between pages. There is no heading and no blank line between paragraphs.
// It is read, never written: the page line gives the serial and the
// classification, the furniture is counted in the notes, and the text is
// the telegram's own words, one paragraph per number.
var ArchiveText = &Dialect{
	Name:                "archive-text",
	Title:               "text-only copy of a State telegram from an archive page",
	Heading:             []string{"TEXT"},
	AddresseePrecedence: PrecedenceNone,
	Numbered:            true,
	Signature:           SignatureInText,
	CopyOf:              State,
	rank:                7,
}

func init() {
	ArchiveText.read = readArchiveText
	register(ArchiveText)
}

var (
	// atPageRE is a page line run together with the classification above
	// it: SECRETSTATE 296706, CONFIDENTIALLONDON 11682.
	atPageRE = lazyRE(`^(` + strings.Join(Classifications, "|") + `)\s*((?:PAGE \d+ )?[A-Z][A-Z ]*?) (\d{4,6})$`)
	// atPageNoRE is the page number some page lines keep: PAGE 02.
	atPageNoRE = lazyRE(`^PAGE \d+ `)
	// atStampRE is an archivist's release stamp.
	atStampRE = lazyRE(`(?i)\bdeclassified/released\b`)
	// atParaRE opens a numbered paragraph.
	atParaRE = lazyRE(`^\d{1,3}\. `)
)

// atClassLine gives the classification of a line that is only one.
func atClassLine(s string) string {
	if c, err := ParseClassification(s); err == nil && strings.EqualFold(strings.Join(strings.Fields(s), " "), c) {
		return c
	}
	return ""
}

// readArchiveText reads an ArchiveText copy. It is recognised by the
// page's "Show Headers" toggle on the first line or by a run-together page
// line; anything else is left to the other readers.
func readArchiveText(data []byte) (*Message, bool, error) {
	lines := transcriptLines(data)
	first := nextFilled(lines, 0)
	toggle := first < len(lines) && strings.TrimSpace(lines[first]) == "Show Headers"
	m := &Message{Form: ArchiveText.Name}
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	paged := false
	for i, l := range lines {
		s := strings.TrimSpace(l)
		switch {
		case toggle && i == first:
			m.Notes = append(m.Notes, s)
		case s == "":
			flush()
		case atPageRE.MatchString(s):
			g := atPageRE.FindStringSubmatch(s)
			paged = true
			m.PageMarkers++
			if c, err := ParseClassification(g[1]); err == nil && m.Classification == "" {
				m.Classification = c
			}
			if m.Serial == "" {
				m.Serial = atPageNoRE.ReplaceAllString(g[2], "") + " " + g[3]
			}
		case atClassLine(s) != "":
			if m.Classification == "" {
				m.Classification, _ = ParseClassification(s)
			}
		case atStampRE.MatchString(s):
			m.Notes = append(m.Notes, s)
		default:
			if atParaRE.MatchString(s) {
				flush()
			}
			if m.TextLine == 0 {
				m.TextLine = i + 1 // the text's first line in the file
			}
			cur = append(cur, s)
		}
	}
	flush()
	if !toggle && !paged {
		return nil, false, nil
	}
	if len(paras) == 0 {
		return nil, true, cpErrorf(0, "archive page without the telegram's text: expected its text after %q", strings.TrimSpace(lines[first]))
	}
	m.Text = strings.Join(paras, "\n\n")
	cpNormalizeMessage(m)
	return m, true, nil
}

// IsArchiveText reports whether data reads as an ArchiveText copy: the
// archive page's "Show Headers" toggle first, or a run-together page line
// within the first 64 KB, in a text that has no cable heading of its own.
func IsArchiveText(data []byte) bool {
	const look = 64 << 10
	if len(data) > look {
		data = data[:look]
	}
	if firstFilledLine(data) == "Show Headers" {
		return true
	}
	marked := false // a page line needs a classification word: look for one first
	for _, c := range Classifications {
		if bytes.Contains(data, []byte(c)) {
			marked = true
			break
		}
	}
	if !marked {
		return false
	}
	for _, l := range transcriptLines(data) {
		if atPageRE.MatchString(strings.TrimSpace(l)) {
			return !IsCable(data)
		}
	}
	return false
}

// firstFilledLine is the first line of data that is not blank, trimmed as
// transcriptLines trims it; "" when there is none in the first 4 KB.
func firstFilledLine(data []byte) string {
	s := strings.TrimPrefix(string(data[:min(len(data), 4096)]), "\ufeff")
	for s != "" {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		if t := strings.TrimSpace(strings.ReplaceAll(line, "\f", "")); t != "" {
			return t
		}
	}
	return ""
}
