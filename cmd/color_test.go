package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// On a terminal, colour follows the environment: on by default, off with
// NO_COLOR, CLICOLOR=0 or TERM=dumb, and --color wins over all of them.
func TestColorOnTerminal(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("a b c\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("a x c\n"), 0o644)
	base := []string{"REDLINE_PAGER=cat", "NO_COLOR=", "CLICOLOR=", "CLICOLOR_FORCE=", "TERM=xterm"}
	cases := []struct {
		env   []string
		args  []string
		color bool
	}{
		{nil, nil, true},
		{[]string{"NO_COLOR=1"}, nil, false},
		{[]string{"CLICOLOR=0"}, nil, false},
		{[]string{"TERM=dumb"}, nil, false},
		{[]string{"TERM=dumb"}, []string{"--color=always"}, true},
		{nil, []string{"--color=never"}, false},
	}
	for _, c := range cases {
		out, code := runOnTerminal(t, dir, append(append([]string{}, base...), c.env...), append([]string{"diff", "a.txt", "b.txt"}, c.args...)...)
		if code != 0 {
			t.Fatalf("%v %v: exit %d: %q", c.env, c.args, code, out)
		}
		if got := strings.Contains(out, "\x1b["); got != c.color {
			t.Errorf("%v %v: colour %v, want %v: %q", c.env, c.args, got, c.color, out)
		}
	}
}

func TestColorEnabled(t *testing.T) {
	env := map[string]string{}
	s := NewIOStreams(nil, nil, nil)
	s.Getenv = func(k string) string { return env[k] }
	s.SetStdoutTTY(true)
	if !s.ColorEnabled(ColorAuto, false) || s.ColorEnabled(ColorAuto, true) {
		t.Fatal("auto: a terminal gets colour, a file does not")
	}
	for _, kv := range [][2]string{{"NO_COLOR", "1"}, {"CLICOLOR", "0"}, {"TERM", "dumb"}} {
		env = map[string]string{kv[0]: kv[1]}
		if s.ColorEnabled(ColorAuto, false) {
			t.Errorf("%s=%s must turn colour off", kv[0], kv[1])
		}
		if !s.ColorEnabled(ColorAlways, false) {
			t.Errorf("--color=always must win over %s", kv[0])
		}
	}
	s.SetStdoutTTY(false)
	env = map[string]string{"CLICOLOR_FORCE": "1"}
	if !s.ColorEnabled(ColorAuto, false) {
		t.Error("CLICOLOR_FORCE must colour a pipe")
	}
}

// On a terminal, versions with the same words are said to be so, once.
func TestNoDifferencesSaidOnce(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("a b  c\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("a b\nc\n"), 0o644)
	for _, format := range []string{"ansi", "plain", "side-by-side"} {
		out, code := runOnTerminal(t, dir, []string{"REDLINE_PAGER=cat"}, "diff", "a.txt", "b.txt", "--format", format)
		if code != 0 || strings.Count(out, "no differences") != 1 || strings.Contains(out, "0 changes") {
			t.Errorf("%s: exit %d: %q", format, code, out)
		}
	}
}
