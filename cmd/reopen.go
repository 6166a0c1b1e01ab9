package cmd

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdReopen(f, nil) })
}

// ReopenOptions holds what `redline reopen` needs: its streams, the
// factory that finds the workspace and the identity, and the parsed flags.
type ReopenOptions struct {
	IO      *IOStreams
	Factory *Factory

	File   string
	To     string // --to (or its deprecated spelling --as)
	Author string
	Office string
}

// NewCmdReopen builds `redline reopen`.
func NewCmdReopen(f *Factory, runF func(*ReopenOptions) error) *cobra.Command {
	opts := &ReopenOptions{IO: f.IO, Factory: f}
	c := &cobra.Command{
		Use:   "reopen FILE --to NEW.md",
		Short: "Start a new draft from a sent (sealed) one",
		Long: `A sent draft is sealed: what went out must never change. To write a
correction, a follow-up or a further message under the same number, reopen it:
NEW.md is created with the content of FILE's as-sent revision (without its
dtg and serial fields) and committed as NEW.md's first revision, which records
that it was reopened from FILE@N. NEW.md must not exist yet.`,
		Example: `  redline reopen telegram.md --to telegram-corrected.md
  redline send telegram-corrected.md --same-number-as "T 192/88"`,
		Args: exactArgs(1, "one sent draft file"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			if opts.To == "" {
				return usageErrorf("reopen needs the new draft's name: --to NEW.md")
			}
			if runF != nil {
				return runF(opts)
			}
			return reopenRun(opts)
		},
	}
	// --to, because --as means how to read an input (diff --as cable);
	// the old spelling stays as a hidden deprecated alias.
	c.Flags().StringVar(&opts.To, "to", "", "the new draft's file (required; must not exist)")
	deprecatedAlias(c, "as", "to")
	c.Flags().StringVar(&opts.Author, "author", "", "who reopens it (default REDLINE_AUTHOR, then config.yaml)")
	c.Flags().StringVar(&opts.Office, "office", "", "their office (default REDLINE_OFFICE, then config.yaml)")
	return c
}

func reopenRun(opts *ReopenOptions) error {
	f := opts.Factory
	ws, err := f.Workspace()
	if err != nil {
		return err
	}
	author, office, err := f.Identity(ws, opts.Author, opts.Office)
	if err != nil {
		return err
	}
	oldName, err := ws.DraftName(opts.File)
	if err != nil {
		return err
	}
	newName, err := ws.DraftName(opts.To)
	if err != nil {
		return err
	}
	if oldName == newName {
		return usageErrorf("--to must name a new file, not %s itself", opts.File)
	}
	if _, err := os.Lstat(opts.To); err == nil {
		return fmt.Errorf("%s already exists: give --to a new file name", opts.To)
	}
	if fi, err := os.Stat(filepath.Dir(opts.To)); err != nil || !fi.IsDir() {
		return fmt.Errorf("--to %s: folder %s does not exist", opts.To, filepath.Dir(opts.To))
	}
	created := false
	err = ws.Update(func(tx *draft.Tx) error {
		revs, err := tx.LogDraft(oldName)
		if err != nil {
			return err
		}
		var sent *draft.Revision
		for i := range revs {
			if revs[i].Sent != nil {
				sent = &revs[i]
			}
		}
		if sent == nil {
			if len(revs) == 0 {
				return fmt.Errorf("%s has no revisions and has not been sent: there is nothing to reopen", opts.File)
			}
			return fmt.Errorf("%s has not been sent: edit it and commit as usual (reopen is for sealed drafts)", opts.File)
		}
		if prior, err := tx.LogDraft(newName); err != nil {
			return err
		} else if len(prior) > 0 {
			return fmt.Errorf("%s already has %d revision(s) in the store: give --to a new file name", opts.To, len(prior))
		}
		content := sent.Content
		if doc, err := draft.Parse(opts.To, content); err == nil && (doc.Fields.DTG != "" || doc.Fields.Serial != "") {
			doc.Fields.DTG, doc.Fields.Serial = "", ""
			content = doc.Bytes()
		}
		from := fmt.Sprintf("%s@%d", oldName, sent.Number)
		if _, err := tx.Commit(draft.CommitRequest{
			Path: opts.To, Content: content, Author: author, Office: office,
			Message:      fmt.Sprintf("reopened from %s (sent as %s at %s)", from, sent.Sent.Serial, sent.Sent.DTG),
			ReopenedFrom: from,
		}); err != nil {
			return err
		}
		// The working copy is written under the lock, before the revision
		// is: if the revision cannot be written the file is removed.
		if err := reopenWriteNew(opts.To, content); err != nil {
			return err
		}
		created = true
		return nil
	})
	if err != nil {
		if created {
			os.Remove(opts.To)
		}
		return err
	}
	_, err = fmt.Fprintf(opts.IO.ErrOut, "%s: new draft reopened from %s (revision 1); edit, commit and send it\n", opts.To, opts.File)
	return err
}

// reopenWriteNew writes a file that must not exist yet, atomically.
func reopenWriteNew(path string, data []byte) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists: give --to a new file name", path)
	}
	return draft.WriteFileAtomic(path, data, 0o644)
}
