package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/docx"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/render"
	"github.com/redline-dev/redline/render/tracked"
	"github.com/redline-dev/redline/telegram"
)

func init() { register(func(f *Factory) *cobra.Command { return NewCmdRender(f, nil) }) }

// RenderOptions holds what `redline render` needs: its streams, the
// factory (references, templates, the clock, colour and the -o writer),
// and the parsed arguments and flags.
type RenderOptions struct {
	IO      *IOStreams
	Factory *Factory

	Ref        string
	Format     string
	Template   string
	DTG        string
	Serial     string
	PageLines  int
	YearDigits int
	Output     outputTarget
	Paper      string
}

// NewCmdRender builds `redline render`. runF, when not nil, receives the
// parsed options instead of renderRun.
func NewCmdRender(f *Factory, runF func(*RenderOptions) error) *cobra.Command {
	opts := &RenderOptions{IO: f.IO, Factory: f}
	c := &cobra.Command{
		Use:   "render FILE[@REV]",
		Short: "Render a draft as a cable, or as HTML, a terminal view or PDF",
		Long: `Render a draft as the telegram it will be: through its template (the
template: field of its front matter, or --template), in upper case, mapped to
the circuit's character set, within the template's line width (69 by
default), with the precedence, date-time group, classification and serial.

Before despatch the draft has no serial: the serial is a visible placeholder
and the cable is marked DRAFT - NOT FOR TRANSMISSION at the top and bottom.
Without --dtg (or a dtg: field) the date-time group is the placeholder
DDHHMMZ MON YY; --dtg now stamps the current time in zone Z.

A revision that was sent (FILE@as-sent) prints the cable exactly as it went
out, as recorded by 'redline send', and says so on standard error. With
--dtg, --serial, --template, --page-lines or another format it is rendered
anew from its text, with the serial, date-time group and precedence it was
sent with unless the flags give others.

Rendering refuses a draft with unresolved CriticMarkup tracked changes, a
character the circuit cannot send, a word longer than a line, and text that
would put NNNN, ZCZC or a lone BT at the start of a line; each error names
the draft's line and column.

--page-lines N lays the cable out in pages of N lines for printing, with the
classification at the top and bottom of every page and a page line; pages
are separated by form feeds. Formats: cable (teleprinter text, the default),
json (the laid-out pages: header, lines and footer of each), pdf (the printed cable; needs -o), html (the draft with its tracked changes
as a web page), ansi (the draft with its tracked changes for a terminal) and
docx (a Word document with the CriticMarkup marks as tracked changes by the
authors their comments name, {>>@NAME: …<<}, and the comments as Word
comments; needs -o or a pipe).`,
		Example: `  redline render telegram.md
  redline render examples/moscow-1988/telegram.md --dtg "212130Z DEC 88" --serial "T 192A/88"
  redline render cable.md@no10 --template state-cable --dtg now
  redline render telegram.md@as-sent
  redline render cable.md --page-lines 40 --format pdf -o cable.pdf
  redline render draft.md --template ./my-form.tmpl -o draft.txt`,
		Args: exactArgs(1, "one draft: FILE, FILE@N or FILE@label"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if runF != nil {
				return runF(opts)
			}
			return renderRun(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Format, "format", "cable", "output format: cable, json, pdf, html, ansi or docx")
	fl.StringVar(&opts.Template, "template", "", "template name (see 'redline templates') or path to a .tmpl file")
	fl.StringVar(&opts.DTG, "dtg", "", "date-time group to print (DDHHMMZ MON YY), or now")
	fl.StringVar(&opts.Serial, "serial", "", "the message's serial (T 192A/88, STATE 153441, a TELNO)")
	fl.IntVar(&opts.PageLines, "page-lines", 0, "lay the cable out in pages of N lines (classification and page line on every page)")
	fl.IntVar(&opts.YearDigits, "year-digits", 0, "with --dtg now: write the year with 2 or 4 digits")
	addOutputFlags(c, &opts.Output, "the rendering", "the draft")
	fl.StringVar(&opts.Paper, "paper", "a4", "paper size for --format pdf: a4 or letter")
	return c
}

// checkRenderFlags refuses flag values render cannot use, before anything
// is read.
func checkRenderFlags(opts *RenderOptions) error {
	switch opts.Format {
	case "cable", "text", "json", "pdf", "html", "ansi", "docx":
	default:
		return usageErrorf("--format %q: use cable, json, pdf, html, ansi or docx", opts.Format)
	}
	if opts.PageLines < 0 {
		return usageErrorf("--page-lines %d: give a positive number of lines", opts.PageLines)
	}
	if opts.YearDigits != 0 && opts.YearDigits != 2 && opts.YearDigits != 4 {
		return usageErrorf("--year-digits %d: use 2 or 4", opts.YearDigits)
	}
	if opts.Paper != "a4" && opts.Paper != "letter" {
		return usageErrorf("--paper takes a4 or letter, not %q", opts.Paper)
	}
	if (opts.Format == "pdf" || opts.Format == "docx") && opts.Output.ToStdout() && opts.IO.IsStdoutTTY() {
		return usageErrorf("--format %s writes binary output: give -o FILE.%s or redirect it", opts.Format, opts.Format)
	}
	return nil
}

func renderRun(opts *RenderOptions) error {
	if err := checkRenderFlags(opts); err != nil {
		return err
	}
	f := opts.Factory
	v, err := f.Resolve(opts.Ref)
	if err != nil {
		return err
	}
	if err := opts.Output.Check(f, v.Path); err != nil {
		return err
	}
	defer renderMemoryPolicy(len(v.Data))()
	var sent *draft.Sent
	if v.Revision != nil {
		sent = v.Revision.Sent
	}
	if opts.Format == "ansi" {
		return renderDraftANSI(opts, v.Path, v.Data)
	}
	// Streamed into -o's temporary copy (standard output gets it whole
	// once it is made), so that a long draft's rendering is not held in
	// memory twice.
	return opts.Output.WriteFrom(f, func(w io.Writer) error {
		switch {
		case sent != nil && opts.DTG == "" && opts.Serial == "" && opts.Template == "" &&
			(opts.Format == "cable" || opts.Format == "text") && opts.PageLines == 0 && len(sent.Cable) > 0:
			// What went out is the record: print it byte for byte rather
			// than a new rendering, which a changed template could alter.
			if _, err := w.Write(sent.Cable); err != nil {
				return err
			}
			fmt.Fprintf(opts.IO.ErrOut, "%s went out as %s at %s: this is the cable as sent (give --dtg, --serial or --template to render the draft anew)\n", v.Name, sent.Serial, sent.DTG)
			return nil
		case opts.Format == "html":
			return tracked.DraftHTML(w, v.Name, v.Data, tracked.DraftOptions{})
		case opts.Format == "docx":
			return docx.DraftDOCX(w, v.Name, v.Data, draftDOCXOptions(v))
		}
		return renderTelegram(w, opts, v, sent)
	}, v.Path)
}

// renderTelegram composes the draft as a telegram through its template and
// writes it to w as text, as its laid-out pages in JSON, or as a PDF. A
// sent revision is rendered with what it was sent with (serial, date-time
// group, precedence) unless the flags give others.
func renderTelegram(w io.Writer, opts *RenderOptions, v *draft.Version, sent *draft.Sent) error {
	f := opts.Factory
	doc, err := draft.Parse(v.Name, v.Data)
	if err != nil {
		return err
	}
	dir, err := f.templateDir()
	if err != nil {
		return err
	}
	ropts := telegram.Options{
		Template: opts.Template, TemplateDir: dir, DTG: opts.DTG, Serial: opts.Serial,
		PageLines: opts.PageLines, Now: f.Now(), YearDigits: opts.YearDigits,
	}
	if ws, _ := f.OptionalWorkspace(); ws != nil {
		if ropts.Drafting, err = draftingFor(ws, v.Path, v.Data); err != nil {
			return err
		}
	}
	if sent != nil {
		if ropts.DTG == "" {
			ropts.DTG = sent.DTG
		}
		if ropts.Serial == "" {
			ropts.Serial = sent.Serial
		}
		sentPrecedence(doc, sent.Precedence)
		fmt.Fprintf(opts.IO.ErrOut, "%s went out as %s at %s: rendered anew with the precedence it was sent with and the serial %s and date-time group %s\n", v.Name, sent.Serial, sent.DTG, ropts.Serial, ropts.DTG)
	}
	if opts.Format == "pdf" && ropts.PageLines == 0 {
		ropts.PageLines = -1 // the template's page length, or the PDF default below
	}
	l, err := layoutForFormat(doc, ropts, opts.Format)
	if err != nil {
		return err
	}
	switch opts.Format {
	case "pdf":
		title := doc.Fields.Title
		if title == "" {
			title = strings.TrimSuffix(filepath.Base(v.Name), filepath.Ext(v.Name))
		}
		setup, err := pdfSetupFromEnv()
		if err != nil {
			return err
		}
		defer startProgress(opts.IO, "writing the PDF")()
		return render.CablePDF(w, l, render.PDFOptions{Paper: opts.Paper, Title: title, Setup: setup})
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(l)
	}
	_, err = w.Write(l.Text())
	return err
}

// sentPrecedence sets a draft's precedences to those it was sent with, as
// the as-sent record writes them: the action precedence's letter, then the
// information addressees' letter when it differed ("Z P").
func sentPrecedence(doc *draft.Document, letters string) {
	f := strings.Fields(letters)
	if len(f) == 0 {
		return
	}
	action, ok := cable.PrecedenceByLetter(f[0])
	if !ok {
		return
	}
	doc.Fields.Precedence = action.Word
	doc.Fields.InfoPrecedence = action.Word
	if len(f) > 1 {
		if info, ok := cable.PrecedenceByLetter(f[1]); ok {
			doc.Fields.InfoPrecedence = info.Word
		}
	}
}

// pdfPageLines is the page length of a printed cable when neither
// --page-lines nor the template sets one: an A4 or letter sheet of 10-point
// type with room for the banners.
const pdfPageLines = 56

// layoutForFormat lays the cable out; a PDF is always paged.
func layoutForFormat(doc *draft.Document, ropts telegram.Options, format string) (*telegram.Layout, error) {
	if ropts.PageLines == -1 {
		ropts.PageLines = 0
		l, err := telegram.Compose(doc, ropts)
		if err != nil {
			return nil, err
		}
		if l.Classification != "" { // the template pages the cable itself
			return l, nil
		}
		ropts.PageLines = pdfPageLines
	}
	return telegram.Compose(doc, ropts)
}

// draftDOCXOptions: a change with no author of its own is by the
// revision's author and office, at the revision's time.
func draftDOCXOptions(v *draft.Version) docx.DraftDOCXOptions {
	var o docx.DraftDOCXOptions
	if r := v.Revision; r != nil {
		var who []string
		for _, s := range []string{r.Author, r.Office} {
			if s = strings.TrimSpace(s); s != "" {
				who = append(who, s)
			}
		}
		o.Author = strings.Join(who, ", ")
		if !r.Time.IsZero() {
			o.Date = r.Time.UTC().Format("2006-01-02T15:04:05Z")
		}
	}
	return o
}

// renderDraftANSI writes the draft with its tracked changes coloured. The
// view adds escapes of its own, so on a terminal the draft's control
// characters are made visible before it, not after, and the result goes
// to Out rather than through DocOut.
func renderDraftANSI(opts *RenderOptions, path string, data []byte) error {
	f := opts.Factory
	mode, err := f.ColorMode()
	if err != nil {
		return err
	}
	toStdout := opts.Output.ToStdout()
	if toStdout && opts.IO.IsStdoutTTY() {
		data = []byte(visibleControls(string(data)))
	}
	var buf bytes.Buffer
	if err := tracked.DraftANSI(&buf, data, opts.IO.ColorEnabled(mode, !toStdout)); err != nil {
		return err
	}
	if toStdout {
		_, err := opts.IO.Out.Write(buf.Bytes())
		return err
	}
	return opts.Output.Write(f, buf.Bytes(), path)
}
