package attrib

import (
	"errors"
	"sort"

	"github.com/redline-dev/redline/diff"
)

// Unapproved is a change between the approved text and the text as sent.
type Unapproved struct {
	Edit
	// Revisions are the numbers of the tracked revisions after the
	// approval that made the change; Untracked is set when part of it was
	// made in the last link (the cable as transmitted) and so in no
	// revision at all.
	Revisions []int `json:"revisions"`
	Untracked bool  `json:"untracked"`
	// By names them as diff --by revision does.
	By string `json:"by"`
}

// Verification is what Verify found.
type Verification struct {
	Changes []Unapproved       `json:"changes"`
	Fields  []diff.FieldChange `json:"fields"`
}

// stampedFields are the fields send itself stamps, which the approved text
// cannot have had.
var stampedFields = map[string]bool{"dtg": true, "serial": true}

// Verify compares the first link of chain (the approved revision) with the
// last (the text as sent, such as the cable transmitted) and lists every
// change, each with the revisions between that made it; a change made in
// the last link alone is untracked. Field changes other than those send
// stamps (date-time group, serial) are listed too, from the last draft of
// the chain when the text as sent is a cable.
func Verify(chain []Revision) (*Verification, error) {
	if len(chain) < 2 {
		return nil, errors.New("nothing to verify: the approved revision is the text as sent")
	}
	first, last := chain[0], chain[len(chain)-1]
	c, err := diff.Compare(diff.Input{Name: first.Name, Data: first.Data, Kind: first.Kind},
		diff.Input{Name: last.Name, Data: last.Data, Kind: last.Kind}, compareOptions)
	if err != nil {
		return nil, err
	}
	hops, err := changeHops(c, chain)
	if err != nil {
		return nil, err
	}
	v := &Verification{Changes: []Unapproved{}, Fields: []diff.FieldChange{}}
	for _, e := range edits(c) {
		u := Unapproved{Edit: e, Revisions: []int{}, By: hopLabel(hops[e.Change], chain, ByRevision)}
		var ks []int
		for k := range hops[e.Change] {
			ks = append(ks, int(k))
		}
		sort.Ints(ks)
		for _, k := range ks {
			if k == len(chain)-1 {
				u.Untracked = true
			} else {
				u.Revisions = append(u.Revisions, chain[k].Number)
			}
		}
		if len(ks) == 0 {
			u.Untracked = true
		}
		v.Changes = append(v.Changes, u)
	}
	fc := c
	if k := lastDraft(chain); k > 0 && k < len(chain)-1 {
		// A cable's header is the template's rendering of the draft's
		// fields (a heading made from the title, say): the fields are
		// checked in the draft that was sent.
		d := chain[k]
		if fc, err = diff.Compare(diff.Input{Name: first.Name, Data: first.Data, Kind: first.Kind},
			diff.Input{Name: d.Name, Data: d.Data, Kind: d.Kind}, compareOptions); err != nil {
			return nil, err
		}
	}
	for _, f := range fc.Fields {
		if !stampedFields[f.Name] {
			v.Fields = append(v.Fields, f)
		}
	}
	return v, nil
}

// lastDraft is the index of the last link that is not a cable.
func lastDraft(chain []Revision) int {
	for k := len(chain) - 1; k >= 0; k-- {
		if chain[k].Kind != diff.KindCable {
			return k
		}
	}
	return -1
}

// Clean reports whether the text went out as approved.
func (v *Verification) Clean() bool { return len(v.Changes) == 0 && len(v.Fields) == 0 }
