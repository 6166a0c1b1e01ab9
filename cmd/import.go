package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/redline-dev/redline/draft"
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

// writeImported writes an importer's draft: to standard output for "" or
// "-" (reporting toStdout), else atomically to path, refusing to replace an
// existing file unless force is set.
func writeImported(f *Factory, path string, data []byte, force bool) (toStdout bool, err error) {
	if path == "" || path == "-" {
		_, err := f.IO.Out.Write(data)
		return true, err
	}
	if !force {
		if _, err := os.Stat(path); err == nil {
			return false, fmt.Errorf("%s exists: give --force to replace it, or another -o", path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return false, err
		}
	}
	return false, draft.WriteFileAtomic(path, data, 0o644)
}
