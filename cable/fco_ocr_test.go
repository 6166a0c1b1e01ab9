package cable

import (
	"math/rand"
	"strings"
	"testing"
)

func TestMisreadClassification(t *testing.T) {
	cases := map[string]string{
		"CIFIDENTIAL":    "CONFIDENTIAL",
		"CONFIDENTAL":    "CONFIDENTIAL",
		"C0NFIDENTIAL":   "", // a digit is not a capital: not read as a word
		"RESTRICTD":      "RESTRICTED",
		"UNCLASIFIED":    "UNCLASSIFIED",
		"CONFIDENTIAL":   "", // spelt right: the classification reader's, not this
		"SECRETS":        "", // SECRET is too short to guess at
		"CONTINENTAL":    "",
		"RESTRICTIONS":   "",
		"ONFIDENTIAL":    "", // the first letter must stand
		"CONFIDENTIAL X": "",
	}
	for in, want := range cases {
		if got := cpMisreadClassification(in); got != want {
			t.Errorf("cpMisreadClassification(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEditsApart checks the edit distance on random short words against
// what any distance must satisfy: zero exactly for equal words, the same
// both ways, at least the difference in length, at most the longer
// length, and one for a single letter changed, dropped or added.
func TestEditsApart(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	word := func() string {
		b := make([]byte, rng.Intn(9))
		for k := range b {
			b[k] = "ABCD"[rng.Intn(4)]
		}
		return string(b)
	}
	for n := 0; n < 2000; n++ {
		a, b := word(), word()
		d := cpEditsApart(a, b)
		if (d == 0) != (a == b) || d != cpEditsApart(b, a) || d < abs(len(a)-len(b)) || d > max(len(a), len(b)) {
			t.Fatalf("cpEditsApart(%q, %q) = %d", a, b, d)
		}
		if len(a) > 0 {
			k := rng.Intn(len(a))
			for _, e := range []string{a[:k] + a[k+1:], a[:k] + "E" + a[k:], a[:k] + "E" + a[k+1:]} {
				if got := cpEditsApart(a, e); got != 1 {
					t.Fatalf("cpEditsApart(%q, %q) = %d, want 1", a, e, got)
				}
			}
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func TestFilesLine(t *testing.T) {
	for _, s := range []string{"FILES", "VILES", "FIIES", "F1LES"} {
		if !cpFilesLine(s) {
			t.Errorf("cpFilesLine(%q) = false", s)
		}
	}
	for _, s := range []string{"FILE", "FILESS", "VIDES", "files", "FI ES", "NEWS D"} {
		if cpFilesLine(s) {
			t.Errorf("cpFilesLine(%q) = true", s)
		}
	}
}

func TestMarginMark(t *testing.T) {
	for _, s := range []string{"J 4", "30", "明", "RE", "JW 12"} {
		if !cpMarginMark(s) {
			t.Errorf("cpMarginMark(%q) = false", s)
		}
	}
	for _, s := range []string{"IT.", "2.", "HONG KONG", "(C)", "A B C", "12345", "-", ""} {
		if cpMarginMark(s) {
			t.Errorf("cpMarginMark(%q) = true", s)
		}
	}
}

// TestMarginMarksOnlyInFiledCopies: a filed copy loses the marks between
// its paragraphs but keeps a short signature on its last line; an FCO
// telegram in the form redline writes keeps a short paragraph.
func TestMarginMarksOnlyInFiledCopies(t *testing.T) {
	filed := "CONFIDENTIAL\nFM F C O 291841Z\nCIFIDENTIAL\nTO PRIORITY PEKING TELNO 11 OF 29 DECEMBER\n\n" +
		"1. THE AMBASSADOR CALLED.\n\nJ 4\n\n2. HE ASKED FOR MORE.\n\nCOX\n"
	m, err := Parse([]byte(filed))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(m.Text, "J 4") || m.Classification != "CONFIDENTIAL" {
		t.Errorf("filed copy: classification %q, text %q", m.Classification, m.Text)
	}
	if m.Signature != "COX" && !strings.HasSuffix(strings.TrimSpace(m.Text), "COX") {
		t.Errorf("filed copy lost its last line COX: signature %q, text %q", m.Signature, m.Text)
	}
	own := "CONFIDENTIAL\n\nFM FCO\nTO PRIORITY PEKING\nTELNO 11\nOF 291841Z DEC 72\n\n" +
		"1. THE AMBASSADOR CALLED.\n\n2. NO\n\n3. HE ASKED FOR MORE.\n\nJ 4\n\n4. HE LEFT.\n\nCOX\n"
	m, err = Parse([]byte(own))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Text, "J 4") {
		t.Errorf("an FCO telegram of our own lost a short paragraph: %q", m.Text)
	}
	if len(m.Notes) != 0 {
		t.Errorf("notes on a telegram of our own: %q", m.Notes)
	}
}
