package cmd

import (
	"errors"
	"reflect"
	"testing"
)

func TestShowFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *ShowOptions
	capture := func(o *ShowOptions) error { got = o; return nil }
	if err := parseOnly(t, NewCmdShow(f, capture), "fco-draft.md@1"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.IO != f.IO || got.Resolve == nil || got.Ref != "fco-draft.md@1" || got.JSON.Enabled() {
		t.Fatalf("defaults: options = %+v", got)
	}

	got = nil
	if err := parseOnly(t, NewCmdShow(f, capture), "--json=number,author", "fco-draft.md@latest"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Ref != "fco-draft.md@latest" || !got.JSON.Enabled() ||
		!reflect.DeepEqual(got.JSON.selected(), []string{"number", "author"}) {
		t.Fatalf("--json=number,author: options = %+v", got)
	}
}

// show prints one revision: no reference, or two, is a usage error and
// nothing runs.
func TestShowFlagsRefused(t *testing.T) {
	for _, args := range [][]string{{}, {"a.md@1", "a.md@2"}, {"--json"}} {
		f, _, _ := testFactory(t)
		ran := false
		err := parseOnly(t, NewCmdShow(f, func(*ShowOptions) error { ran = true; return nil }), args...)
		var ue *usageError
		if !errors.As(err, &ue) || ran {
			t.Errorf("%q: err = %v, ran %v; want a usage error and no run", args, err, ran)
		}
	}
}
