package sqlstore

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/redline-dev/redline/store"
)

// TestQueriesUseIndexes records every statement that the steps of commit,
// status, `diff FILE@N FILE@M` and send make through the store, on a
// SQLite store with some history, and asks SQLite for each one's plan: none
// may scan a table that grows with history (revisions, label_events,
// register, clearances) or the drafts table, except the listing of drafts
// that status prints one line each for. This is the benchmark's finding
// (BenchmarkStoreHistory in cmd) kept as a test that cannot flake.
func TestQueriesUseIndexes(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "store.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	base := time.Date(1988, 12, 21, 21, 30, 0, 0, time.UTC)
	sendOne := func(tx store.Tx, k int) error {
		n, err := tx.NextNumber("T", 1988)
		if err != nil {
			return err
		}
		serial := fmt.Sprintf("T %d/88", n)
		dtg := base.Add(time.Duration(k) * time.Minute)
		if _, err := tx.OriginatorDTGs("CABINET OFFICE LONDON", dtg, dtg.Add(7*time.Minute)); err != nil {
			return err
		}
		if _, err := tx.RegisterSerial("T", serial); err != nil {
			return err
		}
		name := fmt.Sprintf("sent%03d.md", k)
		if _, err := tx.Commit(store.NewRevision{Draft: name, Content: []byte(name), Author: "a", Office: "o", Message: "m"}); err != nil {
			return err
		}
		if _, err := tx.Clearances(name); err != nil {
			return err
		}
		r, err := tx.Commit(store.NewRevision{Draft: name, Content: []byte(name), Author: "a", Office: "o", Message: "despatched",
			Labels: []string{"as-sent"}, Sent: &store.Sent{Series: "T", Serial: serial, DTG: dtg.Format("021504Z Jan 06"), Cable: []byte(serial)}})
		if err != nil {
			return err
		}
		_, err = tx.AppendRegister(store.Entry{Series: "T", Year: 1988, YearKey: 1988, Number: n, Serial: serial, DTG: r.Sent.DTG,
			DTGTime: dtg, Originator: "CABINET OFFICE LONDON", Draft: name, Rev: r.Number, RevHash: r.Hash})
		return err
	}
	commitOne := func(tx store.Tx, k int) error {
		head, err := tx.Head("long.md")
		if err != nil {
			return err
		}
		if head > 0 {
			if _, err := tx.Revision("long.md", head); err != nil {
				return err
			}
		}
		if _, err := tx.Labels("long.md"); err != nil {
			return err
		}
		_, err = tx.Commit(store.NewRevision{Draft: "long.md", Content: []byte(fmt.Sprint("text ", k)), Author: "a", Office: "o", Message: "m", Labels: []string{fmt.Sprint("l", k)}})
		return err
	}
	err = s.Update(ctx, func(tx store.Tx) error {
		for k := 0; k < 200; k++ {
			if err := commitOne(tx, k); err != nil {
				return err
			}
			if err := sendOne(tx, k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	type stmt struct {
		q    string
		args []any
	}
	var stmts []stmt
	seen = func(q string, args []any) { stmts = append(stmts, stmt{q, args}) }
	err = s.Update(ctx, func(tx store.Tx) error {
		if err := commitOne(tx, 1000); err != nil {
			return err
		}
		if err := sendOne(tx, 1000); err != nil {
			return err
		}
		if _, err := tx.Drafts(); err != nil {
			return err
		}
		_, err := tx.Revision("long.md", 1)
		return err
	})
	seen = nil
	if err != nil {
		t.Fatal(err)
	}
	if len(stmts) < 20 {
		t.Fatalf("only %d statements were recorded", len(stmts))
	}
	scan := regexp.MustCompile(`^SCAN (\w+)`)
	for _, st := range stmts {
		rows, err := s.db.Query("EXPLAIN QUERY PLAN "+st.q, st.args...)
		if err != nil {
			t.Fatalf("EXPLAIN %s: %v", st.q, err)
		}
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			m := scan.FindStringSubmatch(detail)
			if m == nil || strings.Contains(detail, "USING") {
				continue
			}
			if m[1] == "drafts" && strings.HasPrefix(st.q, "SELECT name FROM drafts") {
				continue // status lists every draft: its output grows too
			}
			t.Errorf("%s\n  scans %s: %s", st.q, m[1], detail)
		}
		rows.Close()
	}
}
