package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/redline-dev/redline/store"
)

// tx is a store.Tx on one database transaction.
type tx struct {
	s     *Store
	q     *sql.Tx
	ctx   context.Context
	write bool
	now   time.Time
}

func (t *tx) Now() time.Time { return t.now }

// seen, when set, is told every statement with its arguments before it
// runs; the query-plan test uses it to check that none scans a table whose
// size grows with history.
var seen func(q string, args []any)

func (t *tx) exec(q string, args ...any) (sql.Result, error) {
	if !t.write {
		return nil, store.ErrReadOnly
	}
	if seen != nil {
		seen(q, args)
	}
	return t.q.ExecContext(t.ctx, t.s.rebind(q), args...)
}

func (t *tx) query(q string, args ...any) (*sql.Rows, error) {
	if seen != nil {
		seen(q, args)
	}
	return t.q.QueryContext(t.ctx, t.s.rebind(q), args...)
}

func (t *tx) row(q string, args ...any) *sql.Row {
	if seen != nil {
		seen(q, args)
	}
	return t.q.QueryRowContext(t.ctx, t.s.rebind(q), args...)
}

func (t *tx) Drafts() ([]string, error) {
	rows, err := t.query("SELECT name FROM drafts WHERE head > 0 ORDER BY name")
	if err != nil {
		return nil, readErr(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, readErr(err)
		}
		out = append(out, n)
	}
	return out, readErr(rows.Err())
}

type draftRow struct {
	head   int
	hash   string
	sealed bool
}

func (t *tx) draftRow(name string) (draftRow, error) {
	var d draftRow
	var sealed int
	err := t.row("SELECT head, head_hash, sealed FROM drafts WHERE name = ?", name).Scan(&d.head, &d.hash, &sealed)
	if errors.Is(err, sql.ErrNoRows) {
		return draftRow{}, nil
	}
	d.sealed = sealed != 0
	return d, readErr(err)
}

func (t *tx) Head(name string) (int, error) {
	d, err := t.draftRow(name)
	return d.head, err
}

const revCols = "draft, number, parent, author, office, time, message, commit_labels, sha256, content, sent, cable, reopened_from, parent_hash, hash"

// scanRevision reads one revisions row; commitLabels are the labels given
// at its commit, which its hash covers.
func scanRevision(sc interface{ Scan(...any) error }) (store.Revision, []string, error) {
	var r store.Revision
	var tm, labels string
	var sent sql.NullString
	var cable []byte
	err := sc.Scan(&r.Draft, &r.Number, &r.Parent, &r.Author, &r.Office, &tm, &r.Message, &labels,
		&r.SHA256, &r.Content, &sent, &cable, &r.ReopenedFrom, &r.ParentHash, &r.Hash)
	if err != nil {
		return r, nil, err
	}
	if r.Content == nil {
		r.Content = []byte{}
	}
	var cl []string
	if err := json.Unmarshal([]byte(labels), &cl); err != nil {
		return r, nil, fmt.Errorf("%s@%d: bad label list: %v", r.Draft, r.Number, err)
	}
	if r.Time, err = time.Parse(time.RFC3339Nano, tm); err != nil {
		return r, nil, fmt.Errorf("%s@%d: bad time %q", r.Draft, r.Number, tm)
	}
	if sent.Valid {
		var s store.Sent
		if err := json.Unmarshal([]byte(sent.String), &s); err != nil {
			return r, nil, fmt.Errorf("%s@%d: bad sent record: %v", r.Draft, r.Number, err)
		}
		s.Cable = cable
		if s.Cable == nil {
			s.Cable = []byte{}
		}
		r.Sent = &s
	}
	return r, cl, nil
}

func (t *tx) Log(name string) ([]store.Revision, error) {
	rows, err := t.query("SELECT "+revCols+" FROM revisions WHERE draft = ? ORDER BY number", name)
	if err != nil {
		return nil, readErr(err)
	}
	defer rows.Close()
	var out []store.Revision
	for rows.Next() {
		r, _, err := scanRevision(rows)
		if err != nil {
			return nil, readErr(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, readErr(err)
	}
	labels, err := t.Labels(name)
	if err != nil {
		return nil, err
	}
	byRev := map[int][]string{}
	for l, n := range labels {
		byRev[n] = append(byRev[n], l)
	}
	for i := range out {
		out[i].Labels = sortedLabels(byRev[out[i].Number])
	}
	return out, nil
}

func sortedLabels(l []string) []string {
	if l == nil {
		return []string{}
	}
	sort.Strings(l)
	return l
}

func (t *tx) Revision(name string, n int) (*store.Revision, error) {
	r, _, err := scanRevision(t.row("SELECT "+revCols+" FROM revisions WHERE draft = ? AND number = ?", name, n))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, readErr(err)
	}
	rows, err := t.query("SELECT label FROM labels WHERE draft = ? AND rev = ?", name, n)
	if err != nil {
		return nil, readErr(err)
	}
	defer rows.Close()
	var ls []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return nil, readErr(err)
		}
		ls = append(ls, l)
	}
	r.Labels = sortedLabels(ls)
	return &r, readErr(rows.Err())
}

func (t *tx) Labels(name string) (map[string]int, error) {
	rows, err := t.query("SELECT label, rev FROM labels WHERE draft = ?", name)
	if err != nil {
		return nil, readErr(err)
	}
	defer rows.Close()
	m := map[string]int{}
	for rows.Next() {
		var l string
		var n int
		if err := rows.Scan(&l, &n); err != nil {
			return nil, readErr(err)
		}
		m[l] = n
	}
	return m, readErr(rows.Err())
}

// newLabels are the labels a new revision takes, each once; a label that
// names another revision of the draft already is refused.
func (t *tx) newLabels(nr store.NewRevision) ([]string, error) {
	current, err := t.Labels(nr.Draft)
	if err != nil {
		return nil, err
	}
	labels := []string{}
	seen := map[string]bool{}
	for _, l := range nr.Labels {
		if seen[l] {
			continue
		}
		seen[l] = true
		if n, ok := current[l]; ok {
			return nil, fmt.Errorf("label %q names %s@%d: %w", l, nr.Draft, n, store.ErrLabelTaken)
		}
		labels = append(labels, l)
	}
	return labels, nil
}

// sentColumns sets r's as-sent record from sent (nil for a revision that
// was not sent) and gives the columns that store it: the record without
// the cable as JSON, and the cable.
func sentColumns(r *store.Revision, sent *store.Sent) (sql.NullString, []byte) {
	if sent == nil {
		return sql.NullString{}, nil
	}
	s := *sent
	s.Cable = nonNil(s.Cable)
	s.CableSHA256 = store.HexSHA256(s.Cable)
	r.Sent = &s
	meta := s
	meta.Cable = nil
	b, _ := json.Marshal(meta)
	return sql.NullString{String: string(b), Valid: true}, s.Cable
}

func (t *tx) Commit(nr store.NewRevision) (store.Revision, error) {
	if !t.write {
		return store.Revision{}, store.ErrReadOnly
	}
	if nr.Draft == "" {
		return store.Revision{}, errors.New("commit: no draft name")
	}
	d, err := t.draftRow(nr.Draft)
	if err != nil {
		return store.Revision{}, err
	}
	if d.sealed {
		return store.Revision{}, fmt.Errorf("%s: %w", nr.Draft, store.ErrSealed)
	}
	sum := store.HexSHA256(nr.Content)
	if d.head > 0 && nr.Sent == nil {
		var last string
		if err := t.row("SELECT sha256 FROM revisions WHERE draft = ? AND number = ?", nr.Draft, d.head).Scan(&last); err != nil {
			return store.Revision{}, readErr(err)
		}
		if last == sum {
			return store.Revision{}, fmt.Errorf("%s: %w", nr.Draft, store.ErrUnchanged)
		}
	}
	if nr.ReopenedFrom != "" && d.head > 0 {
		return store.Revision{}, fmt.Errorf("%s already has revisions: only a new draft can be reopened from %s", nr.Draft, nr.ReopenedFrom)
	}
	labels, err := t.newLabels(nr)
	if err != nil {
		return store.Revision{}, err
	}
	r := store.Revision{
		Draft: nr.Draft, Number: d.head + 1, Parent: d.head, Author: nr.Author, Office: nr.Office,
		Time: t.now, Message: nr.Message, SHA256: sum, ReopenedFrom: nr.ReopenedFrom,
		Content: nonNil(nr.Content), ParentHash: d.hash,
	}
	sentJSON, cable := sentColumns(&r, nr.Sent)
	if !nr.Time.IsZero() {
		r.Time = nr.Time.UTC()
	}
	r.Hash = store.RevisionHash(d.hash, r, labels)
	lb, _ := json.Marshal(labels)
	if _, err := t.exec("INSERT INTO revisions ("+revCols+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		r.Draft, r.Number, r.Parent, r.Author, r.Office, store.TimeText(r.Time), r.Message, string(lb),
		r.SHA256, r.Content, sentJSON, cable, r.ReopenedFrom, r.ParentHash, r.Hash); err != nil {
		return store.Revision{}, writeErr(err)
	}
	sealed := 0
	if r.Sent != nil {
		sealed = 1
	}
	if _, err := t.exec("INSERT INTO drafts (name, head, head_hash, sealed) VALUES (?, ?, ?, ?) "+
		"ON CONFLICT (name) DO UPDATE SET head = excluded.head, head_hash = excluded.head_hash, sealed = excluded.sealed",
		r.Draft, r.Number, r.Hash, sealed); err != nil {
		return store.Revision{}, writeErr(err)
	}
	for _, l := range labels {
		if err := t.labelEvent(r.Draft, l, r.Number); err != nil {
			return store.Revision{}, err
		}
	}
	r.Labels = sortedLabels(append([]string(nil), labels...))
	return r, nil
}

func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// chainHead reads the last seq and hash of a chain.
func (t *tx) chainHead(name string) (int64, string, error) {
	var seq int64
	var hash string
	err := t.row("SELECT seq, hash FROM chains WHERE name = ?", name).Scan(&seq, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	return seq, hash, readErr(err)
}

func (t *tx) setChainHead(name string, seq int64, hash string) error {
	_, err := t.exec("INSERT INTO chains (name, seq, hash) VALUES (?, ?, ?) "+
		"ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, hash = excluded.hash", name, seq, hash)
	return writeErr(err)
}

// labelEvent appends to the label chain and applies the event.
func (t *tx) labelEvent(draft, label string, rev int) error {
	seq, prev, err := t.chainHead("labels")
	if err != nil {
		return err
	}
	e := store.LabelEvent{Seq: seq + 1, Draft: draft, Label: label, Rev: rev, At: t.now}
	h := store.LabelEventHash(prev, e)
	if _, err := t.exec("INSERT INTO label_events (seq, draft, label, rev, at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
		e.Seq, draft, label, rev, store.TimeText(e.At), prev, h); err != nil {
		return writeErr(err)
	}
	if rev == 0 {
		_, err = t.exec("DELETE FROM labels WHERE draft = ? AND label = ?", draft, label)
	} else {
		_, err = t.exec("INSERT INTO labels (draft, label, rev) VALUES (?, ?, ?) "+
			"ON CONFLICT (draft, label) DO UPDATE SET rev = excluded.rev", draft, label, rev)
	}
	if err != nil {
		return writeErr(err)
	}
	return t.setChainHead("labels", e.Seq, h)
}

func (t *tx) SetLabel(draft, label string, rev int) error {
	if !t.write {
		return store.ErrReadOnly
	}
	d, err := t.draftRow(draft)
	if err != nil {
		return err
	}
	if rev < 0 || rev > d.head {
		return fmt.Errorf("%s has no revision %d: %w", draft, rev, store.ErrNotFound)
	}
	if rev == 0 {
		if _, ok, err := t.labelOf(draft, label); err != nil {
			return err
		} else if !ok {
			return fmt.Errorf("%s has no label %q: %w", draft, label, store.ErrNotFound)
		}
	}
	return t.labelEvent(draft, label, rev)
}

func (t *tx) labelOf(draft, label string) (int, bool, error) {
	var n int
	err := t.row("SELECT rev FROM labels WHERE draft = ? AND label = ?", draft, label).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return n, err == nil, readErr(err)
}

func (t *tx) SentRevisions() ([]store.Revision, error) {
	rows, err := t.query("SELECT " + revCols + " FROM revisions WHERE sent IS NOT NULL ORDER BY draft, number")
	if err != nil {
		return nil, readErr(err)
	}
	defer rows.Close()
	var out []store.Revision
	for rows.Next() {
		r, cl, err := scanRevision(rows)
		if err != nil {
			return nil, readErr(err)
		}
		r.Labels = sortedLabels(cl)
		out = append(out, r)
	}
	return out, readErr(rows.Err())
}

func readErr(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("cannot read the store: %w", err)
}

func writeErr(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("cannot write the store: %w", err)
}

func isUniqueViolation(err error) bool {
	m := err.Error()
	return strings.Contains(m, "UNIQUE constraint failed") || strings.Contains(m, "SQLSTATE 23505") ||
		strings.Contains(m, "duplicate key value")
}
