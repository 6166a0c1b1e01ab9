package cmd

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

func init() { register(func(f *Factory) *cobra.Command { return NewCmdLabel(f, nil) }) }

// LabelOptions holds what `redline label` needs: its streams, the
// workspace, the colour mode, and the parsed arguments and flags. Name is
// empty when only FILE was given (list its labels, or with --delete,
// remove FILE@LABEL).
type LabelOptions struct {
	IO        *IOStreams
	Workspace func() (*draft.Workspace, error)
	ColorMode func() (ColorMode, error)

	Ref    string
	Name   string
	Force  bool
	JSON   *jsonExporter
	Delete bool
}

// NewCmdLabel builds `redline label`. runF, when not nil, receives the
// parsed options instead of labelRun.
func NewCmdLabel(f *Factory, runF func(*LabelOptions) error) *cobra.Command {
	opts := &LabelOptions{IO: f.IO, Workspace: f.Workspace, ColorMode: f.ColorMode}
	c := &cobra.Command{
		Use:   "label FILE@REV NAME",
		Short: "Name a revision of a draft (or list a draft's labels)",
		Long: `Give revision REV of a draft the label NAME, so that FILE@NAME refers to it.
A label names one revision of a draft; moving a label that already names
another revision needs --force; --delete removes one. Revisions themselves
never change: labels are kept in their own records. With only FILE, list the
draft's labels.

The label as-sent is given by ` + "`redline send`" + ` to the revision that went out;
it is part of the record and cannot be set, moved or removed by hand.

A label starts with a letter and has only letters, digits, '.', '_' and '-';
"latest" always means the newest revision.`,
		Example: `  redline label fco-draft.md@1 fco-draft
  redline label fco-draft.md@latest no10
  redline label fco-draft.md@3 no10 --force
  redline label --delete fco-draft.md@no10
  redline label fco-draft.md`,
		Args:              rangeArgs(1, 2, "FILE@REV NAME, or FILE to list its labels"),
		ValidArgsFunction: f.refArgsCompletion(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if len(args) == 2 {
				opts.Name = args[1]
			}
			if runF != nil {
				return runF(opts)
			}
			return labelRun(opts)
		},
	}
	c.Flags().BoolVarP(&opts.Force, "force", "f", false, "move the label if it names another revision")
	opts.JSON = addJSONFlags(c, []labelRow{})
	c.Flags().BoolVarP(&opts.Delete, "delete", "d", false, "remove a label: FILE@LABEL, or FILE NAME")
	return c
}

// labelRow is one label as `label FILE --json` prints it.
type labelRow struct {
	Label    string `json:"label"`
	Revision int    `json:"revision"`
}

// labelRun removes a label (--delete), lists the draft's labels (FILE
// alone) or sets one (FILE@REV NAME).
func labelRun(opts *LabelOptions) error {
	switch {
	case opts.Delete:
		return unlabelRun(opts)
	case opts.Name == "":
		return labelListRun(opts)
	}
	return labelSetRun(opts)
}

func labelSetRun(opts *LabelOptions) error {
	if err := draft.CheckLabel(opts.Name); err != nil {
		return usageErrorf("%v", err)
	}
	ws, err := opts.Workspace()
	if err != nil {
		return err
	}
	at := strings.LastIndex(opts.Ref, "@")
	if at < 0 {
		return usageErrorf("label needs a revision: redline label %s@N %s (or %s@latest)", opts.Ref, opts.Name, opts.Ref)
	}
	v, err := draft.Resolve(ws, opts.Ref, nil)
	if err != nil {
		return err
	}
	if v.Revision == nil {
		return usageErrorf("%s is a file, not a revision: label FILE@N", opts.Ref)
	}
	revs, err := ws.Log(v.Path)
	if err != nil {
		return err
	}
	prev := 0
	for _, r := range revs {
		for _, l := range r.Labels {
			if l == opts.Name {
				prev = r.Number
			}
		}
	}
	if err := ws.Label(v.Path, v.Revision.Number, opts.Name, opts.Force); err != nil {
		return err
	}
	switch {
	case prev == v.Revision.Number:
		_, err = fmt.Fprintf(opts.IO.Out, "%s@%d is already labelled %s\n", v.Path, v.Revision.Number, opts.Name)
	case prev != 0:
		_, err = fmt.Fprintf(opts.IO.Out, "moved label %s from %s@%d to %s@%d\n", opts.Name, v.Path, prev, v.Path, v.Revision.Number)
	default:
		_, err = fmt.Fprintf(opts.IO.Out, "%s@%d is now labelled %s\n", v.Path, v.Revision.Number, opts.Name)
	}
	return err
}

func labelListRun(opts *LabelOptions) error {
	ws, err := opts.Workspace()
	if err != nil {
		return err
	}
	if strings.Contains(opts.Ref, "@") {
		if _, serr := os.Stat(opts.Ref); serr != nil {
			return usageErrorf("label takes FILE@REV NAME, or FILE to list its labels")
		}
	}
	revs, err := ws.Log(opts.Ref)
	if err != nil {
		return err
	}
	if len(revs) == 0 {
		return fmt.Errorf("%s has no revisions yet: commit it with `redline commit %s -m MESSAGE`", opts.Ref, opts.Ref)
	}
	rows := []labelRow{}
	for _, r := range revs {
		for _, l := range r.Labels {
			rows = append(rows, labelRow{l, r.Number})
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Revision != rows[j].Revision {
			return rows[i].Revision < rows[j].Revision
		}
		return rows[i].Label < rows[j].Label
	})
	if opts.JSON.Enabled() {
		return opts.JSON.Write(opts.IO.Out, rows)
	}
	mode, err := opts.ColorMode()
	if err != nil {
		return err
	}
	var table [][]cell
	for _, r := range rows {
		table = append(table, []cell{{r.Label, sgrYellow}, {fmt.Sprintf("%s@%d", opts.Ref, r.Revision), ""}})
	}
	return writeTableWidth(opts.IO.Out, table, opts.IO.ColorEnabled(mode, false), opts.IO.TableWidth())
}

func unlabelRun(opts *LabelOptions) error {
	ws, err := opts.Workspace()
	if err != nil {
		return err
	}
	file, name := opts.Ref, opts.Name
	if name == "" {
		at := strings.LastIndex(file, "@")
		if at < 0 {
			return usageErrorf("label --delete takes FILE@LABEL or FILE NAME")
		}
		file, name = file[:at], file[at+1:]
	}
	if err := draft.CheckLabel(name); err != nil {
		return usageErrorf("%v", err)
	}
	revs, err := ws.Log(file)
	if err != nil {
		return err
	}
	prev := 0
	for _, r := range revs {
		for _, l := range r.Labels {
			if l == name {
				prev = r.Number
			}
		}
	}
	if err := ws.Unlabel(file, name); err != nil {
		return err
	}
	_, err = fmt.Fprintf(opts.IO.Out, "removed label %s from %s@%d\n", name, file, prev)
	return err
}
