package render

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

var sgrRE = regexp.MustCompile("\x1b\\[[0-9;]*m")

// Wrapped text has no line wider than the width but for a single word,
// breaks only where there were spaces, and keeps every other byte.
func TestWrapWriter(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 8))
	words := []string{"a", "redline", "\x1b[31;9mstruck\x1b[0m", "中文", "[-old-]{+new+}", "supercalifragilistic", "é", ""}
	for range 3000 {
		width := 5 + r.IntN(30)
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(words[r.IntN(len(words))])
			switch r.IntN(6) {
			case 0:
				b.WriteString("\n")
			case 1:
				b.WriteString("  ")
			default:
				b.WriteString(" ")
			}
		}
		in := b.String()
		var out strings.Builder
		ww := newWrapWriter(&out, width)
		// Written in pieces, as a view writes.
		for rest := in; rest != ""; {
			n := min(len(rest), 1+r.IntN(7))
			ww.Write([]byte(rest[:n]))
			rest = rest[n:]
		}
		if err := ww.Flush(); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		for _, line := range strings.Split(got, "\n") {
			body := strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(line), " -]", ""), " +}", "")
			if w := displayWidth([]byte(strings.TrimRight(line, " "))); w > width && strings.Contains(body, " ") {
				t.Fatalf("width %d: line %q is %d columns and could have broken\ninput %q", width, line, w, in)
			}
		}
		if strings.ReplaceAll(strings.ReplaceAll(got, "\n", ""), " ", "") != strings.ReplaceAll(strings.ReplaceAll(in, "\n", ""), " ", "") {
			t.Fatalf("width %d: text changed:\n in %q\nout %q", width, in, got)
		}
		if strings.Count(got, "\n") < strings.Count(in, "\n") {
			t.Fatalf("width %d: a line break was lost:\n in %q\nout %q", width, in, got)
		}
	}
	if w := displayWidth([]byte(sgrRE.ReplaceAllString("\x1b[31;9mab\x1b[0m中", ""))); w != 4 {
		t.Errorf("display width %d, want 4", w)
	}
}
