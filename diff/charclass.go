package diff

// Classes of characters and bytes: which runes make words, which are
// spaces, quotes and dashes, and the byte tables of the ASCII fast path.

import (
	"unicode"
	"unicode/utf8"
)

func isCJK(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || (r >= 0x3400 && r <= 0x4DBF)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF
}

// quoteRune reports quotation marks, all compared alike.
func quoteRune(r rune) bool {
	switch r {
	case '"', '\'', '\u2018', '\u2019', '\u201a', '\u201b', '\u201c', '\u201d', '\u201e', '\u201f',
		'\u00ab', '\u00bb', '\u2039', '\u203a', '`', '\u00b4':
		return true
	}
	return false
}

// dashRune reports hyphens and dashes, all compared alike.
func dashRune(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d':
		return true
	}
	return false
}

// Classes of ASCII bytes, for the tokenizer's fast path.
const (
	clPunct uint8 = iota
	clSpace
	clLower
	clUpper
	clDigit
	clHigh // the first byte of a multi-byte character
)

var asciiClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 0x80:
			t[c] = clHigh
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			t[c] = clSpace
		case 'a' <= c && c <= 'z':
			t[c] = clLower
		case 'A' <= c && c <= 'Z':
			t[c] = clUpper
		case '0' <= c && c <= '9':
			t[c] = clDigit
		default:
			t[c] = clPunct
		}
	}
	return
}()

// wordForm maps the bytes of ASCII letters and digits to themselves and
// every other byte to 0; wordFormFold maps upper-case letters to lower case
// as well.
var wordForm, wordFormFold = func() (t, f [256]byte) {
	for c := 0; c < 256; c++ {
		switch asciiClass[c] {
		case clLower, clDigit:
			t[c], f[c] = byte(c), byte(c)
		case clUpper:
			t[c], f[c] = byte(c), byte(c)+'a'-'A'
		}
	}
	return
}()

// scanASCIIWord scans the ASCII letters and digits of text from j by
// their matching forms in tab. It returns where they stop and whether tab
// changed a byte (folded an upper-case letter). The word is hashed after,
// from its packed form when short (most words) or its bytes: a hash
// carried through this loop had made every byte wait on a multiplication.
// Kept out of tokenize so that its loop has the registers to itself.
//
//go:noinline
func scanASCIIWord(text string, j int, tab *[256]byte) (int, bool) {
	var changed byte
	for ; j < len(text); j++ {
		c := text[j]
		m := tab[c]
		if m == 0 {
			break
		}
		changed |= c ^ m
	}
	return j, changed != 0
}

// packForm packs the matching form of the short ASCII word text[i:j]
// (letters, digits and apostrophes, at most maxPacked bytes) with its
// length, as pack does: the bytes are read in one load where the text
// allows and upper-case letters folded eight at a time when folding.
func packForm(text string, i, j int, fold bool) uint64 {
	l := j - i
	var x uint64
	if i+8 <= len(text) {
		x = load64(text, i)
	} else {
		for k := l - 1; k >= 0; k-- {
			x = x<<8 | uint64(text[i+k])
		}
	}
	x &= 1<<(8*uint(l)) - 1
	if fold {
		// Every byte is below 0x80, so adding these never carries into
		// the next byte: the top bit of a byte of ge is set when the byte
		// is at least 'A', of gt when it is above 'Z'.
		const ones = 0x0101010101010101
		ge := x + ones*(0x80-'A')
		gt := x + ones*(0x80-'Z'-1)
		x |= (ge &^ gt & (ones * 0x80)) >> 2
	}
	return x | uint64(l)<<56
}
