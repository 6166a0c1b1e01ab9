package draft

import (
	"errors"
	"strings"
	"testing"

	"github.com/redline-dev/redline/store"
)

func sendForTest(t *testing.T, ws *Workspace, p, content, serial, dtg string) *Revision {
	t.Helper()
	r, err := sendRecord(ws, p, content, serial, dtg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// sendRecord records an as-sent revision and its register entry in one
// transaction, as despatch does.
func sendRecord(ws *Workspace, p, content, serial, dtg string) (*Revision, error) {
	var r *Revision
	err := ws.Update(func(tx *Tx) error {
		var err error
		r, err = tx.Commit(CommitRequest{Path: p, Content: []byte(content), Author: "CRD", Office: "Cabinet Office",
			Message: "despatched", Labels: []string{AsSentLabel},
			Sent: &Sent{Series: "TELNO", Serial: serial, DTG: dtg, Cable: []byte("TELNO 1\n")}})
		if err != nil {
			return err
		}
		e, err := RegisterEntry(ws.Config, *r)
		if err != nil {
			return err
		}
		_, err = tx.Store().AppendRegister(e)
		return err
	})
	return r, err
}

// The as-sent label is part of the record of what went out: nobody sets,
// moves or removes it by hand.
func TestStoreAsSentLabelIsARecord(t *testing.T) {
	ws := newTestWorkspace(t)
	u := writeDraft(t, ws, "unsent.md", "not sent\n")
	_, err := ws.Commit(CommitRequest{Path: u, Author: "a", Office: "b", Message: "m", Labels: []string{AsSentLabel}})
	if err == nil || !strings.Contains(err.Error(), "only by `redline send`") {
		t.Fatalf("commit --label as-sent of an unsent draft: %v", err)
	}
	commit(t, ws, u, "1")
	if err := ws.Label(u, 1, AsSentLabel, false); err == nil || !strings.Contains(err.Error(), "only by `redline send`") {
		t.Fatalf("label as-sent on an unsent draft: %v", err)
	}

	p := writeDraft(t, ws, "telegram.md", "Dear Ron,\n")
	commit(t, ws, p, "draft", "first")
	sendForTest(t, ws, p, "Dear Ron,\n", "TELNO 1", "211830Z DEC 88")
	for _, force := range []bool{false, true} {
		err := ws.Label(p, 1, AsSentLabel, force)
		if err == nil || !strings.Contains(err.Error(), "cannot be moved") || !strings.Contains(err.Error(), "TELNO 1 at 211830Z DEC 88") {
			t.Fatalf("moving as-sent (force %v): %v", force, err)
		}
	}
	if err := ws.Unlabel(p, AsSentLabel); err == nil || !strings.Contains(err.Error(), "cannot be removed") {
		t.Fatalf("removing as-sent: %v", err)
	}
	// Other labels of a sealed draft are the user's own.
	if err := ws.Label(p, 2, "first", true); err != nil {
		t.Fatal(err)
	}
	revs, err := ws.Log(p)
	if err != nil || strings.Join(revs[1].Labels, ",") != "as-sent,first" {
		t.Fatalf("labels = %v %v", revs, err)
	}
	rep, err := ws.Fsck()
	if err != nil || !rep.OK() || len(rep.Notes) != 0 {
		t.Fatalf("fsck: %+v %v", rep, err)
	}
}

// In a yearly series whose serials carry no year (TELNO {n}), TELNO 1 is
// issued again each year: fsck tells the uses apart by the DTG's year.
func TestFsckSerialReuseInAYearlySeries(t *testing.T) {
	ws := newTestWorkspace(t)
	a := writeDraft(t, ws, "a.md", "a\n")
	commit(t, ws, a, "a")
	sendForTest(t, ws, a, "a\n", "TELNO 1", "170356Z JUL 03")
	b := writeDraft(t, ws, "b.md", "b\n")
	commit(t, ws, b, "b")
	sendForTest(t, ws, b, "b\n", "TELNO 1", "021000Z JAN 04")
	rep, err := ws.Fsck()
	if err != nil || !rep.OK() {
		t.Fatalf("TELNO 1 in 2003 and in 2004: %+v %v", rep, err)
	}
	c := writeDraft(t, ws, "c.md", "c\n")
	commit(t, ws, c, "c")
	if _, err := sendRecord(ws, c, "c\n", "TELNO 1", "051200Z MAR 2004"); !errors.Is(err, store.ErrSerialTaken) {
		t.Fatalf("TELNO 1 twice in 2004: %v", err)
	}
	if revs, _ := ws.Log(c); len(revs) != 1 {
		t.Fatalf("the refused send left a revision: %+v", revs)
	}
}

// Reserved label names cannot be imitated by a change of case.
func TestCheckLabelReservedNames(t *testing.T) {
	for _, bad := range []string{"latest", "LATEST", "Latest", "As-Sent", "AS-SENT"} {
		if err := CheckLabel(bad); err == nil {
			t.Errorf("label %q accepted", bad)
		}
	}
	for _, good := range []string{"fco-draft", "no10", "as-sent", "sent-copy"} {
		if err := CheckLabel(good); err != nil {
			t.Errorf("label %q refused: %v", good, err)
		}
	}
}
