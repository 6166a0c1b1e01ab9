package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/attrib"
	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/render"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdDiff(f, nil) })
}

// DiffOptions holds what `redline diff` needs: its streams, the factory
// that finds the workspace, resolves --color and checks the -o target,
// and the parsed flags.
type DiffOptions struct {
	IO      *IOStreams
	Factory *Factory

	Old, New          string
	Format            string
	Stat              bool
	ExitCode          bool
	Quiet             bool
	IgnoreCase        bool
	IgnorePunctuation bool
	As, OldAs, NewAs  string
	Moves, NoMoves    bool
	MinMoveWords      int
	Stamps            bool
	Numbers           bool
	Context           int
	Width             int
	NoPager           bool
	Output            outputTarget
	Title             string
	Paper             string
	By                string

	oldKind, newKind string // the kinds --as, --old-as and --new-as give
}

// diffLong is the help of `redline diff`.
const diffLong = `Compare two versions word by word and show what changed: deleted words struck
out, inserted words marked, moved passages marked at both ends, every change
numbered. OLD and NEW are each a file (the working copy), FILE@N, FILE@label,
FILE@latest or - (standard input). With one argument, the latest stored
revision of FILE (or FILE@N, FILE@label) is compared with its working copy.

Line wraps and runs of spaces never count as changes; a paragraph split or
joined does. Quotes, dashes and Unicode forms compare alike. A side that is a
cable (a precedence and date-time group line, FM and TO lines, BT) is read as
one: only its message text is compared, without page furniture, with words
hyphenated across line ends joined, and its header fields (precedence,
date-time group, from, to, classification, serial, passing line, heading) are
compared with a draft's front matter as field changes. Case is ignored when a
side is a cable or all upper case; the output says so.

Formats (--format): ` + "`plain`" + ` marks [-deleted-] and {+inserted+} like wdiff, with
moved text as [move N<…>move N] where it stood and [move N>…<move N] where it
now stands; ` + "`json`" + ` prints the comparison itself (the value every view
renders); ` + "`stat`" + ` (or --stat) prints the summary alone. Other formats
(ansi, side-by-side, critic, html, pdf, docx) are listed by --help's --format line.
` + "`docx`" + ` writes a Word document whose changes are tracked revisions by the
newer revision's author and office, at its time, so that Word's Accept and
Reject work change by change (it needs -o or a pipe).

` + "`critic`" + ` writes NEW (with its front matter) with every change as CriticMarkup,
so that 'redline accept --all' gives NEW and 'redline reject --all' gives OLD
byte for byte, except that a CriticMarkup delimiter already in either text comes
back with a backslash before it, and a change whose side ends on a line of code
(unmatched backticks, an indented last line) may not parse. Text that differs
only in case or white space is marked too, so that the round trip is exact.

The comparison never depends on the clock. Where an input is so different
that comparing it word by word would take too long, a bound on the work
applies and the output says so and where.`

// NewCmdDiff builds `redline diff`.
func NewCmdDiff(f *Factory, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{IO: f.IO, Factory: f}
	c := &cobra.Command{
		Use:   "diff OLD [NEW]",
		Short: "Show a word-by-word redline between two versions",
		Long:  diffLong,
		Example: `  redline diff examples/moscow-1988/fco-draft.md examples/moscow-1988/as-sent.txt
  redline diff telegram.md                  # latest revision against the working copy
  redline diff draft.md@fco-draft draft.md@no10 --format plain --numbers
  redline diff old.txt new.txt --stat --exit-code
  redline diff draft.md@1 draft.md --format json | jq .stats
  cat cable.txt | redline diff draft.md - --new-as cable`,
		Args: rangeArgs(1, 2, "one or two references: OLD [NEW]"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Old = args[0]
			if len(args) == 2 {
				opts.New = args[1]
			}
			if c.Flags().Changed("moves") && c.Flags().Changed("no-moves") {
				return usageErrorf("--moves and --no-moves cannot be used together")
			}
			if err := opts.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return diffRun(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Format, "format", "", "output format: "+strings.Join(render.DiffFormats(), ", ")+" (default: ansi on a terminal, else plain)")
	fl.BoolVar(&opts.Stat, "stat", false, "print the summary alone (same as --format stat)")
	fl.BoolVar(&opts.ExitCode, "exit-code", false, "exit with status 1 when the versions differ")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing; exit with status 1 when the versions differ (as git diff --quiet)")
	fl.BoolVarP(&opts.IgnoreCase, "ignore-case", "i", false, "ignore differences of case (automatic when a side is a cable or all upper case)")
	fl.BoolVar(&opts.IgnorePunctuation, "ignore-punctuation", false, "compare words only")
	fl.StringVar(&opts.As, "as", "", "read both sides as text, markdown or cable instead of guessing")
	fl.StringVar(&opts.OldAs, "old-as", "", "read OLD as text, markdown or cable")
	fl.StringVar(&opts.NewAs, "new-as", "", "read NEW as text, markdown or cable")
	fl.BoolVar(&opts.Moves, "moves", true, "find moved passages")
	fl.BoolVar(&opts.NoMoves, "no-moves", false, "do not look for moved passages")
	fl.BoolVar(&opts.Stamps, "stamps", false, "also compare the date-time group and serial a send adds when only one side has them")
	fl.IntVar(&opts.MinMoveWords, "min-move-words", diff.DefaultMinMoveWords, "least number of words in a moved passage")
	fl.BoolVar(&opts.Numbers, "numbers", false, "show each change's number")
	fl.IntVar(&opts.Context, "context", -1, "fold unchanged paragraphs, keeping N around each change (-1: show all)")
	fl.IntVar(&opts.Width, "width", 0, "width of the output in columns (default: the terminal's)")
	addOutputFlags(c, &opts.Output, "the redline", "the version compared")
	fl.StringVar(&opts.Title, "title", "", "title of an HTML or PDF redline")
	fl.StringVar(&opts.Paper, "paper", "a4", "paper size of a PDF or printed HTML redline: a4 or letter")
	fl.StringVar(&opts.By, "by", "", "label every change with who made it: `revision` or office (the revisions between OLD and NEW)")
	return c
}

func checkKind(flag, v string) (string, error) {
	switch strings.ToLower(v) {
	case "":
		return "", nil
	case "text", "txt", "plain":
		return diff.KindText, nil
	case "markdown", "md", "draft":
		return diff.KindMarkdown, nil
	case "cable":
		return diff.KindCable, nil
	}
	return "", usageErrorf("--%s takes text, markdown or cable, not %q", flag, v)
}

// check validates the flags, before anything is read.
func (opts *DiffOptions) check() error {
	kind, err := checkKind("as", opts.As)
	if err != nil {
		return err
	}
	opts.oldKind, opts.newKind = kind, kind
	if opts.OldAs != "" {
		if opts.oldKind, err = checkKind("old-as", opts.OldAs); err != nil {
			return err
		}
	}
	if opts.NewAs != "" {
		if opts.newKind, err = checkKind("new-as", opts.NewAs); err != nil {
			return err
		}
	}
	format := strings.ToLower(opts.Format)
	if opts.Stat {
		if format != "" && format != "stat" {
			return usageErrorf("--stat cannot be used with --format %s", format)
		}
		opts.Format = "stat"
	}
	if _, ok := render.LookupFormat(format); format != "" && !ok {
		return usageErrorf("unknown format %q: use one of %s", opts.Format, strings.Join(render.DiffFormats(), ", "))
	}
	if opts.Paper != "a4" && opts.Paper != "letter" {
		return usageErrorf("--paper takes a4 or letter, not %q", opts.Paper)
	}
	if opts.Context < -1 {
		return usageErrorf("--context takes a number of paragraphs (0 or more), or -1 to show all")
	}
	if opts.Width != 0 && (opts.Width < minDiffWidth || opts.Width > maxDiffWidth) {
		return usageErrorf("--width %d: give from %d to %d columns", opts.Width, minDiffWidth, maxDiffWidth)
	}
	if opts.By != "" && opts.By != attrib.ByRevision && opts.By != attrib.ByOffice {
		return usageErrorf("--by takes revision or office, not %q", opts.By)
	}
	if opts.MinMoveWords < 1 {
		return usageErrorf("--min-move-words takes a positive number of words")
	}
	if opts.Quiet && !opts.Output.ToStdout() {
		return usageErrorf("--quiet prints nothing, so it cannot be used with -o")
	}
	return nil
}

// view is the format to draw: the one asked for, else ansi on a terminal
// (or with --color=always) and plain elsewhere.
func (opts *DiffOptions) view() (render.Format, error) {
	name := opts.Format
	if name == "" {
		// The terminal view on a terminal, and wherever colour is asked
		// for (--color=always or CLICOLOR_FORCE on a pipe, as git diff |
		// less -R): the view follows the one colour decision.
		name = "plain"
		mode, _ := opts.Factory.ColorMode()
		if opts.Output.ToStdout() && (opts.IO.IsStdoutTTY() || opts.IO.ColorEnabled(mode, false)) {
			name = "ansi"
		}
	}
	view, _ := render.LookupFormat(name)
	if view.Binary && opts.Output.ToStdout() && opts.IO.IsStdoutTTY() {
		return view, usageErrorf("%s output is binary and will not be written to a terminal: use -o FILE or a pipe", view.Name)
	}
	return view, nil
}

func diffRun(opts *DiffOptions) error {
	f := opts.Factory
	view, err := opts.view()
	if err != nil {
		return err
	}
	mode, err := f.ColorMode()
	if err != nil {
		return err
	}
	oldRef, newRef, err := diffRefs(opts.Old, opts.New)
	if err != nil {
		return err
	}
	ws, err := f.OptionalWorkspace()
	if err != nil {
		return err
	}
	ov, err := draft.Resolve(ws, oldRef, opts.IO.In)
	if err != nil {
		return err
	}
	nv, err := draft.Resolve(ws, newRef, opts.IO.In)
	if err != nil {
		return err
	}
	if err := opts.Output.Check(f, ov.Path, nv.Path); err != nil {
		return err
	}
	defer diffMemoryPolicy(len(ov.Data) + len(nv.Data))()
	stopProgress := startProgress(opts.IO, "comparing "+displayRef(ov.Name)+" and "+displayRef(nv.Name))
	c, err := diff.Compare(versionInput(ov, opts.oldKind), versionInput(nv, opts.newKind), diff.Options{
		IgnoreCase:        opts.IgnoreCase,
		IgnorePunctuation: opts.IgnorePunctuation,
		Moves:             opts.Moves && !opts.NoMoves,
		MinMoveWords:      opts.MinMoveWords,
		Stamps:            opts.Stamps,
	})
	stopProgress()
	if err != nil {
		return kindHint(err)
	}
	if opts.By != "" {
		chain, err := chainBetween(f, ws, ov, nv)
		if err != nil {
			return err
		}
		if err := attrib.Label(c, chain, opts.By); err != nil {
			return err
		}
	}
	if opts.Quiet {
		if c.HasChanges() {
			return errDifferences
		}
		return nil
	}
	for _, h := range c.Hints {
		fmt.Fprintf(opts.IO.ErrOut, "redline: hint: use --%s-as %s %s\n", h.Side, h.Kind, h.Why)
	}
	if !c.HasChanges() && opts.Output.ToStdout() && opts.IO.IsStdoutTTY() && sameWordsOnce[view.Name] {
		// A person at a terminal is told once, rather than shown the
		// whole text with nothing marked and a summary of zero changes.
		_, err := fmt.Fprintf(opts.IO.Out, "no differences: %s and %s have the same words\n", displayRef(ov.Name), displayRef(nv.Name))
		return err
	}
	if err := writeDiff(opts, c, view, mode, ov.Path, nv.Path); err != nil {
		return err
	}
	if opts.ExitCode && c.HasChanges() {
		return errDifferences
	}
	return nil
}

// diffRefs turns the arguments into the two references compared. With
// one, FILE is its latest stored revision against the working copy, and
// FILE@REV that revision against the working copy.
func diffRefs(old, new string) (string, string, error) {
	if new == "" {
		if old == "-" {
			return "", "", usageErrorf("with one argument, give a draft file: its latest revision is compared with the working copy")
		}
		if at := strings.LastIndex(old, "@"); at > 0 {
			if _, err := os.Stat(old); err != nil {
				return old, old[:at], nil // FILE@REV against FILE
			}
		}
		return old + "@latest", old, nil
	}
	if old == "-" && new == "-" {
		return "", "", usageErrorf("only one side can be read from standard input")
	}
	return old, new, nil
}

// kindHint adds to an error about a side's kind the flag that reads it
// otherwise.
func kindHint(err error) error {
	var ke *diff.KindError
	if errors.As(err, &ke) && ke.Side != "" && ke.Alt != "" {
		return errorWithHint(err, fmt.Sprintf("use --%s-as %s to compare it as %s", ke.Side, ke.Alt, ke.Alt))
	}
	return err
}

// writeDiff draws the comparison to the -o file or standard output.
func writeDiff(opts *DiffOptions, c *diff.Comparison, view render.Format, mode ColorMode, inputs ...string) error {
	f := opts.Factory
	toFile := !opts.Output.ToStdout()
	width, wrap := opts.Width, opts.Width
	if width == 0 && !toFile {
		width = min(opts.IO.TerminalWidth(0), maxDiffWidth)
	}
	if wrap == 0 && !toFile && opts.IO.IsStdoutTTY() {
		wrap = width // running text wraps on a terminal only, not in a pipe
	}
	ropts := render.DiffOptions{
		Color:   opts.IO.ColorEnabled(mode, toFile),
		Numbers: opts.Numbers,
		Context: opts.Context,
		Width:   width,
		Wrap:    wrap,
		Title:   opts.Title,
		Paper:   opts.Paper,
		Warn:    func(m string) { fmt.Fprintf(opts.IO.ErrOut, "redline: warning: %s\n", m) },
	}
	if view.Name == "pdf" {
		setup, err := pdfSetupFromEnv()
		if err != nil {
			return err
		}
		ropts.PDF = setup
	}
	if view.Name == "docx" {
		ropts.Author = identityLabel(f)
		ropts.Warn = func(m string) { fmt.Fprintf(opts.IO.ErrOut, "redline: note: %s\n", m) }
	}
	if toFile {
		// Streamed into a temporary copy renamed over the file only when
		// the whole redline is written: a failure leaves no half-written
		// file.
		stop := startProgress(opts.IO, "writing "+opts.Output.Path)
		defer stop()
		return opts.Output.WriteFrom(f, func(w io.Writer) error { return renderDiff(f, w, c, view, ropts) }, inputs...)
	}
	var out io.Writer = opts.IO.Out
	wait := func() {}
	if !view.Binary {
		out, wait = startPager(opts.IO, opts.NoPager)
	}
	if !view.Binary && !view.TerminalSafe {
		// The terminal views draw control characters visibly
		// themselves; the others carry the documents' bytes.
		out = opts.IO.TerminalSafe(out)
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	err := renderDiff(f, bw, c, view, ropts)
	if err == nil {
		err = bw.Flush()
	}
	wait()
	return err
}

// Widths --width accepts: narrower cannot hold two columns of words, wider
// than any terminal or printer (and a huge width would pad every line with
// that many spaces).
const (
	minDiffWidth = 20
	maxDiffWidth = 1000
)

// renderDiff draws the comparison; the view's warnings (text a PDF's fonts
// cannot show, and the like) go to standard error through ropts.Warn.
func renderDiff(f *Factory, w io.Writer, c *diff.Comparison, view render.Format, ropts render.DiffOptions) error {
	if view.Name == "critic" {
		for _, side := range []struct{ name, key string }{{"OLD", "a"}, {"NEW", "b"}} {
			if critic.HasOpening(c.Text(side.key)) {
				fmt.Fprintf(f.IO.ErrOut, "redline: warning: %s holds CriticMarkup of its own; the critic redline escapes those marks (\\{++), so accepting or rejecting its changes gives them back with a backslash: resolve them first, or compare with --format plain or html\n", side.name)
			}
		}
	}
	return view.Render(w, c, ropts)
}

// versionInput turns a resolved reference into a side of the comparison,
// with what the store knows about the revision.
func versionInput(v *draft.Version, kind string) diff.Input {
	in := diff.Input{Name: v.Name, Data: v.Data, Kind: kind}
	if v.Name == "<stdin>" {
		in.Name = "-"
	}
	if r := v.Revision; r != nil {
		if r.Sent != nil {
			in.Data = withSentFields(v.Name, v.Data, r.Sent)
		}
		in.Side.Revision = r.Number
		if len(r.Labels) > 0 {
			in.Side.Label = r.Labels[0]
		}
		in.Side.Author = r.Author
		in.Side.Office = r.Office
		if !r.Time.IsZero() {
			in.Side.Time = r.Time.UTC().Format(time.RFC3339)
		}
	}
	return in
}

// withSentFields gives an as-sent revision the serial, date-time group and
// precedence it went out with, which send records beside the draft rather
// than in it, so that comparing it with the cable that was sent shows no
// field changes. Content that does not parse is compared as it is.
func withSentFields(name string, data []byte, s *draft.Sent) []byte {
	doc, err := draft.Parse(name, data)
	if err != nil {
		return data
	}
	doc.Fields.Serial = s.Serial
	doc.Fields.DTG = s.DTG
	before := doc.Fields.InfoPrecedence
	sentPrecedence(doc, s.Precedence)
	if before == "" && doc.Fields.InfoPrecedence == doc.Fields.Precedence {
		doc.Fields.InfoPrecedence = ""
	}
	return doc.Bytes()
}
