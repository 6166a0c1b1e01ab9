package diff

import (
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
	words []int32 // words[i] = number of word tokens among tokens 0..i-1; len = n+1
	// numberedBreaks counts the paragraph breaks read from a paragraph
	// number at the start of a line, with no blank line before it.
	numberedBreaks int
}

// isPara reports whether token i is a paragraph break.
func (s *sideTokens) isPara(i int) bool { return s.ids[i] == paraID }

func (s *sideTokens) n() int { return len(s.ids) }

// wordCount is the number of word tokens among tokens i..j-1.
func (s *sideTokens) wordCount(i, j int) int { return int(s.words[j] - s.words[i]) }

// span is the text of tokens i..j-1, with what is attached to them. The
// first token's span also carries the text before it when i is 0 and the
// caller asks for it with spanFrom.
func (s *sideTokens) span(i, j int) string { return s.text[s.start[i]:s.start[j]] }

const paraID int32 = 0

// tokenize splits text into significant tokens and interns their matching
// forms. mask, when not nil, has one class per byte of text.
func tokenize(text string, mask []byte, opts tokenizeOptions, in *interner) *sideTokens {
	est := len(text)/5 + 16
	starts := make([]int32, 0, est)
	ids := make([]int32, 0, est)
	words := make([]int32, 1, est+1)
	nwords := int32(0)
	numberedBreaks := 0
	n := len(text)
	atPara := true // no significant token yet, or the last one is a paragraph break
	atLine := true // nothing but white space since the start of the line
	// Markup and layout that stand before a token (a bullet, an opening
	// emphasis marker, a list number) belong with that token's text;
	// markup right after a token (a closing marker) stays with it.
	pending := -1
	tab := &wordForm
	if opts.fold {
		tab = &wordFormFold
	}
	i := 0
	for i < n {
		c := text[i]
		cl := asciiClass[c]
		var r rune
		size := 1
		if cl == clHigh {
			r, size = utf8.DecodeRuneInString(text[i:])
			switch {
			case isSpaceRune(r):
				cl = clSpace
			case isCJK(r):
				cl = clHigh
			case isWordRune(r):
				cl = clLower
			default:
				cl = clPunct
			}
		} else {
			r = rune(c)
		}
		switch cl {
		case clSpace:
			j := i
			newlines := 0
			for j < n {
				c := text[j]
				switch asciiClass[c] {
				case clSpace:
					if c == '\n' {
						newlines++
					}
					j++
					continue
				case clHigh:
					r2, sz := utf8.DecodeRuneInString(text[j:])
					if !isSpaceRune(r2) {
						break
					}
					if r2 == '\u2029' {
						newlines += 2
					}
					j += sz
					continue
				}
				break
			}
			if newlines == 1 && opts.numberedParas && !atPara && j < n && startsNumbered(text[j:]) {
				newlines = 2
				numberedBreaks++
			}
			if newlines == 1 && mask != nil {
				for k := i; k < j; k++ {
					if mask[k] == maskBreak {
						newlines = 2
					}
				}
			}
			if newlines > 0 {
				atLine = true
			}
			if newlines >= 2 && !atPara && j < n && !(mask != nil && allIgnored(mask, i, j)) {
				starts = append(starts, int32(i))
				pending = -1
				ids = append(ids, paraID)
				words = append(words, nwords)
				atPara = true
			}
			i = j
		case clLower, clUpper, clDigit:
			ascii := size == 1
			hyph := false // the word holds a hyphen that is not compared
			upper := false
			// FNV-1a of the word's matching form (folded when folding),
			// for ASCII words: the letters and digits are scanned and
			// hashed in one pass by scanASCIIWord, and only the bytes
			// that end such a run are looked at here.
			h := uint32(fnvOffset)
			j := i
			if !ascii {
				j = i + size
			}
		scan:
			for {
				var up bool
				j, h, up = scanASCIIWord(text, j, tab, h)
				upper = upper || up
				if j >= n {
					break
				}
				c2 := text[j]
				switch asciiClass[c2] {
				case clPunct:
					if c2 == '-' {
						// A hyphen inside a compound (back-sliding), or at
						// a line's end with the word going on on the next
						// line (BACK- / SLIDING), is not compared: the
						// compound matches its form written solid.
						if k := hyphenJoin(text, j+1); k > 0 {
							ascii, hyph = false, true
							j = k
							continue
						}
					}
					if c2 == '\'' && j+1 < n && isWordStart(text[j+1:]) {
						h = (h ^ uint32(c2)) * fnvPrime
						j++
						continue
					}
					break scan
				case clHigh:
					r2, sz := utf8.DecodeRuneInString(text[j:])
					if isWordRune(r2) && !isCJK(r2) {
						ascii = false
						j += sz
						continue
					}
					if r2 == '\u2010' || r2 == '\u2011' {
						if k := hyphenJoin(text, j+sz); k > 0 {
							ascii, hyph = false, true
							j = k
							continue
						}
					}
					if r2 == '\u2019' && j+sz < n && isWordStart(text[j+sz:]) {
						ascii = false
						j += sz
						continue
					}
					break scan
				default:
					break scan
				}
			}
			if mask != nil && allIgnored(mask, i, j) {
				pending = skipAt(text, i, pending)
				i = j
				continue
			}
			if opts.dropNumbers && (atPara || atLine) && j < n && (text[j] == '.' || text[j] == ')') && spaceAt(text, j+1) &&
				(isDigits(text[i:j]) || (j == i+1 && (cl == clUpper || cl == clLower))) {
				// A paragraph number, or a list item's number or letter
				// (1., A., a)): layout, not words.
				pending = skipAt(text, i, pending)
				i = j + 1
				atLine = false
				continue
			}
			var id int32
			switch {
			case ascii && j-i <= maxPacked:
				id = in.idPacked(packForm(text, i, j, opts.fold), h)
			case ascii && (!opts.fold || !upper):
				id = in.idHash(text[i:j], h)
			case ascii:
				b := in.buf[:0]
				for k := i; k < j; k++ {
					c := text[k]
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					b = append(b, c)
				}
				in.buf = b
				id = in.idBytes(b, h)
			case hyph:
				id = in.id(wordKey(dropHyphens(text[i:j]), opts.fold))
			default:
				id = in.id(wordKey(text[i:j], opts.fold))
			}
			starts = append(starts, int32(tokStart(i, &pending)))
			ids = append(ids, id)
			nwords++
			words = append(words, nwords)
			atPara = false
			atLine = false
			i = j
			// A single space between two words (the commonest white
			// space) changes nothing that the white-space case would
			// look at: step over it here.
			if j+1 < n && text[j] == ' ' && asciiClass[text[j+1]] >= clLower && asciiClass[text[j+1]] <= clDigit &&
				(mask == nil || mask[j] == maskNone) {
				i = j + 1
			}
		case clHigh: // a CJK character: a word of its own
			if !(mask != nil && allIgnored(mask, i, i+size)) {
				starts = append(starts, int32(tokStart(i, &pending)))
				ids = append(ids, in.id(norm.NFC.String(text[i:i+size])))
				nwords++
				words = append(words, nwords)
				atPara = false
				atLine = false
			}
			i += size
		default:
			j := i + size
			key := ""
			switch {
			case r == '\'' && j < n && text[j] == '\'':
				j++
				key = "\""
			case r == '-' && j < n && text[j] == '-':
				j++
				key = "-"
			case quoteRune(r):
				key = "\""
			case dashRune(r):
				key = "-"
			case mask != nil && mask[i] == maskBullet:
				key = "-"
			case r < utf8.RuneSelf:
				key = text[i:j]
			default:
				key = norm.NFC.String(text[i:j])
			}
			if mask != nil && allIgnored(mask, i, j) {
				pending = skipAt(text, i, pending)
				i = j
				continue
			}
			if opts.ignorePunct {
				i = j
				continue
			}
			if opts.dropNumbers && (atLine || atPara) && key == "-" && spaceAt(text, j) {
				pending = skipAt(text, i, pending)
				i = j // a list bullet (- or --): layout when one side is a cable
				atLine = false
				continue
			}
			if opts.dropNumbers && (atLine || atPara) && r == '(' && j+2 < n && text[j+1] == ')' && spaceAt(text, j+2) &&
				asciiClass[text[j]] != clSpace && asciiClass[text[j]] != clPunct && asciiClass[text[j]] != clHigh {
				pending = skipAt(text, i, pending)
				i = j + 2 // (a), (1): a list item's letter or number
				atLine = false
				continue
			}
			starts = append(starts, int32(tokStart(i, &pending)))
			if len(key) == 1 && key[0] < utf8.RuneSelf {
				ids = append(ids, in.idByte(key[0]))
			} else {
				ids = append(ids, in.id(key))
			}
			words = append(words, nwords)
			atPara = false
			atLine = false
			i = j
		}
	}
	starts = append(starts, int32(n))
	return &sideTokens{text: text, start: starts, ids: ids, words: words, numberedBreaks: numberedBreaks}
}

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
