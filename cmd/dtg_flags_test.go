package cmd

import (
	"errors"
	"reflect"
	"testing"
)

func TestDTGFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *DTGOptions
	capture := func(o *DTGOptions) error { got = o; return nil }
	if err := parseOnly(t, NewCmdDTG(f, capture, nil)); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.IO != f.IO || got.Now == nil || got.At != "" || got.Zone != "Z" ||
		got.YearDigits != 0 || got.LocalZone != "" || got.JSON {
		t.Fatalf("defaults: options = %+v", got)
	}
	if !got.Now().Equal(f.Now()) {
		t.Errorf("Now is not the factory's clock: %v", got.Now())
	}

	got = nil
	args := []string{"--at", "1988-12-21 21:30", "--zone", "J", "--local-zone", "Europe/London", "--year-digits", "4", "--json"}
	if err := parseOnly(t, NewCmdDTG(f, capture, nil), args...); err != nil {
		t.Fatal(err)
	}
	want := DTGOptions{At: "1988-12-21 21:30", Zone: "J", LocalZone: "Europe/London", YearDigits: 4, JSON: true}
	if got == nil || got.At != want.At || got.Zone != want.Zone || got.LocalZone != want.LocalZone ||
		got.YearDigits != want.YearDigits || got.JSON != want.JSON {
		t.Fatalf("%q: options = %+v", args, got)
	}
}

func TestDTGParseFlags(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		dtg, zone  string
		localZone  string
		jsonFields []string
	}{
		{args: []string{"parse", "212130Z", "DEC", "88"}, dtg: "212130Z DEC 88"},
		{args: []string{"parse", "170356Z JULY 03", "--json"}, dtg: "170356Z JULY 03", jsonFields: []string{}},
		{args: []string{"parse", "212130Z DEC 88", "--zone", "R", "--json=utc,dtg"}, dtg: "212130Z DEC 88", zone: "R", jsonFields: []string{"utc", "dtg"}},
		{args: []string{"parse", "--local-zone", "Europe/London", "212130J", "DEC", "88"}, dtg: "212130J DEC 88", localZone: "Europe/London"},
	} {
		f, _, _ := testFactory(t)
		ranDTG := false
		var got *DTGParseOptions
		c := NewCmdDTG(f, func(*DTGOptions) error { ranDTG = true; return nil }, func(o *DTGParseOptions) error { got = o; return nil })
		if err := parseOnly(t, c, tc.args...); err != nil {
			t.Fatalf("%q: %v", tc.args, err)
		}
		if ranDTG || got == nil || got.IO != f.IO {
			t.Fatalf("%q: ran dtg %v, parse options %+v", tc.args, ranDTG, got)
		}
		if got.DTG != tc.dtg || got.Zone != tc.zone || got.LocalZone != tc.localZone || got.JSON.Enabled() != (tc.jsonFields != nil) {
			t.Errorf("%q: options = %+v", tc.args, got)
		}
		if len(tc.jsonFields) > 0 && !reflect.DeepEqual(got.JSON.selected(), tc.jsonFields) {
			t.Errorf("%q: fields %q, want %q", tc.args, got.JSON.selected(), tc.jsonFields)
		}
	}
}

// dtg takes no arguments of its own, and dtg parse at most three words.
func TestDTGFlagsRefused(t *testing.T) {
	for _, args := range [][]string{{"212130Z"}, {"parse"}, {"parse", "21", "DEC", "88", "X"}} {
		f, _, _ := testFactory(t)
		ran := false
		c := NewCmdDTG(f, func(*DTGOptions) error { ran = true; return nil }, func(*DTGParseOptions) error { ran = true; return nil })
		err := parseOnly(t, c, args...)
		var ue *usageError
		if !errors.As(err, &ue) || ran {
			t.Errorf("%q: err = %v, ran %v; want a usage error and no run", args, err, ran)
		}
	}
}
