// Package storetest is the conformance suite every store.Store backend must
// pass, in the manner of restic's backend tests: a backend's test calls Run
// with a function that opens a fresh, empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/redline-dev/redline/store"
)

// Backend opens stores for the suite.
type Backend struct {
	// Open returns a new, empty store; the suite closes it.
	Open func(t *testing.T) store.Store
	// Reopen opens a second handle on the store Open returned last, as
	// another process would (nil: the suite uses the same handle).
	Reopen func(t *testing.T) store.Store
	// Exec runs a statement against the store's database directly, as a
	// person editing it by hand would; the tamper tests need it.
	Exec func(t *testing.T, s store.Store, query string, args ...any)
}

// Run runs every conformance test.
func Run(t *testing.T, b Backend) {
	tests := []struct {
		name string
		fn   func(*testing.T, Backend)
	}{
		{"Ordering", testOrdering},
		{"Immutable", testImmutable},
		{"Labels", testLabels},
		{"Seal", testSeal},
		{"AllOrNothing", testAllOrNothing},
		{"ReadOnlyView", testReadOnlyView},
		{"SnapshotView", testSnapshotView},
		{"Register", testRegister},
		{"GaplessConcurrent", testGaplessConcurrent},
		{"Clearances", testClearances},
		{"VerifyClean", testVerifyClean},
		{"Tamper", testTamper},
		{"RegisterReset", testRegisterReset},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, b) })
	}
}

var ctx = context.Background()

func open(t *testing.T, b Backend) store.Store {
	t.Helper()
	s := b.Open(t)
	t.Cleanup(func() { s.Close() })
	return s
}

func update(t *testing.T, s store.Store, fn func(store.Tx) error) {
	t.Helper()
	if err := s.Update(ctx, fn); err != nil {
		t.Fatal(err)
	}
}

func commit(t *testing.T, s store.Store, draft, content string, labels ...string) store.Revision {
	t.Helper()
	var r store.Revision
	update(t, s, func(tx store.Tx) error {
		var err error
		r, err = tx.Commit(store.NewRevision{Draft: draft, Content: []byte(content), Author: "A", Office: "O", Message: "m", Labels: labels})
		return err
	})
	return r
}

func logOf(t *testing.T, s store.Store, draft string) []store.Revision {
	t.Helper()
	var revs []store.Revision
	if err := s.View(ctx, func(tx store.Tx) error {
		var err error
		revs, err = tx.Log(draft)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return revs
}

func testOrdering(t *testing.T, b Backend) {
	s := open(t, b)
	for i := 1; i <= 5; i++ {
		r := commit(t, s, "b.md", fmt.Sprintf("v%d", i))
		if r.Number != i || r.Parent != i-1 {
			t.Fatalf("commit %d: number %d parent %d", i, r.Number, r.Parent)
		}
	}
	commit(t, s, "a/x.md", "x")
	revs := logOf(t, s, "b.md")
	if len(revs) != 5 {
		t.Fatalf("log has %d revisions, want 5", len(revs))
	}
	for i, r := range revs {
		if r.Number != i+1 || string(r.Content) != fmt.Sprintf("v%d", i+1) || r.SHA256 != store.HexSHA256(r.Content) {
			t.Errorf("revision %d: %+v", i+1, r)
		}
		if i > 0 && (r.ParentHash != revs[i-1].Hash || r.Time.Before(revs[i-1].Time)) {
			t.Errorf("revision %d does not follow %d", i+1, i)
		}
	}
	s.View(ctx, func(tx store.Tx) error {
		names, err := tx.Drafts()
		if err != nil || len(names) != 2 || names[0] != "a/x.md" || names[1] != "b.md" {
			t.Errorf("Drafts = %v, %v", names, err)
		}
		if n, _ := tx.Head("b.md"); n != 5 {
			t.Errorf("Head = %d", n)
		}
		if _, err := tx.Revision("b.md", 6); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Revision 6: %v", err)
		}
		if r, err := tx.Revision("b.md", 3); err != nil || string(r.Content) != "v3" {
			t.Errorf("Revision 3: %v %v", r, err)
		}
		return nil
	})
}

func testImmutable(t *testing.T, b Backend) {
	s := open(t, b)
	first := commit(t, s, "d.md", "one")
	err := s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.Commit(store.NewRevision{Draft: "d.md", Content: []byte("one"), Author: "A", Office: "O"})
		return err
	})
	if !errors.Is(err, store.ErrUnchanged) {
		t.Fatalf("unchanged commit: %v", err)
	}
	commit(t, s, "d.md", "two")
	again := logOf(t, s, "d.md")[0]
	if again.Hash != first.Hash || string(again.Content) != "one" || !again.Time.Equal(first.Time) {
		t.Errorf("revision 1 changed: %+v vs %+v", again, first)
	}
}

func testLabels(t *testing.T, b Backend) {
	s := open(t, b)
	commit(t, s, "d.md", "one", "fco")
	commit(t, s, "d.md", "two")
	err := s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.Commit(store.NewRevision{Draft: "d.md", Content: []byte("three"), Author: "A", Office: "O", Labels: []string{"fco"}})
		return err
	})
	if !errors.Is(err, store.ErrLabelTaken) {
		t.Fatalf("taken label: %v", err)
	}
	update(t, s, func(tx store.Tx) error { return tx.SetLabel("d.md", "fco", 2) })
	update(t, s, func(tx store.Tx) error { return tx.SetLabel("d.md", "no10", 1) })
	revs := logOf(t, s, "d.md")
	if len(revs[0].Labels) != 1 || revs[0].Labels[0] != "no10" || len(revs[1].Labels) != 1 || revs[1].Labels[0] != "fco" {
		t.Fatalf("labels: %v %v", revs[0].Labels, revs[1].Labels)
	}
	update(t, s, func(tx store.Tx) error { return tx.SetLabel("d.md", "no10", 0) })
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.SetLabel("d.md", "no10", 0) }); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("removing a missing label: %v", err)
	}
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.SetLabel("d.md", "x", 9) }); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("label on a missing revision: %v", err)
	}
	s.View(ctx, func(tx store.Tx) error {
		m, err := tx.Labels("d.md")
		if err != nil || len(m) != 1 || m["fco"] != 2 {
			t.Errorf("Labels = %v, %v", m, err)
		}
		return nil
	})
}

func sentRev(t *testing.T, s store.Store, draft, serial string) store.Revision {
	t.Helper()
	var r store.Revision
	update(t, s, func(tx store.Tx) error {
		var err error
		r, err = tx.Commit(store.NewRevision{Draft: draft, Content: []byte("text of " + draft), Author: "A", Office: "O",
			Message: "despatched", Labels: []string{"as-sent"}, Sent: &store.Sent{Series: "T", Serial: serial, DTG: "212130Z DEC 88", Cable: []byte("CABLE " + serial)}})
		return err
	})
	return r
}

func testSeal(t *testing.T, b Backend) {
	s := open(t, b)
	commit(t, s, "d.md", "text of d.md")
	r := sentRev(t, s, "d.md", "T 1/88")
	if r.Sent == nil || r.Sent.CableSHA256 != store.HexSHA256([]byte("CABLE T 1/88")) || r.Number != 2 {
		t.Fatalf("sent revision: %+v", r)
	}
	err := s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.Commit(store.NewRevision{Draft: "d.md", Content: []byte("after"), Author: "A", Office: "O"})
		return err
	})
	if !errors.Is(err, store.ErrSealed) {
		t.Fatalf("commit after send: %v", err)
	}
	s.View(ctx, func(tx store.Tx) error {
		sent, err := tx.SentRevisions()
		if err != nil || len(sent) != 1 || sent[0].Sent.Serial != "T 1/88" || string(sent[0].Sent.Cable) != "CABLE T 1/88" {
			t.Errorf("SentRevisions = %+v, %v", sent, err)
		}
		return nil
	})
}

func testAllOrNothing(t *testing.T, b Backend) {
	s := open(t, b)
	commit(t, s, "keep.md", "k")
	boom := errors.New("boom")
	err := s.Update(ctx, func(tx store.Tx) error {
		for i := 0; i < 30; i++ {
			if _, err := tx.Commit(store.NewRevision{Draft: fmt.Sprintf("f%02d.md", i), Content: []byte("x"), Author: "A", Office: "O", Labels: []string{"l"}}); err != nil {
				return err
			}
		}
		if _, err := tx.NextNumber("T", 1988); err != nil {
			return err
		}
		if _, err := tx.Commit(store.NewRevision{Draft: "keep.md", Content: []byte("k2"), Author: "A", Office: "O"}); err != nil {
			return err
		}
		if revs, err := tx.Log("f07.md"); err != nil || len(revs) != 1 {
			t.Errorf("the transaction does not see its own commit: %v %v", revs, err)
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update returned %v", err)
	}
	s.View(ctx, func(tx store.Tx) error {
		names, _ := tx.Drafts()
		if len(names) != 1 {
			t.Errorf("drafts after a failed transaction: %v", names)
		}
		if n, _ := tx.Head("keep.md"); n != 1 {
			t.Errorf("keep.md head %d", n)
		}
		return nil
	})
	update(t, s, func(tx store.Tx) error {
		n, err := tx.NextNumber("T", 1988)
		if n != 1 {
			t.Errorf("a rolled-back number was consumed: next is %d", n)
		}
		return err
	})
}

func testReadOnlyView(t *testing.T, b Backend) {
	s := open(t, b)
	err := s.View(ctx, func(tx store.Tx) error {
		_, err := tx.Commit(store.NewRevision{Draft: "d.md", Content: []byte("x"), Author: "A", Office: "O"})
		return err
	})
	if err == nil {
		t.Fatal("View allowed a commit")
	}
}

// testSnapshotView: a View reads one state of the store throughout, even
// when another handle commits between two of its reads (a register and
// its seals read one after the other must agree).
func testSnapshotView(t *testing.T, b Backend) {
	if b.Reopen == nil {
		t.Skip("the backend has no second handle")
	}
	s := open(t, b)
	s2 := b.Reopen(t)
	t.Cleanup(func() { s2.Close() })
	commit(t, s, "d.md", "one")
	err := s.View(ctx, func(tx store.Tx) error {
		before, err := tx.Log("d.md")
		if err != nil {
			return err
		}
		wctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := s2.Update(wctx, func(tx2 store.Tx) error {
			_, err := tx2.Commit(store.NewRevision{Draft: "d.md", Content: []byte("two"), Author: "A", Office: "O", Message: "m"})
			return err
		}); err != nil {
			return fmt.Errorf("commit from the second handle while a view is open: %w", err)
		}
		after, err := tx.Log("d.md")
		if err != nil {
			return err
		}
		if len(before) != 1 || len(after) != len(before) {
			t.Errorf("one view read %d revisions, then %d after another handle committed", len(before), len(after))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if revs := logOf(t, s, "d.md"); len(revs) != 2 {
		t.Errorf("after the view: %d revisions, want 2", len(revs))
	}
}

func testRegister(t *testing.T, b Backend) {
	s := open(t, b)
	commit(t, s, "d.md", "text of d.md")
	r := sentRev(t, s, "d.md", "T 1/88")
	update(t, s, func(tx store.Tx) error {
		n, err := tx.NextNumber("T", 1988)
		if err != nil || n != 1 {
			t.Errorf("NextNumber = %d, %v", n, err)
		}
		_, err = tx.AppendRegister(store.Entry{Series: "T", Year: 1988, YearKey: 1988, Number: 1, Serial: "T 1/88",
			DTG: "212130Z DEC 88", Originator: "fco  london", Draft: "d.md", Rev: r.Number, RevHash: r.Hash})
		return err
	})
	err := s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.AppendRegister(store.Entry{Series: "T", Year: 1988, YearKey: 1988, Number: 1, Serial: "T 1/88", DTG: "x", Draft: "d.md", Rev: 2})
		return err
	})
	if !errors.Is(err, store.ErrSerialTaken) {
		t.Fatalf("second T 1/88: %v", err)
	}
	s.View(ctx, func(tx store.Tx) error {
		es, err := tx.RegisterSerial("T", "t1/88")
		if err != nil || len(es) != 1 || es[0].Originator != "FCO LONDON" || es[0].Seq != 1 {
			t.Errorf("RegisterSerial = %+v, %v", es, err)
		}
		if es, _ := tx.RegisterNumber("T", 1988, 1); len(es) != 1 {
			t.Errorf("RegisterNumber = %+v", es)
		}
		if es, _ := tx.Register(""); len(es) != 1 {
			t.Errorf("Register = %+v", es)
		}
		return nil
	})
	// A number entered under a suffix moves the counter past it.
	s.Update(ctx, func(tx store.Tx) error {
		commit := store.NewRevision{Draft: "e.md", Content: []byte("e"), Author: "A", Office: "O", Sent: &store.Sent{Series: "T", Serial: "T 7A/88"}}
		er, err := tx.Commit(commit)
		if err != nil {
			return err
		}
		_, err = tx.AppendRegister(store.Entry{Series: "T", Year: 1988, YearKey: 1988, Number: 7, Suffix: "A", Serial: "T 7A/88", DTG: "212131Z DEC 88", Draft: "e.md", Rev: er.Number, RevHash: er.Hash})
		if err != nil {
			return err
		}
		if n, err := tx.NextNumber("T", 1988); err != nil || n != 8 {
			t.Errorf("after T 7A/88 the next number is %d, %v; want 8", n, err)
		}
		return fmt.Errorf("roll back")
	})
}

// testGaplessConcurrent issues serials from many goroutines and, when the
// backend can, from a second handle, as another process would.
func testGaplessConcurrent(t *testing.T, b Backend) {
	s := open(t, b)
	handles := []store.Store{s}
	if b.Reopen != nil {
		s2 := b.Reopen(t)
		t.Cleanup(func() { s2.Close() })
		handles = append(handles, s2)
	}
	const workers, each = 8, 6
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			h := handles[w%len(handles)]
			for i := 0; i < each; i++ {
				errs <- h.Update(ctx, func(tx store.Tx) error {
					n, err := tx.NextNumber("T", 1988)
					if err != nil {
						return err
					}
					draft := fmt.Sprintf("w%d-%d.md", w, i)
					serial := fmt.Sprintf("T %d/88", n)
					r, err := tx.Commit(store.NewRevision{Draft: draft, Content: []byte(draft), Author: "A", Office: "O",
						Sent: &store.Sent{Series: "T", Serial: serial, DTG: "212130Z DEC 88"}})
					if err != nil {
						return err
					}
					_, err = tx.AppendRegister(store.Entry{Series: "T", Year: 1988, YearKey: 1988, Number: n, Serial: serial, DTG: "212130Z DEC 88", Draft: draft, Rev: r.Number, RevHash: r.Hash})
					return err
				})
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var es []store.Entry
	s.View(ctx, func(tx store.Tx) error { es, _ = tx.Register("T"); return nil })
	seen := map[int]bool{}
	for _, e := range es {
		seen[e.Number] = true
	}
	if len(es) != workers*each || len(seen) != workers*each {
		t.Fatalf("%d entries, %d distinct numbers, want %d", len(es), len(seen), workers*each)
	}
	for n := 1; n <= workers*each; n++ {
		if !seen[n] {
			t.Fatalf("number %d missing: the serials have a gap", n)
		}
	}
	rep, err := s.Verify(ctx)
	if err != nil || len(rep.Problems) != 0 {
		t.Fatalf("Verify: %+v %v", rep, err)
	}
}

func testClearances(t *testing.T, b Backend) {
	s := open(t, b)
	r := commit(t, s, "d.md", "text")
	var c1 store.Clearance
	update(t, s, func(tx store.Tx) error {
		var err error
		c1, err = tx.AddClearance(store.Clearance{Draft: "d.md", Rev: 1, Hash: r.SHA256, Kind: "clear", Office: "No. 10", Name: "CDP"})
		return err
	})
	if c1.Seq != 1 || c1.At.IsZero() {
		t.Fatalf("clearance: %+v", c1)
	}
	update(t, s, func(tx store.Tx) error {
		_, err := tx.AddClearance(store.Clearance{Draft: "d.md", Rev: 1, Hash: r.SHA256, Kind: "withdraw", Office: "No. 10", Name: "CDP", Withdraws: c1.Seq})
		return err
	})
	for _, bad := range []store.Clearance{
		{Draft: "d.md", Rev: 1, Kind: "bless"},
		{Draft: "d.md", Rev: 2, Kind: "clear"},
		{Draft: "d.md", Rev: 1, Kind: "withdraw", Withdraws: 99},
	} {
		if err := s.Update(ctx, func(tx store.Tx) error { _, err := tx.AddClearance(bad); return err }); err == nil {
			t.Errorf("AddClearance(%+v) was accepted", bad)
		}
	}
	s.View(ctx, func(tx store.Tx) error {
		cs, err := tx.Clearances("d.md")
		if err != nil || len(cs) != 2 || cs[1].Kind != "withdraw" || cs[1].Withdraws != 1 {
			t.Errorf("Clearances = %+v, %v", cs, err)
		}
		return nil
	})
}

func testVerifyClean(t *testing.T, b Backend) {
	s := open(t, b)
	commit(t, s, "d.md", "one", "fco")
	commit(t, s, "d.md", "two")
	update(t, s, func(tx store.Tx) error { return tx.SetLabel("d.md", "fco", 2) })
	rep, err := s.Verify(ctx)
	if err != nil || len(rep.Problems) != 0 || rep.Revisions != 2 || rep.LabelEvents != 2 {
		t.Fatalf("Verify: %+v %v", rep, err)
	}
}
