package cmd

import (
	"strings"
	"testing"
)

func TestHelpFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *HelpOptions
	c := NewCmdHelp(f, func(o *HelpOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "serial", "list"); err != nil {
		t.Fatal(err)
	}
	if got == nil || strings.Join(got.Topic, " ") != "serial list" {
		t.Fatalf("options = %+v", got)
	}
}

func TestManFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *ManOptions
	c := NewCmdMan(f, func(o *ManOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "out/man1"); err != nil || got == nil || got.Dir != "out/man1" {
		t.Fatalf("options = %+v, %v", got, err)
	}
	got = nil
	c = NewCmdMan(f, func(o *ManOptions) error { got = o; return nil })
	if err := parseOnly(t, c); err == nil || got != nil {
		t.Fatalf("man without a folder must be refused before the run: %v", err)
	}
}
