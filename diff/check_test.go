package diff

import (
	"strings"
	"testing"
)

// A side without front matter that is not UTF-8 text is refused with its
// name and the byte offset, as a draft is (QA F6).
func TestBinarySidesAreRefused(t *testing.T) {
	tests := []struct {
		data, kind, want string
	}{
		{"Plain \xff text.\n", "", "x.txt: invalid UTF-8 at byte offset 6"},
		{"Plain \x00 text.\n", "", "x.txt: NUL byte at byte offset 6"},
		{"ab\xffc\x00", KindText, "x.txt: invalid UTF-8 at byte offset 2"},
		{"O 212130Z DEC 88\nFM A\nTO B\nBT\nTEXT \xc3\nBT\n", "", "x.txt: invalid UTF-8 at byte offset 35"},
	}
	for _, tt := range tests {
		_, err := Compare(Input{Name: "x.txt", Data: []byte(tt.data), Kind: tt.kind}, Input{Name: "y.txt", Data: []byte("Plain text.\n")}, Options{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err %v, want %q", tt.data, err, tt.want)
		}
	}
	if _, err := Compare(Input{Name: "x.txt", Data: []byte("Caf\u00e9 \u4f1a\u8bae.\n")}, Input{Name: "y.txt", Data: []byte("Plain text.\n")}, Options{}); err != nil {
		t.Errorf("UTF-8 text refused: %v", err)
	}
}
