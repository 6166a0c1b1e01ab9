package cmd

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdInit(f, nil) })
}

// InitOptions holds what `redline init` needs: its streams and the parsed
// flags.
type InitOptions struct {
	IO *IOStreams

	Dir    string
	Author string
	Office string
	Store  string
}

// NewCmdInit builds `redline init`.
func NewCmdInit(f *Factory, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Make a workspace (.redline/) that keeps your drafts' revisions",
		Long: `Make a workspace: a .redline folder in DIR (default: the current folder)
holding the revision store and config.yaml, where the default author and office
and the serial series are set. Commands find the workspace by walking up from
the current folder, so drafts may live in sub-folders.

The store is .redline/store.db (SQLite) unless --store names a PostgreSQL
database (postgres://USER@HOST/DB), which several workspaces in several
offices may share: drafts, revisions and one serial register. The URL is
written to config.yaml as store:, never with a password: give that in
PGPASSWORD or ~/.pgpass. Without --store, REDLINE_STORE gives the URL.`,
		Example: `  redline init
  redline init --author "Charles Powell" --office "No. 10"
  redline init ~/telegrams
  redline init --store postgres://no10@db.example/redline`,
		Args: rangeArgs(0, 1, "at most one folder"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			what := "--store"
			if !c.Flags().Changed("store") {
				opts.Store, what = strings.TrimSpace(f.IO.Getenv("REDLINE_STORE")), "REDLINE_STORE"
			}
			if err := draft.CheckStoreURL(opts.Store); err != nil {
				return usageErrorf("%s: %v", what, err)
			}
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Author, "author", "", "default author written to config.yaml")
	c.Flags().StringVar(&opts.Office, "office", "", "default office written to config.yaml")
	c.Flags().StringVar(&opts.Store, "store", "", "a shared PostgreSQL store, postgres://USER@HOST/DB (default: SQLite in .redline)")
	return c
}

func initRun(opts *InitOptions) error {
	cfg := draft.DefaultConfig()
	cfg.Author, cfg.Office, cfg.Store = opts.Author, opts.Office, opts.Store
	var outer *draft.Workspace
	if abs, err := filepath.Abs(opts.Dir); err == nil {
		outer, _ = draft.FindWorkspace(filepath.Dir(abs))
	}
	ws, err := draft.InitWith(opts.Dir, cfg)
	if err != nil {
		return err
	}
	if outer != nil && outer.Root != ws.Root {
		fmt.Fprintf(opts.IO.ErrOut, "note: this workspace is inside the workspace at %s; drafts below %s now belong to the new one\n", outer.Root, ws.Root)
	}
	_, err = fmt.Fprintf(opts.IO.Out, "Initialised a redline workspace in %s\n", filepath.Join(ws.Root, draft.StoreDir))
	return err
}
