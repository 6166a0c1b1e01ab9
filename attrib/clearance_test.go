package attrib

import (
	"reflect"
	"strings"
	"testing"
)

func TestJudgeStaleAndWithdrawn(t *testing.T) {
	recs := []Clearance{
		{Seq: 1, Rev: 2, Hash: "h2", Kind: KindClear, Office: "FCO", Name: "PCRADOCK"},
		{Seq: 2, Rev: 3, Hash: "h3", Kind: KindClear, Office: "Cabinet Office", Name: "RBUTLER"},
		{Seq: 3, Rev: 3, Hash: "h3", Kind: KindApprove, Office: "No. 10", Name: "CPOWELL"},
		{Seq: 4, Kind: KindWithdraw, Withdraws: 2, Office: "Cabinet Office", Name: "RBUTLER"},
	}
	got := Judge(recs, Target{Rev: 3, Hash: "h3"})
	if len(got) != 3 {
		t.Fatalf("%d records judged, want 3 (the withdrawal is not one)", len(got))
	}
	for i, want := range []string{"stale", "withdrawn", "current"} {
		if got[i].State() != want {
			t.Errorf("record %d is %s, want %s", got[i].Seq, got[i].State(), want)
		}
	}
	// Revision 5 has revision 3's text again: what was given for it stands.
	if s := Judge(recs, Target{Rev: 5, Hash: "h3"}); !s[2].Current() {
		t.Error("an approval of the same text under a later number is not current")
	}
	if a, ok := LastApproval(got); !ok || a.Seq != 3 {
		t.Errorf("last approval %+v, %v", a, ok)
	}
}

func TestPolicyCheck(t *testing.T) {
	recs := []Clearance{
		{Seq: 1, Rev: 1, Hash: "h1", Kind: KindClear, Office: "FCO", Name: "PCRADOCK"},
		{Seq: 2, Rev: 2, Hash: "h2", Kind: KindClear, Office: "cabinet office ", Name: "RBUTLER"},
		{Seq: 3, Rev: 2, Hash: "h2", Kind: KindClear, Office: "MOD", Name: "GYOUNGER"},
		{Seq: 4, Kind: KindWithdraw, Withdraws: 3},
	}
	s := Judge(recs, Target{Rev: 2, Hash: "h2"})
	p := Policy{Clearances: []string{"FCO", "Cabinet Office:RBUTLER", "Cabinet Office:SOMEONE", "MOD", "Treasury"}, Approval: true}
	var got []string
	for _, sf := range p.Check(s) {
		got = append(got, sf.Requirement+"="+sf.Reason)
	}
	want := []string{"FCO=stale", "Cabinet Office:SOMEONE=missing", "MOD=withdrawn", "Treasury=missing", "approval=missing"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("shortfalls %q, want %q", got, want)
	}
	msg := p.Check(s)[0].String()
	if !strings.Contains(msg, "FCO:PCRADOCK gave one for revision 1, but the text has changed since") {
		t.Errorf("stale message %q", msg)
	}
	if len((Policy{Clearances: []string{"cabinet office"}}).Check(s)) != 0 {
		t.Error("a current clearance did not meet its requirement")
	}
	if !(Policy{}).Empty() || p.Empty() {
		t.Error("Empty is wrong")
	}
}

func TestDraftingBlock(t *testing.T) {
	recs := []Clearance{
		{Seq: 1, Hash: "h", Kind: KindClear, Office: "ARA", Name: "TTODMAN"},
		{Seq: 2, Hash: "h", Kind: KindClear, Office: "P", Name: "PHABIB"},
		{Seq: 3, Hash: "h", Kind: KindClear, Office: "ara", Name: "ttodman"},
		{Seq: 4, Hash: "old", Kind: KindClear, Office: "S/S", Name: "X"},
		{Seq: 5, Hash: "h", Kind: KindApprove, Office: "S", Name: "THE SECRETARY"},
	}
	b := DraftingBlock(Revision{Office: "ARA/CEN", Author: "DCJOHNSON"}, Judge(recs, Target{Hash: "h"}))
	want := Block{DraftedBy: "ARA/CEN:DCJOHNSON", ApprovedBy: "S:THE SECRETARY", Clearances: []string{"ARA:TTODMAN", "P:PHABIB"}}
	if !reflect.DeepEqual(b, want) {
		t.Errorf("block %+v, want %+v", b, want)
	}
}

func TestSinceNamesTheWordsChanged(t *testing.T) {
	chain := moscowChain(t)
	got, err := Since(chain[0], chain[2])
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range got {
		if e.Deleted == "can no longer delay" && e.Inserted == "shall have to reach" {
			found = true
		}
		if e.Deleted == "" && e.Inserted == "" {
			t.Errorf("an empty edit: %+v", e)
		}
	}
	if !found {
		t.Errorf("no edit 'can no longer delay' -> 'shall have to reach' in %+v", got)
	}
	same, err := Since(chain[2], chain[3]) // the draft and its cable: case and wrapping only
	if err != nil {
		t.Fatal(err)
	}
	if len(same) != 0 {
		t.Errorf("the cable differs from its draft by %+v", same)
	}
}
