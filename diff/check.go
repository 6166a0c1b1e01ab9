package diff

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// CheckText refuses a side that is not UTF-8 text: a NUL byte or invalid
// UTF-8 (a binary file, a file saved in another encoding), naming the side
// and the byte offset, as a draft's reading does. Comparing such a file
// would dump raw bytes, terminal controls included, into the redline.
func CheckText(name string, data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		if j := invalidUTF8(data[:i]); j >= 0 {
			i = j
		} else {
			return fmt.Errorf("%s: NUL byte at byte offset %d: not a text file (compare UTF-8 text only)", displayName(name), i)
		}
	}
	if i := invalidUTF8(data); i >= 0 {
		return fmt.Errorf("%s: invalid UTF-8 at byte offset %d: save the file as UTF-8", displayName(name), i)
	}
	return nil
}

// invalidUTF8 gives the offset of the first byte of data that is not valid
// UTF-8, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}
