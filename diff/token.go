package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

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

// interner maps matching forms to dense ids shared by both sides. It is an
// open-addressing hash table on FNV-1a hashes, which the tokenizer computes
// while it scans. A key of up to seven bytes (most words) is also packed
// into the slot with its length, so that finding it takes one memory
// access and no comparison of strings.
type interner struct {
	keys   []string
	hashes []uint32
	slots  []islot
	mask   uint32
	buf    []byte
	// arena holds the keys' bytes one after another; a full arena is
	// left as it is (keys point into it) and a new one started.
	arena []byte
	// byteIDs caches the ids of one-byte keys (punctuation) plus one; 0
	// when not yet known.
	byteIDs [128]int32
}

// idByte interns a one-byte ASCII key.
func (in *interner) idByte(c byte) int32 {
	if v := in.byteIDs[c]; v != 0 {
		return v - 1
	}
	id := in.id(string([]byte{c}))
	in.byteIDs[c] = id + 1
	return id
}

// islot is one slot of the table: hid is hash<<32 | id+1 (0 for an empty
// slot); pk is the packed key for short keys, 0 for longer ones.
type islot struct {
	hid uint64
	pk  uint64
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
	// maxPacked is the longest key packed into a slot: seven bytes and the
	// length in the eighth.
	maxPacked = 7
)

func fnvString(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// pack packs a key of at most maxPacked bytes with its length; 0 for a
// longer key.
func pack(key string) uint64 {
	if len(key) > maxPacked {
		return 0
	}
	pk := uint64(len(key)) << 56
	for k := 0; k < len(key); k++ {
		pk |= uint64(key[k]) << (8 * k)
	}
	return pk
}

// unpack gives back the key that pack packed.
func unpack(pk uint64) string {
	n := int(pk >> 56)
	var b [maxPacked]byte
	for k := 0; k < n; k++ {
		b[k] = byte(pk >> (8 * k))
	}
	return string(b[:n])
}

func newInterner() *interner { return newInternerFor(0) }

// newInternerFor makes an interner sized for about textLen bytes of text,
// so that a long text does not grow the table (and copy it) on the way:
// about one new key per 128 bytes of a long text, at most half the slots
// used.
func newInternerFor(textLen int) *interner {
	size := 1 << 12
	for size < textLen/64 && size < 1<<17 {
		size <<= 1
	}
	in := &interner{slots: make([]islot, size), mask: uint32(size - 1),
		keys: make([]string, 0, size/2), hashes: make([]uint32, 0, size/2)}
	in.id(paraKey) // id 0 is the paragraph break
	return in
}

// id interns a key.
func (in *interner) id(key string) int32 { return in.idHash(key, fnvString(key)) }

// idHash interns a key whose FNV-1a hash is h.
func (in *interner) idHash(key string, h uint32) int32 {
	if len(key) <= maxPacked {
		return in.idPacked(pack(key), h)
	}
	for i := h & in.mask; ; i = (i + 1) & in.mask {
		v := in.slots[i].hid
		if v == 0 {
			return in.insert(key, h, 0, i)
		}
		if uint32(v>>32) == h {
			if id := int32(uint32(v)) - 1; in.keys[id] == key {
				return id
			}
		}
	}
}

// idPacked interns a short key given packed (pk, which holds the key
// whole) and hashed (h).
func (in *interner) idPacked(pk uint64, h uint32) int32 {
	for i := h & in.mask; ; i = (i + 1) & in.mask {
		sl := in.slots[i]
		if sl.hid == 0 {
			return in.insert(unpack(pk), h, pk, i)
		}
		if sl.pk == pk && uint32(sl.hid>>32) == h {
			return int32(uint32(sl.hid)) - 1
		}
	}
}

// idBytes interns a key held in a scratch buffer, copying it only when new.
func (in *interner) idBytes(key []byte, h uint32) int32 {
	if len(key) <= maxPacked {
		pk := uint64(len(key)) << 56
		for k := 0; k < len(key); k++ {
			pk |= uint64(key[k]) << (8 * k)
		}
		return in.idPacked(pk, h)
	}
	for i := h & in.mask; ; i = (i + 1) & in.mask {
		v := in.slots[i].hid
		if v == 0 {
			return in.insert(string(key), h, 0, i)
		}
		if uint32(v>>32) == h {
			if id := int32(uint32(v)) - 1; in.keys[id] == string(key) {
				return id
			}
		}
	}
}

func (in *interner) insert(key string, h uint32, pk uint64, slot uint32) int32 {
	id := int32(len(in.keys))
	// A copy, so that the keys sit together in memory rather than
	// scattered over the texts: lookups of long keys compare with one.
	in.keys = append(in.keys, in.store(key))
	in.hashes = append(in.hashes, h)
	in.slots[slot] = islot{uint64(h)<<32 | uint64(id+1), pk}
	if 2*len(in.keys) > len(in.slots) {
		in.grow()
	}
	return id
}

// arenaSize is the size of each of the interner's arenas of key bytes.
const arenaSize = 32 << 10

// store copies key into the arena: keys then lie one after another in
// memory, and interning a text's few thousand distinct words costs a few
// allocations, not one each.
func (in *interner) store(key string) string {
	if len(key) > arenaSize/8 {
		return strings.Clone(key)
	}
	if len(in.arena)+len(key) > cap(in.arena) {
		in.arena = make([]byte, 0, arenaSize)
	}
	off := len(in.arena)
	in.arena = append(in.arena, key...)
	// The bytes at off are never written again: later keys go after
	// them, or into a new arena.
	return unsafe.String(unsafe.SliceData(in.arena[off:]), len(key))
}

func (in *interner) grow() {
	n := 2 * len(in.slots)
	in.slots = make([]islot, n)
	in.mask = uint32(n - 1)
	for id, h := range in.hashes {
		i := h & in.mask
		for in.slots[i].hid != 0 {
			i = (i + 1) & in.mask
		}
		in.slots[i] = islot{uint64(h)<<32 | uint64(id+1), pack(in.keys[id])}
	}
}

// lookup finds the id of a key without adding it.
func (in *interner) lookup(key string) (int32, bool) {
	h := fnvString(key)
	for i := h & in.mask; ; i = (i + 1) & in.mask {
		v := in.slots[i].hid
		if v == 0 {
			return 0, false
		}
		if id := int32(uint32(v)) - 1; uint32(v>>32) == h && in.keys[id] == key {
			return id, true
		}
	}
}

const paraID int32 = 0

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

// scanASCIIWord scans the ASCII letters and digits of text from j,
// extending the FNV-1a hash h with their matching forms by tab. It returns
// where they stop, the hash, and whether tab changed a byte (folded an
// upper-case letter). Kept out of tokenize so that its loop has the
// registers to itself.
//
//go:noinline
func scanASCIIWord(text string, j int, tab *[256]byte, h uint32) (int, uint32, bool) {
	var changed byte
	for ; j < len(text); j++ {
		c := text[j]
		m := tab[c]
		if m == 0 {
			break
		}
		changed |= c ^ m
		h = (h ^ uint32(m)) * fnvPrime
	}
	return j, h, changed != 0
}

// packForm packs the matching form of the short ASCII word text[i:j]
// (letters, digits and apostrophes, at most maxPacked bytes) with its
// length, as pack does: the bytes are read in one load where the text
// allows and upper-case letters folded eight at a time when folding.
func packForm(text string, i, j int, fold bool) uint64 {
	l := j - i
	var x uint64
	if i+8 <= len(text) {
		w := text[i : i+8]
		x = uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
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

// tokenize splits text into significant tokens and interns their matching
// forms. mask, when not nil, has one class per byte of text.
func tokenize(text string, mask []byte, opts tokenizeOptions, in *interner) *sideTokens {
	est := len(text)/5 + 16
	starts := make([]int32, 0, est)
	ids := make([]int32, 0, est)
	words := make([]int32, 1, est+1)
	nwords := int32(0)
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
	return &sideTokens{text: text, start: starts, ids: ids, words: words}
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

// startsNumbered reports whether s begins with a paragraph number: one or
// two digits, a full stop and a space.
func startsNumbered(s string) bool {
	k := 0
	for k < len(s) && k < 3 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	return k > 0 && k <= 2 && k+1 < len(s) && s[k] == '.' && (s[k+1] == ' ' || s[k+1] == '\t')
}
