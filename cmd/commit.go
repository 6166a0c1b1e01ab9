package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdCommit(f, nil) })
}

// CommitOptions holds what `redline commit` needs: its streams, the
// factory that finds the workspace and the identity, and the parsed flags.
type CommitOptions struct {
	IO      *IOStreams
	Factory *Factory

	Files   []string
	Message string
	Author  string
	Office  string
	Labels  []string
	JSON    bool
}

// NewCmdCommit builds `redline commit`.
func NewCmdCommit(f *Factory, runF func(*CommitOptions) error) *cobra.Command {
	opts := &CommitOptions{IO: f.IO, Factory: f}
	c := &cobra.Command{
		Use:   "commit FILE... -m MESSAGE",
		Short: "Record a revision of one or more drafts",
		Long: `Record an immutable revision of each FILE: its number (1, 2, 3 ... per draft),
parent, author, office, time, message, labels and the SHA-256 of its content,
with the content itself.

The author and office come from --author and --office, then REDLINE_AUTHOR and
REDLINE_OFFICE, then author and office in .redline/config.yaml. A file that has
not changed since its last revision, a file whose front matter is not valid,
and a draft that has been sent (sealed) are refused. With several files, either
every file is committed or none is.`,
		Example: `  redline commit fco-draft.md -m "FCO draft" --label fco-draft
  redline commit fco-draft.md -m "No. 10 amendments" --author "Charles Powell" --office "No. 10"
  REDLINE_AUTHOR="Sir Geoffrey Howe" REDLINE_OFFICE=FCO redline commit a.md b.md -m "Revised"`,
		Args: minArgs(1, "one or more draft files"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			if !c.Flags().Changed("message") {
				return usageErrorf("commit needs a message: -m MESSAGE")
			}
			if strings.TrimSpace(opts.Message) == "" {
				return usageErrorf("commit needs a message: -m MESSAGE (it is empty)")
			}
			if runF != nil {
				return runF(opts)
			}
			return commitRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.Message, "message", "m", "", "what this revision is (required)")
	c.Flags().StringVar(&opts.Author, "author", "", "who wrote this revision (default REDLINE_AUTHOR, then config.yaml)")
	c.Flags().StringVar(&opts.Office, "office", "", "the author's office (default REDLINE_OFFICE, then config.yaml)")
	c.Flags().StringArrayVarP(&opts.Labels, "label", "l", nil, "name the new revision (repeatable)")
	c.Flags().BoolVar(&opts.JSON, "json", false, "print the new revisions as JSON")
	return c
}

func commitRun(opts *CommitOptions) error {
	f := opts.Factory
	ws, err := f.Workspace()
	if err != nil {
		return err
	}
	for _, l := range opts.Labels {
		if err := draft.CheckLabel(l); err != nil {
			return usageErrorf("%v", err)
		}
	}
	// Read every file first: what is committed is what was read here.
	items, err := readCommitFiles(ws, opts.Files)
	if err != nil {
		return err
	}
	author, office, err := f.Identity(ws, opts.Author, opts.Office)
	if err != nil {
		return err
	}
	var revs []*draft.Revision
	err = ws.Update(func(tx *draft.Tx) error {
		for _, it := range items {
			r, err := tx.Commit(draft.CommitRequest{
				Path: it.path, Content: it.data, Author: author, Office: office,
				Message: opts.Message, Labels: opts.Labels,
			})
			if err != nil {
				return err
			}
			revs = append(revs, r)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if opts.JSON {
		out := make([]logEntry, 0, len(revs))
		for _, r := range revs {
			out = append(out, newLogEntry(*r, nil))
		}
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for i, r := range revs {
		line := fmt.Sprintf("%s: revision %d", items[i].path, r.Number)
		if len(r.Labels) > 0 {
			line += " (" + strings.Join(r.Labels, ", ") + ")"
		}
		line += fmt.Sprintf(" by %s, %s", r.Author, r.Office)
		if _, err := fmt.Fprintln(opts.IO.Out, line); err != nil {
			return err
		}
	}
	return nil
}

// commitItem is one working copy as commit read it.
type commitItem struct {
	path, name string
	data       []byte
}

// readCommitFiles reads each draft file once (a draft named twice is read
// once), refusing standard input, a missing file and a folder.
func readCommitFiles(ws *draft.Workspace, files []string) ([]commitItem, error) {
	var items []commitItem
	seen := map[string]bool{}
	for _, p := range files {
		if p == "-" {
			return nil, usageErrorf("commit takes draft files, not standard input")
		}
		name, err := ws.DraftName(p)
		if err != nil {
			return nil, err
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		fi, err := os.Stat(p)
		if err != nil {
			if strings.Contains(p, "@") {
				return nil, fmt.Errorf("%s: no such file (commit records a working copy, not FILE@REV)", p)
			}
			return nil, fmt.Errorf("%s: no such file", p)
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("%s is a folder: give draft files", p)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", p, err)
		}
		items = append(items, commitItem{path: p, name: name, data: data})
	}
	return items, nil
}
