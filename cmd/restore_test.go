package cmd

import (
	"errors"
	"strings"
	"testing"
)

func TestRestoreFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *RestoreOptions
	c := NewCmdRestore(f, func(o *RestoreOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "fco-draft.md@2"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.IO != f.IO || got.Factory != f || got.Ref != "fco-draft.md@2" || got.Force {
		t.Fatalf("defaults: options = %+v", got)
	}

	for _, flag := range []string{"--force", "-f"} {
		got = nil
		c = NewCmdRestore(f, func(o *RestoreOptions) error { got = o; return nil })
		if err := parseOnly(t, c, "fco-draft.md@fco-draft", flag); err != nil {
			t.Fatal(err)
		}
		if got == nil || got.Ref != "fco-draft.md@fco-draft" || !got.Force {
			t.Errorf("%s: options = %+v", flag, got)
		}
	}
}

// restore takes exactly one reference; anything else is a usage error.
func TestRestoreFlagsRefused(t *testing.T) {
	for _, args := range [][]string{{}, {"a.md@1", "b.md@1"}, {"--force"}} {
		f, _, _ := testFactory(t)
		ran := false
		c := NewCmdRestore(f, func(*RestoreOptions) error { ran = true; return nil })
		err := parseOnly(t, c, args...)
		var ue *usageError
		if err == nil || !errors.As(err, &ue) || !strings.Contains(err.Error(), "one reference") || ran {
			t.Errorf("%q: err = %v, ran %v; want a usage error asking for one reference", args, err, ran)
		}
	}
}
