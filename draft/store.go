package draft

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/redline-dev/redline/store"
)

// Revision is one stored version of a draft (see store.Revision).
type Revision = store.Revision

// Sent records the despatch of a revision (see store.Sent).
type Sent = store.Sent

// HexSHA256 is the lower-case hex SHA-256 of b, as revisions record it.
func HexSHA256(b []byte) string { return store.HexSHA256(b) }

// CommitRequest asks for a new revision of a draft.
type CommitRequest struct {
	// Path is the working copy's path, absolute or relative to the current
	// folder. Draft, when set, names the draft relative to the workspace
	// root instead.
	Path  string
	Draft string
	// Content is the revision's content; nil reads the working copy.
	Content []byte
	Author  string
	Office  string
	Message string
	// Labels name the new revision. A label that already names another
	// revision of the draft is refused (move it with Label and force).
	Labels []string
	// Sent makes this the as-sent revision, which seals the draft. An
	// as-sent revision may have the same content as its parent.
	Sent *Sent
	// ReopenedFrom (DRAFT@N) is recorded on a reopened draft's first
	// revision.
	ReopenedFrom string
}

// The store stamps every record with its own clock; a commit cannot choose
// its time.

// view runs fn in a read-only transaction.
func (ws *Workspace) view(fn func(tx *Tx) error) error {
	s, err := ws.Store()
	if err != nil {
		return err
	}
	return s.View(context.Background(), func(stx store.Tx) error { return fn(&Tx{ws: ws, st: stx}) })
}

// Drafts lists the names of the drafts that have revisions.
func (ws *Workspace) Drafts() ([]string, error) {
	var out []string
	err := ws.view(func(tx *Tx) error {
		var err error
		out, err = tx.st.Drafts()
		return err
	})
	return out, err
}

// Log returns a draft's revisions, oldest first. path is the working copy's
// path (absolute or relative to the current folder). A draft with no
// revisions has an empty log.
func (ws *Workspace) Log(path string) ([]Revision, error) {
	name, err := ws.DraftName(path)
	if err != nil {
		return nil, err
	}
	return ws.LogDraft(name)
}

// LogDraft is Log for a draft named relative to the workspace root.
func (ws *Workspace) LogDraft(name string) ([]Revision, error) {
	var out []Revision
	err := ws.view(func(tx *Tx) error {
		var err error
		out, err = tx.LogDraft(name)
		return err
	})
	return out, err
}

// Latest returns a draft's newest revision, or nil when it has none. It
// reads one revision however long the history is.
func (ws *Workspace) Latest(name string) (*Revision, error) {
	var out *Revision
	err := ws.view(func(tx *Tx) error {
		var err error
		out, err = tx.Latest(name)
		return err
	})
	return out, err
}

// RevisionOf returns revision n of a draft; ok is false when there is none.
// head is the draft's number of revisions.
func (ws *Workspace) RevisionOf(name string, n int) (rev *Revision, head int, err error) {
	err = ws.view(func(tx *Tx) error {
		if head, err = tx.st.Head(name); err != nil {
			return err
		}
		rev, err = tx.st.Revision(name, n)
		if errors.Is(err, store.ErrNotFound) {
			rev, err = nil, nil
		}
		return err
	})
	return rev, head, err
}

// Labels maps each of a draft's labels to the revision it names.
func (ws *Workspace) Labels(name string) (map[string]int, error) {
	var out map[string]int
	err := ws.view(func(tx *Tx) error {
		var err error
		out, err = tx.st.Labels(name)
		return err
	})
	return out, err
}

// AllRevisions returns every revision of every draft, by draft name and
// then number.
func (ws *Workspace) AllRevisions() ([]Revision, error) {
	var out []Revision
	err := ws.view(func(tx *Tx) error {
		var err error
		out, err = tx.AllRevisions()
		return err
	})
	return out, err
}

// SentRevisions returns every sent (as-sent) revision in the store, by
// draft name. Each Revision's Labels are those given when it was committed
// (as-sent among them).
func (ws *Workspace) SentRevisions() ([]Revision, error) {
	var out []Revision
	err := ws.view(func(tx *Tx) error {
		var err error
		out, err = tx.SentRevisions()
		return err
	})
	return out, err
}

// Sealed returns the as-sent revision when the draft has been sent.
func (ws *Workspace) Sealed(path string) (*Revision, bool, error) {
	name, err := ws.DraftName(path)
	if err != nil {
		return nil, false, err
	}
	r, err := ws.Latest(name)
	if err != nil || r == nil || r.Sent == nil {
		return nil, false, err
	}
	return r, true, nil
}

// SealedIn returns the as-sent revision among a draft's revisions, if the
// draft has been sent.
func SealedIn(revs []Revision) (*Revision, bool) {
	for i := range revs {
		if revs[i].Sent != nil {
			r := revs[i]
			return &r, true
		}
	}
	return nil, false
}

// Commit records a new revision of a draft.
func (ws *Workspace) Commit(req CommitRequest) (*Revision, error) {
	var rev *Revision
	err := ws.Update(func(tx *Tx) error {
		r, err := tx.Commit(req)
		rev = r
		return err
	})
	if err != nil {
		return nil, err
	}
	return rev, nil
}

// Label points a label at revision rev of a draft. A label that names
// another revision is moved only with force.
func (ws *Workspace) Label(path string, rev int, name string, force bool) error {
	return ws.Update(func(tx *Tx) error { return tx.Label(path, rev, name, force) })
}

// Unlabel removes a label from a draft.
func (ws *Workspace) Unlabel(path string, name string) error {
	return ws.Update(func(tx *Tx) error { return tx.Unlabel(path, name) })
}

// AsSentLabel names the revision that went out. Only a commit that records
// the despatch (CommitRequest.Sent, made by `redline send`) gives it; it is
// never set, moved or removed by hand, since it is part of the record of
// what was sent.
const AsSentLabel = "as-sent"

func errAsSentByHand(path string) error {
	return fmt.Errorf("label %s is given only by `redline send`, to the revision that went out: %s cannot be labelled %s by hand (choose another name)", AsSentLabel, path, AsSentLabel)
}

var labelRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9._-]*$`) })

// CheckLabel checks a label name: a letter, then letters, digits, '.',
// '_' or '-'; not "latest".
func CheckLabel(name string) error {
	if !labelRE().MatchString(name) || len(name) > 100 {
		return fmt.Errorf("bad label %q: a label starts with a letter and has only letters, digits, '.', '_' and '-'", name)
	}
	if strings.EqualFold(name, "latest") {
		return fmt.Errorf("bad label %q: latest always means the newest revision", name)
	}
	// Only send gives as-sent; a look-alike (As-Sent, AS-SENT) would pass
	// for the record of what went out.
	if strings.EqualFold(name, AsSentLabel) && name != AsSentLabel {
		return fmt.Errorf("bad label %q: it looks like %s, which only `redline send` gives; choose another name", name, AsSentLabel)
	}
	return nil
}
