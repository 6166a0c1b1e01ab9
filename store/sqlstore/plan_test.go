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
	"github.com/redline-dev/redline/store/storetest"
)

// TestQueriesUseIndexes records every statement that the steps of commit,
// status, `diff FILE@N FILE@M` and send make through the store, on a
// SQLite store with some history, and asks SQLite for each one's plan: none
// may scan a table that grows with history (revisions, label_events,
// register, clearances) or the drafts table, except the listing of drafts
// that status prints one line each for. This is the benchmark's finding
// (BenchmarkStoreHistory in cmd) kept as a test that cannot flake.
// TestQueriesUseIndexes records every statement that the steps of commit,
// status, `diff FILE@N FILE@M` and send make through the store, on a store
// with some history, and asks the database for each one's plan: none may
// scan a table that grows with history (revisions, label_events, register,
// clearances) or the drafts table, except the listing of drafts that status
// prints one line each for. This is the benchmark's finding
// (BenchmarkStoreHistory in cmd) kept as a test that cannot flake. It runs
// on SQLite always and on PostgreSQL when the tests have one.
func TestQueriesUseIndexes(t *testing.T) {
	backends := []struct {
		name  string
		open  func(t *testing.T) (*Store, error)
		scans func(*testing.T, *Store, planStmt) []string
	}{
		{"sqlite", func(t *testing.T) (*Store, error) {
			return OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "store.db"), Options{})
		}, sqlitePlanScans},
		{"postgres", func(t *testing.T) (*Store, error) {
			return OpenPostgres(context.Background(), storetest.PostgresDSN(t), Options{}) // skips without PostgreSQL
		}, postgresPlanScans},
	}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s, err := b.open(t)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for _, st := range planStatements(t, s) {
				for _, scanned := range b.scans(t, s, st) {
					t.Errorf("%s\n  scans %s", st.q, scanned)
				}
			}
		})
	}
}

// planStmt is one statement a command made, with its arguments.
type planStmt struct {
	q    string
	args []any
}

// allowedScan says whether a whole-table scan of table by q is one whose
// output grows with the table anyway.
func allowedScan(table, q string) bool {
	return table == "drafts" && strings.HasPrefix(q, "SELECT name FROM drafts")
}

// planStatements seeds s with 200 commits of one draft and 200 sent
// drafts, then records the statements of one more of each, a listing of
// the drafts and a read of an old revision.
func planStatements(t *testing.T, s *Store) []planStmt {
	t.Helper()
	ctx := context.Background()
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
	err := s.Update(ctx, func(tx store.Tx) error {
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

	var stmts []planStmt
	seen = func(q string, args []any) { stmts = append(stmts, planStmt{q, args}) }
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
	return stmts
}

// sqlitePlanScans gives the tables SQLite's plan for st scans whole.
func sqlitePlanScans(t *testing.T, s *Store, st planStmt) []string {
	t.Helper()
	scan := regexp.MustCompile(`^SCAN (\w+)`)
	rows, err := s.db.Query("EXPLAIN QUERY PLAN "+st.q, st.args...)
	if err != nil {
		t.Fatalf("EXPLAIN %s: %v", st.q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		m := scan.FindStringSubmatch(detail)
		if m == nil || strings.Contains(detail, "USING") || allowedScan(m[1], st.q) {
			continue
		}
		out = append(out, m[1]+": "+detail)
	}
	return out
}

// postgresPlanScans gives the tables PostgreSQL's plan for st scans whole.
// On tables this small the planner would rightly choose a sequential scan
// anyway, so sequential scans are priced out for the session
// (enable_seqscan off): one still in the plan means no index could serve.
func postgresPlanScans(t *testing.T, s *Store, st planStmt) []string {
	t.Helper()
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SET enable_seqscan = off"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "RESET enable_seqscan")
	rows, err := conn.QueryContext(ctx, "EXPLAIN "+s.rebind(st.q), st.args...)
	if err != nil {
		t.Fatalf("EXPLAIN %s: %v", st.q, err)
	}
	defer rows.Close()
	scan := regexp.MustCompile(`Seq Scan on (\w+)`)
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		m := scan.FindStringSubmatch(line)
		if m == nil || allowedScan(m[1], st.q) {
			continue
		}
		out = append(out, m[1]+": "+strings.TrimSpace(line))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
