package cmd

import (
	"errors"
	"reflect"
	"testing"
)

func TestStatusFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *StatusOptions
	capture := func(o *StatusOptions) error { got = o; return nil }
	if err := parseOnly(t, NewCmdStatus(f, capture)); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.IO != f.IO || got.Workspace == nil || got.ColorMode == nil || got.RelToCwd == nil || got.JSON.Enabled() {
		t.Fatalf("defaults: options = %+v", got)
	}

	got = nil
	if err := parseOnly(t, NewCmdStatus(f, capture), "--json=path,state"); err != nil {
		t.Fatal(err)
	}
	if got == nil || !got.JSON.Enabled() || !reflect.DeepEqual(got.JSON.selected(), []string{"path", "state"}) {
		t.Fatalf("--json=path,state: options = %+v", got)
	}

	got = nil
	if err := parseOnly(t, NewCmdStatus(f, capture), "--jq", ".[].path"); err != nil {
		t.Fatal(err)
	}
	if got == nil || !got.JSON.Enabled() || got.JSON.jq != ".[].path" {
		t.Fatalf("--jq: options = %+v", got)
	}
}

// status takes no arguments.
func TestStatusFlagsRefused(t *testing.T) {
	f, _, _ := testFactory(t)
	ran := false
	err := parseOnly(t, NewCmdStatus(f, func(*StatusOptions) error { ran = true; return nil }), "fco-draft.md")
	var ue *usageError
	if !errors.As(err, &ue) || ran {
		t.Errorf("err = %v, ran %v; want a usage error and no run", err, ran)
	}
}
