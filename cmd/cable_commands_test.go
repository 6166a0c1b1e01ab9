package cmd

import (
	"reflect"
	"testing"
)

// The flags of new, templates, templates show, cable parse and import
// cable land in their options, and nothing runs but the captured runF.
func TestCableCommandFlags(t *testing.T) {
	f, _, _ := testFactory(t)

	var n *NewOptions
	c := NewCmdNew(f, func(o *NewOptions) error { n = o; return nil })
	if err := parseOnly(t, c, "x.md", "--template", "state-cable", "--title", "Reply", "--classification", "CONFIDENTIAL", "-f"); err != nil {
		t.Fatal(err)
	}
	if n == nil || n.File != "x.md" || n.Template != "state-cable" || n.Title != "Reply" || n.Classification != "CONFIDENTIAL" || !n.Force {
		t.Errorf("new options = %+v", n)
	}
	n = nil
	if err := parseOnly(t, NewCmdNew(f, func(o *NewOptions) error { n = o; return nil })); err == nil || n != nil {
		t.Errorf("new without FILE ran: %v", err)
	}

	var tl *TemplatesOptions
	var ts *TemplatesShowOptions
	c = NewCmdTemplates(f, func(o *TemplatesOptions) error { tl = o; return nil }, func(o *TemplatesShowOptions) error { ts = o; return nil })
	if err := parseOnly(t, c, "--json"); err != nil || tl == nil || !tl.JSON.Enabled() || ts != nil {
		t.Errorf("templates --json: %+v %v", tl, err)
	}
	c = NewCmdTemplates(f, func(o *TemplatesOptions) error { tl = o; return nil }, func(o *TemplatesShowOptions) error { ts = o; return nil })
	if err := parseOnly(t, c, "show", "--embedded", "fco-telegram"); err != nil || ts == nil || ts.Name != "fco-telegram" || !ts.Embedded {
		t.Errorf("templates show: %+v %v", ts, err)
	}

	var cp *CableParseOptions
	c = NewCmdCable(f, func(o *CableParseOptions) error { cp = o; return nil })
	if err := parseOnly(t, c, "parse", "in.txt", "--json"); err != nil || cp == nil || cp.File != "in.txt" || !cp.JSON.Enabled() {
		t.Errorf("cable parse: %+v %v", cp, err)
	}

	var ic *ImportCableOptions
	c = NewCmdImportCable(f, func(o *ImportCableOptions) error { ic = o; return nil })
	err := parseOnly(t, c, "c.txt", "-o", "d.md", "--sentence-case", "--name", "Shultz", "--name", "CSCE", "--template", "state-cable", "-f")
	if err != nil || ic == nil {
		t.Fatalf("import cable: %v", err)
	}
	got := []any{ic.File, ic.Output, ic.SentenceCase, ic.Names, ic.Template, ic.Force}
	want := []any{"c.txt", "d.md", true, []string{"Shultz", "CSCE"}, "state-cable", true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("import cable options %v, want %v", got, want)
	}
	ic = nil
	c = NewCmdImportCable(f, func(o *ImportCableOptions) error { ic = o; return nil })
	if err := parseOnly(t, c, "c.txt"); err == nil || ic != nil {
		t.Errorf("import cable without -o ran: %v", err)
	}
}
