package cmd

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// IOStreams carries the process's standard streams and what is known about
// them (whether they are terminals), so that commands never reach for
// os.Stdout themselves and tests can substitute buffers.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// Getenv reads the environment; tests may replace it.
	Getenv func(string) string

	stdoutTTY bool
	stderrTTY bool
	width     int
}

// NewIOStreams wraps the given streams and detects terminals.
func NewIOStreams(in io.Reader, out, errOut io.Writer) *IOStreams {
	s := &IOStreams{In: in, Out: out, ErrOut: errOut, Getenv: os.Getenv}
	if f, ok := out.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		s.stdoutTTY = true
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			s.width = w
		}
	}
	if f, ok := errOut.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		s.stderrTTY = true
	}
	return s
}

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether standard error is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetStdoutTTY overrides terminal detection (tests).
func (s *IOStreams) SetStdoutTTY(v bool) { s.stdoutTTY = v }

// TerminalWidth is the width of the terminal on standard output, then
// $COLUMNS, then the given fallback.
func (s *IOStreams) TerminalWidth(fallback int) int {
	if s.width > 0 {
		return s.width
	}
	if c := s.Getenv("COLUMNS"); c != "" {
		var n int
		if _, err := fmt.Sscanf(c, "%d", &n); err == nil && n > 0 {
			return n
		}
	}
	return fallback
}

// ColorMode is the value of --color.
type ColorMode string

const (
	ColorAuto   ColorMode = "auto"
	ColorAlways ColorMode = "always"
	ColorNever  ColorMode = "never"
)

// ParseColorMode checks a --color value.
func ParseColorMode(v string) (ColorMode, error) {
	switch ColorMode(strings.ToLower(v)) {
	case ColorAuto, "":
		return ColorAuto, nil
	case ColorAlways:
		return ColorAlways, nil
	case ColorNever:
		return ColorNever, nil
	}
	return "", usageErrorf("--color takes auto, always or never, not %q", v)
}

// ColorEnabled decides whether output to standard output (or, when toFile is
// true, to a file named by -o) should carry terminal escapes:
// --color=always forces colour, --color=never and NO_COLOR forbid it,
// CLICOLOR_FORCE forces it in auto mode, and otherwise only a terminal gets
// colour. A file gets colour only with --color=always.
func (s *IOStreams) ColorEnabled(mode ColorMode, toFile bool) bool {
	switch mode {
	case ColorAlways:
		return true
	case ColorNever:
		return false
	}
	if toFile {
		return false
	}
	if s.Getenv("NO_COLOR") != "" {
		return false
	}
	if v := s.Getenv("CLICOLOR_FORCE"); v != "" && v != "0" {
		return true
	}
	return s.stdoutTTY
}
