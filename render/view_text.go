package render

// Text as the reviewer views show it: cleaned of control characters, cut
// into paragraphs, its line wraps joined.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanText makes text safe to show: CRLF becomes LF, other control
// characters (ESC above all: a draft must not drive the reader's terminal)
// become their visible Control Pictures, tabs become a space.
func cleanText(s string) string {
	ok := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n') || c == 0x7f || c >= 0x80 {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			// dropped: the LF that follows ends the line
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteByte('\n')
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		case r >= 0x80 && r < 0xa0, r == utf8.RuneError, r == '\u2028', r == '\u2029':
			b.WriteRune('\ufffd')
		case unicode.Is(unicode.Bidi_Control, r):
			// Bidi overrides could reorder what the reader sees.
			b.WriteRune('\ufffd')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// splitParas cuts clean text at its paragraph breaks: a line break
// followed by one or more lines holding nothing but spaces and tabs, with
// the spaces on either side (the test checks it against the regular
// expression [ \t]*\n(?:[ \t]*\n)+[ \t]*).
func splitParas(s string) []string {
	var out []string
	start := 0
	for i := strings.IndexByte(s, '\n'); i >= 0; {
		// A break: this line break, then lines holding only spaces, the
		// last of them ended by a line break too.
		j, end, lines := i+1, -1, 0
		for {
			k := j
			for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
				k++
			}
			if k < len(s) && s[k] == '\n' {
				lines++
				j = k + 1
				end = j
				continue
			}
			break
		}
		if lines == 0 {
			n := strings.IndexByte(s[i+1:], '\n')
			if n < 0 {
				break
			}
			i += 1 + n
			continue
		}
		// Spaces before the break and after it belong to the break.
		b := i
		for b > start && (s[b-1] == ' ' || s[b-1] == '\t') {
			b--
		}
		for end < len(s) && (s[end] == ' ' || s[end] == '\t') {
			end++
		}
		out = append(out, s[start:b])
		start = end
		n := strings.IndexByte(s[end:], '\n')
		if n < 0 {
			break
		}
		i = end + n
	}
	return append(out, s[start:])
}

func hasParaBreak(s string) bool { return len(splitParas(s)) > 1 }

func isSpace(s string) bool { return strings.TrimSpace(s) == "" }

// joinLines turns the single line breaks of text into spaces; used for old
// text shown inside the new text's lines.
func joinLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i := range lines {
		if i > 0 {
			lines[i] = strings.TrimLeft(lines[i], " ")
		}
		if i < len(lines)-1 {
			lines[i] = strings.TrimRight(lines[i], " ")
		}
	}
	return strings.Join(lines, " ")
}
