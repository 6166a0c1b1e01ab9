package cmd

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

func init() { register(NewCmdFsck) }

type fsckOptions struct {
	JSON bool
}

// NewCmdFsck builds `redline fsck`.
func NewCmdFsck(f *Factory) *cobra.Command {
	opts := &fsckOptions{}
	c := &cobra.Command{
		Use:   "fsck",
		Short: "Check the revision store for damage",
		Long: `Check every stored revision: that its record is valid JSON with an intact
checksum, that its content matches its SHA-256, that each draft's revisions run
1, 2, 3 ... without gaps with each parent the one before, that nothing follows
a sent revision, that serial numbers are not used twice, and that every label
points at a revision that exists. Each damaged file is named; the exit status
is non-zero when anything is damaged.`,
		Example: `  redline fsck
  redline fsck --json`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, args []string) error { return runFsck(f, opts) },
	}
	c.Flags().BoolVar(&opts.JSON, "json", false, "print the report as JSON")
	return c
}

func runFsck(f *Factory, opts *fsckOptions) error {
	ws, err := f.Workspace()
	if err != nil {
		return err
	}
	rep, err := ws.Fsck()
	if err != nil {
		return err
	}
	if opts.JSON {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		for _, p := range rep.Problems {
			fmt.Fprintf(f.IO.Out, "damaged: %s: %s\n", p.Path, p.Message)
		}
		for _, n := range rep.Notes {
			fmt.Fprintf(f.IO.Out, "note: %s: %s\n", n.Path, n.Message)
		}
		status := "ok"
		if !rep.OK() {
			status = fmt.Sprintf("%d problem(s)", len(rep.Problems))
		}
		fmt.Fprintf(f.IO.Out, "checked %d draft(s), %d revision(s), %d label record(s): %s\n", rep.Drafts, rep.Revisions, rep.Labels, status)
	}
	if !rep.OK() {
		return fmt.Errorf("the store in %s is damaged: %d problem(s); follow the fix given with a problem, else restore the files named above from a backup", ws.Dir(), len(rep.Problems))
	}
	return nil
}
