package cmd

import (
	"bytes"
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
