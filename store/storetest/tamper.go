package storetest

import (
	"errors"
	"strings"
	"testing"

	"github.com/redline-dev/redline/store"
)

// tamperFixture is a store with a draft of three revisions (labels moved
// once), a sent draft with its register entry and a clearance.
func tamperFixture(t *testing.T, b Backend) store.Store {
	s := open(t, b)
	commit(t, s, "d.md", "one", "fco")
	commit(t, s, "d.md", "two")
	commit(t, s, "d.md", "three")
	update(t, s, func(tx store.Tx) error { return tx.SetLabel("d.md", "fco", 2) })
	commit(t, s, "s.md", "text of s.md")
	update(t, s, func(tx store.Tx) error {
		n, err := tx.NextNumber("T", 1988)
		if err != nil {
			return err
		}
		r, err := tx.Commit(store.NewRevision{Draft: "s.md", Content: []byte("text of s.md"), Author: "A", Office: "O",
			Labels: []string{"as-sent"}, Sent: &store.Sent{Series: "T", Serial: "T 1/88", DTG: "212130Z DEC 88", Cable: []byte("C")}})
		if err != nil {
			return err
		}
		_, err = tx.AppendRegister(store.Entry{Series: "T", Year: 1988, YearKey: 1988, Number: n, Serial: "T 1/88",
			DTG: "212130Z DEC 88", Originator: "FCO", Draft: "s.md", Rev: r.Number, RevHash: r.Hash})
		return err
	})
	update(t, s, func(tx store.Tx) error {
		_, err := tx.AddClearance(store.Clearance{Draft: "d.md", Rev: 3, Hash: store.HexSHA256([]byte("three")), Kind: "clear", Office: "No. 10", Name: "CDP"})
		return err
	})
	return s
}

func testTamper(t *testing.T, b Backend) {
	if b.Exec == nil {
		t.Skip("the backend gives no direct access for tampering")
	}
	edited := store.HexSHA256([]byte("edited"))
	cases := []struct {
		name  string
		query string
		args  []any
		where string // the first problem names this
	}{
		{"delete a middle revision", "DELETE FROM revisions WHERE draft = 'd.md' AND number = 2", nil, "d.md@3"},
		{"delete the newest revision", "DELETE FROM revisions WHERE draft = 'd.md' AND number = 3", nil, "d.md@2"},
		{"edit content with its SHA-256 recomputed", "UPDATE revisions SET content = ?, sha256 = ? WHERE draft = 'd.md' AND number = 1", []any{[]byte("edited"), edited}, "d.md@1"},
		{"edit a message", "UPDATE revisions SET message = 'forged' WHERE draft = 'd.md' AND number = 2", nil, "d.md@2"},
		{"delete the as-sent revision", "DELETE FROM revisions WHERE draft = 's.md' AND number = 2", nil, "s.md@1"},
		{"delete a register entry", "DELETE FROM register WHERE seq = 1", nil, "register #1"},
		{"edit a register entry", "UPDATE register SET serial = 'T 9/88', serial_fold = 'T9/88' WHERE seq = 1", nil, "register #1"},
		{"delete a label event", "DELETE FROM label_events WHERE seq = 1", nil, "labels #2"},
		{"move a label by hand", "UPDATE labels SET rev = 3 WHERE draft = 'd.md' AND label = 'fco'", nil, "d.md@3"},
		{"delete a clearance", "DELETE FROM clearances WHERE seq = 1", nil, "clearances #1"},
		{"reset a counter", "DELETE FROM counters", nil, "counter T/1988"},
	}
	for _, tc := range cases {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			s := tamperFixture(t, b)
			b.Exec(t, s, tc.query, tc.args...)
			rep, err := s.Verify(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Problems) == 0 {
				t.Fatalf("Verify found nothing after: %s", tc.query)
			}
			if rep.Problems[0].Where != tc.where {
				t.Errorf("first problem is at %q (%s), want %q; all: %+v", rep.Problems[0].Where, rep.Problems[0].Message, tc.where, rep.Problems)
			}
			if tc.name == "reset a counter" {
				return
			}
			// However the register was damaged, its number is not issued again.
			if strings.Contains(tc.query, "FROM register") {
				refuseAppend(t, s)
			}
			update(t, s, func(tx store.Tx) error {
				n, err := tx.NextNumber("T", 1988)
				if err == nil && n == 1 {
					t.Errorf("number 1 issued again after: %s", tc.query)
				}
				return err
			})
		})
	}
}

// refuseAppend checks that nothing is appended to a register whose end is
// not the one its chain records.
func refuseAppend(t *testing.T, s store.Store) {
	t.Helper()
	err := s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.AppendRegister(store.Entry{Series: "T", Year: 1988, YearKey: 1988, Number: 5, Serial: "T 5/88",
			DTG: "212135Z DEC 88", Originator: "FCO", Draft: "s.md", Rev: 1, RevHash: "x"})
		return err
	})
	if !errors.Is(err, store.ErrRegisterDamaged) {
		t.Errorf("appending to a damaged register gave %v, want ErrRegisterDamaged", err)
	}
}

// testRegisterReset deletes the register and sets its counter back, as
// someone freeing a serial would: Verify names the break, and the number
// cannot be registered again.
func testRegisterReset(t *testing.T, b Backend) {
	if b.Exec == nil {
		t.Skip("the backend gives no direct access for tampering")
	}
	s := tamperFixture(t, b)
	b.Exec(t, s, "DELETE FROM register")
	b.Exec(t, s, "DELETE FROM counters")
	rep, err := s.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) == 0 {
		t.Fatal("Verify found nothing after the register was emptied and its counter reset")
	}
	err = s.Update(ctx, func(tx store.Tx) error {
		n, err := tx.NextNumber("T", 1988)
		if err != nil {
			return err
		}
		_, err = tx.AppendRegister(store.Entry{Series: "T", Year: 1988, YearKey: 1988, Number: n, Serial: "T 1/88",
			DTG: "212135Z DEC 88", Originator: "FCO", Draft: "s.md", Rev: 1, RevHash: "x"})
		return err
	})
	if !errors.Is(err, store.ErrRegisterDamaged) {
		t.Fatalf("T 1/88 registered again after the register was emptied (err %v), want ErrRegisterDamaged", err)
	}
}
