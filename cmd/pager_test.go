package cmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A pager that does not exist must not swallow the output.
func TestStartPagerMissingProgram(t *testing.T) {
	var out, errOut bytes.Buffer
	s := NewIOStreams(strings.NewReader(""), &out, &errOut)
	s.SetStdoutTTY(true)
	t.Setenv("REDLINE_PAGER", "/nonexistent/pager -R")
	w, done := startPager(s, false)
	w.Write([]byte("redline\n"))
	done()
	if out.String() != "redline\n" {
		t.Fatalf("output lost: %q", out.String())
	}
	if !strings.Contains(errOut.String(), `pager "/nonexistent/pager" not found`) {
		t.Fatalf("no warning: %q", errOut.String())
	}
}

// Not a terminal, or --no-pager: straight to standard output.
func TestStartPagerNotATerminal(t *testing.T) {
	var out bytes.Buffer
	s := NewIOStreams(strings.NewReader(""), &out, &out)
	t.Setenv("REDLINE_PAGER", "/nonexistent/pager")
	w, done := startPager(s, false)
	w.Write([]byte("x"))
	done()
	if out.String() != "x" {
		t.Fatalf("got %q", out.String())
	}
}

// Quitting the pager early (here a pager that reads one line and leaves,
// as q does) is not an error: no "broken pipe", and the exit status is the
// command's own.
func TestPagerQuitEarlyOnTerminal(t *testing.T) {
	dir := t.TempDir()
	var a, b strings.Builder
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&a, "line %d of the old text\n\n", i)
		fmt.Fprintf(&b, "line %d of the new text\n\n", i)
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(a.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte(b.String()), 0o644)
	out, code := runOnTerminal(t, dir, []string{"REDLINE_PAGER=head -n 1", "NO_COLOR=1"}, "diff", "a.txt", "b.txt", "--format", "plain")
	if strings.Contains(out, "broken pipe") || code != 0 {
		t.Fatalf("exit %d, terminal showed %q", code, tail(out))
	}
	out, code = runOnTerminal(t, dir, []string{"REDLINE_PAGER=head -n 1", "NO_COLOR=1"}, "diff", "a.txt", "b.txt", "--format", "plain", "--exit-code")
	if strings.Contains(out, "broken pipe") || code != 1 {
		t.Fatalf("--exit-code: exit %d, terminal showed %q", code, tail(out))
	}
}

// -P and --no-pager, before or after the command, bypass the pager; the
// pager gets LESS=FRX and LV=-c unless they are set.
func TestPagerFlagsAndEnvironment(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("a b c\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("a x c\n"), 0o644)
	pager := `sh -c 'echo "PAGED LESS=$LESS LV=$LV"; cat'`
	out, _ := runOnTerminal(t, dir, []string{"REDLINE_PAGER=" + pager, "NO_COLOR=1", "LESS=", "LV="}, "diff", "a.txt", "b.txt", "--format", "plain")
	if !strings.Contains(out, "PAGED LESS= LV=") {
		t.Fatalf("REDLINE_PAGER not used, or LESS/LV overridden although set: %q", out)
	}
	env := []string{"REDLINE_PAGER=" + pager, "PAGER=cat", "NO_COLOR=1"}
	cleanEnv := func(env []string) []string {
		var out []string
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "LESS=") && !strings.HasPrefix(kv, "LV=") {
				out = append(out, kv)
			}
		}
		return append(out, env...)
	}
	out, _ = runOnTerminal(t, dir, cleanEnv(env), "diff", "a.txt", "b.txt", "--format", "plain")
	if !strings.Contains(out, "PAGED LESS=FRX LV=-c") {
		t.Fatalf("the pager did not get LESS=FRX LV=-c: %q", out)
	}
	for _, args := range [][]string{{"-P", "diff"}, {"diff", "--no-pager"}, {"--no-pager", "diff"}} {
		out, _ = runOnTerminal(t, dir, env, append(args, "a.txt", "b.txt", "--format", "plain")...)
		if strings.Contains(out, "PAGED") || !strings.Contains(out, "{+x") {
			t.Fatalf("%v went through the pager: %q", args, out)
		}
	}
}

func tail(s string) string {
	if len(s) > 300 {
		return s[len(s)-300:]
	}
	return s
}
