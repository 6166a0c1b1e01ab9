package cmd

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestCommitFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *CommitOptions
	c := NewCmdCommit(f, func(o *CommitOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "a.md", "-m", "FCO draft"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.IO != f.IO || got.Factory != f || !slices.Equal(got.Files, []string{"a.md"}) ||
		got.Message != "FCO draft" || got.Author != "" || got.Office != "" || got.Labels != nil || got.JSON {
		t.Fatalf("defaults: options = %+v", got)
	}

	got = nil
	c = NewCmdCommit(f, func(o *CommitOptions) error { got = o; return nil })
	err := parseOnly(t, c, "a.md", "b.md", "--message", "Revised", "--author", "Sir Geoffrey Howe", "--office", "FCO",
		"-l", "fco-draft", "--label", "second", "--json")
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || !slices.Equal(got.Files, []string{"a.md", "b.md"}) || got.Message != "Revised" || got.Author != "Sir Geoffrey Howe" ||
		got.Office != "FCO" || !slices.Equal(got.Labels, []string{"fco-draft", "second"}) || !got.JSON {
		t.Errorf("options = %+v", got)
	}
}

// A missing or empty message and a missing file are usage errors, found
// before the workspace is opened.
func TestCommitFlagsRefused(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"a.md"}, "commit needs a message: -m MESSAGE"},
		{[]string{"a.md", "-m", "  "}, "(it is empty)"},
		{[]string{"-m", "x"}, "one or more draft files"},
	} {
		f, _, _ := testFactory(t)
		ran := false
		c := NewCmdCommit(f, func(*CommitOptions) error { ran = true; return nil })
		err := parseOnly(t, c, tc.args...)
		var ue *usageError
		if err == nil || !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.want) || ran {
			t.Errorf("%q: err = %v, ran %v; want a usage error with %q before the run", tc.args, err, ran, tc.want)
		}
	}
}
