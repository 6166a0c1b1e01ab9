package pdffont

import (
	"testing"

	"golang.org/x/image/font/gofont/gomono"
)

func TestCheckTrueType(t *testing.T) {
	if err := checkTrueType(gomono.TTF); err != nil {
		t.Errorf("Go Mono refused: %v", err)
	}
	otto := append([]byte("OTTO"), make([]byte, 20)...)
	for _, b := range [][]byte{nil, []byte("short"), otto, append([]byte("ttcf"), make([]byte, 20)...), append([]byte{0, 1, 0, 0, 0, 200}, make([]byte, 10)...)} {
		if err := checkTrueType(b); err == nil {
			t.Errorf("%q accepted", b)
		}
	}
}
