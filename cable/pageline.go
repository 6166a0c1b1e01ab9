package cable

import "strings"

// LineShape is a line with its digits written as # and its spaces
// collapsed: the shape a page line keeps from page to page (PAGE 02
// STATE 153441 and PAGE 03 STATE 153441 are PAGE ## STATE ######).
func LineShape(s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		for _, r := range f {
			if r >= '0' && r <= '9' {
				r = '#'
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isBanner reports whether t is a page's banner: the classification alone
// (with its caveats), or the draft marker.
func isBanner(t string) bool {
	if strings.HasPrefix(t, "DRAFT - NOT FOR TRANSMISSION") {
		return true
	}
	if _, rest, ok := cpMatchClassification(t); ok {
		caveats, serial, ok := cpClassificationRest(rest)
		return ok && serial == "" && len(caveats) == len(strings.Fields(rest))
	}
	return false
}

// findPageLines learns the shapes of the page lines a template of its own
// wrote (SHEET 2, - 3 - FCO): a line with a digit that stands under a
// page's banner, in the same shape on at least two pages. Such lines are
// page furniture wherever they stand.
func (p *cableParser) findPageLines() {
	count := map[string]int{}
	for i := 0; i < len(p.lines); i++ {
		if !isBanner(p.trimmed(i)) {
			continue
		}
		j := i + 1
		for j < len(p.lines) && isBanner(p.trimmed(j)) {
			j++
		}
		t := p.trimmed(j)
		if t == "" || !strings.ContainsAny(t, "0123456789") || cpHasKeyword(t, "FM") || p.isDTGLine(j) {
			continue
		}
		count[LineShape(t)]++
		i = j
	}
	for shape, n := range count {
		if n >= 2 {
			if p.pageShapes == nil {
				p.pageShapes = map[string]bool{}
			}
			p.pageShapes[shape] = true
		}
	}
}
