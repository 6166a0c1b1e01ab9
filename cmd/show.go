package cmd

import (
	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

func init() { register(NewCmdShow) }

type showOptions struct {
	Ref  string
	JSON *jsonExporter
}

// NewCmdShow builds `redline show`.
func NewCmdShow(f *Factory) *cobra.Command {
	opts := &showOptions{}
	c := &cobra.Command{
		Use:   "show FILE@REV",
		Short: "Print a stored revision of a draft",
		Long: `Print the content of a stored revision exactly as it was committed. REV is a
number, a label or latest; a plain FILE prints the working copy and - reads
standard input. With --json, print the revision's record (number, author,
office, time, message, labels, SHA-256, and for a sent revision its serial and
date-time group) with the content.`,
		Example: `  redline show fco-draft.md@1
  redline show fco-draft.md@no10 > no10.md
  redline show fco-draft.md@latest --json`,
		Args:              exactArgs(1, "one reference: FILE@N, FILE@label or FILE@latest"),
		ValidArgsFunction: f.refArgsCompletion(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Ref = args[0]
			return runShow(f, opts)
		},
	}
	opts.JSON = addJSONFlags(c, showEntry{})
	return c
}

type showEntry struct {
	Ref  string `json:"ref"`
	Path string `json:"path,omitempty"`
	*logEntry
	WorkingCopy bool   `json:"working_copy,omitempty"`
	SHA256      string `json:"sha256"`
	Content     string `json:"content"`
}

func runShow(f *Factory, opts *showOptions) error {
	v, err := f.Resolve(opts.Ref)
	if err != nil {
		return err
	}
	if !opts.JSON.Enabled() {
		_, err := f.IO.DocOut().Write(v.Data)
		return err
	}
	out := showEntry{Ref: opts.Ref, Path: v.Path, SHA256: draft.HexSHA256(v.Data), Content: string(v.Data)}
	if v.Revision != nil {
		e := newLogEntry(*v.Revision, nil)
		out.logEntry = &e
	} else {
		out.WorkingCopy = v.Path != ""
	}
	return opts.JSON.Write(f.IO.Out, out)
}
