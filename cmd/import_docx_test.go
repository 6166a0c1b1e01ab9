package cmd

import "testing"

func TestImportDocxFlags(t *testing.T) {
	var got *ImportDocxOptions
	f, _, _ := testFactory(t)
	c := NewCmdImportDocx(f, func(o *ImportDocxOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "cleared.docx", "-o", "cleared.md", "--force"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.File != "cleared.docx" || got.Output.Path != "cleared.md" || !got.Output.Force {
		t.Fatalf("options %+v", got)
	}
	c = NewCmdImportDocx(f, func(o *ImportDocxOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "a.docx", "-o", "a.md", "--json"); err != nil || !got.JSON.Enabled() {
		t.Fatalf("--json: %v %+v", err, got)
	}
	for _, bad := range [][]string{{}, {"a.docx", "b.docx"}, {"a.docx", "--format", "md"}, {"a.docx", "--json"}} {
		got = nil
		c := NewCmdImportDocx(f, func(o *ImportDocxOptions) error { got = o; return nil })
		if err := parseOnly(t, c, bad...); err == nil || got != nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}
