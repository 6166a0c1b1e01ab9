package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

func init() { register(func(f *Factory) *cobra.Command { return NewCmdStatus(f, nil) }) }

// StatusOptions holds what `redline status` needs: its streams, the
// workspace, the colour mode, how to write a path as the user would type
// it, and the parsed flags.
type StatusOptions struct {
	IO        *IOStreams
	Workspace func() (*draft.Workspace, error)
	ColorMode func() (ColorMode, error)
	RelToCwd  func(string) string

	JSON *jsonExporter
}

// NewCmdStatus builds `redline status`. runF, when not nil, receives the
// parsed options instead of statusRun.
func NewCmdStatus(f *Factory, runF func(*StatusOptions) error) *cobra.Command {
	opts := &StatusOptions{IO: f.IO, Workspace: f.Workspace, ColorMode: f.ColorMode, RelToCwd: f.relToCwd}
	c := &cobra.Command{
		Use:   "status",
		Short: "Show which drafts changed since their last revision",
		Long: `List every draft in the workspace with its state:

  unchanged  the working copy is the latest revision
  modified   the working copy has edits not yet committed
  missing    the working copy is gone (restore it with redline restore FILE@latest)
  sealed     the draft has been sent and takes no more commits
  new        a Markdown file under the workspace with no revisions yet`,
		Example: `  redline status
  redline status --json`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return statusRun(opts)
		},
	}
	opts.JSON = addJSONFlags(c, []statusEntry{})
	return c
}

type statusEntry struct {
	Path     string   `json:"path"`
	Draft    string   `json:"draft"`
	State    string   `json:"state"`
	Revision int      `json:"revision,omitempty"`
	Labels   []string `json:"labels,omitempty"`
	Serial   string   `json:"serial,omitempty"`
	DTG      string   `json:"dtg,omitempty"`
	// Changed is set on a sealed draft whose working copy differs from
	// the as-sent revision.
	Changed bool `json:"changed,omitempty"`
}

func statusRun(opts *StatusOptions) error {
	ws, err := opts.Workspace()
	if err != nil {
		return err
	}
	names, err := ws.Drafts()
	if err != nil {
		return err
	}
	tracked := map[string]bool{}
	var rows []statusEntry
	for _, name := range names {
		tracked[name] = true
		// The newest revision alone: a sealed draft's as-sent revision is
		// always its newest, so no command reads the whole history here.
		latest, err := ws.Latest(name)
		if err != nil {
			return err
		}
		if latest == nil {
			continue
		}
		e := statusEntry{Path: opts.RelToCwd(ws.WorkingPath(name)), Draft: name, Revision: latest.Number, Labels: latest.Labels}
		data, rerr := os.ReadFile(ws.WorkingPath(name))
		same := false
		if rerr == nil {
			same = draft.HexSHA256(data) == latest.SHA256
		}
		switch {
		case latest.Sent != nil:
			e.State, e.Serial, e.DTG = "sealed", latest.Sent.Serial, latest.Sent.DTG
			e.Changed = !same
		case errors.Is(rerr, fs.ErrNotExist):
			e.State = "missing"
		case rerr != nil:
			return fmt.Errorf("cannot read %s: %w", e.Path, rerr)
		case same:
			e.State = "unchanged"
		default:
			e.State = "modified"
		}
		rows = append(rows, e)
	}
	for _, name := range untrackedDrafts(ws.Root, tracked) {
		rows = append(rows, statusEntry{Path: opts.RelToCwd(ws.WorkingPath(name)), Draft: name, State: "new"})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Draft < rows[j].Draft })
	if opts.JSON.Enabled() {
		return opts.JSON.Write(opts.IO.Out, rows)
	}
	if len(rows) == 0 {
		_, err := fmt.Fprintln(opts.IO.Out, "no drafts yet: write a Markdown file and commit it with `redline commit FILE -m MESSAGE`")
		return err
	}
	mode, err := opts.ColorMode()
	if err != nil {
		return err
	}
	var table [][]cell
	for _, e := range rows {
		info := ""
		switch e.State {
		case "new":
			info = "not committed yet"
		case "sealed":
			info = fmt.Sprintf("revision %d sent as %s at %s", e.Revision, e.Serial, e.DTG)
			if e.Changed {
				info += "; the working copy differs from it"
			}
		default:
			info = fmt.Sprintf("revision %d", e.Revision)
			if len(e.Labels) > 0 {
				info += " (" + strings.Join(e.Labels, ", ") + ")"
			}
		}
		table = append(table, []cell{{e.State, stateStyle[e.State]}, {e.Path, ""}, {info, ""}})
	}
	return writeTableWidth(opts.IO.Out, table, opts.IO.ColorEnabled(mode, false), opts.IO.TableWidth())
}

var stateStyle = map[string]string{"modified": sgrYellow, "missing": sgrRed, "new": sgrGreen, "sealed": sgrCyan}

// untrackedDrafts lists Markdown files under root (skipping hidden folders
// and the store) that have no revisions.
func untrackedDrafts(root string, tracked map[string]bool) []string {
	var out []string
	count := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		count++
		if count > 100000 {
			return filepath.SkipAll
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || !d.Type().IsRegular() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(name))
		if ext != ".md" && ext != ".markdown" {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if !tracked[rel] {
			out = append(out, rel)
		}
		return nil
	})
	return out
}
