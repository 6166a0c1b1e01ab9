// Package despatch sends drafts: inside one store transaction it checks the
// draft, stamps a date-time group no originator has used, allocates the
// next serial from the series' counter, records the as-sent revision that
// seals the draft and enters the serial in the register. It also reads the
// register back (listing, verification, gaps). One rule, draft.SerialKey,
// says what makes a serial unique for all of them.
package despatch

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/store"
)

// MaxAhead is how far ahead of the store's clock a date-time group may be:
// a communications centre stamps the minute a message goes, and moves on a
// minute only when the originator has already used that one.
const MaxAhead = 5 * time.Minute

// MaxBehind is how far behind the clock a given date-time group may be
// before it counts as backdated and needs a recorded reason.
const MaxBehind = 24 * time.Hour

// Check is run inside the send's transaction before a serial is allocated;
// an error refuses the send with nothing recorded and no serial used.
type Check func(tx store.Tx, draft string, rev store.Revision) error

// Request is one send.
type Request struct {
	Workspace *draft.Workspace
	// Draft is the draft's name in the store; Display is how messages
	// name it (the path as given).
	Draft, Display string
	// Content is the working copy, which must be the latest revision.
	Content []byte
	// From is the originator, whose date-time groups must not repeat.
	From   string
	Series draft.SerialSeries
	// SameNumberAs issues under this existing serial with the next suffix.
	SameNumberAs string
	// DTG is a date-time group to use; nil stamps the store's clock, in
	// zone Zone.
	DTG  *cable.DTG
	Zone byte
	// Backdate is the reason for a date-time group more than MaxBehind
	// behind the clock; it is recorded with the send.
	Backdate       string
	Author, Office string
	Precedence     string
	// Render makes the cable for the date-time group and serial chosen.
	Render func(dtg, serial string) ([]byte, error)
	// Sent fills the as-sent record's other fields (addressees, title).
	Sent   store.Sent
	Checks []Check
}

// Result is what was sent.
type Result struct {
	Revision store.Revision
	Entry    store.Entry
	Cable    []byte
}

// Errors a caller may want to explain with its own hints.
var (
	ErrNoRevisions  = errors.New("the draft has no revisions")
	ErrAlreadySent  = errors.New("the draft was already sent")
	ErrDTGUsed      = errors.New("the originator already used this date-time group")
	ErrDTGAhead     = errors.New("the date-time group would be ahead of the clock")
	ErrNeedBackdate = errors.New("the date-time group is far from the clock and no reason was given")
	ErrChanged      = errors.New("the working copy changed while the draft was being sent")
)

// Send despatches a draft in one transaction.
func Send(req Request) (*Result, error) {
	var res *Result
	err := req.Workspace.Update(func(tx *draft.Tx) error {
		r, err := send(tx, req)
		res = r
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

func send(tx *draft.Tx, req Request) (*Result, error) {
	st := tx.Store()
	latest, err := tx.Latest(req.Draft)
	if err != nil {
		return nil, err
	}
	if latest == nil {
		return nil, refuse(ErrNoRevisions, "%s has no revisions", req.Display)
	}
	if s := latest.Sent; s != nil {
		return nil, refuse(ErrAlreadySent, "%s was already sent as %s at %s (revision %d): it is sealed", req.Display, s.Serial, s.DTG, latest.Number)
	}
	if latest.SHA256 != store.HexSHA256(req.Content) {
		return nil, &UncommittedError{Draft: req.Display, Rev: latest.Number}
	}
	// The working copy read before the transaction must still be there:
	// a restore or an accept that rewrote it in between has committed its
	// write, and the draft must not be sealed over a different text.
	if wc, err := os.ReadFile(req.Workspace.WorkingPath(req.Draft)); err != nil || !bytes.Equal(wc, req.Content) {
		return nil, refuse(ErrChanged, "%s was rewritten while it was being sent (by restore, accept or another command): nothing was sent and no serial was used; check it and send again", req.Display)
	}
	for _, check := range req.Checks {
		if err := check(st, req.Draft, *latest); err != nil {
			return nil, err
		}
	}
	dtg, when, year, err := stampDTG(st, req)
	if err != nil {
		return nil, err
	}
	serial, err := allocate(st, req, year)
	if err != nil {
		return nil, err
	}
	out, err := req.Render(dtg, serial)
	if err != nil {
		return nil, err
	}
	s := req.Sent
	s.Series, s.Serial, s.DTG, s.From, s.Precedence, s.Cable = req.Series.Name, serial, dtg, req.From, req.Precedence, out
	s.Backdated = req.Backdate
	rev, err := tx.Commit(draft.CommitRequest{Draft: req.Draft, Path: req.Display, Content: req.Content,
		Author: req.Author, Office: req.Office, Message: "despatched", Labels: []string{draft.AsSentLabel}, Sent: &s})
	if err != nil {
		return nil, err
	}
	e, err := draft.RegisterEntry(req.Workspace.Config, *rev)
	if err != nil {
		return nil, err
	}
	e.DTGTime = when
	if e, err = st.AppendRegister(e); err != nil {
		return nil, err
	}
	return &Result{Revision: *rev, Entry: e, Cable: out}, nil
}

// UncommittedError refuses a working copy that is not the latest revision.
type UncommittedError struct {
	Draft string
	Rev   int
}

func (e *UncommittedError) Error() string {
	return fmt.Sprintf("%s has changes that are not committed (it differs from revision %d)", e.Draft, e.Rev)
}

// refusal is a refusal's message, which errors.Is matches to its kind.
type refusal struct {
	msg  string
	kind error
}

func (r *refusal) Error() string { return r.msg }
func (r *refusal) Unwrap() error { return r.kind }

func refuse(kind error, format string, a ...any) error {
	return &refusal{msg: fmt.Sprintf(format, a...), kind: kind}
}
