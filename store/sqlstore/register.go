package sqlstore

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/redline-dev/redline/store"
)

func (t *tx) NextNumber(series string, yearKey int) (int, error) {
	if !t.write {
		return 0, store.ErrReadOnly
	}
	var n int
	err := t.row("INSERT INTO counters (series, year_key, last) VALUES (?, ?, 1) "+
		"ON CONFLICT (series, year_key) DO UPDATE SET last = counters.last + 1 RETURNING last",
		series, yearKey).Scan(&n)
	if err != nil {
		return 0, writeErr(err)
	}
	return n, nil
}

func (t *tx) greatest() string {
	if t.s.kind == "postgres" {
		return "GREATEST"
	}
	return "MAX"
}

const entryCols = "seq, series, year, year_key, number, suffix, serial, dtg, dtg_time, originator, draft, rev, rev_hash, backdated, at, prev_hash, hash"

func (t *tx) AppendRegister(e store.Entry) (store.Entry, error) {
	if !t.write {
		return store.Entry{}, store.ErrReadOnly
	}
	if e.Series == "" || e.Number < 1 || e.Serial == "" || e.Draft == "" || e.Rev < 1 {
		return store.Entry{}, fmt.Errorf("register entry without series, number, serial or revision: %+v", e)
	}
	var taken string
	err := t.row("SELECT serial FROM register WHERE series = ? AND year_key = ? AND number = ? AND suffix = ?",
		e.Series, e.YearKey, e.Number, e.Suffix).Scan(&taken)
	if err == nil {
		return store.Entry{}, fmt.Errorf("%s (number %d%s of series %s, year %d) is taken by %s: %w", e.Serial, e.Number, e.Suffix, e.Series, e.YearKey, taken, store.ErrSerialTaken)
	}
	seq, prev, err := t.chainHead("register")
	if err != nil {
		return store.Entry{}, err
	}
	if err := t.registerEndsAt(seq, prev); err != nil {
		return store.Entry{}, err
	}
	e.Seq, e.PrevHash, e.At = seq+1, prev, t.now
	e.DTGTime = e.DTGTime.UTC()
	e.Originator = store.FoldOriginator(e.Originator)
	e.Hash = store.EntryHash(prev, e)
	_, err = t.exec("INSERT INTO register (seq, series, year, year_key, number, suffix, serial, serial_fold, dtg, dtg_time, originator, draft, rev, rev_hash, backdated, at, prev_hash, hash) "+
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		e.Seq, e.Series, e.Year, e.YearKey, e.Number, e.Suffix, e.Serial, foldSerial(e.Serial), e.DTG, e.DTGTime.Unix(),
		e.Originator, e.Draft, e.Rev, e.RevHash, e.Backdated, store.TimeText(e.At), e.PrevHash, e.Hash)
	if err != nil {
		if isUniqueViolation(err) {
			return store.Entry{}, fmt.Errorf("%s: %w", e.Serial, store.ErrSerialTaken)
		}
		return store.Entry{}, writeErr(err)
	}
	// The counter never falls behind a number in the register, so that a
	// number issued under a suffix, or imported, is not issued again.
	if _, err := t.exec("INSERT INTO counters (series, year_key, last) VALUES (?, ?, ?) "+
		"ON CONFLICT (series, year_key) DO UPDATE SET last = "+t.greatest()+"(counters.last, excluded.last)",
		e.Series, e.YearKey, e.Number); err != nil {
		return store.Entry{}, writeErr(err)
	}
	if err := t.setChainHead("register", e.Seq, e.Hash); err != nil {
		return store.Entry{}, err
	}
	return e, nil
}

// registerEndsAt checks that the register's last entry is the chain's
// recorded head (seq, hash). A register whose end was deleted, perhaps with
// its counter set back, could otherwise give a number out a second time.
func (t *tx) registerEndsAt(seq int64, hash string) error {
	// The head itself and anything after it, by the primary key.
	rows, err := t.query("SELECT seq, hash FROM register WHERE seq >= ? ORDER BY seq LIMIT 2", max(seq, 1))
	if err != nil {
		return readErr(err)
	}
	defer rows.Close()
	last, lastHash, n := int64(0), "", 0
	for rows.Next() {
		if err := rows.Scan(&last, &lastHash); err != nil {
			return readErr(err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return readErr(err)
	}
	want := 0
	if seq > 0 {
		want = 1
	}
	if n != want || (seq > 0 && (last != seq || lastHash != hash)) {
		return fmt.Errorf("%w: its last entry is not #%d, the one its chain records, so entries were deleted or replaced outside redline; restore the store from a backup before anything is sent", store.ErrRegisterDamaged, seq)
	}
	return nil
}

// foldSerial is the form serials are compared in: upper case, no spaces.
func foldSerial(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

func (t *tx) entries(where string, args ...any) ([]store.Entry, error) {
	rows, err := t.query("SELECT "+entryCols+" FROM register "+where, args...)
	if err != nil {
		return nil, readErr(err)
	}
	defer rows.Close()
	var out []store.Entry
	for rows.Next() {
		var e store.Entry
		var dtgUnix int64
		var at string
		if err := rows.Scan(&e.Seq, &e.Series, &e.Year, &e.YearKey, &e.Number, &e.Suffix, &e.Serial, &e.DTG, &dtgUnix,
			&e.Originator, &e.Draft, &e.Rev, &e.RevHash, &e.Backdated, &at, &e.PrevHash, &e.Hash); err != nil {
			return nil, readErr(err)
		}
		e.DTGTime = time.Unix(dtgUnix, 0).UTC()
		if e.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("register #%d: bad time %q", e.Seq, at)
		}
		out = append(out, e)
	}
	return out, readErr(rows.Err())
}

func (t *tx) Register(series string) ([]store.Entry, error) {
	if series == "" {
		return t.entries("ORDER BY seq")
	}
	return t.entries("WHERE series = ? ORDER BY seq", series)
}

func (t *tx) RegisterNumber(series string, yearKey, number int) ([]store.Entry, error) {
	return t.entries("WHERE series = ? AND year_key = ? AND number = ? ORDER BY seq", series, yearKey, number)
}

func (t *tx) RegisterSerial(series, serial string) ([]store.Entry, error) {
	return t.entries("WHERE series = ? AND serial_fold = ? ORDER BY seq", series, foldSerial(serial))
}

func (t *tx) OriginatorDTGs(originator string, from, to time.Time) ([]store.Entry, error) {
	return t.entries("WHERE originator = ? AND dtg_time >= ? AND dtg_time < ? ORDER BY dtg_time",
		store.FoldOriginator(originator), from.Unix(), to.Unix())
}

var clearanceKinds = map[string]bool{"clear": true, "approve": true, "withdraw": true}

func (t *tx) AddClearance(c store.Clearance) (store.Clearance, error) {
	if !t.write {
		return store.Clearance{}, store.ErrReadOnly
	}
	if !clearanceKinds[c.Kind] {
		return store.Clearance{}, fmt.Errorf("clearance kind %q: use clear, approve or withdraw", c.Kind)
	}
	d, err := t.draftRow(c.Draft)
	if err != nil {
		return store.Clearance{}, err
	}
	if c.Rev < 1 || c.Rev > d.head {
		return store.Clearance{}, fmt.Errorf("%s has no revision %d: %w", c.Draft, c.Rev, store.ErrNotFound)
	}
	if c.Kind == "withdraw" {
		var draft string
		err := t.row("SELECT draft FROM clearances WHERE seq = ?", c.Withdraws).Scan(&draft)
		if err != nil || draft != c.Draft {
			return store.Clearance{}, fmt.Errorf("%s has no clearance #%d to withdraw: %w", c.Draft, c.Withdraws, store.ErrNotFound)
		}
	} else if c.Withdraws != 0 {
		return store.Clearance{}, errors.New("only a withdraw record withdraws another")
	}
	seq, prev, err := t.chainHead("clearances")
	if err != nil {
		return store.Clearance{}, err
	}
	c.Seq, c.PrevHash, c.At = seq+1, prev, t.now
	c.RecHash = store.ClearanceHash(prev, c)
	if _, err := t.exec("INSERT INTO clearances (seq, draft, rev, sha256, kind, office, name, note, withdraws, at, prev_hash, hash) "+
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		c.Seq, c.Draft, c.Rev, c.Hash, c.Kind, c.Office, c.Name, c.Note, c.Withdraws, store.TimeText(c.At), c.PrevHash, c.RecHash); err != nil {
		return store.Clearance{}, writeErr(err)
	}
	return c, t.setChainHead("clearances", c.Seq, c.RecHash)
}

func (t *tx) clearances(where string, args ...any) ([]store.Clearance, error) {
	rows, err := t.query("SELECT seq, draft, rev, sha256, kind, office, name, note, withdraws, at, prev_hash, hash FROM clearances "+where, args...)
	if err != nil {
		return nil, readErr(err)
	}
	defer rows.Close()
	var out []store.Clearance
	for rows.Next() {
		var c store.Clearance
		var at string
		if err := rows.Scan(&c.Seq, &c.Draft, &c.Rev, &c.Hash, &c.Kind, &c.Office, &c.Name, &c.Note, &c.Withdraws, &at, &c.PrevHash, &c.RecHash); err != nil {
			return nil, readErr(err)
		}
		if c.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("clearance #%d: bad time %q", c.Seq, at)
		}
		out = append(out, c)
	}
	return out, readErr(rows.Err())
}

func (t *tx) Clearances(draft string) ([]store.Clearance, error) {
	return t.clearances("WHERE draft = ? ORDER BY seq", draft)
}
