package attrib

import (
	"fmt"
	"sort"
	"strings"

	"github.com/redline-dev/redline/diff"
)

// Ways of labelling a change.
const (
	ByRevision = "revision"
	ByOffice   = "office"
)

// Label names, on every segment of every change of c (a comparison of the
// first revision of revs with the last), the hop of the chain that made
// it: the revisions that inserted its new words and those that deleted its
// old ones, found hop by hop as Chain finds them. by is ByRevision
// ("revision 2 (No. 10)") or ByOffice ("No. 10"). A change no hop accounts
// for (the direct comparison aligned the texts otherwise than the hops
// did) is labelled "no single revision".
func Label(c *diff.Comparison, revs []Revision, by string) error {
	if by != ByRevision && by != ByOffice {
		return fmt.Errorf("cannot label changes by %q: by revision or by office", by)
	}
	hops, err := changeHops(c, revs)
	if err != nil {
		return err
	}
	for i := range c.Segments {
		s := &c.Segments[i]
		if s.Change != 0 && s.Op != diff.OpEqual {
			s.By = hopLabel(hops[s.Change], revs, by)
		}
	}
	return nil
}

// changeHops finds, for each change of c, the indices (into revs, above
// the first) of the revisions that made it.
func changeHops(c *diff.Comparison, revs []Revision) (map[int]map[int32]bool, error) {
	t, err := trace(revs, nil)
	if err != nil {
		return nil, err
	}
	a, b := c.Text("a"), c.Text("b")
	origin, death := t.origin, t.death
	if a != t.first {
		death = remap(death, len(t.first), len(a))
	}
	if b != t.text {
		origin = remap(origin, len(t.text), len(b))
	}
	hops := map[int]map[int32]bool{}
	pa, pb := 0, 0
	for _, s := range c.Segments {
		a0, b0 := pa, pb
		pa, pb = pa+len(s.A), pb+len(s.B)
		if s.Change == 0 || s.Op == diff.OpEqual {
			continue
		}
		set := hops[s.Change]
		if set == nil {
			set = map[int32]bool{}
			hops[s.Change] = set
		}
		addHops(set, death[a0:pa], s.A)
		addHops(set, origin[b0:pb], s.B)
	}
	return hops, nil
}

// addHops adds the revisions (above the first) recorded for the words of
// text, or for all its bytes when it has no words (punctuation).
func addHops(set map[int32]bool, vals []int32, text string) {
	ws := words(text)
	if len(ws) == 0 {
		ws = [][2]int{{0, len(text)}}
	}
	for _, w := range ws {
		for _, v := range vals[w[0]:w[1]] {
			if v > 0 {
				set[v] = true
			}
		}
	}
}

func hopLabel(set map[int32]bool, revs []Revision, by string) string {
	var ks []int
	for k := range set {
		ks = append(ks, int(k))
	}
	sort.Ints(ks)
	var parts []string
	seen := map[string]bool{}
	for _, k := range ks {
		r := revs[k]
		p := officeOrNone(r.Office)
		if by == ByRevision {
			p = fmt.Sprintf("revision %s (%s)", revName(r), officeOrNone(r.Office))
		}
		if !seen[p] {
			seen[p] = true
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "no single revision"
	}
	return strings.Join(parts, ", ")
}

func officeOrNone(o string) string {
	if strings.TrimSpace(o) == "" {
		return "no office"
	}
	return o
}

// revName is how a label names a revision: its number, or what it is when
// it has none (the working copy).
func revName(r Revision) string {
	if r.Number == 0 {
		return "working copy"
	}
	if r.Label != "" && strings.HasPrefix(r.Label, "cable") {
		return fmt.Sprintf("%d, %s", r.Number, r.Label)
	}
	return fmt.Sprintf("%d", r.Number)
}
