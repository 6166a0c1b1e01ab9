package cable

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// cyrillicLatin spells Russian Cyrillic letters in Latin capitals, as
// BGN/PCGN romanisation does (without its diacritics, which a teleprinter
// has not got): a suggestion for the writer, never applied silently.
var cyrillicLatin = map[rune]string{
	'А': "A", 'Б': "B", 'В': "V", 'Г': "G", 'Д': "D", 'Е': "E", 'Ё': "YE", 'Ж': "ZH", 'З': "Z", 'И': "I",
	'Й': "Y", 'К': "K", 'Л': "L", 'М': "M", 'Н': "N", 'О': "O", 'П': "P", 'Р': "R", 'С': "S", 'Т': "T",
	'У': "U", 'Ф': "F", 'Х': "KH", 'Ц': "TS", 'Ч': "CH", 'Ш': "SH", 'Щ': "SHCH", 'Ъ': "", 'Ы': "Y", 'Ь': "",
	'Э': "E", 'Ю': "YU", 'Я': "YA", 'І': "I", 'Ї': "YI", 'Є': "YE", 'Ґ': "G",
}

// symbolWords are the words a teleprinter message spells symbols out in
// (ACP 127 §134).
var symbolWords = map[rune]string{
	'+': " PLUS ", '=': " EQUALS ", '#': "NO. ", '@': " AT ", '$': " DOLLARS", '£': " POUNDS", '€': " EUROS",
	'<': " LESS THAN ", '>': " MORE THAN ", '~': " ABOUT ", '°': " DEGREES", '×': " BY ", '§': "PARA ",
	'!': ".", ';': ",",
}

// Suggestion returns what to write instead of a character the character
// set cannot carry ("" when there is nothing better than removing it).
func Suggestion(r rune) string {
	if s, ok := cyrillicLatin[r]; ok {
		return s
	}
	if s, ok := cyrillicLatin[[]rune(strings.ToUpper(string(r)))[0]]; ok {
		return s
	}
	return strings.TrimSpace(symbolWords[r])
}

// Unsendable is a character of a draft that cannot be sent, where it is.
type Unsendable struct {
	// Where is the place in the draft: FILE:LINE:COLUMN, or the
	// front-matter field and column.
	Where   string
	Rune    rune
	Charset string
}

func (u Unsendable) String() string {
	return fmt.Sprintf("%s: %v", u.Where, &UnmappedError{Rune: u.Rune, Charset: u.Charset})
}

// UnsendableError lists every character of a draft that cannot be sent,
// so that one run reports them all.
type UnsendableError struct {
	Name  string // the draft's name
	Chars []Unsendable
}

// maxListed is how many characters the error lists one by one.
const maxListed = 40

func (e *UnsendableError) Error() string {
	if len(e.Chars) == 1 {
		return e.Chars[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s has %d characters that cannot be sent in the %s character set; change each, then render again:", e.Name, len(e.Chars), e.Chars[0].Charset)
	for i, u := range e.Chars {
		if i == maxListed {
			fmt.Fprintf(&b, "\n  and %d more", len(e.Chars)-maxListed)
			break
		}
		fmt.Fprintf(&b, "\n  %s: %q (U+%04X): %s", u.Where, u.Rune, u.Rune, unmappedHint(u.Rune))
	}
	return b.String()
}

// Unmapped returns the characters of s that have no mapping, each with its
// 1-based column (in characters) in s. It leaves the mapper's quote state
// as mapping s would.
func (m *Mapper) Unmapped(s string) (runes []rune, columns []int) {
	col := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		col++
		if _, ok := m.Map(r); !ok {
			runes = append(runes, r)
			columns = append(columns, col)
		}
	}
	return runes, columns
}
