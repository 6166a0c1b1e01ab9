package cmd

import (
	"errors"
	"strings"
	"testing"
)

func TestInitFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *InitOptions
	c := NewCmdInit(f, func(o *InitOptions) error { got = o; return nil })
	if err := parseOnly(t, c); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.IO != f.IO || got.Dir != "." || got.Author != "" || got.Office != "" || got.Store != "" {
		t.Fatalf("defaults: options = %+v", got)
	}

	got = nil
	c = NewCmdInit(f, func(o *InitOptions) error { got = o; return nil })
	err := parseOnly(t, c, "telegrams", "--author", "Charles Powell", "--office", "No. 10", "--store", "postgres://no10@db.example/redline")
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Dir != "telegrams" || got.Author != "Charles Powell" || got.Office != "No. 10" || got.Store != "postgres://no10@db.example/redline" {
		t.Errorf("options = %+v", got)
	}
}

// Bad flags and arguments are usage errors, found before anything is written.
func TestInitFlagsRefused(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--store", "mysql://db/redline"}, "--store: \"mysql://db/redline\" is not a postgres:// URL"},
		{[]string{"--store", "postgres://no10:secret@db/redline"}, "--store: the URL holds a password"},
		{[]string{"a", "b"}, "at most one folder"},
	} {
		f, _, _ := testFactory(t)
		ran := false
		c := NewCmdInit(f, func(*InitOptions) error { ran = true; return nil })
		err := parseOnly(t, c, tc.args...)
		var ue *usageError
		if err == nil || !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.want) || ran {
			t.Errorf("%q: err = %v, ran %v; want a usage error with %q before the run", tc.args, err, ran, tc.want)
		}
	}
}
