package cmd

import "testing"

func TestBlameFlags(t *testing.T) {
	var got *BlameOptions
	f, _, _ := testFactory(t)
	c := NewCmdBlame(f, func(o *BlameOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "message.md@3", "--format", "html", "-o", "b.html", "--title", "T", "--paper", "letter"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Ref != "message.md@3" || got.Format != "html" || got.Output.Path != "b.html" || got.Title != "T" || got.Paper != "letter" || got.JSON.Enabled() {
		t.Fatalf("options %+v", got)
	}
	for _, bad := range [][]string{
		{"m.md", "--format", "docx"},
		{"m.md", "--json", "--format", "plain"},
		{"m.md", "--paper", "a5"},
		{},
		{"a.md", "b.md"},
	} {
		got = nil
		c := NewCmdBlame(f, func(o *BlameOptions) error { got = o; return nil })
		if err := parseOnly(t, c, bad...); err == nil || got != nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

func TestVerifyFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *VerifyOptions
	c := NewCmdVerify(f, func(o *VerifyOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "message.md", "--against", "message.md@3", "--json"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.File != "message.md" || got.Against != "message.md@3" || !got.JSON.Enabled() {
		t.Fatalf("options %+v", got)
	}
	for _, bad := range [][]string{{}, {"a.md", "b.md"}, {"a.md", "--against"}} {
		got = nil
		c := NewCmdVerify(f, func(o *VerifyOptions) error { got = o; return nil })
		if err := parseOnly(t, c, bad...); err == nil || got != nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

func TestByOffice(t *testing.T) {
	for _, tc := range []struct {
		author, office string
		want           bool
	}{
		{"No. 10", "no. 10", true},
		{"revision 2 (No. 10)", "No. 10", true},
		{"revision 2 (No. 10), revision 3 (Cabinet Office)", "Cabinet Office", true},
		{"No. 10, Cabinet Office", "No. 10", true},
		{"revision 2 (No. 10)", "No. 1", false},
		{"CDP No. 10", "No. 10", false},
		{"", "FCO", false},
	} {
		if got := byOffice(tc.author, tc.office); got != tc.want {
			t.Errorf("byOffice(%q, %q) = %v", tc.author, tc.office, got)
		}
	}
}
