package cmd

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

// Workspace finds the workspace enclosing the current folder. Outside one
// it returns draft.ErrNoWorkspace, whose message suggests `redline init`.
func (f *Factory) Workspace() (*draft.Workspace, error) {
	wd, err := f.Getwd()
	if err != nil {
		return nil, fmt.Errorf("cannot find the current folder: %w", err)
	}
	ws, err := draft.FindWorkspace(wd)
	if err != nil {
		return nil, err
	}
	ws.Now, ws.StoreClock = f.Now, f.StoreClock
	if _, err := ws.Store(); err != nil {
		return nil, err
	}
	f.opened = append(f.opened, ws)
	if ws.Imported != "" {
		fmt.Fprintf(f.IO.ErrOut, "redline: %s\n", ws.Imported)
	}
	return ws, nil
}

// closeWorkspaces closes the stores the command opened: a process's exit
// would, but a command run in-process (tests, benchmarks) must not leave a
// PostgreSQL connection open per run.
func (f *Factory) closeWorkspaces() {
	for _, ws := range f.opened {
		ws.Close()
	}
	f.opened = nil
}

// OptionalWorkspace is Workspace for commands that also work outside a
// workspace: it returns nil and no error when there is none.
func (f *Factory) OptionalWorkspace() (*draft.Workspace, error) {
	ws, err := f.Workspace()
	if errors.Is(err, draft.ErrNoWorkspace) {
		return nil, nil
	}
	return ws, err
}

// Resolve reads a reference: FILE, FILE@N, FILE@label, FILE@latest or -
// (standard input). Stored revisions need a workspace; outside one the
// error says to run `redline init`.
func (f *Factory) Resolve(ref string) (*draft.Version, error) {
	ws, err := f.OptionalWorkspace()
	if err != nil {
		return nil, err
	}
	return draft.Resolve(ws, ref, f.IO.In)
}

// ResolveDocument reads a reference and parses it as a draft.
func (f *Factory) ResolveDocument(ref string) (*draft.Version, *draft.Document, error) {
	v, err := f.Resolve(ref)
	if err != nil {
		return nil, nil, err
	}
	doc, err := draft.Parse(v.Name, v.Data)
	if err != nil {
		return v, nil, err
	}
	return v, doc, nil
}

// Identity works out who is committing: the flags, then REDLINE_AUTHOR and
// REDLINE_OFFICE, then the workspace's config.yaml, then the per-user
// $XDG_CONFIG_HOME/redline/config.yaml. Either missing is an
// error with a hint.
func (f *Factory) Identity(ws *draft.Workspace, author, office string) (string, string, error) {
	author, office = strings.TrimSpace(author), strings.TrimSpace(office)
	if author == "" {
		author = strings.TrimSpace(f.IO.Getenv("REDLINE_AUTHOR"))
	}
	if office == "" {
		office = strings.TrimSpace(f.IO.Getenv("REDLINE_OFFICE"))
	}
	if ws != nil {
		if author == "" {
			author = strings.TrimSpace(ws.Config.Author)
		}
		if office == "" {
			office = strings.TrimSpace(ws.Config.Office)
		}
	}
	if author == "" || office == "" {
		uc, err := f.readUserConfig()
		if err != nil {
			return "", "", err
		}
		if author == "" {
			author = strings.TrimSpace(uc.Author)
		}
		if office == "" {
			office = strings.TrimSpace(uc.Office)
		}
	}
	switch {
	case author == "" && office == "":
		return "", "", usageErrorf("who is committing? give --author NAME and --office NAME, set REDLINE_AUTHOR and REDLINE_OFFICE, or set author and office in .redline/config.yaml (or in your own ~/.config/redline/config.yaml)")
	case author == "":
		return "", "", usageErrorf("no author: give --author NAME, set REDLINE_AUTHOR, or set author in .redline/config.yaml (or in your own ~/.config/redline/config.yaml)")
	case office == "":
		return "", "", usageErrorf("no office: give --office NAME, set REDLINE_OFFICE, or set office in .redline/config.yaml (or in your own ~/.config/redline/config.yaml)")
	}
	return author, office, nil
}

// relToCwd shows an absolute path relative to the current folder when it
// is below it, else as it is.
func (f *Factory) relToCwd(abs string) string {
	wd, err := f.Getwd()
	if err != nil {
		return abs
	}
	if real, err := filepath.EvalSymlinks(wd); err == nil {
		wd = real
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil || strings.HasPrefix(rel, "..") && len(rel) > len(abs) {
		return abs
	}
	return rel
}

// completeRef completes a reference for the shell: after FILE@ it offers
// the draft's revision numbers, labels and latest; otherwise file names.
func (f *Factory) completeRef(toComplete string) ([]string, cobra.ShellCompDirective) {
	at := strings.LastIndex(toComplete, "@")
	if at < 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	ws, err := f.Workspace()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	file := toComplete[:at]
	revs, err := ws.Log(file)
	if err != nil || len(revs) == 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	out := []string{file + "@latest"}
	for i := len(revs) - 1; i >= 0; i-- {
		r := revs[i]
		out = append(out, fmt.Sprintf("%s@%d\t%s, %s: %s", file, r.Number, r.Author, r.Office, firstLine(r.Message)))
		for _, l := range r.Labels {
			out = append(out, fmt.Sprintf("%s@%s\trevision %d", file, l, r.Number))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// refArgsCompletion completes the first n arguments as references.
func (f *Factory) refArgsCompletion(n int) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return f.completeRef(toComplete)
	}
}

// identityLabel is "AUTHOR, OFFICE" as commit would take them, for a view
// that names who a working copy's changes are by; "" when none is set.
func identityLabel(f *Factory) string {
	ws, err := f.OptionalWorkspace()
	if err != nil {
		ws = nil
	}
	author, office, err := f.Identity(ws, "", "")
	if err != nil {
		return ""
	}
	var parts []string
	for _, p := range []string{author, office} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}
