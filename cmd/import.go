package cmd

import (
	"github.com/spf13/cobra"
)

func init() { register(NewCmdImport) }

// importConstructors holds the `redline import KIND` subcommands, registered
// from their own files.
var importConstructors []func(*Factory) *cobra.Command

func registerImport(c func(*Factory) *cobra.Command) {
	importConstructors = append(importConstructors, c)
}

// NewCmdImport builds `redline import`, the parent of the importers.
func NewCmdImport(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "import <kind> FILE -o DRAFT.md",
		Short: "Turn another form of a message into a redline draft",
		Example: `  redline import handwritten scan-transcript.md -o amended.md
  redline import cable received.txt -o draft.md`,
		Args: exactArgs(0, "a kind of import: see 'redline import --help'"),
		RunE: func(c *cobra.Command, args []string) error { return c.Help() },
	}
	for _, sub := range importConstructors {
		c.AddCommand(sub(f))
	}
	return c
}
