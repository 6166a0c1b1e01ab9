package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A binary file given to cable parse is refused as not text, with the
// same check and words diff uses, rather than searched for a heading.
func TestCableParseRefusesABinaryFile(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "photo.bin")
	if err := os.WriteFile(bin, []byte("GIF89a\x01\x00\x01\x00\x00\xff"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := Main([]string{"cable", "parse", bin}, strings.NewReader(""), &out, &errOut)
	if code != 2 && code != 1 {
		t.Fatalf("exit %d, want a refusal: %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "not a text file") || strings.Contains(errOut.String(), "heading") {
		t.Errorf("cable parse of a binary file said %q, want it refused as not a text file", errOut.String())
	}
	var dOut, dErr bytes.Buffer
	Main([]string{"diff", bin, bin}, strings.NewReader(""), &dOut, &dErr)
	if !strings.Contains(dErr.String(), "not a text file") {
		t.Errorf("diff of the same file said %q", dErr.String())
	}
}
