package cmd

import (
	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

func init() { register(func(f *Factory) *cobra.Command { return NewCmdShow(f, nil) }) }

// ShowOptions holds what `redline show` needs: its streams, how to read a
// reference, and the parsed arguments and flags.
type ShowOptions struct {
	IO      *IOStreams
	Resolve func(ref string) (*draft.Version, error)

	Ref  string
	JSON *jsonExporter
}

// NewCmdShow builds `redline show`. runF, when not nil, receives the parsed
// options instead of showRun (tests use it to parse flags without I/O).
func NewCmdShow(f *Factory, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{IO: f.IO, Resolve: f.Resolve}
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
			if runF != nil {
				return runF(opts)
			}
			return showRun(opts)
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

func showRun(opts *ShowOptions) error {
	v, err := opts.Resolve(opts.Ref)
	if err != nil {
		return err
	}
	if !opts.JSON.Enabled() {
		_, err := opts.IO.DocOut().Write(v.Data)
		return err
	}
	out := showEntry{Ref: opts.Ref, Path: v.Path, SHA256: draft.HexSHA256(v.Data), Content: string(v.Data)}
	if v.Revision != nil {
		e := newLogEntry(*v.Revision, nil)
		out.logEntry = &e
	} else {
		out.WorkingCopy = v.Path != ""
	}
	return opts.JSON.Write(opts.IO.Out, out)
}
