package cmd

import (
	"testing"

	"github.com/redline-dev/redline/attrib"
)

func TestClearAndApproveFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *ClearOptions
	capture := func(o *ClearOptions) error { got = o; return nil }
	if err := parseOnly(t, NewCmdClear(f, capture), "message.md@2", "--who", "No. 10: Private Office:CDP", "--note", "agreed"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Kind != attrib.KindClear || got.Ref != "message.md@2" || got.Note != "agreed" || got.Withdraw != 0 {
		t.Fatalf("clear options %+v", got)
	}
	if o, n, err := splitWho(got.As); err != nil || o != "No. 10: Private Office" || n != "CDP" {
		t.Errorf("--who read as %q, %q, %v", o, n, err)
	}
	got = nil
	if err := parseOnly(t, NewCmdApprove(f, capture), "message.md", "--withdraw", "4", "--json"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Kind != attrib.KindApprove || got.Withdraw != 4 || !got.JSON.Enabled() {
		t.Fatalf("approve options %+v", got)
	}
	for _, bad := range [][]string{{}, {"m.md", "--who", "FCO"}, {"m.md", "--who", ":X"}, {"m.md", "--withdraw", "-1"}, {"a.md", "b.md"}} {
		got = nil
		if err := parseOnly(t, NewCmdClear(f, capture), bad...); err == nil || got != nil {
			t.Errorf("clear %q was accepted", bad)
		}
	}
}

func TestClearancesFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *ClearancesOptions
	capture := func(o *ClearancesOptions) error { got = o; return nil }
	if err := parseOnly(t, NewCmdClearances(f, capture), "message.md@3", "--json=records,missing"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Ref != "message.md@3" || !got.JSON.Enabled() {
		t.Fatalf("options %+v", got)
	}
	if err := parseOnly(t, NewCmdClearances(f, capture)); err == nil {
		t.Error("clearances without a file was accepted")
	}
}
