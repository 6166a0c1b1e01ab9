package attrib

import (
	"bytes"
	"testing"
)

func TestVerifyNamesWhoChangedTheApprovedText(t *testing.T) {
	approved := moscowChain(t)[2]
	later := approved
	later.Name, later.Number, later.Office = "message.md@4", 4, "Cabinet Office"
	later.Data = bytes.Replace(approved.Data, []byte("we will monitor closely"), []byte("we will watch closely"), 1)
	cable := moscowChain(t)[3]
	cable.Name, cable.Number, cable.Label = "message.md@4 (cable as sent)", 4, "cable T 192A/88"
	cable.Data = bytes.Replace(cable.Data, []byte("WILL MONITOR CLOSELY"), []byte("WILL WATCH CLOSELY"), 1)
	cable.Data = bytes.Replace(cable.Data, []byte("VERY SOON"), []byte("SOON"), 1)

	v, err := Verify([]Revision{approved, later, cable})
	if err != nil {
		t.Fatal(err)
	}
	if v.Clean() || len(v.Changes) != 2 {
		t.Fatalf("changes %+v", v.Changes)
	}
	first, second := v.Changes[0], v.Changes[1]
	if first.Deleted != "very" || first.Inserted != "" || !first.Untracked || len(first.Revisions) != 0 {
		t.Errorf("the word dropped in the cable: %+v", first)
	}
	if second.Deleted != "monitor" || second.Inserted != "WATCH" || second.Untracked || len(second.Revisions) != 1 || second.Revisions[0] != 4 {
		t.Errorf("the word changed in revision 4: %+v", second)
	}
	if second.By != "revision 4 (Cabinet Office)" {
		t.Errorf("by %q", second.By)
	}
	if len(v.Fields) != 0 {
		t.Errorf("fields changed beyond the date-time group and serial: %+v", v.Fields)
	}

	// Sent as approved: nothing to report.
	ok, err := Verify([]Revision{approved, moscowChain(t)[3]})
	if err != nil {
		t.Fatal(err)
	}
	if !ok.Clean() {
		t.Errorf("the telegram as sent differs from its draft: %+v %+v", ok.Changes, ok.Fields)
	}
	if _, err := Verify([]Revision{approved}); err == nil {
		t.Error("a chain of one verified")
	}
}
