package diff

// When case is ignored by itself: the share of upper-case letters.

import (
	"unicode"
	"unicode/utf8"
)

// allUpper reports whether text has letters and no lower-case letter.
func allUpper(text string) bool {
	upper, lower := caseCounts(text)
	return upper > 0 && lower == 0
}

// upperShareFold is the least share of a side's letters in upper case for
// which case is ignored by itself: a teleprinter text keeps a clerk's
// "Ref: tel No. 1119" or a SERIAL No. line in mixed case.
const upperShareFold = 0.9

// caseCounts counts the upper- and lower-case letters of text.
func caseCounts(text string) (upper, lower int) {
	for _, r := range text {
		if r < 0x80 {
			switch {
			case 'A' <= r && r <= 'Z':
				upper++
			case 'a' <= r && r <= 'z':
				lower++
			}
			continue
		}
		if unicode.IsLower(r) {
			lower++
		} else if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper, lower
}

// mostlyUpper reports whether at least upperShareFold of text's cased
// letters are upper case, and the share in whole percent. It stops early on
// a mixed-case text: once the lower-case letters pass a tenth of the text's
// bytes, the share cannot reach upperShareFold.
func mostlyUpper(text string) (bool, int) {
	upper, lower := 0, 0
	limit := int(float64(len(text))*(1-upperShareFold)) + 1
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case clUpper:
				upper++
			case clLower:
				lower++
				if lower > limit {
					return false, 0
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLower(r) {
			lower++
			if lower > limit {
				return false, 0
			}
		} else if unicode.IsUpper(r) {
			upper++
		}
		i += size
	}
	if upper == 0 {
		return false, 0
	}
	share := float64(upper) / float64(upper+lower)
	return share >= upperShareFold, int(share * 100)
}
