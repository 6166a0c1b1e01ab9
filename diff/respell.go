package diff

import (
	"unicode"
	"unicode/utf8"
)

// Respellings. The engine matches words by a matching form (case folded
// for cables and upper-case text, curly and straight quotes alike, a line
// wrap the same as a space), so an equal segment's two sides may be
// spelled differently. MarkRespellings splits each such segment so that
// the runs whose spelling differs stand in segments of their own, flagged
// Respelled, and every unflagged equal segment has A == B. A view that
// writes one side's text exactly (critic) marks the flagged runs as
// changes; the others may ignore the flag.
//
// The runs are cut at white space. When both sides have the same number
// of words, the words are paired one for one and so are the runs of white
// space between them: only a word or a run of white space that differs is
// flagged, and differing words separated by the same white space form one
// run ("If the" against "IF THE", not two). Otherwise the words and white
// space that both sides begin and end with stay unflagged and the rest is
// one flagged run.

// MarkRespellings returns segs with each unflagged equal segment whose
// sides differ split into unflagged and Respelled runs; segments that
// need no split are kept as they are, so applying it twice changes
// nothing. Compare applies it; a caller that builds or decodes segments
// itself (a test, JSON from before the flag) applies it before a view.
func MarkRespellings(segs []Segment) []Segment {
	need := false
	for _, s := range segs {
		if s.Op == OpEqual && s.A != s.B && !s.Respelled {
			need = true
			break
		}
	}
	if !need {
		return segs
	}
	out := make([]Segment, 0, len(segs)+8)
	for _, s := range segs {
		if s.Op != OpEqual || s.A == s.B || s.Respelled {
			out = append(out, s)
			continue
		}
		for _, r := range respellRuns(s.A, s.B) {
			if r.A == "" && r.B == "" {
				continue
			}
			if n := len(out); n > 0 && out[n-1].Op == OpEqual && out[n-1].Respelled == r.Respelled {
				out[n-1].A += r.A
				out[n-1].B += r.B
				continue
			}
			out = append(out, r)
		}
	}
	return out
}

// respellRuns cuts the two sides of an equal segment into equal segments,
// flagged where their spelling differs.
func respellRuns(a, b string) []Segment {
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
