package draft

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// Tx is a transaction on the store, made by Update: it reads every draft's
// revisions and queues commits and label moves, which are written when the
// transaction's function returns without error.
type Tx struct {
	ws      *Workspace
	hist    map[string]*history
	pending []pendingFile
	done    bool
}

type pendingFile struct {
	dir, file string
	data      []byte
}

// Update runs fn holding the store's lock, so that what fn reads and what
// it commits are one atomic step against every other redline process. What
// fn commits is written only when fn returns nil.
func (ws *Workspace) Update(fn func(tx *Tx) error) error {
	if fi, err := os.Stat(ws.Dir()); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s: the workspace's .redline folder is gone: %w", ws.Root, ErrNoWorkspace)
	}
	lk := flock.New(ws.lockPath())
	if err := lk.Lock(); err != nil {
		return fmt.Errorf("cannot lock the store (%s): %w", ws.lockPath(), err)
	}
	defer lk.Unlock()
	tx := &Tx{ws: ws, hist: map[string]*history{}}
	err := fn(tx)
	tx.done = true
	if err != nil {
		return err
	}
	return tx.flush()
}

// now is the workspace's clock.
func (ws *Workspace) now() time.Time {
	if ws.Now != nil {
		return ws.Now().UTC()
	}
	return time.Now().UTC()
}

func (tx *Tx) history(name string) (*history, error) {
	if h, ok := tx.hist[name]; ok {
		return h, nil
	}
	h, err := tx.ws.loadHistory(name)
	if err != nil {
		return nil, err
	}
	tx.hist[name] = h
	return h, nil
}

// Workspace is the transaction's workspace.
func (tx *Tx) Workspace() *Workspace { return tx.ws }

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
	h, err := tx.history(name)
	if err != nil {
		return nil, err
	}
	return h.revisions(), nil
}

// draftNames lists the drafts in the store and those first committed in
// this transaction, sorted.
func (tx *Tx) draftNames() ([]string, error) {
	names, err := tx.ws.draftNames()
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, n := range names {
		seen[n] = true
	}
	for n := range tx.hist {
		if !seen[n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names, nil
}

// AllRevisions returns every revision of every draft, including those
// committed in this transaction, by draft name and then number.
func (tx *Tx) AllRevisions() ([]Revision, error) {
	names, err := tx.draftNames()
	if err != nil {
		return nil, err
	}
	var out []Revision
	for _, n := range names {
		h, err := tx.history(n)
		if err != nil {
			return nil, err
		}
		out = append(out, h.revisions()...)
	}
	return out, nil
}

// SentRevisions returns every sent (as-sent) revision in the store,
// including one committed in this transaction, by draft name. It reads only
// each draft's newest revision file, not whole histories: a sent revision is
// always its draft's last, since the draft is sealed once sent; so it costs
// one file per draft however long the histories are, where AllRevisions
// reads every revision. Each Revision's Labels are those given when it was
// committed (as-sent among them); label records are not read.
func (tx *Tx) SentRevisions() ([]Revision, error) {
	names, err := tx.draftNames()
	if err != nil {
		return nil, err
	}
	var out []Revision
	for _, n := range names {
		var last *record
		if h, ok := tx.hist[n]; ok {
			if len(h.revs) > 0 {
				last = h.revs[len(h.revs)-1]
			}
		} else if last, err = tx.ws.lastRecord(n); err != nil {
			return nil, err
		}
		if last != nil && last.Sent != nil {
			out = append(out, sentRevision(last))
		}
	}
	return out, nil
}

// Commit queues a new revision of a draft and returns it.
func (tx *Tx) Commit(req CommitRequest) (*Revision, error) {
	if tx.done {
		return nil, errors.New("commit after the transaction ended")
	}
	ws := tx.ws
	name := req.Draft
	display := req.Path
	if name == "" {
		if req.Path == "" {
			return nil, errors.New("commit: no draft given")
		}
		n, err := ws.DraftName(req.Path)
		if err != nil {
			return nil, err
		}
		name = n
	} else {
		name = filepath.ToSlash(filepath.Clean(filepath.FromSlash(name)))
		if name == "." || strings.HasPrefix(name, "../") || filepath.IsAbs(name) {
			return nil, fmt.Errorf("bad draft name %q: give a path inside the workspace", req.Draft)
		}
	}
	if display == "" {
		display = name
	}
	content := req.Content
	if content == nil {
		data, err := os.ReadFile(ws.WorkingPath(name))
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
		return nil, fmt.Errorf("%s: no author: give --author, set REDLINE_AUTHOR or set author in .redline/config.yaml", display)
	}
	if office == "" {
		return nil, fmt.Errorf("%s: no office: give --office, set REDLINE_OFFICE or set office in .redline/config.yaml", display)
	}
	h, err := tx.history(name)
	if err != nil {
		return nil, err
	}
	for _, r := range h.revs {
		if r.Sent != nil {
			return nil, fmt.Errorf("%s is sealed: revision %d was sent as %s at %s; start a new draft from it with `redline reopen %s --to NEW.md`", display, r.Number, r.Sent.Serial, r.Sent.DTG, display)
		}
	}
	sum := HexSHA256(content)
	if n := len(h.revs); n > 0 && h.revs[n-1].SHA256 == sum && req.Sent == nil {
		return nil, fmt.Errorf("nothing to commit: %s is unchanged since revision %d", display, n)
	}
	if req.ReopenedFrom != "" && len(h.revs) > 0 {
		return nil, fmt.Errorf("%s already has revisions: only a new draft can be reopened from %s", display, req.ReopenedFrom)
	}
	current := h.labels()
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
			return nil, fmt.Errorf("label %q already names %s@%d: move it with `redline label %s@%d %s --force` after committing", l, display, n, display, len(h.revs)+1, l)
		}
		labels = append(labels, l)
	}
	t := req.Time
	if t.IsZero() {
		t = ws.now()
	}
	r := &record{
		Format: storeFormat, Draft: name, Number: len(h.revs) + 1, Parent: len(h.revs),
		Author: author, Office: office, Time: t.UTC().Format(time.RFC3339Nano), Message: req.Message,
		Labels: labels, SHA256: sum, ReopenedFrom: req.ReopenedFrom, content: content,
	}
	r.Content, r.ContentBase64 = textField(content)
	if s := req.Sent; s != nil {
		sr := &sentRecord{Series: s.Series, Serial: s.Serial, DTG: s.DTG, Precedence: s.Precedence,
			From: s.From, To: s.To, Info: s.Info, Title: s.Title, CableSHA256: s.CableSHA256}
		if s.Cable != nil {
			sr.Cable, sr.CableBase64 = textField(s.Cable)
			sr.CableSHA256 = HexSHA256(s.Cable)
		}
		r.Sent = sr
	}
	dir := ws.draftDir(name)
	r.file = filepath.Join(dir, fmt.Sprintf("%06d.json", r.Number))
	tx.pending = append(tx.pending, pendingFile{dir: dir, file: r.file, data: r.encode()})
	h.revs = append(h.revs, r)
	rev := r.revision(append([]string(nil), labels...))
	return &rev, nil
}

// Unlabel queues removing a label from a draft.
func (tx *Tx) Unlabel(path string, label string) error {
	if tx.done {
		return errors.New("unlabel after the transaction ended")
	}
	name, err := tx.ws.DraftName(path)
	if err != nil {
		return err
	}
	h, err := tx.history(name)
	if err != nil {
		return err
	}
	n, ok := h.labels()[label]
	if !ok {
		return fmt.Errorf("%s has no label %q", path, label)
	}
	if label == AsSentLabel && n >= 1 && n <= len(h.revs) && h.revs[n-1].Sent != nil {
		s := h.revs[n-1].Sent
		return fmt.Errorf("label %s on %s@%d is the record of what was sent (%s at %s): it cannot be removed", AsSentLabel, path, n, s.Serial, s.DTG)
	}
	tx.queueLabelEvent(h, label, 0)
	return nil
}

func (tx *Tx) queueLabelEvent(h *history, label string, rev int) {
	e := &labelEvent{Format: storeFormat, Seq: len(h.events) + 1, Draft: h.name, Label: label, Revision: rev,
		After: len(h.revs), Time: tx.ws.now().Format(time.RFC3339Nano)}
	dir := filepath.Join(tx.ws.draftDir(h.name), "labels")
	e.file = filepath.Join(dir, fmt.Sprintf("%06d.json", e.Seq))
	tx.pending = append(tx.pending, pendingFile{dir: dir, file: e.file, data: e.encode()})
	h.events = append(h.events, e)
}

// Label queues moving (or setting) a label to revision rev of a draft.
func (tx *Tx) Label(path string, rev int, label string, force bool) error {
	if tx.done {
		return errors.New("label after the transaction ended")
	}
	if err := CheckLabel(label); err != nil {
		return err
	}
	name, err := tx.ws.DraftName(path)
	if err != nil {
		return err
	}
	h, err := tx.history(name)
	if err != nil {
		return err
	}
	if label == AsSentLabel {
		for _, r := range h.revs {
			if r.Sent != nil {
				return fmt.Errorf("label %s on %s@%d is the record of what was sent (%s at %s): it cannot be moved", AsSentLabel, path, r.Number, r.Sent.Serial, r.Sent.DTG)
			}
		}
		return errAsSentByHand(path)
	}
	if len(h.revs) == 0 {
		return fmt.Errorf("%s has no revisions: commit it first", path)
	}
	if rev < 1 || rev > len(h.revs) {
		return fmt.Errorf("%s has no revision %d (it has 1 to %d)", path, rev, len(h.revs))
	}
	if n, ok := h.labels()[label]; ok {
		if n == rev {
			return fmt.Errorf("label %q already names %s@%d", label, path, rev)
		}
		if !force {
			return fmt.Errorf("label %q already names %s@%d: give --force to move it to revision %d", label, path, n, rev)
		}
	}
	tx.queueLabelEvent(h, label, rev)
	return nil
}

// flush writes the queued files in order. If one fails, those already
// written by this transaction are removed.
func (tx *Tx) flush() error {
	var written []string
	for _, p := range tx.pending {
		if err := tx.ws.ensureDir(p.dir); err != nil {
			tx.rollback(written)
			return err
		}
		removeStaleTemps(p.dir)
		if err := createFileOnce(p.file, p.data); err != nil {
			tx.rollback(written)
			return err
		}
		written = append(written, p.file)
	}
	return nil
}

func (tx *Tx) rollback(files []string) {
	for i := len(files) - 1; i >= 0; i-- {
		os.Remove(files[i])
		SyncDir(filepath.Dir(files[i]))
	}
}

// ensureDir makes a store folder and syncs its parent so that the new entry
// survives a crash.
func (ws *Workspace) ensureDir(dir string) error {
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return nil
	}
	parent := filepath.Dir(dir)
	if parent != ws.Dir() {
		if err := ws.ensureDir(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("cannot write the store: %w", err)
	}
	return SyncDir(parent)
}

// removeStaleTemps deletes temporary files left in a store folder by a
// process that died while writing. It is called holding the lock, when no
// other process can be writing there.
func removeStaleTemps(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if isTempName(e.Name()) && !e.IsDir() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// createFileOnce writes a new file atomically and never replaces an
// existing one: it writes and syncs a temporary file, links it to its name
// (which fails if the name exists), and syncs the folder.
func createFileOnce(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write the store: %w", err)
	}
	name := tmp.Name()
	defer os.Remove(name)
	if _, err = tmp.Write(data); err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o444)
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = os.Link(name, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("cannot write %s: it already exists (another process wrote it): run `redline fsck`", path)
		}
		// File systems without hard links: rename, having checked under
		// the lock that the name is free.
		if _, serr := os.Lstat(path); serr == nil {
			return fmt.Errorf("cannot write %s: it already exists", path)
		}
		if rerr := os.Rename(name, path); rerr != nil {
			return fmt.Errorf("cannot write %s: %w", path, rerr)
		}
	}
	return SyncDir(dir)
}
