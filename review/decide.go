package review

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
)

// StaleError is the refusal of a decision made on a version of the draft
// that is no longer the one on disk.
type StaleError struct{ Name string }

func (e *StaleError) Error() string {
	return fmt.Sprintf("%s changed after this page was built (another reviewer or a command rewrote it): nothing was done; the page shows it as it is now, decide again there", e.Name)
}

// Selection says which changes a decision takes: the numbers listed, every
// change, or every change by one author or of one office. Exactly one is
// set.
type Selection struct {
	Numbers []int
	All     bool
	Author  string
	Office  string
}

// Outcome is what a decision or a comment did.
type Outcome struct {
	// Numbers are the changes resolved, as numbered on the page.
	Numbers []int
	// Version is the draft's version afterwards.
	Version string
	// Remaining counts the changes left.
	Remaining int
}

// version names a draft's content: its SHA-256, as revisions record it.
func version(data []byte) string { return draft.HexSHA256(data) }

// locked reads the draft under its lock, refuses it when its version is not
// want, and calls fn with the parsed draft; when fn returns new content it
// is checked and written in place, atomically, before the lock goes.
func (s *Server) locked(want string, fn func(d *critic.Doc) ([]byte, error)) ([]byte, error) {
	unlock, err := draft.LockWorkingCopy(s.opts.Path)
	if err != nil {
		return nil, err
	}
	defer unlock()
	data, err := s.load()
	if err != nil {
		return nil, err
	}
	if want != version(data) {
		return nil, &StaleError{Name: s.opts.Name}
	}
	d, err := critic.Parse(s.opts.Name, data)
	if err != nil {
		return nil, err
	}
	out, err := fn(d)
	if err != nil || out == nil {
		return out, err
	}
	if s.opts.Check != nil {
		if err := s.opts.Check(s.opts.Path); err != nil {
			return nil, err
		}
	}
	if err := s.store(out); err != nil {
		return nil, err
	}
	return out, nil
}

// Decide accepts (accept true) or rejects the selected changes of the
// draft at version want through critic.ResolveFile, the entry point
// 'redline accept' and 'reject' use: under the working copy's lock,
// refusing a stale version, written atomically. Comparing with an earlier
// version, the same resolver (critic.ResolveData) runs on the tracked text
// under the same lock.
func (s *Server) Decide(want string, sel Selection, accept bool) (Outcome, error) {
	if want == "" {
		return Outcome{}, errors.New("the decision names no version of the draft: reload the page and decide there")
	}
	dec := critic.Decision{Accept: accept, Version: want, Check: s.opts.Check,
		Select: func(d *critic.Doc) ([]int, error) { return selectChanges(d, sel) }}
	var co critic.Outcome
	var err error
	if s.comparing() {
		_, err = s.locked(want, func(d *critic.Doc) ([]byte, error) {
			co, err = critic.ResolveData(s.opts.Name, d.Source(), dec)
			return co.Result, err
		})
	} else {
		co, err = critic.ResolveFile(s.opts.Path, s.opts.Name, dec)
	}
	var stale *critic.StaleError
	if errors.As(err, &stale) {
		return Outcome{}, &StaleError{Name: s.opts.Name}
	}
	if err != nil {
		return Outcome{}, err
	}
	o := Outcome{Numbers: co.Numbers, Version: co.Version, Remaining: co.Total - len(co.Numbers)}
	s.mu.Lock()
	s.resolved += len(o.Numbers)
	s.mu.Unlock()
	return o, nil
}

// selectChanges lists the numbers a selection takes in d, refusing one
// that takes none.
func selectChanges(d *critic.Doc, sel Selection) ([]int, error) {
	changes := d.Changes()
	var nums []int
	switch {
	case sel.All:
		for _, c := range changes {
			nums = append(nums, c.Number)
		}
	case sel.Author != "" || sel.Office != "":
		for _, c := range changes {
			name, _ := splitOffice(c.Author)
			if sel.Author != "" && strings.EqualFold(strings.TrimSpace(c.Author), strings.TrimSpace(sel.Author)) ||
				sel.Author != "" && strings.EqualFold(name, strings.TrimSpace(sel.Author)) ||
				sel.Office != "" && ofOffice(c.Author, sel.Office) {
				nums = append(nums, c.Number)
			}
		}
	default:
		seen := map[int]bool{}
		for _, n := range sel.Numbers {
			if n < 1 || n > len(changes) {
				return nil, fmt.Errorf("%s has no change %d (it has %d)", d.Name, n, len(changes))
			}
			if !seen[n] {
				seen[n] = true
				nums = append(nums, n)
			}
		}
		sort.Ints(nums)
	}
	if len(nums) == 0 {
		return nil, errors.New("no change is selected: tick the changes to decide, or choose an author or office")
	}
	return nums, nil
}

// ofOffice says whether an author names the office as 'accept --office'
// reads it: "NAME (OFFICE)", the office alone (as 'diff --by office'
// writes it), or a list of such names.
func ofOffice(author, office string) bool {
	office = strings.TrimSpace(office)
	for _, part := range strings.Split(author, ", ") {
		if _, o := splitOffice(part); strings.EqualFold(o, office) || strings.EqualFold(strings.TrimSpace(part), office) {
			return true
		}
	}
	return false
}

// splitOffice reads an author written "NAME (OFFICE)" as a name and an
// office; an author without a bracketed tail has no office.
func splitOffice(author string) (name, office string) {
	a := strings.TrimSpace(author)
	if strings.HasSuffix(a, ")") {
		if i := strings.LastIndex(a, " ("); i > 0 {
			return strings.TrimSpace(a[:i]), strings.TrimSpace(a[i+2 : len(a)-1])
		}
	}
	return a, ""
}
