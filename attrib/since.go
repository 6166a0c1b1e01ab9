package attrib

import (
	"strings"

	"github.com/redline-dev/redline/diff"
)

// Edit is one change between two texts, as words: what was there and what
// is there now (either may be empty).
type Edit struct {
	Change   int    `json:"change"`
	Deleted  string `json:"deleted,omitempty"`
	Inserted string `json:"inserted,omitempty"`
}

// Since lists the changes the comparison engine finds between the text a
// clearance was given for and the text now, each change's deleted and
// inserted text with its white space made single spaces.
func Since(cleared, now Revision) ([]Edit, error) {
	c, err := diff.Compare(diff.Input{Name: cleared.Name, Data: cleared.Data, Kind: cleared.Kind},
		diff.Input{Name: now.Name, Data: now.Data, Kind: now.Kind}, compareOptions)
	if err != nil {
		return nil, err
	}
	return edits(c), nil
}

// edits gathers a comparison's changes in order; a change of white space
// alone is not listed.
func edits(c *diff.Comparison) []Edit {
	var out []Edit
	idx := map[int]int{}
	for _, s := range c.Segments {
		if s.Op == diff.OpEqual || s.Change == 0 {
			continue
		}
		i, ok := idx[s.Change]
		if !ok {
			i = len(out)
			idx[s.Change] = i
			out = append(out, Edit{Change: s.Change})
		}
		e := &out[i]
		e.Deleted = joinWords(e.Deleted, s.A)
		e.Inserted = joinWords(e.Inserted, s.B)
	}
	kept := out[:0]
	for _, e := range out {
		if e.Deleted != "" || e.Inserted != "" {
			kept = append(kept, e)
		}
	}
	return kept
}

func joinWords(have, text string) string {
	w := strings.Join(strings.Fields(text), " ")
	switch {
	case w == "":
		return have
	case have == "":
		return w
	}
	return have + " " + w
}
