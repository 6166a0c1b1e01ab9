package diff

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Byte classes of a mask over a side's text, set by the Markdown scanner and
// the cable reader: which bytes are markup that does not print (never
// compared) and which are list bullets (compared as "-").
const (
	maskNone   byte = 0
	maskIgnore byte = 1
	maskBullet byte = 2
	// maskBreak marks a line end that ends a block (after a Markdown
	// heading), compared as a paragraph break.
	maskBreak byte = 3
)

// Keys shared by every side: the matching form of a paragraph break.
const paraKey = "\u00b6"

// tokenizeOptions say how a side's tokens are turned into matching forms.
type tokenizeOptions struct {
	fold        bool // case folding
	ignorePunct bool // punctuation is never compared
	dropNumbers bool // "1." at the start of a paragraph is layout
	// numberedParas starts a paragraph at a line that begins with a
	// paragraph number ("2. THE ALLIES ..."), as cables write them
	// without blank lines between.
	numberedParas bool
}

// sideTokens holds a side's significant tokens: those that are compared.
// Everything else (white space inside a paragraph, markup that does not
// print, ignored punctuation) is attached to the significant token before
// it, so that the text of tokens i..j-1 is text[start[i]:start[j]] and the
// text before the first token is text[:start[0]].
type sideTokens struct {
	text  string
	start []int32 // byte offset of each significant token; len = n+1, start[n] = len(text)
	ids   []int32 // interned matching form
	// wordBits has bit i%64 of its word i/64 set when token i is a word;
	// wordsBefore[k] counts the words among tokens 0..64k-1. Together they
	// count the words of any run of tokens at once, in a sixteenth of the
	// memory a count for every token took (a 16 MB text has millions of
	// tokens). Both are finished by finishWords.
	wordBits    []uint64
	wordsBefore []int32
	// numberedBreaks counts the paragraph breaks read from a paragraph
	// number at the start of a line, with no blank line before it.
	numberedBreaks int
	// pointBreaks counts the paragraph breaks read before a cable's first
	// -- talking point, with no blank line before it.
	pointBreaks int
}

// isPara reports whether token i is a paragraph break.
func (s *sideTokens) isPara(i int) bool { return s.ids[i] == paraID }

func (s *sideTokens) n() int { return len(s.ids) }

// wordCount is the number of word tokens among tokens i..j-1.
func (s *sideTokens) wordCount(i, j int) int { return s.wordsUpTo(j) - s.wordsUpTo(i) }

// wordsUpTo is the number of word tokens among tokens 0..i-1.
func (s *sideTokens) wordsUpTo(i int) int {
	k := i >> 6
	return int(s.wordsBefore[k]) + bits.OnesCount64(s.wordBits[k]&(1<<(uint(i)&63)-1))
}

// isWord reports whether token i is a word.
func (s *sideTokens) isWord(i int) bool { return s.wordBits[i>>6]>>(uint(i)&63)&1 != 0 }

// markWord notes that token i, the last so far, is a word.
func (s *sideTokens) markWord(i int) {
	for i>>6 >= len(s.wordBits) {
		s.wordBits = append(s.wordBits, 0)
	}
	s.wordBits[i>>6] |= 1 << (uint(i) & 63)
}

// finishWords sizes wordBits for every token and one past the last, and
// counts wordsBefore, once the side's tokens are all read.
func (s *sideTokens) finishWords() {
	for len(s.wordBits) <= s.n()>>6 {
		s.wordBits = append(s.wordBits, 0)
	}
	s.wordsBefore = make([]int32, len(s.wordBits))
	for k := 1; k < len(s.wordBits); k++ {
		s.wordsBefore[k] = s.wordsBefore[k-1] + int32(bits.OnesCount64(s.wordBits[k-1]))
	}
}

// span is the text of tokens i..j-1, with what is attached to them. The
// first token's span also carries the text before it when i is 0 and the
// caller asks for it with spanFrom.
func (s *sideTokens) span(i, j int) string { return s.text[s.start[i]:s.start[j]] }

const paraID int32 = 0

func allIgnored(mask []byte, i, j int) bool {
	for k := i; k < j; k++ {
		if mask[k] != maskIgnore {
			return false
		}
	}
	return true
}

// spaceAt reports white space at text[k].
func spaceAt(text string, k int) bool {
	return k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r')
}

// skipAt notes skipped markup at i: it belongs to the next token when it
// follows white space (or starts the text) and nothing is pending yet.
func skipAt(text string, i, pending int) int {
	if pending < 0 && (i == 0 || asciiClass[text[i-1]] == clSpace) {
		return i
	}
	return pending
}

// tokStart is where a token's text starts: at pending markup, if any.
func tokStart(i int, pending *int) int {
	if *pending >= 0 {
		i, *pending = *pending, -1
	}
	return i
}

func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r) && !isCJK(r)
}

func isDigits(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// hyphenJoin reports where the word goes on after a hyphen that ends at k:
// at k when a word starts there, after the line break when the hyphen ends
// a line and the next line starts with a word; 0 when the hyphen is not
// inside a word.
func hyphenJoin(text string, k int) int {
	if k < len(text) && isWordStart(text[k:]) {
		return k
	}
	j := k
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j >= len(text) || text[j] != '\n' {
		return 0
	}
	j++
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if j < len(text) && isWordStart(text[j:]) {
		return j
	}
	return 0
}

// dropHyphens removes from a word the hyphens hyphenJoin joined it on, and
// the line break after one at a line's end.
func dropHyphens(w string) string {
	var sb strings.Builder
	for _, r := range w {
		switch r {
		case '-', '\u2010', '\u2011', ' ', '\t', '\r', '\n':
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// wordKey is the matching form of a word that is not plain ASCII.
func wordKey(w string, fold bool) string {
	w = norm.NFC.String(w)
	w = strings.ReplaceAll(w, "\u2019", "'")
	if fold {
		w = strings.ToLower(w)
	}
	return w
}

// startsNumbered reports whether s begins with a paragraph number: one or
// two digits, a full stop and a space.
func startsNumbered(s string) bool {
	k := 0
	for k < len(s) && k < 3 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	return k > 0 && k <= 2 && k+1 < len(s) && s[k] == '.' && (s[k+1] == ' ' || s[k+1] == '\t')
}
