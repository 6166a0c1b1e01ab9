package diff

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The respelling split on offsets gives the segments the split on lists of
// words gives (the way it was first written, kept here as the reference).

// respellRuns cuts the two sides of an equal segment into equal segments,
// flagged where their spelling differs.
func respellRunsByWords(a, b string) []Segment {
	ga, gb := gapsAndWords(a), gapsAndWords(b)
	if len(ga) != len(gb) {
		ra, rb := spaceSplit(a), spaceSplit(b)
		pre := 0
		for pre < len(ra) && pre < len(rb) && ra[pre] == rb[pre] {
			pre++
		}
		suf := 0
		for suf < len(ra)-pre && suf < len(rb)-pre && ra[len(ra)-1-suf] == rb[len(rb)-1-suf] {
			suf++
		}
		head := joined(ra[:pre])
		tail := joined(ra[len(ra)-suf:])
		return []Segment{
			{Op: OpEqual, A: head, B: head},
			{Op: OpEqual, A: joined(ra[pre : len(ra)-suf]), B: joined(rb[pre : len(rb)-suf]), Respelled: true},
			{Op: OpEqual, A: tail, B: tail},
		}
	}
	differs := make([]bool, len(ga))
	for i := range ga {
		differs[i] = ga[i] != gb[i]
	}
	// Elements alternate: white space (even), word (odd). Shared white
	// space between two respelled words joins them into one run.
	for i := 2; i+2 < len(ga); i += 2 {
		if !differs[i] && differs[i-1] && differs[i+1] {
			differs[i] = true
		}
	}
	var out []Segment
	for i := 0; i < len(ga); {
		d := differs[i]
		j := i
		for j < len(ga) && differs[j] == d {
			j++
		}
		out = append(out, Segment{Op: OpEqual, A: joined(ga[i:j]), B: joined(gb[i:j]), Respelled: d})
		i = j
	}
	return out
}

func joined(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 0, n)
	for _, p := range parts {
		b = append(b, p...)
	}
	return string(b)
}

// gapsAndWords cuts s into white space and words, alternating, beginning
// and ending with white space (possibly empty): gap, word, gap, …, word,
// gap.
func gapsAndWords(s string) []string {
	runs := spaceSplit(s)
	out := make([]string, 0, len(runs)+2)
	for _, r := range runs {
		if !isSpaceRun(r) && len(out)%2 == 0 {
			out = append(out, "") // no white space before this word
		}
		out = append(out, r)
	}
	if len(out)%2 == 0 {
		out = append(out, "")
	}
	return out
}

func isSpaceRun(r string) bool {
	c, _ := utf8.DecodeRuneInString(r)
	return unicode.IsSpace(c)
}

// spaceSplit cuts s into alternating runs of white space and of other
// characters.
func spaceSplit(s string) []string {
	var out []string
	start, prev := 0, -1
	for i, r := range s {
		cls := 0
		if unicode.IsSpace(r) {
			cls = 1
		}
		if prev >= 0 && cls != prev {
			out = append(out, s[start:i])
			start = i
		}
		prev = cls
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// joinRuns drops empty runs and joins neighbours with the same flag, as
// MarkRespellings does with what respellRuns returns.
func joinRuns(runs []Segment) []Segment {
	var out []Segment
	for _, r := range runs {
		if r.A == "" && r.B == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Respelled == r.Respelled {
			out[n-1].A += r.A
			out[n-1].B += r.B
			continue
		}
		out = append(out, r)
	}
	return out
}

func TestRespellRunsMatchesSplitByWords(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	pieces := []string{"if", "If", "IF", "the", "THE", "‘a’", "'a'", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "é", "É", "x", "", "\xff", "\xe2\x80", "\u2003"}
	text := func() string {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	var sc respellScratch
	for n := range 20000 {
		a, b := text(), text()
		if r.IntN(2) == 0 {
			b = strings.ToUpper(a) // same words, other spelling
		}
		got, want := respellRuns(a, b, &sc, nil), joinRuns(respellRunsByWords(a, b))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d: respellRuns(%q, %q) = %+v, want %+v", n, a, b, got, want)
		}
	}
}
