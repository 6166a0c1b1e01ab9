// Package cmd holds redline's command-line interface: one file per command,
// each with an options struct and a NewCmdX constructor. It is the only
// package that imports cobra, prints or exits.
package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X github.com/redline-dev/redline/cmd.Version=...".
var Version = "dev"

// Factory hands commands what they need from the outside world, so that
// each command can be tested with substitutes.
type Factory struct {
	IO *IOStreams

	// noCompletions leaves out the value completions of arguments and
	// flags: Main sets it when it is not asked to complete (cobra's
	// __complete command), so that a run does not spend time on them.
	noCompletions bool

	// Color is the --color flag of the root command.
	Color string

	// Now returns the current time for what is shown and for the default
	// date-time group. REDLINE_NOW (RFC 3339) fixes it, which the
	// end-to-end scripts use to get repeatable output.
	Now func() time.Time

	// StoreClock stamps stored records. It is nil (the store's own, real
	// clock) unless REDLINE_TEST_CLOCK=1 is set as well as REDLINE_NOW:
	// only the test scripts do that, so that REDLINE_NOW alone never
	// changes a recorded time.
	StoreClock func() time.Time

	// Getwd returns the working directory.
	Getwd func() (string, error)

	// opened are the workspaces Workspace opened, closed when the command
	// ends.
	opened []*draft.Workspace
}

// ColorMode resolves the --color flag.
func (f *Factory) ColorMode() (ColorMode, error) { return ParseColorMode(f.Color) }

// constructors holds every command's constructor, registered from the
// command files' init functions so that adding a command touches one file
// only. Commands follow gh's shape: NewCmdX(f *Factory, runF func(*XOptions)
// error) builds the command around an options struct holding IO and
// dependencies; a nil runF runs xRun(opts), a test passes one that captures
// the parsed options. Registration passes nil:
//
//	func init() { register(func(f *Factory) *cobra.Command { return NewCmdX(f, nil) }) }
var constructors []func(*Factory) *cobra.Command

func register(c func(*Factory) *cobra.Command) { constructors = append(constructors, c) }

// NewRootCmd builds the redline command tree.
func NewRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "redline <command>",
		Short: "Draft, redline and despatch diplomatic messages",
		Long: `redline keeps Markdown drafts of diplomatic messages with tracked revisions,
shows strike-through redlines between any two versions (a draft against the
cable that was sent, too), handles CriticMarkup tracked changes, and renders
the final telegram with its date-time group, precedence, classification and
serial number.

Environment: REDLINE_AUTHOR and REDLINE_OFFICE (who commits), REDLINE_PAGER
and PAGER (the pager), NO_COLOR, CLICOLOR and CLICOLOR_FORCE (colour),
COLUMNS (width); see 'redline help environment'. Other topics: 'redline help
refs', 'exit-codes', 'formats', 'templates'.`,
		Example: `  redline init
  redline commit draft.md -m "FCO draft" --label fco-draft
  redline diff examples/moscow-1988/fco-draft.md examples/moscow-1988/as-sent.txt
  redline render telegram.md --dtg now`,
		SilenceErrors: true,
		SilenceUsage:  true,
		// The same line as `redline version`.
		Version: buildVersion(debug.ReadBuildInfo).String(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	f.Color = string(ColorAuto)
	root.PersistentFlags().Var(colorFlag{&f.Color}, "color", "colour the output: auto, always or never (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb count in auto)")
	root.RegisterFlagCompletionFunc("color", fixedCompletion("auto\tcolour on a terminal", "always", "never"))
	root.PersistentFlags().BoolVarP(&f.IO.NoPager, "no-pager", "P", false, "do not send long output through a pager (REDLINE_PAGER, PAGER)")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErrorf("%s (see 'redline %s --help')", err, commandPath(c))
	})
	var dir string
	root.PersistentFlags().StringVarP(&dir, "directory", "C", "", "run as if redline was started in `DIR` (as git -C)")
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		warnDeprecatedFlags(c, f.IO.ErrOut)
		if dir == "" {
			return nil
		}
		if err := os.Chdir(dir); err != nil {
			return usageErrorf("-C %s: %v", dir, errors.Unwrap(err))
		}
		return nil
	}
	root.SetHelpCommand(NewCmdHelp(f, nil))
	for _, c := range constructors {
		root.AddCommand(c(f))
	}
	if !f.noCompletions {
		f.addCompletions(root)
	}
	sort.Slice(root.Commands(), func(i, j int) bool { return root.Commands()[i].Name() < root.Commands()[j].Name() })
	return root
}

func commandPath(c *cobra.Command) string {
	p := c.CommandPath()
	return strings.TrimSpace(strings.TrimPrefix(p, "redline"))
}

// newFactory builds the Factory for a real process.
func newFactory(stdin io.Reader, stdout, stderr io.Writer) *Factory {
	io := NewIOStreams(stdin, stdout, stderr)
	f := &Factory{
		IO: io,
		Now: func() time.Time {
			if v := io.Getenv("REDLINE_NOW"); v != "" {
				if t, err := time.Parse(time.RFC3339, v); err == nil {
					return t.UTC()
				}
			}
			return time.Now().UTC()
		},
		Getwd: os.Getwd,
	}
	if io.Getenv("REDLINE_TEST_CLOCK") == "1" && io.Getenv("REDLINE_NOW") != "" {
		f.StoreClock = f.Now
	}
	return f
}

// Main runs redline with the given arguments and streams and returns the
// process's exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	f := newFactory(stdin, stdout, stderr)
	f.noCompletions = len(args) == 0 || !strings.HasPrefix(args[0], cobra.ShellCompRequestCmd)
	root := NewRootCmd(f)
	root.SetArgs(joinSpacedJSON(root, args))
	err := root.Execute()
	f.closeWorkspaces()
	if err == nil {
		return ExitOK
	}
	var se *silentError
	if !errors.Is(err, errDifferences) && !errors.As(err, &se) {
		msg := err.Error()
		if isCobraUsage(err) {
			msg += " (see 'redline --help')"
		}
		fmt.Fprintf(f.IO.ErrOut, "redline: %s\n", msg)
		for _, h := range errorHints(err) {
			fmt.Fprintf(f.IO.ErrOut, "redline: hint: %s\n", h)
		}
	}
	return exitCode(err)
}

// isCobraUsage recognises cobra's own argument errors, which are not typed.
func isCobraUsage(err error) bool {
	var ue *usageError
	if errors.As(err, &ue) {
		return false
	}
	m := err.Error()
	return strings.HasPrefix(m, "unknown command") || strings.HasPrefix(m, "accepts ") ||
		strings.HasPrefix(m, "requires at least") || strings.HasPrefix(m, "requires at most")
}

// exactArgs is cobra.ExactArgs with an error that says what to pass.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErrorf("%s takes %s (see 'redline %s --help')", commandPath(c), what, commandPath(c))
		}
		return nil
	}
}

// rangeArgs is cobra.RangeArgs with an error that says what to pass.
func rangeArgs(min, max int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < min || len(args) > max {
			return usageErrorf("%s takes %s (see 'redline %s --help')", commandPath(c), what, commandPath(c))
		}
		return nil
	}
}

// minArgs is cobra.MinimumNArgs with an error that says what to pass.
func minArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < n {
			return usageErrorf("%s takes %s (see 'redline %s --help')", commandPath(c), what, commandPath(c))
		}
		return nil
	}
}
