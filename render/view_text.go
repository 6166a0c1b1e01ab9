package render

// Text as the reviewer views show it: cleaned of control characters, cut
// into paragraphs, its line wraps joined.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// plainPrintable reports whether s is printable ASCII and line feeds
// only, which cleanText gives back as it is. Every view asks it of all the
// text it shows, so it reads eight bytes at a time: a word is passed when
// no byte is at or above 0x7f and none is below a space, and only a word
// holding a control character (a line feed, usually) is looked at byte by
// byte.
func plainPrintable(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if x&highs != 0 || (x+ones)&highs != 0 {
			return false // a byte at 0x80 or above, or DEL (0x7f + 1 sets the top bit)
		}
		// With every byte below 0x80, a byte below 0x20 borrows into its
		// own top bit when 0x20 is taken from it; a borrow can only mark
		// bytes above one that really is below 0x20.
		if (x-0x20*ones)&^x&highs != 0 {
			for _, c := range []byte(w) {
				if c < 0x20 && c != '\n' {
					return false
				}
			}
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n') || c >= 0x7f {
			return false
		}
	}
	return true
}

// needsCleaning reports whether cleanText would change s: text with
// curly quotes, dashes and accents but nothing to hide is given back as it
// is, not copied rune by rune.
func needsCleaning(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < 0xa0, r == utf8.RuneError && size == 1, r == '\u2028', r == '\u2029':
			return true
		case (r == 0x61c || r >= 0x200e && r <= 0x2069) && unicode.Is(unicode.Bidi_Control, r):
			return true
		}
		i += size
	}
	return false
}

// cleanText makes text safe to show: CRLF becomes LF, other control
// characters (ESC above all: a draft must not drive the reader's terminal)
// become their visible Control Pictures, tabs become a space.
func cleanText(s string) string {
	if plainPrintable(s) || !needsCleaning(s) {
		return s
	}
	return cleanRunes(s)
}

// cleanRunes is cleanText's rewriting, rune by rune.
func cleanRunes(s string) string {
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
