package render

import "unicode/utf8"

// words cuts fragments into words at white space and around wide
// characters (CJK text has no spaces but breaks between characters).
func words(frags []frag) []wword {
	size := 0
	for _, f := range frags {
		size += len(f.text)
	}
	// Every word's fragments are a slice of buf, so that a word costs no
	// allocation of its own.
	w := &wordSplitter{out: make([]wword, 0, size/6+1), buf: make([]frag, 0, size/6+1)}
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
	return w.out
}

// wordSplitter is the state of words: the words so far, the fragments
// they are slices of, and the word being read.
type wordSplitter struct {
	out      []wword
	buf      []frag
	cur      wword
	curStart int // where cur's fragments begin in buf
	// the white space before the next word: a space (in spaceStyle) or a
	// hard line break
	pendingSpace, pendingHard bool
	spaceStyle                string
	f                         frag // the fragment being read
	start                     int  // where the current word's piece of f begins, -1 if none
}

// end ends the current word.
func (w *wordSplitter) end() {
	if len(w.buf) > w.curStart {
		w.cur.frags = w.buf[w.curStart:len(w.buf):len(w.buf)]
		w.out = append(w.out, w.cur)
	}
	w.cur = wword{}
	w.curStart = len(w.buf)
}

// piece adds the current word's piece of the fragment, up to upto.
func (w *wordSplitter) piece(upto int) {
	if w.start >= 0 && upto > w.start {
		if len(w.buf) == w.curStart {
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
