package cmd

import (
	"errors"
	"reflect"
	"testing"
)

func TestLogFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *LogOptions
	capture := func(o *LogOptions) error { got = o; return nil }
	if err := parseOnly(t, NewCmdLog(f, capture)); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.IO != f.IO || got.Workspace == nil || got.ColorMode == nil || got.RelToCwd == nil ||
		got.File != "" || got.JSON.Enabled() {
		t.Fatalf("defaults (every draft): options = %+v", got)
	}

	got = nil
	if err := parseOnly(t, NewCmdLog(f, capture), "fco-draft.md", "--json=number,labels"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.File != "fco-draft.md" || !got.JSON.Enabled() ||
		!reflect.DeepEqual(got.JSON.selected(), []string{"number", "labels"}) {
		t.Fatalf("FILE --json=number,labels: options = %+v", got)
	}

	got = nil
	if err := parseOnly(t, NewCmdLog(f, capture), "fco-draft.md", "--json-template", "{{len .}}"); err != nil {
		t.Fatal(err)
	}
	if got == nil || !got.JSON.Enabled() || got.JSON.template != "{{len .}}" {
		t.Fatalf("--json-template: options = %+v", got)
	}
}

// log takes at most one draft.
func TestLogFlagsRefused(t *testing.T) {
	f, _, _ := testFactory(t)
	ran := false
	err := parseOnly(t, NewCmdLog(f, func(*LogOptions) error { ran = true; return nil }), "a.md", "b.md")
	var ue *usageError
	if !errors.As(err, &ue) || ran {
		t.Errorf("err = %v, ran %v; want a usage error and no run", err, ran)
	}
}
