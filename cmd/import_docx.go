package cmd

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/docx"
)

func init() {
	registerImport(func(f *Factory) *cobra.Command { return NewCmdImportDocx(f, nil) })
}

// ImportDocxOptions holds what `redline import docx` needs.
type ImportDocxOptions struct {
	IO      *IOStreams
	Factory *Factory

	File   string
	Output outputTarget
	JSON   *jsonExporter
}

// importDocxJSON is what `import docx --json` prints.
type importDocxJSON struct {
	Output        string          `json:"output"`
	Changes       []critic.Change `json:"changes"`
	FormatChanges int             `json:"format_changes"`
	Warnings      []string        `json:"warnings"`
}

// NewCmdImportDocx builds `redline import docx`. runF, when not nil, runs
// instead of importDocxRun (tests use it to see the parsed options).
func NewCmdImportDocx(f *Factory, runF func(*ImportDocxOptions) error) *cobra.Command {
	opts := &ImportDocxOptions{IO: f.IO, Factory: f}
	c := &cobra.Command{
		Use:   "docx FILE.docx -o DRAFT.md",
		Short: "Turn a Word document's tracked changes and comments into CriticMarkup",
		Long: `Read a Word document (.docx) and write a Markdown draft with its tracked
changes as CriticMarkup, each followed by a comment naming its author and the
time of the revision:

  inserted (w:ins)              {++new++}{>>@AUTHOR: (DATE)<<}
  deleted (w:del)               {--old--}{>>@AUTHOR: (DATE)<<}
  deleted then inserted         {~~old~>new~~}{>>@AUTHOR: (DATE)<<}
  moved (w:moveFrom, w:moveTo)  {--text--}{>>@AUTHOR: moved to N (DATE)<<} and
                                {++text++}{>>@AUTHOR: moved from N (DATE)<<}
  a comment on some text        text{>>@AUTHOR: comment (DATE)<<} (where its range ends)
  a reply                       {>>@AUTHOR: reply to NAME: text (DATE)<<}

A paragraph split or joined under tracking is its paragraph break inserted or
deleted. The front matter takes the title (a first paragraph in Word's Title
style) and the classification (the page header, when it is one). Headings, bullets, quotes, bold and italic become Markdown. List the
changes with 'redline changes DRAFT.md' and accept or reject them there.

Formatting changed under tracking (w:rPrChange, w:pPrChange) has no
CriticMarkup: it is counted on standard error, not marked. Anything else not
understood (footnotes, pictures, fields, unknown elements) is named in a
warning on standard error.

The file is refused, and nothing written, when it is not a WordprocessingML
package, when it lists more than 1000 entries or expands beyond 32 MB a part
or 64 MB in all (counted as it is read), and when it refers to anything
outside itself (external relationships other than hyperlinks, altChunk, an
attached template).

Without -o the draft goes to standard output. An existing DRAFT.md is only
replaced with --force. --json prints the changes (number, kind, line,
old and new text, author, comment), the count of formatting changes and
the warnings instead of the summary (the draft then needs -o).`,
		Example: `  redline import docx cleared.docx -o cleared.md
  redline changes cleared.md
  redline import docx cleared.docx -o cleared.md --jq '.changes[] | .author' | sort | uniq -c`,
		Args: exactArgs(1, "one Word document FILE.docx"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			if opts.JSON.Enabled() && opts.Output.ToStdout() {
				return usageErrorf("--json prints the report on standard output: write the draft with -o DRAFT.md")
			}
			if runF != nil {
				return runF(opts)
			}
			return importDocxRun(opts)
		},
	}
	addOutputFlags(c, &opts.Output, "the draft", "the document imported")
	opts.JSON = addJSONFlags(c, importDocxJSON{})
	return c
}

func importDocxRun(opts *ImportDocxOptions) error {
	f := opts.Factory
	// Refuse a bad target before reading anything.
	if err := opts.Output.Check(f, opts.File); err != nil {
		return err
	}
	// A package larger than everything Read would expand is refused
	// before it is read into memory.
	if fi, err := os.Stat(opts.File); err == nil && fi.Mode().IsRegular() && fi.Size() > docx.DefaultLimits.Total {
		return fmt.Errorf("%s: %w: the file is %d bytes, more than the %d a document may expand to", opts.File, docx.ErrRefused, fi.Size(), docx.DefaultLimits.Total)
	}
	v, err := f.Resolve(opts.File)
	if err != nil {
		return err
	}
	defer startProgress(opts.IO, "importing "+v.Name)()
	doc, rep, err := docx.Read(v.Data)
	if err != nil {
		return fmt.Errorf("%s: %w", v.Name, err)
	}
	out := docx.Draft(doc)
	// What is written must read back as tracked changes.
	d, err := critic.Parse(v.Name, out)
	if err != nil {
		return fmt.Errorf("the draft made from %s does not read back: %v", v.Name, err)
	}
	if opts.JSON.Enabled() {
		if err := opts.JSON.check(); err != nil {
			return err
		}
		if _, err := writeImported(f, opts.Output.Path, out, opts.Output.Force, v.Path); err != nil {
			return err
		}
		return opts.JSON.Write(opts.IO.Out, importDocxJSON{Output: opts.Output.Path, Changes: d.Changes(), FormatChanges: rep.FormatChanges, Warnings: append([]string{}, rep.Warnings...)})
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(opts.IO.ErrOut, "redline: warning: %s: %s\n", v.Name, w)
	}
	if n := rep.FormatChanges; n > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "redline: %s: %s only, not marked (CriticMarkup has no formatting changes)\n", v.Name, plural(n, "formatting change"))
	}
	toStdout, err := writeImported(f, opts.Output.Path, out, opts.Output.Force, v.Path)
	if err != nil || toStdout {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "wrote %s with %s: see them with 'redline changes %s'\n", opts.Output.Path, changeCount(len(d.Changes())), opts.Output.Path)
	return nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
