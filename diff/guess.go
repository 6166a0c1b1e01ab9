package diff

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/redline-dev/redline/cable"
)

// hasFrontMatter reports whether data opens with a YAML front-matter fence.
func hasFrontMatter(data []byte) bool {
	d := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	return bytes.HasPrefix(d, []byte("---\n")) || bytes.HasPrefix(d, []byte("---\r\n"))
}

// maxLinesBeforeHeading is how many non-blank lines (transmission lines, an
// archive's distribution block) may stand above a cable's heading.
const maxLinesBeforeHeading = 40

// Built on first use, as most sides are never looked at line by line.
var (
	// guessPrecRE is a precedence line as a reader would recognise it, even
	// with a misread date-time group (O 2I2130Z DEC 88).
	guessPrecRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[ZOPRY](?:\s+[ZOPRY])?\s+\S{5,8}(?:\s+\S+){0,3}$`)
	})
	// guessTransRE is a line a teleprinter or an archive writes above a
	// heading: upper case, digits and signs, no prose.
	guessTransRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Z0-9 /.,:;#()*'+=-]+$`) })
)

func guessKeyword(s, kw string) bool { return s == kw || strings.HasPrefix(s, kw+" ") }

// cableShape is what a look at the top of a text finds about a cable
// heading.
type cableShape struct {
	heading int  // index of the line that starts the heading (a precedence line or FM), -1 if none
	fm      int  // index of the FM line
	bts     int  // number of BT lines after the heading
	prec    bool // a precedence line stands right above FM
}

// topCableShape looks for a cable heading at the start of the text: after
// blank lines and lines a teleprinter or an archive writes above it (upper
// case, no prose), an FM line followed by a TO line, with or without a
// precedence line above it. A heading further down (a cable quoted in a
// minute, in a fenced or indented block) is not the start of a cable.
func topCableShape(lines []string) cableShape {
	sh := cableShape{heading: -1, fm: -1}
	seen := 0
	prev := -1 // previous non-blank line
	for i, raw := range lines {
		t := strings.TrimRight(raw, " \t\r\f")
		if strings.TrimSpace(t) == "" {
			continue
		}
		if strings.HasPrefix(t, "    ") || strings.HasPrefix(t, "\t") {
			return sh // indented: a quoted block
		}
		t = strings.TrimSpace(t)
		if guessKeyword(t, "FM") {
			j := nextTOLine(lines, i+1)
			if j < len(lines) && guessKeyword(strings.TrimSpace(lines[j]), "TO") &&
				!strings.HasPrefix(lines[j], "    ") && !strings.HasPrefix(lines[j], "\t") {
				sh.fm, sh.heading = i, i
				if prev >= 0 && guessPrecRE().MatchString(strings.TrimSpace(lines[prev])) {
					sh.heading, sh.prec = prev, true
				}
				for _, l := range lines[j:] {
					if strings.TrimSpace(l) == "BT" {
						sh.bts++
					}
				}
			}
			return sh
		}
		seen++
		if seen > maxLinesBeforeHeading || !guessTransRE().MatchString(t) && !marginMark(t) {
			return sh
		}
		prev = i
	}
	return sh
}

// marginMark reports whether t is what the OCR text of a scanned file copy
// makes of a mark in the margin (initials, a tick, a date written in): a
// line of at most two short words that holds a letter or a digit, not
// prose and not Markdown's fences or rules.
func marginMark(t string) bool {
	if len(t) > 12 || len(strings.Fields(t)) > 2 || strings.ContainsAny(t, "`~") {
		return false
	}
	return strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// nextTOLine returns the index of the line where a heading's TO line would
// be after the FM line above i: the next non-blank line, or, in a filed
// FCO telegram, the TO line with the telegram number (TO PRIORITY FCO
// TELNO 539 OF 16 MAY) past the lines the cable reader lets stand between
// (cable.Interposed: a classification, a registry stamp, marks in the
// margin).
func nextTOLine(lines []string, i int) int {
	next := -1
	for n := 0; i < len(lines) && n <= cable.MaxInterposed; i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" {
			continue
		}
		if next < 0 {
			next = i
		}
		if guessKeyword(t, "TO") {
			if i == next || strings.Contains(t, " TEL") {
				return i
			}
			return next
		}
		if !cable.Interposed(t) {
			break
		}
		n++
	}
	if next < 0 {
		return len(lines)
	}
	return next
}

func splitLines(data []byte) []string {
	s := strings.TrimPrefix(string(data), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// guessKind says how a side is read when its kind is not given, with a note
// when the guess is uncertain and the other reading the note suggests.
func guessKind(name string, data []byte) (kind, note string, alt *Hint) {
	other := KindText
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		other = KindMarkdown
	}
	if hasFrontMatter(data) {
		// A draft: a cable in its body is quoted, never its envelope.
		return KindMarkdown, "", nil
	}
	if cable.IsArchiveCopy(data) {
		// The archive prints its copy's heading after the text: the text
		// above it is the cable's own.
		return KindCable, "", nil
	}
	if cable.IsTranscription(data) {
		// An editor's title, dateline and notes around a telegram's text.
		return KindCable, "", nil
	}
	if cable.IsArchiveText(data) {
		// An archive page's copy of the text alone, its page lines and
		// stamps between the paragraphs.
		return KindCable, "", nil
	}
	// Every cable heading has an FM line; most texts have none, and need
	// not be read line by line nor by the cable parser.
	if !hasFMLine(data) {
		return other, "", nil
	}
	lines := splitLines(data)
	sh := topCableShape(lines)
	if sh.heading >= 0 && (cable.IsCable(data) || sh.bts > 0) {
		note := proseAfterEnd(name, lines)
		if note == "" {
			return KindCable, "", nil
		}
		return KindCable, note, &Hint{Kind: KindText, Why: "to compare the whole file"}
	}
	if cable.IsCable(data) {
		return other, fmt.Sprintf("%s holds a cable heading below other text: compared whole as %s (read as a cable, only the cable's message text is compared)",
			displayName(name), other), &Hint{Kind: KindCable, Why: "to compare only the cable's message text"}
	}
	return other, "", nil
}

// hasFMLine reports whether data may hold a line that reads FM once
// trimmed (FM alone, or FM and a space and more), as every cable heading
// does. It errs on the side of yes: any non-ASCII byte before FM on its
// line may be white space, and a form feed, which the cable reader drops
// inside lines, makes the answer yes.
func hasFMLine(data []byte) bool {
	if bytes.IndexByte(data, '\f') >= 0 {
		return true
	}
	for off := 0; ; {
		k := bytes.Index(data[off:], []byte("FM"))
		if k < 0 {
			return false
		}
		at := off + k
		off = at + 2
		if at+2 < len(data) && !spaceOrNonASCII(data[at+2]) {
			continue
		}
		i := at - 1
		for i >= 0 && data[i] != '\n' && data[i] != '\r' && spaceOrNonASCII(data[i]) {
			i--
		}
		if i < 0 || data[i] == '\n' || data[i] == '\r' {
			return true
		}
	}
}

func spaceOrNonASCII(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c >= 0x80
}

// proseAfterEnd notes mixed-case text after a cable's end (its last BT, or
// NNNN): a reader's notes, or a document that merely opens with a cable.
// It is not compared, and the user should know.
func proseAfterEnd(name string, lines []string) string {
	end := -1
	for i, l := range lines {
		switch strings.TrimSpace(l) {
		case "BT", "NNNN", "NNN":
			end = i
		}
	}
	if end < 0 {
		return ""
	}
	for i := end + 1; i < len(lines); i++ {
		if strings.ContainsFunc(lines[i], unicode.IsLower) {
			return fmt.Sprintf("%s: the text after the cable's end (line %d) is not compared (read as text, the whole file is)", displayName(name), end+1)
		}
	}
	return ""
}
