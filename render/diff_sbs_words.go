package render

import "unicode/utf8"

// eachWord cuts fragments into words at white space and around wide
// characters (CJK text has no spaces but breaks between characters), and
// calls emit with each word in order. A word's fragments are valid only
// during the call (they are a scratch slice the next word reuses), so
// that a word costs no allocation: wrapFrags copies them into its lines.
func eachWord(frags []frag, emit func(wword)) {
	w := &wordSplitter{emit: emit, buf: make([]frag, 0, 8)}
	for _, f := range frags {
		w.f, w.start = f, -1
		if asciiWithoutCR(f.text) {
			w.asciiFrag()
		} else {
			w.clusterFrag()
		}
		w.piece(len(f.text))
	}
	w.end()
}

// wordSplitter is the state of eachWord: where words go, the fragments
// of the word being read, and where it is in the fragment being read.
type wordSplitter struct {
	emit func(wword)
	buf  []frag // the fragments of the word being read
	cur  wword
	// the white space before the next word: a space (in spaceStyle) or a
	// hard line break
	pendingSpace, pendingHard bool
	spaceStyle                string
	f                         frag // the fragment being read
	start                     int  // where the current word's piece of f begins, -1 if none
}

// end ends the current word.
func (w *wordSplitter) end() {
	if len(w.buf) > 0 {
		w.cur.frags = w.buf
		w.emit(w.cur)
	}
	w.cur = wword{}
	w.buf = w.buf[:0]
}

// piece adds the current word's piece of the fragment, up to upto.
func (w *wordSplitter) piece(upto int) {
	if w.start >= 0 && upto > w.start {
		if len(w.buf) == 0 {
			w.cur.space, w.cur.hard, w.cur.spaceStyle = w.pendingSpace, w.pendingHard, w.spaceStyle
			w.pendingSpace, w.pendingHard = false, false
		}
		w.buf = append(w.buf, frag{w.f.style, w.f.text[w.start:upto]})
	}
	w.start = -1
}

// asciiFrag reads a fragment in which every byte is a character of its
// own (what clusters would yield, byte by byte), without the iterator.
func (w *wordSplitter) asciiFrag() {
	text := w.f.text
	for pos := 0; pos < len(text); pos++ {
		switch c := text[pos]; c {
		case ' ':
			w.piece(pos)
			w.end()
			w.pendingSpace, w.spaceStyle = true, w.f.style
		case '\n':
			w.piece(pos)
			w.end()
			w.pendingHard = true
		default:
			if w.start < 0 {
				w.start = pos
			}
			if c >= 0x20 && c != 0x7f {
				w.cur.width++
			}
		}
	}
}

// clusterFrag reads a fragment by grapheme clusters; a wide character is
// a word of its own.
func (w *wordSplitter) clusterFrag() {
	for g, pos := range clusters(w.f.text) {
		switch g {
		case " ":
			w.piece(pos)
			w.end()
			w.pendingSpace, w.spaceStyle = true, w.f.style
			continue
		case "\n":
			w.piece(pos)
			w.end()
			w.pendingHard = true
			continue
		}
		gw := graphemeWidth(g)
		if gw >= 2 {
			w.piece(pos)
			w.end()
			w.start = pos
			w.cur.width += gw
			w.piece(pos + len(g))
			w.end()
			continue
		}
		if w.start < 0 {
			w.start = pos
		}
		w.cur.width += gw
	}
}

// asciiWithoutCR reports whether s is all ASCII with no carriage return:
// then each byte is a grapheme cluster of its own.
func asciiWithoutCR(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '\r' {
			return false
		}
	}
	return true
}
