package cmd

import (
	"bytes"
	"testing"
)

func TestControlSafe(t *testing.T) {
	var b bytes.Buffer
	in := "plain\ttext\nhidden \x1b[8mclause\x1b[0m over\rprint \x07 \x7f é\n"
	n, err := controlSafe{&b}.Write([]byte(in))
	if err != nil || n != len(in) {
		t.Fatalf("Write = %d, %v", n, err)
	}
	want := "plain\ttext\nhidden ␛[8mclause␛[0m over␍print ␇ ␡ é\n"
	if b.String() != want {
		t.Fatalf("got %q, want %q", b.String(), want)
	}
	if got := visibleControls("a\x1bb"); got != "a␛b" {
		t.Fatalf("visibleControls = %q", got)
	}
}

func TestTerminalSafeOnlyOnATerminal(t *testing.T) {
	var out bytes.Buffer
	s := NewIOStreams(nil, &out, &out)
	s.TerminalSafe(&out).Write([]byte("\x1b"))
	if out.String() != "\x1b" {
		t.Fatalf("a pipe must get the document's bytes, got %q", out.String())
	}
	out.Reset()
	s.SetStdoutTTY(true)
	s.TerminalSafe(&out).Write([]byte("\x1b"))
	if out.String() != "␛" {
		t.Fatalf("a terminal must get a visible symbol, got %q", out.String())
	}
}
