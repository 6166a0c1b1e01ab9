package cmd

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

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

	// NoPager is the global --no-pager (-P): output never goes through a
	// pager.
	NoPager bool

	stdoutTTY bool
	stderrTTY bool
	width     int

	// errRaw is standard error itself; ErrOut shows control characters
	// visibly when standard error is a terminal.
	errRaw io.Writer
}

// NewIOStreams wraps the given streams and detects terminals.
func NewIOStreams(in io.Reader, out, errOut io.Writer) *IOStreams {
	s := &IOStreams{In: in, Out: out, ErrOut: errOut, Getenv: os.Getenv, errRaw: errOut}
	// Messages on standard error name files, authors and text from
	// documents: on a terminal their control characters show as symbols,
	// once here rather than in every message.
	if f, ok := errOut.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		s.ErrOut = controlSafe{errOut}
		s.stderrTTY = true
	}
	if f, ok := out.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		s.stdoutTTY = true
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			s.width = w
		}
	}
	return s
}

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

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

// TableWidth is the width a table must fit: the terminal's when standard
// output is one, else 0 (no limit: a pipe or file gets every character).
func (s *IOStreams) TableWidth() int {
	if !s.stdoutTTY {
		return 0
	}
	return s.TerminalWidth(0)
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

// ColorEnabled is the one place redline decides whether output to
// standard output (or, when toFile is true, to a file named by -o) carries
// colour escapes. --color=always forces colour and --color=never forbids
// it. In auto mode, a file never gets colour; NO_COLOR (any value, see
// no-color.org), CLICOLOR=0 and TERM=dumb turn it off; CLICOLOR_FORCE (not
// 0) turns it on off a terminal; otherwise only a terminal gets colour.
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
	if s.Getenv("NO_COLOR") != "" || s.Getenv("CLICOLOR") == "0" || s.Getenv("TERM") == "dumb" {
		return false
	}
	if v := s.Getenv("CLICOLOR_FORCE"); v != "" && v != "0" {
		return true
	}
	return s.stdoutTTY
}

// colorFlag is --color's value: parsing checks it, so --color=bogus is a
// usage error before any command runs.
type colorFlag struct{ v *string }

func (c colorFlag) String() string { return *c.v }
func (c colorFlag) Type() string   { return "when" }
func (c colorFlag) Set(s string) error {
	m, err := ParseColorMode(s)
	if err != nil {
		return fmt.Errorf("takes auto, always or never, not %q", s)
	}
	*c.v = string(m)
	return nil
}

// controlSafe wraps a writer bound for a terminal so that control
// characters in a document (ESC, a lone CR, BEL) show as visible symbols
// (␛, ␍, ␇) instead of driving the terminal: a received draft must not be
// able to hide or overprint text in a redline. Tab and line feed pass.
// C0 bytes never occur inside UTF-8 sequences, so the text is untouched
// otherwise.
type controlSafe struct{ w io.Writer }

func (c controlSafe) Write(p []byte) (int, error) {
	clean := true
	for _, b := range p {
		if isControlByte(b) {
			clean = false
			break
		}
	}
	if clean {
		return c.w.Write(p)
	}
	out := make([]byte, 0, len(p)+16)
	for _, b := range p {
		switch {
		case !isControlByte(b):
			out = append(out, b)
		case b == 0x7f:
			out = append(out, "\u2421"...)
		default:
			out = utf8.AppendRune(out, rune(0x2400+int(b)))
		}
	}
	if _, err := c.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

func isControlByte(b byte) bool { return (b < 0x20 && b != '\n' && b != '\t') || b == 0x7f }

// TerminalSafe returns w wrapped by controlSafe when standard output is a
// terminal, else w itself (pipes and files get the document's bytes).
func (s *IOStreams) TerminalSafe(w io.Writer) io.Writer {
	if s.stdoutTTY {
		return controlSafe{w}
	}
	return w
}

// DocOut is standard output for a document's text: what every command
// writing a draft, a cable or a rendering to standard output uses. On a
// terminal control characters show as symbols; a pipe gets the exact bytes.
// Only the views that draw their own escapes (and clean their text
// themselves) write to Out directly.
func (s *IOStreams) DocOut() io.Writer { return s.TerminalSafe(s.Out) }

// visibleControls shows a string's control characters as symbols (see
// controlSafe), for text that is placed among redline's own escapes.
func visibleControls(s string) string {
	var b bytes.Buffer
	controlSafe{&b}.Write([]byte(s))
	return b.String()
}
