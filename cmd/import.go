package cmd

import (
	"github.com/spf13/cobra"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdImport(f, nil) })
}

// importConstructors holds the `redline import KIND` subcommands, registered
// from their own files.
var importConstructors []func(*Factory) *cobra.Command

func registerImport(c func(*Factory) *cobra.Command) {
	importConstructors = append(importConstructors, c)
}

// ImportOptions holds what `redline import` with no kind needs.
type ImportOptions struct {
	// Help prints the command's help: the list of kinds.
	Help func() error
}

// NewCmdImport builds `redline import`, the parent of the importers.
func NewCmdImport(f *Factory, runF func(*ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{}
	c := &cobra.Command{
		Use:   "import <kind> FILE -o DRAFT.md",
		Short: "Turn another form of a message into a redline draft",
		Example: `  redline import handwritten scan-transcript.md -o amended.md
  redline import cable received.txt -o draft.md`,
		Args: exactArgs(0, "a kind of import: see 'redline import --help'"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Help = c.Help
			if runF != nil {
				return runF(opts)
			}
			return opts.Help()
		},
	}
	for _, sub := range importConstructors {
		c.AddCommand(sub(f))
	}
	return c
}

// writeImported writes an importer's draft through the one -o writer:
// standard output for "" or "-" (reporting toStdout), else atomically to
// path, refusing to replace an existing file unless force is set, and
// never over the file imported.
func writeImported(f *Factory, path string, data []byte, force bool, input string) (toStdout bool, err error) {
	o := outputTarget{Path: path, Force: force}
	return o.ToStdout(), o.Write(f, data, input)
}
