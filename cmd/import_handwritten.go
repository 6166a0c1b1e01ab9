package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
)

func init() {
	registerImport(func(f *Factory) *cobra.Command { return NewCmdImportHandwritten(f, nil) })
}

// ImportHandwrittenOptions holds what `redline import handwritten` needs.
type ImportHandwrittenOptions struct {
	IO      *IOStreams
	Resolve func(ref string) (*draft.Version, error)
	// Write writes the draft made through the one -o writer; it reports
	// whether it went to standard output.
	Write func(path string, data []byte, force bool, input string) (toStdout bool, err error)

	Ref    string
	Output string
	Force  bool
}

// NewCmdImportHandwritten builds `redline import handwritten`. runF, when
// not nil, runs instead of importHandwrittenRun.
func NewCmdImportHandwritten(f *Factory, runF func(*ImportHandwrittenOptions) error) *cobra.Command {
	opts := &ImportHandwrittenOptions{IO: f.IO, Resolve: f.Resolve,
		Write: func(path string, data []byte, force bool, input string) (bool, error) {
			return writeImported(f, path, data, force, input)
		}}
	c := &cobra.Command{
		Use:   "handwritten FILE -o OUT.md",
		Short: "Turn a transcribed hand-amended draft (~~struck~~, <sup>above</sup>) into tracked changes",
		Long: `Read a draft transcribed from a copy amended by hand, where struck words are
written ~~struck~~ and words written above the line <sup>inserted</sup>, and
write it with the amendments as CriticMarkup tracked changes:

  ~~old~~<sup>new</sup>   becomes   {~~old~>new~~}   (spaces between are allowed)
  ~~old~~                 becomes   {--old--}
  <sup>new</sup>          becomes   {++new++}

Superscripts separated only by spaces are one insertion. Runs may cross
lines and paragraphs. The front matter, code, CriticMarkup already present
and all other Markdown are left as they are. Then list the amendments with
'redline changes OUT.md' and accept or reject them one by one.

Without -o the result goes to standard output. An existing OUT is only
replaced with --force.`,
		Example: `  redline import handwritten examples/moscow-1988/handwritten.md -o amended.md
  redline changes amended.md`,
		Args: exactArgs(1, "one transcribed draft FILE"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if runF != nil {
				return runF(opts)
			}
			return importHandwrittenRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.Output, "output", "o", "", "write the draft to `OUT.md` (- or nothing: standard output)")
	c.Flags().BoolVarP(&opts.Force, "force", "f", false, "replace OUT if it exists")
	return c
}

func importHandwrittenRun(opts *ImportHandwrittenOptions) error {
	v, err := opts.Resolve(opts.Ref)
	if err != nil {
		return err
	}
	defer startProgress(opts.IO, "importing "+v.Name)()
	out, err := critic.ImportHandwrittenFile(v.Name, v.Data)
	if err != nil {
		return err
	}
	// What is written must read back as tracked changes.
	d, err := critic.Parse(v.Name, out)
	if err != nil {
		return fmt.Errorf("the draft made from %s does not read back: %v", v.Name, err)
	}
	toStdout, err := opts.Write(opts.Output, out, opts.Force, v.Path)
	if err != nil || toStdout {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "wrote %s with %s: see them with 'redline changes %s'\n", opts.Output, changeCount(len(d.Changes())), opts.Output)
	return nil
}
