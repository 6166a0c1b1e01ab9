package cmd

import (
	"errors"
	"strings"
	"testing"
)

func TestReopenFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *ReopenOptions
	c := NewCmdReopen(f, func(o *ReopenOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "telegram.md", "--to", "corrected.md"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.IO != f.IO || got.Factory != f || got.File != "telegram.md" || got.To != "corrected.md" ||
		got.Author != "" || got.Office != "" {
		t.Fatalf("defaults: options = %+v", got)
	}

	got = nil
	c = NewCmdReopen(f, func(o *ReopenOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "telegram.md", "--as", "old-spelling.md", "--author", "Charles Powell", "--office", "No. 10"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.To != "old-spelling.md" || got.Author != "Charles Powell" || got.Office != "No. 10" {
		t.Errorf("deprecated --as: options = %+v", got)
	}
}

// reopen needs one file and --to; without them it is a usage error.
func TestReopenFlagsRefused(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"telegram.md"}, "reopen needs the new draft's name: --to NEW.md"},
		{[]string{"telegram.md", "--to", ""}, "--to NEW.md"},
		{[]string{"--to", "new.md"}, "one sent draft file"},
		{[]string{"a.md", "b.md", "--to", "new.md"}, "one sent draft file"},
	} {
		f, _, _ := testFactory(t)
		ran := false
		c := NewCmdReopen(f, func(*ReopenOptions) error { ran = true; return nil })
		err := parseOnly(t, c, tc.args...)
		var ue *usageError
		if err == nil || !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.want) || ran {
			t.Errorf("%q: err = %v, ran %v; want a usage error with %q before the run", tc.args, err, ran, tc.want)
		}
	}
}
