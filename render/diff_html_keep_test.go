package render

import (
	"strings"
	"testing"
)

// TestPrintsShort: a paragraph is kept whole on a printed page when its
// lines, each wrapped at keepLineRunes characters, number keepLines or
// fewer, whatever spans it is cut into.
func TestPrintsShort(t *testing.T) {
	para := func(texts ...string) *htmlPara {
		p := &htmlPara{}
		for _, s := range texts {
			p.Spans = append(p.Spans, htmlSpan{Kind: "text", Text: s})
		}
		return p
	}
	line := strings.Repeat("x", keepLineRunes)
	for _, c := range []struct {
		p    *htmlPara
		want bool
	}{
		{para(""), true},
		{para(strings.Repeat(line, keepLines)), true},
		{para(strings.Repeat(line, keepLines) + "y"), false},
		{para(strings.Repeat(line, keepLines-1), line[:40], line[40:]), true},
		{para(strings.Repeat("short line\n", keepLines-1) + "last"), true},
		{para(strings.Repeat("short line\n", keepLines) + "sixth"), false},
		{para(strings.Repeat("é", keepLineRunes*keepLines)), true}, // runes, not bytes
	} {
		if got := c.p.printsShort(); got != c.want {
			t.Errorf("%d runes, %d line breaks: printsShort = %v, want %v", len([]rune(c.p.Spans[0].Text)), strings.Count(c.p.Spans[0].Text, "\n"), got, c.want)
		}
	}
}
