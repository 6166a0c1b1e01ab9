package cmd

import (
	"fmt"

	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

func init() { register(func(f *Factory) *cobra.Command { return NewCmdFsck(f, nil) }) }

// FsckOptions are `redline fsck`'s flags and what it needs from outside.
type FsckOptions struct {
	IO        *IOStreams
	Workspace func() (*draft.Workspace, error)
	JSON      *jsonExporter
}

// NewCmdFsck builds `redline fsck`; runF, when given, receives the parsed
// options instead of fsckRun.
func NewCmdFsck(f *Factory, runF func(*FsckOptions) error) *cobra.Command {
	opts := &FsckOptions{IO: f.IO, Workspace: f.Workspace}
	c := &cobra.Command{
		Use:   "fsck",
		Short: "Check the revision store for damage",
		Long: `Check the whole store, on SQLite or PostgreSQL alike: every revision's content
against its SHA-256; each draft's revisions numbered 1, 2, 3 ... without gaps,
each recording its parent's hash (a chain, as git's commits do) up to the head
the store records; the label records, chained one to the next, against the
labels in force; the serial register, its own append-only chain, against the
as-sent revisions one for one, with each serial's key read by the one rule
send uses; the serial counters; and the clearance records' chain. A record
deleted or edited by hand, even with its hashes recomputed, breaks a chain:
fsck names the first break. The exit status is non-zero when anything is
damaged.`,
		Example: `  redline fsck
  redline fsck --json`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return fsckRun(opts)
		},
	}
	opts.JSON = addJSONFlags(c, draft.FsckReport{})
	return c
}

func fsckRun(opts *FsckOptions) error {
	ws, err := opts.Workspace()
	if err != nil {
		return err
	}
	stop := startProgress(opts.IO, "checking the store")
	rep, err := ws.Fsck()
	stop()
	if err != nil {
		return err
	}
	out := opts.IO.Out
	if opts.JSON.Enabled() {
		if err := opts.JSON.Write(out, rep); err != nil {
			return err
		}
	} else {
		for _, p := range rep.Problems {
			fmt.Fprintf(out, "damaged: %s: %s\n", p.Path, p.Message)
		}
		for _, n := range rep.Notes {
			fmt.Fprintf(out, "note: %s: %s\n", n.Path, n.Message)
		}
		status := "ok"
		if !rep.OK() {
			status = fmt.Sprintf("%d problem(s)", len(rep.Problems))
		}
		fmt.Fprintf(out, "checked %d draft(s), %d revision(s), %d label record(s), %d register entr(ies), %d clearance(s): %s\n",
			rep.Drafts, rep.Revisions, rep.Labels, rep.Register, rep.Clearances, status)
	}
	if !rep.OK() {
		return fmt.Errorf("the store %s is damaged: %d problem(s), the first at %s: restore the store from a backup made before that record was changed (the serial counters keep every number issued, so send will not issue one again meanwhile)", rep.Store, len(rep.Problems), rep.Problems[0].Path)
	}
	return nil
}
