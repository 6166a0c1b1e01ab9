package critic

import (
	"fmt"
	"os"

	"github.com/redline-dev/redline/draft"
)

// Decision asks for changes of a draft to be accepted or rejected: the
// one way both `redline accept`/`reject` and the review page resolve
// changes.
type Decision struct {
	// Accept accepts the changes; false rejects them.
	Accept bool
	// Select names the changes to resolve, by number, in the draft as
	// read (under the lock, for ResolveFile).
	Select func(d *Doc) ([]int, error)
	// Version, when not empty, is the SHA-256 (hex) of the content the
	// decision was made on: ResolveFile refuses with a *StaleError when
	// the file holds anything else.
	Version string
	// Check, when not nil, is asked before the file is written and may
	// refuse (a draft that has been sent is sealed).
	Check func(path string) error
}

// Outcome is what a decision did.
type Outcome struct {
	// Numbers are the changes resolved, sorted, as numbered before.
	Numbers []int
	// Total is the number of changes before; Total-len(Numbers) remain.
	Total int
	// Result is the draft afterwards; Version its SHA-256 (hex).
	Result  []byte
	Version string
}

// StaleError refuses a decision made on a version of a draft that is no
// longer the one in the file.
type StaleError struct{ Name string }

func (e *StaleError) Error() string {
	return fmt.Sprintf("%s changed after the changes were listed (another reviewer or a command rewrote it): nothing was done; list its changes again and decide on them", e.Name)
}

// ResolveFile resolves the selected changes of the working copy at path
// and rewrites it atomically, all under the working copy's lock, so that
// two decisions never lose one another; name is how errors call the file.
// Bad input (a mark not closed, a number out of range, a stale version,
// a refusal by Check) leaves the file as it was.
func ResolveFile(path, name string, dec Decision) (Outcome, error) {
	unlock, err := draft.LockWorkingCopy(path)
	if err != nil {
		return Outcome{}, err
	}
	defer unlock()
	data, err := os.ReadFile(path)
	if err != nil {
		return Outcome{}, err
	}
	if dec.Version != "" && dec.Version != draft.HexSHA256(data) {
		return Outcome{}, &StaleError{Name: name}
	}
	o, err := ResolveData(name, data, dec)
	if err != nil {
		return Outcome{}, err
	}
	if dec.Check != nil {
		if err := dec.Check(path); err != nil {
			return Outcome{}, err
		}
	}
	if err := draft.WriteFileAtomic(path, o.Result, 0o644); err != nil {
		return Outcome{}, err
	}
	return o, nil
}

// ResolveData resolves the selected changes of a draft's content and
// returns the result without writing it (for a stored revision, a dry run
// or another output file). Version and Check are not used.
func ResolveData(name string, data []byte, dec Decision) (Outcome, error) {
	d, err := Parse(name, data)
	if err != nil {
		return Outcome{}, err
	}
	nums, err := dec.Select(d)
	if err != nil {
		return Outcome{}, err
	}
	decisions := make(map[int]bool, len(nums))
	for _, n := range nums {
		decisions[n] = dec.Accept
	}
	res, err := d.Resolve(decisions)
	if err != nil {
		return Outcome{}, err
	}
	uniq := make([]int, 0, len(decisions))
	for n := 1; n <= len(d.changes); n++ {
		if _, ok := decisions[n]; ok {
			uniq = append(uniq, n)
		}
	}
	return Outcome{Numbers: uniq, Total: len(d.changes), Result: res, Version: draft.HexSHA256(res)}, nil
}
