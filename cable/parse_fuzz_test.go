package cable

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics and that what it returns is
// consistent: a parsed input is a cable, the text starts at TextLine, no
// BT or NNNN line is left in the text, and parsing is deterministic.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "parse_*.txt"))
	archive, _ := filepath.Glob(filepath.Join("testdata", "archive", "*.txt"))
	for _, name := range append(files, archive...) {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("O 212130Z DEC 88\nFM A\nTO B\nBT\nS E C R E T\nSETTLE-\nPAGE 02 STATE 1\nMENT\nBT\nNNNN\n"))
	f.Add([]byte("SECRET\nFM X 010000Z JAN 01\nTO IMMEDIATE Y\nTELNO 1\n"))
	f.Add([]byte(archiveSection(1, 2, "010645Z AUG 74", "A B C.\nD E-\nF.\nG") + archiveSection(2, 2, "010645Z AUG 74", "H I.\nJ.\nK.\nL")))
	f.Add([]byte("GPS 80\nFM F C O 1609252\nCONFIDENTIAL\n1973\nTO PRIORITY X TELNO 5 OF 16 MAY/INFO Y.\nMIPT.\n1. T.\nNAME\nFILES\nFED\n1\nCONFIDENTIAL\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error on several lines: %q", err)
			}
			return
		}
		// A dialect printed without a heading (a published transcription,
		// an archive page's text) is read by its own reader; every other
		// cable Parse reads has the heading IsCable looks for.
		if d := m.Dialect(); !IsCable(data) && (d == nil || d.read == nil) {
			t.Errorf("Parse succeeded as %q but IsCable is false", m.Form)
		}
		m2, _ := Parse(data)
		if !reflect.DeepEqual(m, m2) {
			t.Errorf("Parse is not deterministic")
		}
		if len(m.ToPrecedence) != len(m.To) || len(m.InfoPrecedence) != len(m.Info) {
			t.Errorf("precedences do not run beside the addressees: %q %q, %q %q", m.To, m.ToPrecedence, m.Info, m.InfoPrecedence)
		}
		// (a transcription is typeset in mixed case, its signature too: Colby)
		if m.Signature != "" && (strings.ContainsAny(m.Signature, "\n.") || m.Signature != strings.ToUpper(m.Signature) && m.Dialect() != Transcription ||
			m.Dialect() == nil || m.Dialect().Signature == SignatureInText) {
			t.Errorf("signature %q in a cable of form %q", m.Signature, m.Form)
		}
		if m.Text == "" {
			return
		}
		lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n"), "\n")
		if m.TextLine < 1 || m.TextLine > len(lines) {
			t.Fatalf("TextLine %d outside 1..%d", m.TextLine, len(lines))
		}
		for _, l := range strings.Split(m.Text, "\n") {
			if s := strings.TrimSpace(l); s == "BT" || s == "NNNN" {
				t.Errorf("text keeps the line %q", l)
			}
		}
	})
}

// BenchmarkParseLong parses a long archive copy whose lines all look like
// transmission lines: the parser must stay linear in the number of lines.
func BenchmarkParseLong(b *testing.B) {
	in := []byte("O 212130Z DEC 88\nFM A\nTO B\nBT\n" + strings.Repeat("ABCD\nSECRET\nPAGE 02 STATE 1\nSETTLE-\nMENT\n", 4000) + "BT\n")
	for b.Loop() {
		if _, err := Parse(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseManySections parses a State cable copy with a section
// break every few lines, each section ending with a name that is not the
// message's signature: taking the names off and putting them back must
// stay linear in the number of lines.
func BenchmarkParseManySections(b *testing.B) {
	in := []byte("O 212130Z DEC 88\nFM SECSTATE WASHDC\nTO AMEMBASSY MOSCOW\nBT\nS E C R E T SECTION 01 OF 02 STATE 123456\n" +
		strings.Repeat("1. TEXT.\nGROMYKO\nS E C R E T SECTION 02 OF 09 STATE 123456\nNODIS\n", 5000) + "2. END.\nSHULTZ\nBT\n")
	for b.Loop() {
		m, err := Parse(in)
		if err != nil || m.Signature != "SHULTZ" || strings.Count(m.Text, "GROMYKO") != 5000 {
			b.Fatalf("signature %q, %d names kept, %v", m.Signature, strings.Count(m.Text, "GROMYKO"), err)
		}
	}
}

// BenchmarkParseLongField parses a subject and a lettered reference list
// that run on for many lines each (n lines), as a typist's or a broken
// copy may: joining a field's lines and checking the next against them
// must stay linear in n, which the time per line across the sizes shows.
func BenchmarkParseLongField(b *testing.B) {
	head := "O 212130Z DEC 88\nFM SECSTATE WASHDC\nTO AMEMBASSY MOSCOW\nBT\nUNCLAS STATE 123456\n"
	for _, n := range []int{1000, 4000, 16000} {
		var refs strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&refs, "%c. STATE %d\n", 'B'+i%24, i)
		}
		in := []byte(head + "SUBJECT: A\n" + strings.Repeat("B C\n", n) + "REF: A. STATE 1\n" + refs.String() + "1. TEXT.\nSHULTZ\nBT\n")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if m, err := Parse(in); err != nil || len(m.Subject) < 4*n {
					b.Fatalf("subject of %d bytes, %v", len(m.Subject), err)
				}
			}
		})
	}
}
