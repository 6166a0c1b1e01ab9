package draft

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sendForTest(t *testing.T, ws *Workspace, p, content, serial, dtg string) *Revision {
	t.Helper()
	r, err := ws.Commit(CommitRequest{Path: p, Content: []byte(content), Author: "CRD", Office: "Cabinet Office",
		Message: "despatched", Labels: []string{AsSentLabel},
		Sent: &Sent{Series: "TELNO", Serial: serial, DTG: dtg, Cable: []byte("TELNO 1\n")}})
	if err != nil {
		t.Fatal(err)
	}
	return r
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

// A store written before the as-sent label was guarded may have it on the
// wrong revision; fsck says so, and removing it is the repair.
func TestFsckAsSentLabelOnUnsentRevision(t *testing.T) {
	ws := newTestWorkspace(t)
	p := writeDraft(t, ws, "telegram.md", "Dear Ron,\n")
	commit(t, ws, p, "draft")
	sendForTest(t, ws, p, "Dear Ron,\n", "TELNO 1", "211830Z DEC 88")
	// What `label telegram.md@1 as-sent --force` used to record.
	if err := ws.Update(func(tx *Tx) error {
		h, err := tx.history("telegram.md")
		if err != nil {
			return err
		}
		tx.queueLabelEvent(h, AsSentLabel, 1)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	rep, err := ws.Fsck()
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || !strings.Contains(rep.Problems[0].Message, "label as-sent names revision 1, which was not sent: the draft went out as TELNO 1 at revision 2") {
		t.Fatalf("fsck: %+v", rep)
	}
	if err := ws.Unlabel(p, AsSentLabel); err != nil {
		t.Fatalf("removing a misplaced as-sent label: %v", err)
	}
	rep, err = ws.Fsck()
	if err != nil || !rep.OK() || len(rep.Notes) != 2 {
		t.Fatalf("fsck after the repair: %+v %v", rep, err)
	}

	// An unsent draft labelled as-sent at commit time (also once allowed).
	q := writeDraft(t, ws, "q.md", "q\n")
	if err := ws.Update(func(tx *Tx) error {
		_, err := tx.Commit(CommitRequest{Path: q, Author: "a", Office: "b", Message: "m", Labels: []string{"x"}})
		tx.hist["q.md"].revs[0].Labels = []string{AsSentLabel}
		tx.pending[0].data = tx.hist["q.md"].revs[0].encode()
		return err
	}); err != nil {
		t.Fatal(err)
	}
	rep, err = ws.Fsck()
	if err != nil || rep.OK() || !strings.Contains(rep.Problems[0].Message, "label as-sent names revision 1, which was not sent") {
		t.Fatalf("fsck: %+v %v", rep, err)
	}
	// Removing the label, as fsck advises, clears the problem: the label
	// given at commit stays in the immutable record, as a note (QA F40).
	if err := ws.Unlabel(q, AsSentLabel); err != nil {
		t.Fatal(err)
	}
	rep, err = ws.Fsck()
	if err != nil || !rep.OK() {
		t.Fatalf("fsck after removing the label: %+v %v", rep, err)
	}
	found := false
	for _, n := range rep.Notes {
		found = found || strings.Contains(n.Message, "label as-sent given at commit to revision 1")
	}
	if !found {
		t.Fatalf("the commit-time label is not noted: %+v", rep.Notes)
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
	sendForTest(t, ws, c, "c\n", "TELNO 1", "051200Z MAR 2004")
	rep, err = ws.Fsck()
	if err != nil || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].Message, `serial "TELNO 1" of series TELNO was already used in 2004 by b.md@2`) {
		t.Fatalf("TELNO 1 twice in 2004: %+v %v", rep, err)
	}
}

// Records written by the first releases of format 1 carry a checksum over
// the whole record, content included: they stay readable, and a change to
// one is still found.
func TestStoreReadsLegacyChecksums(t *testing.T) {
	ws := newTestWorkspace(t)
	p := writeDraft(t, ws, "d.md", "one\n")
	commit(t, ws, p, "1")
	file := filepath.Join(ws.draftDir("d.md"), "000001.json")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r, err := decodeRecord(file, data)
	if err != nil {
		t.Fatal(err)
	}
	r.Checksum = r.legacyChecksum()
	old, _ := json.MarshalIndent(r, "", "  ")
	os.Remove(file)
	if err := os.WriteFile(file, old, 0o444); err != nil {
		t.Fatal(err)
	}
	if rep, err := ws.Fsck(); err != nil || !rep.OK() {
		t.Fatalf("fsck of a legacy record: %+v %v", rep, err)
	}
	if revs, err := ws.Log(p); err != nil || len(revs) != 1 || string(revs[0].Content) != "one\n" {
		t.Fatalf("log of a legacy record: %+v %v", revs, err)
	}
	os.Remove(file)
	if err := os.WriteFile(file, []byte(strings.Replace(string(old), `"1"`, `"2"`, 1)), 0o444); err != nil {
		t.Fatal(err)
	}
	if rep, err := ws.Fsck(); err != nil || rep.OK() || !strings.Contains(rep.Problems[0].Message, "record checksum mismatch") {
		t.Fatalf("fsck of a changed legacy record: %+v %v", rep, err)
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
