package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdRestore(f, nil) })
}

// RestoreOptions holds what `redline restore` needs: its streams, the
// factory that finds the workspace, and the parsed flags.
type RestoreOptions struct {
	IO      *IOStreams
	Factory *Factory

	Ref   string
	Force bool
}

// NewCmdRestore builds `redline restore`.
func NewCmdRestore(f *Factory, runF func(*RestoreOptions) error) *cobra.Command {
	opts := &RestoreOptions{IO: f.IO, Factory: f}
	c := &cobra.Command{
		Use:   "restore FILE@REV",
		Short: "Put a stored revision back in the working copy",
		Long: `Write the content of revision REV to the draft's working copy, atomically.
A working copy whose content is not stored (edits not yet committed) is not
overwritten unless --force is given. A sealed
(sent) draft is not restored: start a new draft from it with 'redline reopen', or
print an old revision into a new file with 'redline show'.`,
		Example: `  redline restore fco-draft.md@2
  redline restore fco-draft.md@fco-draft --force`,
		Args:              exactArgs(1, "one reference: FILE@N, FILE@label or FILE@latest"),
		ValidArgsFunction: f.refArgsCompletion(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if runF != nil {
				return runF(opts)
			}
			return restoreRun(opts)
		},
	}
	c.Flags().BoolVarP(&opts.Force, "force", "f", false, "overwrite uncommitted edits in the working copy")
	return c
}

func restoreRun(opts *RestoreOptions) error {
	ws, err := opts.Factory.Workspace()
	if err != nil {
		return err
	}
	if opts.Ref == "-" || !strings.Contains(opts.Ref, "@") {
		return usageErrorf("restore needs a revision: redline restore %s@N (or @label, @latest)", opts.Ref)
	}
	v, err := draft.Resolve(ws, opts.Ref, nil)
	if err != nil {
		return err
	}
	if v.Revision == nil {
		return usageErrorf("%s is a file, not a revision: restore FILE@N", opts.Ref)
	}
	// The seal check and the write happen in one store transaction, so a
	// send of the draft cannot slip in between.
	matched := false
	err = ws.WriteUnsealed(v.Path, func(latest *draft.Revision) error {
		var err error
		matched, err = restoreWrite(ws, opts, v, latest)
		return err
	})
	var se *draft.SealedError
	if errors.As(err, &se) {
		return fmt.Errorf("%s is sealed: revision %d was sent as %s at %s, so its working copy is not restored; start a new draft with `redline reopen %s --to NEW.md`, or copy revision %d out with `redline show %s > NEW.md`",
			v.Path, se.Rev.Number, se.Rev.Sent.Serial, se.Rev.Sent.DTG, v.Path, v.Revision.Number, opts.Ref)
	}
	if err != nil {
		return err
	}
	if matched {
		_, err := fmt.Fprintf(opts.IO.Out, "%s already matches revision %d\n", v.Path, v.Revision.Number)
		return err
	}
	_, err = fmt.Fprintf(opts.IO.Out, "restored %s to revision %d\n", v.Path, v.Revision.Number)
	return err
}

// restoreWrite writes revision v over the working copy, unless it holds
// edits not stored anywhere (without --force); matched is true when it
// already holds that revision.
func restoreWrite(ws *draft.Workspace, opts *RestoreOptions, v *draft.Version, latest *draft.Revision) (matched bool, err error) {
	cur, err := os.ReadFile(v.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		cur = nil
	case err != nil:
		return false, fmt.Errorf("cannot read %s: %w", v.Path, err)
	default:
		h := draft.HexSHA256(cur)
		if h == v.Revision.SHA256 {
			return true, nil
		}
		// The working copy may be overwritten when its content is stored
		// (it is some revision, say one restored before).
		if !opts.Force {
			revs, err := ws.Log(v.Path)
			if err != nil {
				return false, err
			}
			stored := false
			for _, r := range revs {
				stored = stored || r.SHA256 == h
			}
			if !stored {
				return false, fmt.Errorf("%s has edits not committed since revision %d: commit them first, or give --force to overwrite them", v.Path, latest.Number)
			}
		}
	}
	target := v.Path
	if real, err := filepath.EvalSymlinks(v.Path); err == nil {
		target = real // write through a symbolic link, keeping it
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return false, fmt.Errorf("cannot write %s: %w", v.Path, err)
	}
	return false, draft.WriteFileAtomic(target, v.Revision.Content, 0o644)
}
