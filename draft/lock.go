package draft

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/redline-dev/redline/store"
)

// Tx is a transaction on the workspace's store, made by Update: what it
// commits is recorded when the transaction's function returns nil, and not
// at all otherwise. Only one Update runs at a time against a store, across
// processes (and, on PostgreSQL, machines).
type Tx struct {
	ws *Workspace
	st store.Tx
}

// Update runs fn in one write transaction of the store, so that what fn
// reads and what it commits are one atomic step against every other redline
// process. A working copy fn writes while the transaction is open is
// written under the same exclusion.
func (ws *Workspace) Update(fn func(tx *Tx) error) error {
	if fi, err := os.Stat(ws.Dir()); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s: the workspace's .redline folder is gone: %w", ws.Root, ErrNoWorkspace)
	}
	s, err := ws.Store()
	if err != nil {
		return err
	}
	return s.Update(context.Background(), func(stx store.Tx) error { return fn(&Tx{ws: ws, st: stx}) })
}

// Workspace is the transaction's workspace.
func (tx *Tx) Workspace() *Workspace { return tx.ws }

// Store is the underlying store transaction, for the despatch package and
// the clearance records.
func (tx *Tx) Store() store.Tx { return tx.st }

// Log returns a draft's revisions, including those committed in this
// transaction.
func (tx *Tx) Log(path string) ([]Revision, error) {
	name, err := tx.ws.DraftName(path)
	if err != nil {
		return nil, err
	}
	return tx.LogDraft(name)
}

// LogDraft is Log for a draft named relative to the workspace root.
func (tx *Tx) LogDraft(name string) ([]Revision, error) {
	revs, err := tx.st.Log(name)
	if revs == nil && err == nil {
		revs = []Revision{}
	}
	return revs, err
}

// Latest returns a draft's newest revision, or nil when it has none.
func (tx *Tx) Latest(name string) (*Revision, error) {
	n, err := tx.st.Head(name)
	if err != nil || n == 0 {
		return nil, err
	}
	return tx.st.Revision(name, n)
}

// AllRevisions returns every revision of every draft, by draft name and
// then number.
func (tx *Tx) AllRevisions() ([]Revision, error) {
	names, err := tx.st.Drafts()
	if err != nil {
		return nil, err
	}
	var out []Revision
	for _, n := range names {
		revs, err := tx.st.Log(n)
		if err != nil {
			return nil, err
		}
		out = append(out, revs...)
	}
	return out, nil
}

// SentRevisions returns every sent (as-sent) revision in the store,
// including one committed in this transaction, by draft name. Each
// Revision's Labels are those given when it was committed.
func (tx *Tx) SentRevisions() ([]Revision, error) { return tx.st.SentRevisions() }

// draftName works out the draft a request names.
func (tx *Tx) draftName(req CommitRequest) (name, display string, err error) {
	name, display = req.Draft, req.Path
	if name == "" {
		if req.Path == "" {
			return "", "", errors.New("commit: no draft given")
		}
		if name, err = tx.ws.DraftName(req.Path); err != nil {
			return "", "", err
		}
	} else {
		name = filepath.ToSlash(filepath.Clean(filepath.FromSlash(name)))
		if name == "." || name == ".." || strings.HasPrefix(name, "../") || filepath.IsAbs(name) {
			return "", "", fmt.Errorf("bad draft name %q: give a path inside the workspace", req.Draft)
		}
	}
	if display == "" {
		display = name
	}
	return name, display, nil
}

// Commit records a new revision of a draft and returns it.
func (tx *Tx) Commit(req CommitRequest) (*Revision, error) {
	name, display, err := tx.draftName(req)
	if err != nil {
		return nil, err
	}
	content := req.Content
	if content == nil {
		data, err := os.ReadFile(tx.ws.WorkingPath(name))
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", display, unwrapPathError(err))
		}
		content = data
	}
	if _, err := Parse(display, content); err != nil {
		return nil, err
	}
	author, office := strings.TrimSpace(req.Author), strings.TrimSpace(req.Office)
	if author == "" {
		return nil, fmt.Errorf("%s: %w", display, ErrNoAuthor)
	}
	if office == "" {
		return nil, fmt.Errorf("%s: %w", display, ErrNoOffice)
	}
	latest, err := tx.Latest(name)
	if err != nil {
		return nil, err
	}
	head := 0
	if latest != nil {
		head = latest.Number
		if s := latest.Sent; s != nil {
			return nil, &SealedError{Path: display, Rev: *latest}
		}
		if latest.SHA256 == HexSHA256(content) && req.Sent == nil {
			return nil, fmt.Errorf("nothing to commit: %s is unchanged since revision %d", display, head)
		}
	}
	if req.ReopenedFrom != "" && head > 0 {
		return nil, fmt.Errorf("%s already has revisions: only a new draft can be reopened from %s", display, req.ReopenedFrom)
	}
	labels, err := tx.newLabels(name, display, head, req)
	if err != nil {
		return nil, err
	}
	rev, err := tx.st.Commit(store.NewRevision{Draft: name, Content: content, Author: author, Office: office,
		Message: req.Message, Labels: labels, Sent: req.Sent, ReopenedFrom: req.ReopenedFrom})
	if err != nil {
		return nil, err
	}
	return &rev, nil
}

// newLabels checks the labels a commit gives.
func (tx *Tx) newLabels(name, display string, head int, req CommitRequest) ([]string, error) {
	current, err := tx.st.Labels(name)
	if err != nil {
		return nil, err
	}
	var labels []string
	seen := map[string]bool{}
	for _, l := range req.Labels {
		if err := CheckLabel(l); err != nil {
			return nil, err
		}
		if seen[l] {
			continue
		}
		seen[l] = true
		if l == AsSentLabel && req.Sent == nil {
			return nil, errAsSentByHand(display)
		}
		if n, ok := current[l]; ok {
			return nil, &LabelTakenError{Label: l, Path: display, Revision: n, MoveTo: head + 1, Committing: true}
		}
		labels = append(labels, l)
	}
	return labels, nil
}

// Unlabel removes a label from a draft.
func (tx *Tx) Unlabel(path string, label string) error {
	name, err := tx.ws.DraftName(path)
	if err != nil {
		return err
	}
	n, ok, err := tx.labelOf(name, label)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%s has no label %q", path, label)
	}
	if label == AsSentLabel {
		if r, err := tx.st.Revision(name, n); err == nil && r.Sent != nil {
			return fmt.Errorf("label %s on %s@%d is the record of what was sent (%s at %s): it cannot be removed", AsSentLabel, path, n, r.Sent.Serial, r.Sent.DTG)
		}
	}
	return tx.st.SetLabel(name, label, 0)
}

func (tx *Tx) labelOf(name, label string) (int, bool, error) {
	m, err := tx.st.Labels(name)
	if err != nil {
		return 0, false, err
	}
	n, ok := m[label]
	return n, ok, nil
}

// Label moves (or sets) a label to revision rev of a draft.
func (tx *Tx) Label(path string, rev int, label string, force bool) error {
	if err := CheckLabel(label); err != nil {
		return err
	}
	name, err := tx.ws.DraftName(path)
	if err != nil {
		return err
	}
	latest, err := tx.Latest(name)
	if err != nil {
		return err
	}
	if label == AsSentLabel {
		if latest != nil && latest.Sent != nil {
			return fmt.Errorf("label %s on %s@%d is the record of what was sent (%s at %s): it cannot be moved", AsSentLabel, path, latest.Number, latest.Sent.Serial, latest.Sent.DTG)
		}
		return errAsSentByHand(path)
	}
	if latest == nil {
		return fmt.Errorf("%s has no revisions: commit it first", path)
	}
	if rev < 1 || rev > latest.Number {
		return fmt.Errorf("%s has no revision %d (it has 1 to %d)", path, rev, latest.Number)
	}
	if n, ok, err := tx.labelOf(name, label); err != nil {
		return err
	} else if ok {
		if n == rev {
			return nil // already there: labelling it again changes nothing
		}
		if !force {
			return &LabelTakenError{Label: label, Path: path, Revision: n, MoveTo: rev}
		}
	}
	return tx.st.SetLabel(name, label, rev)
}

// ErrNoAuthor and ErrNoOffice refuse a commit that does not say who made it.
var (
	ErrNoAuthor = errors.New("no author")
	ErrNoOffice = errors.New("no office")
)

// LabelTakenError refuses to give a label that already names another
// revision of the draft. MoveTo is the revision it was to name; Committing
// says that revision is the one being committed.
type LabelTakenError struct {
	Label, Path      string
	Revision, MoveTo int
	Committing       bool
}

func (e *LabelTakenError) Error() string {
	return fmt.Sprintf("label %q already names %s@%d", e.Label, e.Path, e.Revision)
}

// SealedError refuses to rewrite the working copy of a draft that was sent.
type SealedError struct {
	Path string
	Rev  Revision
}

func (e *SealedError) Error() string {
	return fmt.Sprintf("%s is sealed: revision %d was sent as %s at %s", e.Path, e.Rev.Number, e.Rev.Sent.Serial, e.Rev.Sent.DTG)
}

// WriteUnsealed runs write, which rewrites the working copy at path, inside
// a write transaction of the store, after checking there that the draft is
// not sealed: a send that seals it runs wholly before or wholly after, so
// a sent draft's working copy is never rewritten. write is given the
// draft's newest revision (nil when it has none). A sealed draft is a
// *SealedError and write is not run.
func (ws *Workspace) WriteUnsealed(path string, write func(latest *Revision) error) error {
	name, err := ws.DraftName(path)
	if err != nil {
		return err
	}
	return ws.Update(func(tx *Tx) error {
		latest, err := tx.Latest(name)
		if err != nil {
			return err
		}
		if latest != nil && latest.Sent != nil {
			return &SealedError{Path: path, Rev: *latest}
		}
		return write(latest)
	})
}
