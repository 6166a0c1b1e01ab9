package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/redline-dev/redline/store"
)

// Verify checks, in one read transaction: every revision's content and
// cable against their SHA-256, each draft's numbering and parent chain up to
// the head the drafts table records, the label chain and that replaying it
// gives the labels in force, the register chain and that it and the as-sent
// revisions match one for one, the counters, and the clearance chain. Each
// chain's first break is named.
func (s *Store) Verify(ctx context.Context) (*store.Report, error) {
	rep := &store.Report{Problems: []store.Problem{}}
	err := s.View(ctx, func(stx store.Tx) error {
		t := stx.(*tx)
		v := &verifier{t: t, rep: rep, heads: map[string]draftRow{}, revHash: map[string]string{}, sent: map[string]*store.Sent{}}
		for _, step := range []func() error{v.drafts, v.revisions, v.labels, v.register, v.counters, v.clearances} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	return rep, err
}

type verifier struct {
	t       *tx
	rep     *store.Report
	heads   map[string]draftRow
	revHash map[string]string // draft@n -> hash
	sent    map[string]*store.Sent
}

func (v *verifier) problem(where, format string, a ...any) {
	v.rep.Problems = append(v.rep.Problems, store.Problem{Where: where, Message: fmt.Sprintf(format, a...)})
}

func ref(draft string, n int) string { return fmt.Sprintf("%s@%d", draft, n) }

func (v *verifier) drafts() error {
	rows, err := v.t.query("SELECT name, head, head_hash, sealed FROM drafts ORDER BY name")
	if err != nil {
		return readErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var d draftRow
		var sealed int
		if err := rows.Scan(&name, &d.head, &d.hash, &sealed); err != nil {
			return readErr(err)
		}
		d.sealed = sealed != 0
		v.heads[name] = d
	}
	v.rep.Drafts = len(v.heads)
	return readErr(rows.Err())
}

func (v *verifier) revisions() error {
	rows, err := v.t.query("SELECT " + revCols + " FROM revisions ORDER BY draft, number")
	if err != nil {
		return readErr(err)
	}
	defer rows.Close()
	var draft, prevHash string
	var last int
	var sealedAt int
	end := func() {
		if draft == "" {
			return
		}
		d, ok := v.heads[draft]
		switch {
		case !ok:
			v.problem(draft, "the draft's revisions are stored but the draft is not listed (its record was deleted)")
		case d.head != last:
			v.problem(ref(draft, last), "the draft's head is revision %d but the newest stored is %d: revision(s) after %d were deleted", d.head, last, last)
		case d.hash != prevHash:
			v.problem(ref(draft, last), "the draft's head hash does not match its newest revision: the revision was edited or replaced")
		case d.sealed != (sealedAt != 0):
			v.problem(draft, "the draft's sealed flag does not match its revisions")
		}
	}
	for rows.Next() {
		r, cl, err := scanRevision(rows)
		if err != nil {
			v.problem("revisions", "unreadable revision: %v", err)
			continue
		}
		v.rep.Revisions++
		if r.Draft != draft {
			end()
			draft, prevHash, last, sealedAt = r.Draft, "", 0, 0
		}
		at := ref(r.Draft, r.Number)
		if r.Number != last+1 {
			v.problem(at, "revision %d of %s is missing (numbers must run 1, 2, 3 ... without gaps)", last+1, r.Draft)
		} else if r.Parent != last || r.ParentHash != prevHash {
			v.problem(at, "the parent link does not match revision %d: the chain breaks here", last)
		}
		if got := store.HexSHA256(r.Content); got != r.SHA256 {
			v.problem(at, "content SHA-256 is %s, the record says %s: the content was edited", got, r.SHA256)
		}
		if r.Sent != nil && store.HexSHA256(r.Sent.Cable) != r.Sent.CableSHA256 {
			v.problem(at, "the sent cable does not match its SHA-256: it was edited")
		}
		if got := store.RevisionHash(r.ParentHash, r, cl); got != r.Hash {
			v.problem(at, "the revision's hash does not match its fields: it was edited by hand")
		}
		if sealedAt != 0 {
			v.problem(at, "revision %d follows the as-sent revision %d: a sealed draft takes no revisions", r.Number, sealedAt)
		}
		if r.Sent != nil {
			sealedAt = r.Number
			v.sent[at] = r.Sent
		}
		v.revHash[at] = r.Hash
		draft, prevHash, last = r.Draft, r.Hash, r.Number
	}
	end()
	for name, d := range v.heads {
		if _, ok := v.revHash[ref(name, 1)]; !ok && d.head > 0 {
			v.problem(name, "the draft has head revision %d but no stored revisions: they were deleted", d.head)
		}
	}
	return readErr(rows.Err())
}

// chain checks one hash-chained table's links and its recorded head.
type chainCheck struct {
	v        *verifier
	name     string
	seq      int64
	prev     string
	reported bool
}

func (c *chainCheck) link(seq int64, prevHash, hash, want string) {
	where := fmt.Sprintf("%s #%d", c.name, seq)
	switch {
	case c.reported:
	case seq != c.seq+1:
		c.v.problem(where, "%s #%d is missing: the chain breaks here (a record was deleted)", c.name, c.seq+1)
		c.reported = true
	case prevHash != c.prev:
		c.v.problem(where, "the link to #%d does not match: the chain breaks here", c.seq)
		c.reported = true
	case hash != want:
		c.v.problem(where, "the record's hash does not match its fields: it was edited by hand")
		c.reported = true
	}
	c.seq, c.prev = seq, hash
}

func (c *chainCheck) end() error {
	seq, hash, err := c.v.t.chainHead(c.name)
	if err != nil {
		return err
	}
	switch {
	case c.reported:
	case seq > c.seq:
		c.v.problem(fmt.Sprintf("%s #%d", c.name, c.seq+1), "%s #%d to #%d are missing: the chain's recorded head is #%d (records at the end were deleted)", c.name, c.seq+1, seq, seq)
	case seq != c.seq || hash != c.prev:
		c.v.problem(fmt.Sprintf("%s #%d", c.name, c.seq), "the chain's recorded head is #%d, but the last record is #%d: records were replaced", seq, c.seq)
	}
	return nil
}

func (v *verifier) labels() error {
	rows, err := v.t.query("SELECT seq, draft, label, rev, at, prev_hash, hash FROM label_events ORDER BY seq")
	if err != nil {
		return readErr(err)
	}
	defer rows.Close()
	c := &chainCheck{v: v, name: "labels"}
	replay := map[[2]string]int{}
	for rows.Next() {
		var e store.LabelEvent
		var at, prev, hash string
		if err := rows.Scan(&e.Seq, &e.Draft, &e.Label, &e.Rev, &at, &prev, &hash); err != nil {
			return readErr(err)
		}
		v.rep.LabelEvents++
		e.At, _ = time.Parse(time.RFC3339Nano, at)
		c.link(e.Seq, prev, hash, store.LabelEventHash(prev, e))
		if e.Rev != 0 && v.revHash[ref(e.Draft, e.Rev)] == "" {
			v.problem(fmt.Sprintf("labels #%d", e.Seq), "label %q points at %s, which does not exist", e.Label, ref(e.Draft, e.Rev))
		}
		k := [2]string{e.Draft, e.Label}
		if e.Rev == 0 {
			delete(replay, k)
		} else {
			replay[k] = e.Rev
		}
	}
	if err := rows.Err(); err != nil {
		return readErr(err)
	}
	rows.Close()
	if err := c.end(); err != nil {
		return err
	}
	cur, err := v.t.query("SELECT draft, label, rev FROM labels")
	if err != nil {
		return readErr(err)
	}
	defer cur.Close()
	for cur.Next() {
		var d, l string
		var n int
		if err := cur.Scan(&d, &l, &n); err != nil {
			return readErr(err)
		}
		k := [2]string{d, l}
		if want, ok := replay[k]; !ok || want != n {
			v.problem(ref(d, n), "label %q is not what the label records say (they give %d): it was set by hand", l, want)
		}
		delete(replay, k)
	}
	for k, n := range replay {
		v.problem(ref(k[0], n), "label %q was removed outside redline (the label records still give it)", k[1])
	}
	return readErr(cur.Err())
}

func (v *verifier) register() error {
	entries, err := v.t.entries("ORDER BY seq")
	if err != nil {
		return err
	}
	c := &chainCheck{v: v, name: "register"}
	seen := map[string]bool{}
	for _, e := range entries {
		v.rep.Register++
		c.link(e.Seq, e.PrevHash, e.Hash, store.EntryHash(e.PrevHash, e))
		at := ref(e.Draft, e.Rev)
		where := fmt.Sprintf("register #%d", e.Seq)
		s, ok := v.sent[at]
		switch {
		case !ok:
			v.problem(where, "serial %s was issued to %s, which is not a stored as-sent revision (it was deleted)", e.Serial, at)
		case s.Serial != e.Serial || s.DTG != e.DTG:
			v.problem(where, "serial %s at %s does not match %s's record (%s at %s)", e.Serial, e.DTG, at, s.Serial, s.DTG)
		case v.revHash[at] != e.RevHash:
			v.problem(where, "%s's hash does not match the one the register recorded: the as-sent revision was edited", at)
		}
		seen[at] = true
	}
	if err := c.end(); err != nil {
		return err
	}
	for at, s := range v.sent {
		if !seen[at] {
			v.problem(at, "as-sent revision with serial %s has no register entry (it was deleted): its number must not be issued again", s.Serial)
		}
	}
	return nil
}

func (v *verifier) counters() error {
	rows, err := v.t.query("SELECT r.series, r.year_key, MAX(r.number), c.last FROM register r LEFT JOIN counters c " +
		"ON c.series = r.series AND c.year_key = r.year_key GROUP BY r.series, r.year_key, c.last")
	if err != nil {
		return readErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var series string
		var yk, max int
		var last sql.NullInt64
		if err := rows.Scan(&series, &yk, &max, &last); err != nil {
			return readErr(err)
		}
		if !last.Valid || int(last.Int64) < max {
			v.problem(fmt.Sprintf("counter %s/%d", series, yk), "the serial counter is behind the register's highest number %d: it was reset by hand", max)
		}
	}
	return readErr(rows.Err())
}

func (v *verifier) clearances() error {
	cs, err := v.t.clearances("ORDER BY seq")
	if err != nil {
		return err
	}
	c := &chainCheck{v: v, name: "clearances"}
	for _, cl := range cs {
		v.rep.Clearances++
		c.link(cl.Seq, cl.PrevHash, cl.RecHash, store.ClearanceHash(cl.PrevHash, cl))
	}
	return c.end()
}
