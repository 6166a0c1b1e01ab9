package cmd

import (
	"errors"
	"testing"
)

func TestLabelFlags(t *testing.T) {
	for _, tc := range []struct {
		args                []string
		ref, name           string
		force, del, jsonOut bool
	}{
		{args: []string{"fco-draft.md@1", "fco-draft"}, ref: "fco-draft.md@1", name: "fco-draft"},
		{args: []string{"fco-draft.md@3", "no10", "--force"}, ref: "fco-draft.md@3", name: "no10", force: true},
		{args: []string{"-f", "fco-draft.md@3", "no10"}, ref: "fco-draft.md@3", name: "no10", force: true},
		{args: []string{"fco-draft.md"}, ref: "fco-draft.md"},
		{args: []string{"fco-draft.md", "--json"}, ref: "fco-draft.md", jsonOut: true},
		{args: []string{"--delete", "fco-draft.md@no10"}, ref: "fco-draft.md@no10", del: true},
		{args: []string{"-d", "fco-draft.md", "no10"}, ref: "fco-draft.md", name: "no10", del: true},
	} {
		f, _, _ := testFactory(t)
		var got *LabelOptions
		if err := parseOnly(t, NewCmdLabel(f, func(o *LabelOptions) error { got = o; return nil }), tc.args...); err != nil {
			t.Fatalf("%q: %v", tc.args, err)
		}
		if got == nil || got.IO != f.IO || got.Workspace == nil || got.ColorMode == nil {
			t.Fatalf("%q: options = %+v", tc.args, got)
		}
		if got.Ref != tc.ref || got.Name != tc.name || got.Force != tc.force || got.Delete != tc.del || got.JSON.Enabled() != tc.jsonOut {
			t.Errorf("%q: ref %q name %q force %v delete %v json %v; want %q %q %v %v %v", tc.args,
				got.Ref, got.Name, got.Force, got.Delete, got.JSON.Enabled(), tc.ref, tc.name, tc.force, tc.del, tc.jsonOut)
		}
	}
}

// label takes FILE@REV NAME or FILE: none, or three, is a usage error.
func TestLabelFlagsRefused(t *testing.T) {
	for _, args := range [][]string{{}, {"a.md@1", "x", "y"}, {"--force"}} {
		f, _, _ := testFactory(t)
		ran := false
		err := parseOnly(t, NewCmdLabel(f, func(*LabelOptions) error { ran = true; return nil }), args...)
		var ue *usageError
		if !errors.As(err, &ue) || ran {
			t.Errorf("%q: err = %v, ran %v; want a usage error and no run", args, err, ran)
		}
	}
}
