package cmd

import (
	"fmt"

	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/telegram"
	"github.com/spf13/cobra"
)

func init() {
	registerImport(func(f *Factory) *cobra.Command { return NewCmdImportCable(f, nil) })
}

// ImportCableOptions holds what `redline import cable` needs.
type ImportCableOptions struct {
	IO      *IOStreams
	Factory *Factory

	File         string
	Output       string
	Force        bool
	SentenceCase bool
	Names        []string
	Template     string
}

// NewCmdImportCable builds `redline import cable`. runF, when not nil,
// runs instead of importCableRun (tests use it to see the parsed options).
func NewCmdImportCable(f *Factory, runF func(*ImportCableOptions) error) *cobra.Command {
	opts := &ImportCableOptions{IO: f.IO, Factory: f}
	c := &cobra.Command{
		Use:   "cable FILE -o DRAFT.md",
		Short: "Turn a cable (received, archived or sent) back into a Markdown draft",
		Long: `Read a cable (see 'redline cable parse') and write a draft: front matter from
its heading and fields (classification, captions, precedence, from, to, info,
series, passing line, subject, references, E.O., tags, title lines, and the
template that writes that form of cable), and its text as the Markdown body,
with the teleprinter's line wraps joined into paragraphs. The cable's own
date-time group and serial are not copied: they belong to the cable that was
sent, not to a new draft.

--sentence-case lower-cases the text except the first letter of each
sentence, paragraph and list item, the word I, and the names and acronyms
listed under names: in .redline/config.yaml (or given with --name), written
as they are listed there (CSCE, Gorbachev, Soviet Union).

An existing DRAFT.md is only replaced with --force.`,
		Example: `  redline import cable received.txt -o reply.md
  redline import cable examples/moscow-1988/as-sent.txt -o telegram-again.md --sentence-case
  redline import cable state-153441.txt -o draft.md --sentence-case --name Shultz --name CSCE`,
		Args: exactArgs(1, "one cable FILE (or - for standard input)"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			if opts.Output == "" {
				return usageErrorf("import cable needs -o DRAFT.md (or -o - for standard output)")
			}
			if runF != nil {
				return runF(opts)
			}
			return importCableRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.Output, "output", "o", "", "write the draft to `DRAFT.md` (- for standard output)")
	c.Flags().BoolVarP(&opts.Force, "force", "f", false, "replace DRAFT.md if it exists")
	c.Flags().BoolVar(&opts.SentenceCase, "sentence-case", false, "write the text in sentence case instead of capitals")
	c.Flags().StringArrayVar(&opts.Names, "name", nil, "a name or acronym to keep capitalised with --sentence-case (repeatable)")
	c.Flags().StringVar(&opts.Template, "template", "", "template field for the draft (default: guessed from the cable's form)")
	return c
}

func importCableRun(opts *ImportCableOptions) error {
	f := opts.Factory
	defer startProgress(opts.IO, "importing "+opts.File)()
	m, err := cableParseFile(opts.IO, opts.File)
	if err != nil {
		return err
	}
	ws, err := f.OptionalWorkspace()
	if err != nil {
		return err
	}
	names := append([]string(nil), opts.Names...)
	var series []draft.SerialSeries
	if ws != nil {
		names = append(names, ws.Config.Names...)
		series = ws.Config.Series
	} else {
		series = draft.DefaultSeries()
	}
	dir, err := f.templateDir()
	if err != nil {
		return err
	}
	fields, body := telegram.FromCable(m, series, opts.Template, dir)
	if opts.SentenceCase {
		body = telegram.SentenceCase(body, names)
		fields.Subject = telegram.SentenceCase(fields.Subject, names)
		fields.Title = telegram.SentenceCase(fields.Title, names)
		fields.Signature = telegram.NameCase(fields.Signature, names)
	}
	out := draft.New(opts.Output, fields, []byte(body)).Bytes()
	// What is written must read back as a draft.
	doc, err := draft.Parse(opts.Output, out)
	if err != nil {
		return fmt.Errorf("the draft made from %s does not read back: %v", opts.File, err)
	}
	toStdout, err := writeImported(f, opts.Output, out, opts.Force, opts.File)
	if err != nil {
		return err
	}
	if !toStdout {
		if _, err := fmt.Fprintf(f.IO.ErrOut, "%s: draft written from %s\n", opts.Output, opts.File); err != nil {
			return err
		}
	}
	for _, l := range telegram.ImportLosses(m) {
		if _, err := fmt.Fprintf(f.IO.ErrOut, "redline: note: %s\n", l); err != nil {
			return err
		}
	}
	// A copy may lack what its template needs (a transcription gives no
	// precedence, a filed copy no signature): say so now, not at render.
	if _, rerr := telegram.Render(doc, telegram.Options{TemplateDir: dir}); rerr != nil {
		_, err = fmt.Fprintf(f.IO.ErrOut, "redline: note: %v (the copy does not give it)\n", rerr)
	}
	return err
}
