package attrib

import (
	"fmt"
	"strings"
	"time"
)

// Kinds of clearance record.
const (
	KindClear    = "clear"
	KindApprove  = "approve"
	KindWithdraw = "withdraw"
)

// Clearance is one clearance record as the store keeps it: an office
// clearing or approving one revision, identified by its content hash, or
// withdrawing an earlier record. Records are never changed or deleted.
type Clearance struct {
	Seq       int64
	Rev       int
	Hash      string
	Kind      string
	Office    string
	Name      string
	Note      string
	Withdraws int64
	At        time.Time
}

// Who is OFFICE:NAME, as a cable's drafting block prints a clearance.
func (c Clearance) Who() string {
	if c.Name == "" {
		return c.Office
	}
	return c.Office + ":" + c.Name
}

// Target is the revision clearances are judged against: its number and
// content hash.
type Target struct {
	Rev  int
	Hash string
}

// Standing is a clear or approve record with what has become of it.
type Standing struct {
	Clearance
	// WithdrawnBy is the Seq of the record that withdrew it, 0 if none.
	WithdrawnBy int64
	// Stale is set when the target's text differs from the text cleared.
	Stale bool
}

// Current reports whether the record still stands for the target.
func (s Standing) Current() bool { return s.WithdrawnBy == 0 && !s.Stale }

// State says what a record amounts to: "current", "stale" or "withdrawn".
func (s Standing) State() string {
	switch {
	case s.WithdrawnBy != 0:
		return "withdrawn"
	case s.Stale:
		return "stale"
	}
	return "current"
}

// Judge lists every clear and approve record in the order given (the
// store's), marking those withdrawn and those stale for the target: a
// clearance stands for the text it was given for, so it is stale when the
// target's content hash differs, whatever revision numbers say.
func Judge(records []Clearance, t Target) []Standing {
	withdrawn := map[int64]int64{}
	for _, c := range records {
		if c.Kind == KindWithdraw {
			withdrawn[c.Withdraws] = c.Seq
		}
	}
	var out []Standing
	for _, c := range records {
		if c.Kind == KindWithdraw {
			continue
		}
		out = append(out, Standing{Clearance: c, WithdrawnBy: withdrawn[c.Seq], Stale: c.Hash != t.Hash})
	}
	return out
}

// LastApproval is the newest approval not withdrawn, current or stale; ok
// is false when there is none.
func LastApproval(s []Standing) (Standing, bool) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i].Kind == KindApprove && s[i].WithdrawnBy == 0 {
			return s[i], true
		}
	}
	return Standing{}, false
}

// Policy is what a series requires before a message is sent in it.
type Policy struct {
	// Clearances are the clearances required, each OFFICE or OFFICE:NAME.
	Clearances []string
	// Approval requires an approval of the text sent.
	Approval bool
}

// Empty reports whether the policy requires nothing.
func (p Policy) Empty() bool { return len(p.Clearances) == 0 && !p.Approval }

// Shortfall is one requirement a draft does not meet, and why.
type Shortfall struct {
	// Requirement is OFFICE, OFFICE:NAME or "approval".
	Requirement string
	// Reason is "missing", "stale" or "withdrawn".
	Reason string
	// Record is the latest record that would have met it, for a stale or
	// withdrawn one.
	Record *Standing
}

func (s Shortfall) String() string {
	what := "a clearance from " + s.Requirement
	if s.Requirement == "approval" {
		what = "an approval"
	}
	switch s.Reason {
	case "stale":
		return fmt.Sprintf("%s (%s gave one for revision %d, but the text has changed since)", what, s.Record.Who(), s.Record.Rev)
	case "withdrawn":
		return fmt.Sprintf("%s (%s gave one for revision %d and withdrew it)", what, s.Record.Who(), s.Record.Rev)
	}
	return what
}

// Check lists the requirements of p that the standing records do not meet.
// A required OFFICE is met by a current clearance or approval from that
// office (compared without regard to case or surrounding space), OFFICE:NAME
// by one from that person of that office; the approval by a current approval.
func (p Policy) Check(s []Standing) []Shortfall {
	var out []Shortfall
	for _, req := range p.Clearances {
		office, name, _ := strings.Cut(req, ":")
		if sf, ok := shortfall(strings.TrimSpace(req), s, func(c Standing) bool {
			return same(c.Office, office) && (name == "" || same(c.Name, name))
		}); !ok {
			out = append(out, sf)
		}
	}
	if p.Approval {
		if sf, ok := shortfall("approval", s, func(c Standing) bool { return c.Kind == KindApprove }); !ok {
			out = append(out, sf)
		}
	}
	return out
}

func shortfall(req string, s []Standing, match func(Standing) bool) (Shortfall, bool) {
	var last *Standing
	for i := range s {
		if !match(s[i]) {
			continue
		}
		if s[i].Current() {
			return Shortfall{}, true
		}
		last = &s[i]
	}
	if last == nil {
		return Shortfall{Requirement: req, Reason: "missing"}, false
	}
	return Shortfall{Requirement: req, Reason: last.State(), Record: last}, false
}

func same(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }

// Block is the chain of responsibility a cable prints in its drafting
// block: who drafted it, who approved it, who cleared it.
type Block struct {
	DraftedBy  string
	ApprovedBy string
	Clearances []string
}

// DraftingBlock makes the block for the target from the chain's first
// revision (the drafter, OFFICE:AUTHOR) and the records current for the
// target: the newest approval, and every clearance once per office and
// name, in the order given.
func DraftingBlock(first Revision, s []Standing) Block {
	b := Block{DraftedBy: Clearance{Office: first.Office, Name: first.Author}.Who()}
	seen := map[string]bool{}
	for _, c := range s {
		if !c.Current() {
			continue
		}
		if c.Kind == KindApprove {
			b.ApprovedBy = c.Who()
			continue
		}
		key := strings.ToUpper(c.Who())
		if !seen[key] {
			seen[key] = true
			b.Clearances = append(b.Clearances, c.Who())
		}
	}
	return b
}
