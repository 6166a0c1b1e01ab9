package render

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// wrapWriter breaks running text at spaces so that no line is wider than
// width columns: characters count their display width and terminal
// escapes (ESC [ … letter) nothing. A word wider than a line stands on a
// line of its own and is never cut. The spaces where a line breaks are
// replaced by the line break.
type wrapWriter struct {
	w      io.Writer
	width  int
	col    int    // columns on the current line
	spaces []byte // spaces after the last word, not yet written
	word   []byte // the word being read
	err    error
}

func newWrapWriter(w io.Writer, width int) *wrapWriter {
	return &wrapWriter{w: w, width: width}
}

func (ww *wrapWriter) Write(p []byte) (int, error) {
	for _, c := range p {
		switch {
		case c == '\n':
			ww.endWord()
			ww.emit(ww.spaces)
			ww.spaces = ww.spaces[:0]
			ww.emit([]byte{'\n'})
			ww.col = 0
		case c == ' ':
			ww.endWord()
			ww.spaces = append(ww.spaces, c)
		default:
			ww.word = append(ww.word, c)
		}
	}
	return len(p), ww.err
}

// Flush writes what is pending.
func (ww *wrapWriter) Flush() error {
	ww.endWord()
	ww.emit(ww.spaces)
	ww.spaces = ww.spaces[:0]
	return ww.err
}

// endWord places the word read: on this line after the pending spaces if
// it fits, else at the start of the next.
func (ww *wrapWriter) endWord() {
	if len(ww.word) == 0 {
		return
	}
	w := displayWidth(ww.word)
	// A marker's end stays with what it closes: "[-delay -]" does not
	// break before "-]".
	closing := bytes.HasPrefix(ww.word, []byte("-]")) || bytes.HasPrefix(ww.word, []byte("+}"))
	if ww.col > 0 && !closing && ww.col+len(ww.spaces)+w > ww.width {
		ww.emit([]byte{'\n'})
		ww.col = 0
	} else {
		ww.emit(ww.spaces)
		ww.col += len(ww.spaces)
	}
	ww.spaces = ww.spaces[:0]
	ww.emit(ww.word)
	ww.col += w
	ww.word = ww.word[:0]
}

func (ww *wrapWriter) emit(b []byte) {
	if ww.err == nil && len(b) > 0 {
		_, ww.err = ww.w.Write(b)
	}
}

// displayWidth is the width of b in columns, terminal escapes left out.
func displayWidth(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		if b[i] == 0x1b && i+1 < len(b) && b[i+1] == '[' {
			j := i + 2
			for j < len(b) && (b[j] < 0x40 || b[j] > 0x7e) {
				j++
			}
			i = j + 1
			continue
		}
		if b[i] < utf8.RuneSelf {
			if b[i] >= 0x20 && b[i] != 0x7f {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		n += widths.RuneWidth(r)
		i += size
	}
	return n
}
