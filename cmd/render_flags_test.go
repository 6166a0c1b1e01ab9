package cmd

import (
	"errors"
	"strings"
	"testing"
)

func TestRenderFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *RenderOptions
	capture := func(o *RenderOptions) error { got = o; return nil }
	if err := parseOnly(t, NewCmdRender(f, capture), "telegram.md"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.IO != f.IO || got.Factory != f || got.Ref != "telegram.md" {
		t.Fatalf("defaults: options = %+v", got)
	}
	if got.Format != "cable" || got.Template != "" || got.DTG != "" || got.Serial != "" || got.PageLines != 0 ||
		got.YearDigits != 0 || got.Paper != "a4" || got.Output.Path != "" || got.Output.Force || !got.Output.ToStdout() {
		t.Errorf("defaults: options = %+v", got)
	}

	got = nil
	args := []string{"cable.md@no10", "--format", "pdf", "--template", "state-cable", "--dtg", "212130Z DEC 88",
		"--serial", "T 192A/88", "--page-lines", "40", "--year-digits", "2", "--paper", "letter", "-o", "cable.pdf", "--force"}
	if err := parseOnly(t, NewCmdRender(f, capture), args...); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Ref != "cable.md@no10" || got.Format != "pdf" || got.Template != "state-cable" ||
		got.DTG != "212130Z DEC 88" || got.Serial != "T 192A/88" || got.PageLines != 40 || got.YearDigits != 2 ||
		got.Paper != "letter" || got.Output.Path != "cable.pdf" || !got.Output.Force || got.Output.ToStdout() {
		t.Fatalf("%q: options = %+v", args, got)
	}
}

// render takes one draft; the flag values themselves are checked by
// renderRun, before it reads anything.
func TestRenderFlagsRefused(t *testing.T) {
	for _, args := range [][]string{{}, {"a.md", "b.md"}} {
		f, _, _ := testFactory(t)
		ran := false
		err := parseOnly(t, NewCmdRender(f, func(*RenderOptions) error { ran = true; return nil }), args...)
		var ue *usageError
		if !errors.As(err, &ue) || ran {
			t.Errorf("%q: err = %v, ran %v; want a usage error and no run", args, err, ran)
		}
	}
}

// checkRenderFlags refuses each bad value with the flag it came from.
func TestCheckRenderFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "rtf"}, `--format "rtf"`},
		{[]string{"--page-lines", "-3"}, "--page-lines -3"},
		{[]string{"--year-digits", "3"}, "--year-digits 3"},
		{[]string{"--paper", "a5"}, `--paper takes a4 or letter, not "a5"`},
	} {
		f, _, _ := testFactory(t)
		var got *RenderOptions
		if err := parseOnly(t, NewCmdRender(f, func(o *RenderOptions) error { got = o; return nil }), append([]string{"d.md"}, tc.args...)...); err != nil {
			t.Fatal(err)
		}
		err := checkRenderFlags(got)
		var ue *usageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v; want a usage error naming %s", tc.args, err, tc.want)
		}
	}
	f, _, _ := testFactory(t)
	var got *RenderOptions
	if err := parseOnly(t, NewCmdRender(f, func(o *RenderOptions) error { got = o; return nil }), "d.md", "--format", "json"); err != nil {
		t.Fatal(err)
	}
	if err := checkRenderFlags(got); err != nil {
		t.Errorf("--format json refused: %v", err)
	}
}
