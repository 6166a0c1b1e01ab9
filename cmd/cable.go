package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/diff"
	"github.com/spf13/cobra"
)

func init() { register(func(f *Factory) *cobra.Command { return NewCmdCable(f, nil) }) }

// NewCmdCable builds `redline cable`, the parent of the commands that read
// cables; parseF, when not nil, runs instead of cableParseRun.
func NewCmdCable(f *Factory, parseF func(*CableParseOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "cable <command>",
		Short: "Read cables: their heading, fields and text",
		Example: `  redline cable parse as-sent.txt
  redline cable parse received.txt --json`,
		Args: exactArgs(0, "a subcommand: see 'redline cable --help'"),
		RunE: func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.AddCommand(newCmdCableParse(f, parseF))
	return c
}

// CableParseOptions holds what `redline cable parse` needs.
type CableParseOptions struct {
	IO *IOStreams

	File string
	JSON *jsonExporter
}

func newCmdCableParse(f *Factory, runF func(*CableParseOptions) error) *cobra.Command {
	opts := &CableParseOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "parse FILE",
		Short: "Show a cable's heading, fields and text",
		Long: `Read a cable and show its parts: the transmission lines, precedence letters,
date-time group, FM, TO, INFO and XMT addressees, classification, captions,
serial, E.O. and TAGS lines, subject, references, passing line, title lines,
the text and the ending (NNNN).

It reads cables as transmitted (ZCZC ... NNNN), redline's own output, UK FCO
telegrams (FM / TO / TELNO / OF) and archive copies: page furniture between
pages (classification banners, PAGE 02 STATE 153441, SECTION 1 OF 2), later
sections' repeated headings, words hyphenated across line ends, NNN endings and
headings printed after the text. FILE may be - for standard input.

Addressees are given without the precedence written beside them (TO
AMEMBASSY LONDON IMMEDIATE gives AMEMBASSY LONDON, with IMMEDIATE in
to_precedence), the E.O. line without its label, the handling words printed
with the classification as caveats and those on lines of their own as
captions. The principal's name that signs a State cable or an FCO telegram is
the signature, not part of the text; so are the signatures at the end of each
section of a State cable split into sections.

--json prints an object with the keys transmission, precedence (an array of
letters), dtg, from, to, info, xmt, to_precedence and info_precedence (arrays
beside to and info: IMMEDIATE, NIACT IMMEDIATE, DESKBY 170600Z), deskby (the
time of an FCO TO DESKBY line), form (the dialect: state, fco, personal,
archive for a State telegram as the archive keeps it, transcription, or ""),
classification, caveats, captions, serial, eo, tags, classified_by, subject,
references, passing, heading, text, signature, text_line and ending; and,
where the copy has them, origin, distribution, drafted_by, approved_by,
clearances and desired_distribution (a State copy's drafting block), title,
dateline, source_note, notes, footnote_marks and page_markers (what a
published transcription adds to the telegram).`,
		Example: `  redline cable parse examples/moscow-1988/as-sent.txt
  redline cable parse state-153441.txt --json | jq -r .serial`,
		Args: exactArgs(1, "one cable file (or - for standard input)"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return cableParseRun(opts)
		},
	}
	opts.JSON = addJSONFlags(c, cable.Message{})
	return c
}

func cableReadInput(ios *IOStreams, name string) ([]byte, error) {
	if name == "-" {
		b, err := io.ReadAll(ios.In)
		if err != nil {
			return nil, fmt.Errorf("cannot read standard input: %w", err)
		}
		return b, nil
	}
	fi, err := os.Stat(name)
	if err != nil {
		return nil, fmt.Errorf("%s: no such file", name)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a folder: give a cable file", name)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", name, sendUnwrap(err))
	}
	return b, nil
}

func cableParseFile(ios *IOStreams, name string) (*cable.Message, error) {
	data, err := cableReadInput(ios, name)
	if err != nil {
		return nil, err
	}
	// A binary file is refused as diff refuses it, not searched for a
	// heading.
	if err := diff.CheckText(name, data); err != nil {
		return nil, err
	}
	m, err := cable.Parse(data)
	if err != nil {
		if name == "-" {
			name = "standard input"
		}
		var pe *cable.ParseError
		if errors.As(err, &pe) && pe.Line > 0 {
			return nil, fmt.Errorf("%s:%d: %s", name, pe.Line, pe.Msg)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return m, nil
}

func cableParseRun(opts *CableParseOptions) error {
	m, err := cableParseFile(opts.IO, opts.File)
	if err != nil {
		return err
	}
	if opts.JSON.Enabled() {
		// The Message's own JSON form is the contract for scripts (see
		// cable.Message): parse and import read one value.
		return opts.JSON.Write(opts.IO.Out, m)
	}
	_, err = io.WriteString(opts.IO.TerminalSafe(opts.IO.Out), messageFields(m))
	return err
}

// messageFields writes a parsed cable for a person: a field a line, where
// it has a value, then the text.
func messageFields(m *cable.Message) string {
	var b strings.Builder
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%-15s %s\n", k+":", v)
		}
	}
	// An addressee with the precedence written beside it.
	addressees := func(names, precs []string) []string {
		out := make([]string, len(names))
		for i, a := range names {
			out[i] = a
			if i < len(precs) && precs[i] != "" {
				out[i] += " (" + precs[i] + ")"
			}
		}
		return out
	}
	list := func(k string, vs []string) {
		for i, v := range vs {
			if i > 0 {
				k = ""
			} else {
				k += ":"
			}
			fmt.Fprintf(&b, "%-15s %s\n", k, v)
		}
	}
	list("transmission", m.Transmission)
	prec := make([]string, 0, len(m.Precedence))
	for _, l := range m.Precedence {
		if p, ok := cable.PrecedenceByLetter(l); ok {
			prec = append(prec, l+" ("+p.Word+")")
		}
	}
	field("precedence", strings.Join(prec, " "))
	field("dtg", m.DTG)
	field("deskby", m.Deskby)
	field("from", m.From)
	list("to", addressees(m.To, m.ToPrecedence))
	list("info", addressees(m.Info, m.InfoPrecedence))
	list("xmt", m.XMT)
	field("form", m.Form)
	field("classification", m.Classification)
	field("caveats", strings.Join(m.Caveats, ", "))
	field("captions", strings.Join(m.Captions, ", "))
	field("serial", m.Serial)
	field("e.o.", m.EO)
	field("tags", strings.Join(m.Tags, ", "))
	field("classified by", m.ClassifiedBy)
	field("subject", m.Subject)
	list("references", m.References)
	field("passing", m.Passing)
	list("heading", m.Heading)
	field("signature", m.Signature)
	field("ending", m.Ending)
	// what an archive copy or a transcription holds besides the telegram
	field("origin", m.Origin)
	field("distribution", strings.Join(m.Distribution, " "))
	field("drafted by", m.DraftedBy)
	field("approved by", m.ApprovedBy)
	list("clearances", m.Clearances)
	field("desired distr.", m.DesiredDistribution)
	field("title", m.Title)
	field("dateline", m.Dateline)
	field("source note", m.SourceNote)
	list("notes", m.Notes)
	if m.FootnoteMarks+m.PageMarkers > 0 {
		field("taken out", plural(m.FootnoteMarks, "footnote mark")+", "+plural(m.PageMarkers, "page marker"))
	}
	if m.Text != "" {
		fmt.Fprintf(&b, "text (from line %d):\n", m.TextLine)
		for _, l := range strings.Split(m.Text, "\n") {
			b.WriteString("  " + l)
			b.WriteByte('\n')
		}
	}
	return strings.ReplaceAll(b.String(), "  \n", "\n")
}
