package diff

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tokenizer is the state of one side's tokenizing: the tokens so far and
// where the scan stands in the text's layout.
type tokenizer struct {
	text string
	mask []byte
	opts tokenizeOptions
	in   *interner
	tab  *[256]byte
	toks sideTokens
	// atPara: no significant token yet, or the last one is a paragraph
	// break. atLine: nothing but white space since the start of the line.
	atPara, atLine bool
	// pending is where markup and layout that stand before a token (a
	// bullet, an opening emphasis marker, a list number) begin, or -1:
	// they belong with that token's text; markup right after a token (a
	// closing marker) stays with it.
	pending int
	// inPoints is set from a cable's first -- talking point to the next
	// paragraph break: the points are one block, as a list is.
	inPoints bool
}

// tokenize splits text into significant tokens and interns their matching
// forms. mask, when not nil, has one class per byte of text.
func tokenize(text string, mask []byte, opts tokenizeOptions, in *interner) *sideTokens {
	est := len(text)/5 + 16
	t := &tokenizer{text: text, mask: mask, opts: opts, in: in, tab: &wordForm,
		atPara: true, atLine: true, pending: -1}
	if opts.fold {
		t.tab = &wordFormFold
	}
	t.toks = sideTokens{text: text, start: make([]int32, 0, est), ids: make([]int32, 0, est),
		wordBits: make([]uint64, 0, est/64+2)}
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		cl := asciiClass[c]
		r := rune(c)
		size := 1
		if cl == clHigh {
			r, size = utf8.DecodeRuneInString(text[i:])
			cl = highClass(r)
		}
		switch cl {
		case clSpace:
			i = t.space(i)
		case clLower, clUpper, clDigit:
			i = t.word(i, cl, size)
		case clHigh: // a CJK character: a word of its own
			if !(mask != nil && allIgnored(mask, i, i+size)) {
				t.emit(i, in.id(norm.NFC.String(text[i:i+size])), true)
			}
			i += size
		default:
			i = t.punct(i, r, size)
		}
	}
	t.toks.start = append(t.toks.start, int32(n))
	t.toks.finishWords()
	return &t.toks
}

// highClass is the class of a rune outside ASCII.
func highClass(r rune) uint8 {
	switch {
	case isSpaceRune(r):
		return clSpace
	case isCJK(r):
		return clHigh
	case isWordRune(r):
		return clLower
	}
	return clPunct
}

// emit adds a token that starts at byte i (or where the markup before it
// starts) and is no longer at a line's or paragraph's start.
func (t *tokenizer) emit(i int, id int32, word bool) {
	t.toks.start = append(t.toks.start, int32(tokStart(i, &t.pending)))
	t.toks.ids = append(t.toks.ids, id)
	if word {
		t.toks.markWord(len(t.toks.ids) - 1)
	}
	t.atPara = false
	t.atLine = false
}

// skip passes over markup or layout from i, which joins the next token's
// text, and returns next.
func (t *tokenizer) skip(i, next int) int {
	t.pending = skipAt(t.text, i, t.pending)
	return next
}

// space reads the white space from i and returns where it ends; two line
// breaks (or one before a cable's paragraph number, or one the mask marks
// as a break) make a paragraph break token.
func (t *tokenizer) space(i int) int {
	text, mask, n := t.text, t.mask, len(t.text)
	j, newlines := spaceEnd(text, i)
	if newlines == 1 && t.opts.numberedParas && !t.atPara && j < n && startsNumbered(text[j:]) {
		newlines = 2
		t.toks.numberedBreaks++
	}
	if newlines == 1 && t.opts.numberedParas && !t.atPara && !t.inPoints && j+2 < n && text[j] == '-' && text[j+1] == '-' {
		// A cable's talking points open on the line after their lead-in,
		// with no blank line: a block of their own, as a letter's list is.
		newlines = 2
		t.toks.pointBreaks++
	}
	if newlines >= 2 {
		t.inPoints = false
	}
	if newlines == 1 && mask != nil {
		for k := i; k < j; k++ {
			if mask[k] == maskBreak {
				newlines = 2
			}
		}
	}
	if newlines > 0 {
		t.atLine = true
	}
	if newlines >= 2 && !t.atPara && j < n && !(mask != nil && allIgnored(mask, i, j)) {
		t.toks.start = append(t.toks.start, int32(i))
		t.pending = -1
		t.toks.ids = append(t.toks.ids, paraID)
		t.atPara = true
	}
	return j
}

// spaceEnd is where the white space that starts at i ends, and how many
// line breaks it holds (a paragraph separator counts two).
func spaceEnd(text string, i int) (j, newlines int) {
	j = i
	for j < len(text) {
		c := text[j]
		switch asciiClass[c] {
		case clSpace:
			if c == '\n' {
				newlines++
			}
			j++
			continue
		case clHigh:
			r, sz := utf8.DecodeRuneInString(text[j:])
			if !isSpaceRune(r) {
				return j, newlines
			}
			if r == '\u2029' {
				newlines += 2
			}
			j += sz
			continue
		}
		return j, newlines
	}
	return j, newlines
}

// word reads the word that starts at i (its first rune size bytes long, of
// class cl), adds it unless it is hidden or layout, and returns where the
// scan goes on.
func (t *tokenizer) word(i int, cl uint8, size int) int {
	text, mask, n := t.text, t.mask, len(t.text)
	w := scanWord(text, i, size, t.tab)
	j := w.end
	if mask != nil && allIgnored(mask, i, j) {
		return t.skip(i, j)
	}
	if t.opts.dropNumbers && (t.atPara || t.atLine) && j < n && (text[j] == '.' || text[j] == ')') && spaceAt(text, j+1) &&
		(isDigits(text[i:j]) || (j == i+1 && (cl == clUpper || cl == clLower))) {
		// A paragraph number, or a list item's number or letter (1., A.,
		// a)): layout, not words.
		t.atLine = false
		return t.skip(i, j+1)
	}
	t.emit(i, t.wordID(i, w), true)
	// A single space between two words (the commonest white space)
	// changes nothing that the white-space case would look at: step over
	// it here.
	if j+1 < n && text[j] == ' ' && asciiClass[text[j+1]] >= clLower && asciiClass[text[j+1]] <= clDigit &&
		(mask == nil || mask[j] == maskNone) {
		return j + 1
	}
	return j
}

// scannedWord is where a word ends and what its scan found.
type scannedWord struct {
	end   int
	ascii bool // every byte is ASCII and compared
	hyph  bool // the word holds a hyphen that is not compared
	upper bool // some letter is upper case
}

// scanWord scans the word that starts at i, its first rune size bytes
// long: the letters and digits are scanned by scanASCIIWord (folded when
// tab folds), and only the bytes that end such a run are looked at here;
// wordID hashes the word it found.
func scanWord(text string, i, size int, tab *[256]byte) scannedWord {
	n := len(text)
	w := scannedWord{ascii: size == 1}
	j := i
	if !w.ascii {
		j = i + size
	}
	for {
		var up bool
		j, up = scanASCIIWord(text, j, tab)
		w.upper = w.upper || up
		if j >= n {
			break
		}
		c := text[j]
		if asciiClass[c] == clPunct {
			if c == '-' {
				// A hyphen inside a compound (back-sliding), or at a
				// line's end with the word going on on the next line
				// (BACK- / SLIDING), is not compared: the compound
				// matches its form written solid.
				if k := hyphenJoin(text, j+1); k > 0 {
					w.ascii, w.hyph = false, true
					j = k
					continue
				}
			}
			if c == '\'' && j+1 < n && isWordStart(text[j+1:]) {
				j++
				continue
			}
			break
		}
		if asciiClass[c] != clHigh {
			break
		}
		k, hyph := wordGoesOn(text, j)
		if k < 0 {
			break
		}
		w.ascii = false
		w.hyph = w.hyph || hyph
		j = k
	}
	w.end = j
	return w
}

// wordGoesOn says where a word goes on after the non-ASCII rune at j: past
// a letter, a Unicode hyphen that joins a compound (hyph), or a
// typographic apostrophe inside the word; -1 when the word ends at j.
func wordGoesOn(text string, j int) (int, bool) {
	r, sz := utf8.DecodeRuneInString(text[j:])
	if isWordRune(r) && !isCJK(r) {
		return j + sz, false
	}
	if r == '\u2010' || r == '\u2011' {
		if k := hyphenJoin(text, j+sz); k > 0 {
			return k, true
		}
	}
	if r == '\u2019' && j+sz < len(text) && isWordStart(text[j+sz:]) {
		return j + sz, false
	}
	return -1, false
}

// wordID interns the matching form of the word w that starts at i.
func (t *tokenizer) wordID(i int, w scannedWord) int32 {
	text, in, fold, j := t.text, t.in, t.opts.fold, w.end
	switch {
	case w.ascii && j-i <= maxPacked:
		pk := packForm(text, i, j, fold)
		return in.idPacked(pk, packedHash(pk))
	case w.ascii && (!fold || !w.upper):
		return in.idLong(text[i:j], fnvString(text[i:j]))
	case w.ascii:
		b := in.buf[:0]
		for k := i; k < j; k++ {
			c := text[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		in.buf = b
		return in.idBytes(b, fnvBytes(b))
	case w.hyph:
		return in.id(wordKey(dropHyphens(text[i:j]), fold))
	}
	return in.id(wordKey(text[i:j], fold))
}

// punct reads the punctuation rune r at i (size bytes), adds it unless it
// is hidden, ignored or layout, and returns where the scan goes on.
func (t *tokenizer) punct(i int, r rune, size int) int {
	text, mask, n := t.text, t.mask, len(t.text)
	key, j := punctKey(text, mask, i, r, size)
	if mask != nil && allIgnored(mask, i, j) {
		return t.skip(i, j)
	}
	if t.opts.ignorePunct {
		return j
	}
	if t.opts.dropNumbers && (t.atLine || t.atPara) && key == "-" && (spaceAt(text, j) || j == i+2 && j < n && isWordStart(text[j:])) {
		// A list bullet (- or --), or a cable's talking point written
		// --WE THINK: layout when one side is a cable.
		t.atLine = false
		t.inPoints = t.inPoints || j == i+2
		return t.skip(i, j)
	}
	if t.opts.dropNumbers && (t.atLine || t.atPara) && r == '(' && j+2 < n && text[j+1] == ')' && spaceAt(text, j+2) &&
		asciiClass[text[j]] != clSpace && asciiClass[text[j]] != clPunct && asciiClass[text[j]] != clHigh {
		t.atLine = false
		return t.skip(i, j+2) // (a), (1): a list item's letter or number
	}
	if len(key) == 1 && key[0] < utf8.RuneSelf {
		t.emit(i, t.in.idByte(key[0]), false)
	} else {
		t.emit(i, t.in.id(key), false)
	}
	return j
}

// punctKey is the matching form of the punctuation at i and where it ends:
// two apostrophes or two hyphens are read as one mark, every quotation
// mark compares as ", every dash and a bullet as -.
func punctKey(text string, mask []byte, i int, r rune, size int) (string, int) {
	j := i + size
	switch {
	case r == '\'' && j < len(text) && text[j] == '\'':
		return "\"", j + 1
	case r == '-' && j < len(text) && text[j] == '-':
		return "-", j + 1
	case quoteRune(r):
		return "\"", j
	case dashRune(r):
		return "-", j
	case mask != nil && mask[i] == maskBullet:
		return "-", j
	case r < utf8.RuneSelf:
		return text[i:j], j
	}
	return norm.NFC.String(text[i:j]), j
}
