package attrib

import (
	"strings"
	"testing"

	"github.com/redline-dev/redline/diff"
)

func compareEnds(t *testing.T, revs []Revision) *diff.Comparison {
	t.Helper()
	first, last := revs[0], revs[len(revs)-1]
	c, err := diff.Compare(diff.Input{Name: first.Name, Data: first.Data, Kind: first.Kind},
		diff.Input{Name: last.Name, Data: last.Data, Kind: last.Kind}, diff.Options{Moves: true})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// changeLabels gives each change's deleted and inserted words with its label.
func changeLabels(c *diff.Comparison) map[string]string {
	out := map[string]string{}
	for _, e := range edits(c) {
		for _, s := range c.Segments {
			if s.Change == e.Change {
				out[e.Deleted+">"+e.Inserted] = s.By
				break
			}
		}
	}
	return out
}

func TestLabelByHop(t *testing.T) {
	revs := []Revision{
		{Name: "d@1", Number: 1, Office: "FCO", Kind: "text", Data: []byte("we can no longer delay a decision on whether to agree to a conference in Moscow this winter.\n")},
		{Name: "d@2", Number: 2, Office: "No. 10", Kind: "text", Data: []byte("we shall have to reach a decision very soon on whether to agree to a conference in Moscow this winter.\n")},
		{Name: "d@3", Number: 3, Office: "Cabinet Office", Kind: "text", Data: []byte("WE SHALL HAVE TO REACH A DECISION VERY SOON ON WHETHER TO AGREE\nTO A HUMAN RIGHTS CONFERENCE IN MOSCOW.\n")},
	}
	for by, want := range map[string]map[string]string{
		ByOffice: {
			"can no longer delay>SHALL HAVE TO REACH": "No. 10", ">VERY SOON": "No. 10",
			">HUMAN RIGHTS": "Cabinet Office", "this winter>": "Cabinet Office",
		},
		ByRevision: {
			"can no longer delay>SHALL HAVE TO REACH": "revision 2 (No. 10)", ">HUMAN RIGHTS": "revision 3 (Cabinet Office)",
		},
	} {
		c := compareEnds(t, revs)
		if err := Label(c, revs, by); err != nil {
			t.Fatal(err)
		}
		got := changeLabels(c)
		for k, v := range want {
			if got[k] != v {
				t.Errorf("by %s: change %q labelled %q, want %q (all: %q)", by, k, got[k], v, got)
			}
		}
		for _, s := range c.Segments {
			if (s.Op == diff.OpEqual) != (s.By == "") {
				t.Errorf("by %s: segment %+v", by, s)
			}
		}
	}
	if err := Label(compareEnds(t, revs), revs, "author"); err == nil {
		t.Error("labelling by author gave no error")
	}
}

// A change made in one hop and undone in a later one leaves no change; a
// word changed twice names both hops.
func TestLabelTwoHops(t *testing.T) {
	revs := []Revision{
		{Name: "d@1", Number: 1, Office: "FCO", Kind: "text", Data: []byte("the prior conditions on which we insist are met in full today.\n")},
		{Name: "d@2", Number: 2, Office: "No. 10", Kind: "text", Data: []byte("the prior conditions which are essential are met in full today.\n")},
		{Name: "d@3", Number: 3, Office: "FCO", Kind: "text", Data: []byte("the prior conditions which are vital are met in full today.\n")},
	}
	c := compareEnds(t, revs)
	if err := Label(c, revs, ByOffice); err != nil {
		t.Fatal(err)
	}
	got := changeLabels(c)
	if len(got) != 1 || !strings.Contains(got["on which we insist>which are vital"], "No. 10") || !strings.Contains(got["on which we insist>which are vital"], "FCO") {
		t.Errorf("labels %q", got)
	}
}
