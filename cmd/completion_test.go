package cmd

import (
	"strings"
	"testing"
)

func TestCompletionFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *CompletionOptions
	c := NewCmdCompletion(f, func(o *CompletionOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "zsh", "--no-descriptions"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Shell != "zsh" || !got.NoDescriptions {
		t.Fatalf("options = %+v", got)
	}
}

func TestCompletionWithoutDescriptions(t *testing.T) {
	var with, without strings.Builder
	Main([]string{"completion", "fish"}, strings.NewReader(""), &with, &with)
	Main([]string{"completion", "fish", "--no-descriptions"}, strings.NewReader(""), &without, &without)
	if !strings.Contains(with.String(), "__complete") || with.String() == without.String() {
		t.Fatalf("--no-descriptions must change the fish script")
	}
	if !strings.Contains(without.String(), "__completeNoDesc") {
		t.Fatalf("fish script without descriptions must ask for none")
	}
}

func TestImportFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	ran := false
	c := NewCmdImport(f, func(o *ImportOptions) error { ran = o.Help != nil; return nil })
	if err := parseOnly(t, c); err != nil || !ran {
		t.Fatalf("import with no kind: ran=%v err=%v", ran, err)
	}
	ran = false
	c = NewCmdImport(f, func(o *ImportOptions) error { ran = true; return nil })
	if err := parseOnly(t, c, "--bogus"); err == nil || ran {
		t.Fatalf("an unknown flag must be refused, got %v", err)
	}
}
