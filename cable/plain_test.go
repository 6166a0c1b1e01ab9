package cable

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// plainWords are ordinary words; plainSpecial the words, marks, numbers
// and punctuation the checks look for. A random line draws from both.
var (
	plainWords = strings.Fields(`THE MINISTER SAID WE SHOULD AGREE TO A CONFERENCE IN MOSCOW ONLY IF
PROGRESS CONTINUES ON HUMAN RIGHTS AND FAMILY CASES OF SETTLEMENT UK US MY YOUR OUR UKMIS GENEVA
NEW YORK PEKING SIC SELF-DETERMINATION PRESIDENT'S WORD12 A1 STATE153441 G-7`)
	plainSpecial = strings.Fields(`FOLLOWING FOR FROM EYES NODIS EXDIS LIMDIS NOFORN PERSONAL MESSAGE
SERIAL NO. T 192/88 TOP SECRET CONFIDENTIAL RESTRICTED UNCLASSIFIED UNCLAS LIMITED OFFICIAL USE S E C
R T TAGS TAGS: SUBJECT: SUBJ: REF: REFS: REFTEL MIPT MIFT TELNO TELNOS TELEGRAM NUMBER 12 3 1434 1. 2.
A. B. (A) (1) - -- E.O. 12356: DECL: OADR CLASSIFIED BY DERIVED PAGE 02 STATE 153441 SECTION 1 OF 2
FINAL DRAFT NOT TRANSMISSION NNN NNNN BT ZCZC VZCZC #0042 Declassified/Released Department State Show
Headers , . : ;`)
)

// PlainOpening never says plain of a line that OpensStructure or
// Furniture would stop, nor of a line made of its first words: over
// random lines of that vocabulary, and over every line of the cable test
// documents.
func TestPlainOpeningIsConservative(t *testing.T) {
	check := func(l string) {
		if !PlainOpening(l) {
			return
		}
		f := strings.Fields(l)
		for n := 1; n <= len(f); n++ {
			p := strings.Join(f[:n], " ")
			if OpensStructure(p) || Furniture(p) != "" {
				t.Fatalf("PlainOpening(%q) is true, but %q opens structure (%v) or is furniture (%q)", l, p, OpensStructure(p), Furniture(p))
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200_000; i++ {
		n := 1 + r.IntN(7)
		w := make([]string, n)
		for k := range w {
			if r.IntN(5) < 2 {
				w[k] = plainSpecial[r.IntN(len(plainSpecial))]
			} else {
				w[k] = plainWords[r.IntN(len(plainWords))]
			}
		}
		check(strings.Join(w, " "))
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("testdata", "archive", "*.txt"))
	for _, name := range append(files, more...) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			check(strings.ToUpper(strings.TrimSpace(l)))
		}
	}
}

// Most lines of ordinary text are plain: the check is worth making.
func TestPlainOpeningPassesOrdinaryLines(t *testing.T) {
	for _, l := range []string{"WE HAVE REVIEWED THE LIST OF DIVIDED", "THE PRESIDENT TELEPHONED THE PRIME MINISTER", "AGREE THAT THIS IS A VITAL POINT"} {
		if !PlainOpening(l) {
			t.Errorf("PlainOpening(%q) = false", l)
		}
	}
	for _, l := range []string{"1. THE", "SECRET", "TAGS: PREL", "FOR THE AMBASSADOR FROM", "UKMIS GENEVA TELNO 3", "NODIS", "PAGE 02 STATE 1", "A. THE", "S E C R E T", "E.O. 12356"} {
		if PlainOpening(l) {
			t.Errorf("PlainOpening(%q) = true", l)
		}
	}
}
