package cable

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ITA2Punctuation is the punctuation a teleprinter on the international
// telegraph alphabet can send (ACP 127 §134), besides letters, digits and
// the space.
const ITA2Punctuation = "-?:().,'/"

// Charset is the set of characters a circuit carries. Letters are upper
// case only; everything else a draft holds is mapped onto the set by a
// Mapper, or refused.
type Charset struct {
	Name    string
	allowed [128]bool
}

// NewCharset makes a character set: "ita2" (A-Z, 0-9, space and
// ITA2Punctuation) or "ascii" (every printable ASCII character, upper case
// letters only), plus the characters in extra.
func NewCharset(name, extra string) (*Charset, error) {
	c := &Charset{Name: name}
	for r := 'A'; r <= 'Z'; r++ {
		c.allowed[r] = true
	}
	for r := '0'; r <= '9'; r++ {
		c.allowed[r] = true
	}
	c.allowed[' '] = true
	switch name {
	case "", "ita2":
		c.Name = "ita2"
		for _, r := range ITA2Punctuation {
			c.allowed[r] = true
		}
	case "ascii":
		for r := 0x20; r < 0x7f; r++ {
			if r < 'a' || r > 'z' {
				c.allowed[r] = true
			}
		}
	default:
		return nil, fmt.Errorf("unknown character set %q: use ita2 or ascii", name)
	}
	for _, r := range extra {
		if r >= 0x7f || r < 0x20 || (r >= 'a' && r <= 'z') {
			return nil, fmt.Errorf("character %q cannot be added to a teleprinter character set: only printable ASCII without lower-case letters", r)
		}
		c.allowed[r] = true
	}
	return c, nil
}

// Allows reports whether r is in the set.
func (c *Charset) Allows(r rune) bool { return r >= 0 && r < 128 && c.allowed[r] }

// Chars lists the characters of the set other than letters and digits.
func (c *Charset) Chars() string {
	var b strings.Builder
	for r := rune(0x20); r < 0x7f; r++ {
		if c.allowed[r] && !(r >= 'A' && r <= 'Z') && !(r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// QuoteStyle says how double quotation marks are written.
type QuoteStyle struct {
	// Open and Close replace an opening and a closing double quote. The
	// words style uses "QUOTE " and " UNQUOTE"; apostrophes uses "''" for
	// both; ascii uses `"` for both.
	Open, Close string
}

// ParseQuoteStyle returns a named quote style: words (QUOTE … UNQUOTE),
// apostrophes (” … ”) or ascii (" … ").
func ParseQuoteStyle(name string) (QuoteStyle, error) {
	switch name {
	case "words":
		return QuoteStyle{Open: " QUOTE ", Close: " UNQUOTE "}, nil
	case "", "apostrophes":
		return QuoteStyle{Open: "''", Close: "''"}, nil
	case "ascii":
		return QuoteStyle{Open: `"`, Close: `"`}, nil
	}
	return QuoteStyle{}, fmt.Errorf("unknown quote style %q: use words, apostrophes or ascii", name)
}

// Mapper maps a draft's text onto a character set, upper-casing it. It
// keeps track of whether a straight double quote opens or closes, so one
// Mapper must see a document's text in order.
type Mapper struct {
	Charset *Charset
	Quotes  QuoteStyle
	inQuote bool
}

// asciiStrings holds each ASCII character as a string, so that mapping
// ordinary text does not allocate a string per character.
var asciiStrings = func() (a [128]string) {
	for i := range a {
		a[i] = string(rune(i))
	}
	return
}()

// special holds mappings other than quotes, upper-casing and accent
// stripping. Letters are looked up after upper-casing.
var special = map[rune]string{
	'‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '`': "'", 'ʼ': "'",
	'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-", '⁃': "-",
	'…': "...",
	'&': " AND ",
	'%': " PERCENT",
	'[': "(", ']': ")",
	'\t': " ", '\n': " ", '\r': " ", '\u00a0': " ", '\u2002': " ", '\u2003': " ", '\u2009': " ", '\u202f': " ", '\u2007': " ",
	'\u00ad': "", '\u200b': "", '\u200c': "", '\u200d': "", '\ufeff': "", '\u2060': "",
	'ß': "SS", 'ẞ': "SS", 'Æ': "AE", 'Œ': "OE", 'Ø': "O", 'Ł': "L", 'Đ': "D", 'Þ': "TH", 'Ð': "D", 'Ħ': "H", 'ı': "I",
	'·': ".", '•': "-", '«': "\"", '»': "\"", '„': "\"",
	'½': " 1/2", '¼': " 1/4", '¾': " 3/4",
}

// Map returns the text for one rune of a draft, upper case and in the
// character set, and false when the rune has no mapping.
func (m *Mapper) Map(r rune) (string, bool) {
	switch r {
	case '“':
		m.inQuote = true
		return m.Quotes.Open, true
	case '”':
		m.inQuote = false
		return m.Quotes.Close, true
	case '"', '«', '»', '„':
		if r == '«' || r == '„' || (r == '"' && !m.inQuote) {
			m.inQuote = true
			return m.Quotes.Open, true
		}
		m.inQuote = false
		return m.Quotes.Close, true
	}
	u := unicode.ToUpper(r)
	if m.Charset.Allows(u) {
		return asciiStrings[u], true
	}
	if s, ok := special[u]; ok {
		if m.fits(s) {
			return s, true
		}
		return "", false
	}
	// Accented letters: decompose and keep the base letter when the rest
	// are combining marks.
	d := norm.NFD.String(string(u))
	base := []rune(d)
	if len(base) > 1 && m.Charset.Allows(base[0]) {
		for _, c := range base[1:] {
			if !unicode.Is(unicode.Mn, c) {
				return "", false
			}
		}
		return string(base[0]), true
	}
	if unicode.Is(unicode.Mn, r) {
		return "", true // a combining mark on its own: drop it with its letter's accent
	}
	return "", false
}

func (m *Mapper) fits(s string) bool {
	for _, r := range s {
		if !m.Charset.Allows(r) {
			return false
		}
	}
	return true
}

// UnmappedError reports a character that has no mapping to the character
// set.
type UnmappedError struct {
	Rune    rune
	Charset string
}

func (e *UnmappedError) Error() string {
	return fmt.Sprintf("character %q (U+%04X) cannot be sent in the %s character set: %s", e.Rune, e.Rune, e.Charset, unmappedHint(e.Rune))
}

func unmappedHint(r rune) string {
	if s := Suggestion(r); s != "" && r != ';' && r != '!' {
		return fmt.Sprintf("write %s instead", s)
	}
	switch r {
	case ';':
		return "use a comma or a full stop"
	case '!':
		return "use a full stop"
	case '"':
		return "the template writes quotation marks as words or apostrophes"
	case '|':
		return "a table cannot be sent: write its rows as sentences or list items"
	case '{', '}':
		return "if this is a CriticMarkup change, accept or reject it first; otherwise spell it out"
	case '+', '=', '*', '#', '@', '$', '£', '€', '<', '>', '~', '^', '_', '\\':
		return "spell it out in words"
	}
	return "spell it out or remove it"
}

// MapString maps a whole string (a front-matter field, for example) and
// collapses runs of spaces. The error names the first character with no
// mapping.
func (m *Mapper) MapString(s string) (string, error) {
	var b strings.Builder
	for _, r := range s {
		out, ok := m.Map(r)
		if !ok {
			return "", &UnmappedError{Rune: r, Charset: m.Charset.Name}
		}
		b.WriteString(out)
	}
	return strings.Join(strings.Fields(b.String()), " "), nil
}
