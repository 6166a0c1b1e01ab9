package cmd

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/attrib"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/render"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdBlame(f, nil) })
}

// BlameOptions holds what `redline blame` needs.
type BlameOptions struct {
	IO        *IOStreams
	Factory   *Factory
	Workspace func() (*draft.Workspace, error)

	Ref     string
	Format  string
	JSON    *jsonExporter
	Output  outputTarget
	Title   string
	Paper   string
	NoPager bool
}

// NewCmdBlame builds `redline blame`. runF, when not nil, runs instead of
// blameRun (tests use it to see the parsed options).
func NewCmdBlame(f *Factory, runF func(*BlameOptions) error) *cobra.Command {
	opts := &BlameOptions{IO: f.IO, Factory: f, Workspace: f.Workspace}
	c := &cobra.Command{
		Use:   "blame FILE[@REV]",
		Short: "Show which revision, author and office wrote each word",
		Long: `For each word of a revision (the working copy by default), show the revision,
author and office that introduced it. The draft's revisions are compared hop by
hop with the comparison engine, and a word keeps its author through every hop
that leaves it in its place: re-wrapping, a change of case and re-typing as a
cable do not re-attribute it; a passage moved is attributed to the hop that
moved it. For a sent revision, the cable as transmitted is attributed. A
revision is read as its reader sees it: one holding CriticMarkup with its
changes accepted (so the revision that accepts them is credited with
nothing), and one whose content is a cable by its message text, not its
heading.

Formats (--format): plain marks every run of words from a revision other than
the first as {N:…}; ansi colours the text by office; html and pdf colour it by
office with a legend (pdf needs -o or a pipe). --json prints every word with its
revision, author and office.`,
		Example: `  redline blame message.md
  redline blame message.md@as-sent --format html -o blame.html
  redline blame message.md@3 --json | jq '.words[] | select(.office == "No. 10") | .text'`,
		Args: exactArgs(1, "one reference: FILE or FILE@REV"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if opts.JSON.Enabled() && opts.Format != "" {
				return usageErrorf("--json and --format cannot be used together")
			}
			if err := opts.JSON.check(); err != nil {
				return err // before the chain is compared, not after it
			}
			if opts.Format != "" && !slices.Contains(render.BlameFormats(), opts.Format) {
				return usageErrorf("unknown format %q: use one of %s", opts.Format, strings.Join(render.BlameFormats(), ", "))
			}
			if opts.Paper != "a4" && opts.Paper != "letter" {
				return usageErrorf("--paper takes a4 or letter, not %q", opts.Paper)
			}
			if runF != nil {
				return runF(opts)
			}
			return blameRun(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Format, "format", "", "output format: "+strings.Join(render.BlameFormats(), ", ")+" (default: ansi on a terminal, else plain)")
	opts.JSON = addJSONFlags(c, blameJSON{})
	addOutputFlags(c, &opts.Output, "the attribution", "the draft")
	fl.StringVar(&opts.Title, "title", "", "title of an HTML or PDF attribution")
	fl.StringVar(&opts.Paper, "paper", "a4", "paper size of a PDF: a4 or letter")
	return c
}

// blameJSON is what `blame --json` prints.
type blameJSON struct {
	Ref       string          `json:"ref"`
	Revisions []blameRevJSON  `json:"revisions"`
	Offices   []attrib.Share  `json:"offices"`
	Words     []blameWordJSON `json:"words"`
	Spans     []blameSpanJSON `json:"spans"`
}

type blameRevJSON struct {
	Name   string `json:"name"`
	Number int    `json:"number"`
	Label  string `json:"label,omitempty"`
	Author string `json:"author"`
	Office string `json:"office"`
	Time   string `json:"time,omitempty"`
	Words  int    `json:"words"`
}

type blameWordJSON struct {
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Revision int    `json:"revision"`
	Author   string `json:"author"`
	Office   string `json:"office"`
}

type blameSpanJSON struct {
	Text     string `json:"text"`
	Revision int    `json:"revision"`
	Office   string `json:"office"`
}

func newBlameJSON(ref string, b *attrib.Blame) blameJSON {
	out := blameJSON{Ref: ref, Offices: b.Offices(), Words: []blameWordJSON{}, Spans: []blameSpanJSON{}}
	counts := make([]int, len(b.Revisions))
	for _, w := range b.Words {
		r := b.Revisions[w.Rev]
		counts[w.Rev]++
		out.Words = append(out.Words, blameWordJSON{Text: b.Text[w.Start:w.End], Start: w.Start, End: w.End,
			Revision: r.Number, Author: r.Author, Office: r.Office})
	}
	for i, r := range b.Revisions {
		e := blameRevJSON{Name: r.Name, Number: r.Number, Label: r.Label, Author: r.Author, Office: r.Office, Words: counts[i]}
		if !r.Time.IsZero() {
			e.Time = r.Time.UTC().Format(time.RFC3339)
		}
		out.Revisions = append(out.Revisions, e)
	}
	for _, s := range b.Spans() {
		r := b.Revisions[s.Rev]
		out.Spans = append(out.Spans, blameSpanJSON{Text: s.Text, Revision: r.Number, Office: r.Office})
	}
	return out
}

func blameRun(opts *BlameOptions) error {
	ws, err := opts.Workspace()
	if err != nil {
		return err
	}
	chain, path, err := draftChain(opts.Factory, ws, opts.Ref)
	if err != nil {
		return err
	}
	b, err := attrib.Chain(chain)
	if err != nil {
		return err
	}
	toFile := !opts.Output.ToStdout()
	format := opts.Format
	if format == "" {
		format = "plain"
		if !toFile && opts.IO.IsStdoutTTY() {
			format = "ansi"
		}
	}
	if err := opts.Output.Check(opts.Factory, path); err != nil {
		return err
	}
	if format == "pdf" && !toFile && opts.IO.IsStdoutTTY() {
		return usageErrorf("pdf output is binary and will not be written to a terminal: use -o FILE or a pipe")
	}
	mode, err := opts.Factory.ColorMode()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch {
	case opts.JSON.Enabled():
		err = opts.JSON.Write(&buf, newBlameJSON(opts.Ref, b))
	case format == "pdf":
		var warnings []string
		var setup render.PDFSetup
		if setup, err = pdfSetupFromEnv(); err != nil {
			break
		}
		stop := startProgress(opts.IO, "writing the PDF")
		warnings, err = render.BlamePDFWithWarnings(&buf, b, render.BlameOptions{Title: opts.Title, Paper: opts.Paper, PDF: setup})
		stop()
		for _, m := range warnings {
			fmt.Fprintf(opts.IO.ErrOut, "redline: warning: %s\n", m)
		}
	default:
		err = render.Blame(&buf, b, format, render.BlameOptions{Color: opts.IO.ColorEnabled(mode, toFile),
			Title: opts.Title, Paper: opts.Paper})
	}
	if err != nil {
		return err
	}
	if toFile {
		// Rendered whole first, so that a failure leaves no half-written file.
		return opts.Output.Write(opts.Factory, buf.Bytes(), path)
	}
	var out io.Writer = opts.IO.Out
	wait := func() {}
	if format != "pdf" {
		out, wait = startPager(opts.IO, opts.NoPager)
	}
	if opts.JSON.Enabled() || format == "html" {
		out = opts.IO.TerminalSafe(out) // the terminal views clean their own text
	}
	bw := bufio.NewWriter(out)
	_, err = bw.Write(buf.Bytes())
	if err == nil {
		err = bw.Flush()
	}
	wait()
	return err
}
