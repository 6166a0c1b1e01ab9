package telegram

import (
	"bytes"
	"unicode/utf8"
	"unsafe"

	"github.com/yuin/goldmark/util"

	"github.com/redline-dev/redline/cable"
)

// addText maps text onto the character set and splits it into words.
// Backslash escapes and entity references are resolved when unescape is
// set.
func (tp *teleprinter) addText(b []byte, offset int, unescape bool) error {
	for i := 0; i < len(b); {
		if c := b[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			// Letters and digits, most of any text, map to themselves in
			// capitals wherever the character set has them (as Map does).
			if c >= 'a' {
				c -= 'a' - 'A'
			}
			if tp.opts.Charset.Allows(rune(c)) {
				if len(tp.words) == tp.wordStart {
					tp.wordAt = offset + i
				}
				tp.wordByte(c)
				i++
				continue
			}
		}
		r, size := utf8.DecodeRune(b[i:])
		at := offset + i
		if unescape && r == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]) {
			i++
			r, size = rune(b[i]), 1
		} else if unescape && r == '&' {
			if j := bytes.IndexByte(b[i:], ';'); j > 1 && j < 40 {
				ref := b[i : i+j+1]
				res := util.ResolveEntityNames(util.ResolveNumericReferences(ref))
				if !bytes.Equal(res, ref) {
					if err := tp.addText(res, at, false); err != nil {
						return err
					}
					i += j + 1
					continue
				}
			}
		}
		out, ok := tp.mapper.Map(r)
		if !ok {
			// Every such character is reported, in one run.
			tp.unsendable = append(tp.unsendable, cable.Unsendable{Where: tp.position(at), Rune: r, Charset: tp.opts.Charset.Name})
			i += size
			continue
		}
		for k := 0; k < len(out); k++ {
			if out[k] == ' ' {
				tp.flushWord()
				continue
			}
			if len(tp.words) == tp.wordStart {
				tp.wordAt = at
			}
			tp.wordByte(out[k])
		}
		i += size
	}
	return nil
}

// wordChunk is the size of a chunk of word text.
const wordChunk = 64 << 10

// wordByte adds a byte to the word being read. A full chunk is left to
// the words over it, and the word being read starts the next.
func (tp *teleprinter) wordByte(c byte) {
	if len(tp.words) == cap(tp.words) {
		pending := tp.words[tp.wordStart:]
		next := make([]byte, len(pending), max(wordChunk, 2*len(pending)))
		copy(next, pending)
		tp.words, tp.wordStart = next, 0
	}
	tp.words = append(tp.words, c)
}

func (tp *teleprinter) flushWord() {
	n := len(tp.words) - tp.wordStart
	if n == 0 {
		return
	}
	if n > tp.wordRoom {
		tp.longWord = true
	}
	// The bytes under the string are never written again: wordByte only
	// appends past them, and a new chunk is a new array.
	text := unsafe.String(&tp.words[tp.wordStart], n)
	tp.wordStart = len(tp.words)
	seg := &tp.cur[len(tp.cur)-1]
	*seg = append(*seg, word{text: text, offset: tp.wordAt})
}
