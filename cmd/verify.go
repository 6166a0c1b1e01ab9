package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/attrib"
	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/draft"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdVerify(f, nil) })
}

// VerifyOptions holds what `redline verify` needs.
type VerifyOptions struct {
	IO        *IOStreams
	Workspace func() (*draft.Workspace, error)

	File    string
	Against string
	JSON    *jsonExporter
}

// NewCmdVerify builds `redline verify`. runF, when not nil, runs instead of
// verifyRun.
func NewCmdVerify(f *Factory, runF func(*VerifyOptions) error) *cobra.Command {
	opts := &VerifyOptions{IO: f.IO, Workspace: f.Workspace}
	c := &cobra.Command{
		Use:   "verify FILE",
		Short: "Check that a sent message went out as approved",
		Long: `Compare the cable a draft was sent as with the approved text (the revision of
the last approval recorded with 'redline approve' and not withdrawn, or
--against REV) and list every change between them: words changed in revisions committed
after the approval (named with their revision and office), and words changed
in the cable itself, which no revision has. The date-time group and serial,
which send stamps, are not changes. Exit status 1 when there is a change.`,
		Example: `  redline verify message.md
  redline verify message.md --against message.md@3 --json`,
		Args: exactArgs(1, "one draft file that has been sent"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			if err := opts.JSON.check(); err != nil {
				return err // before the comparison, not after it
			}
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Against, "against", "", "check the cable against this revision (`FILE@REV`) instead of the last approved one")
	opts.JSON = addJSONFlags(c, verifyJSON{})
	return c
}

type verifyJSON struct {
	Draft    string              `json:"draft"`
	Sent     verifyRevJSON       `json:"sent"`
	Approved verifyRevJSON       `json:"approved"`
	Clean    bool                `json:"clean"`
	Changes  []attrib.Unapproved `json:"changes"`
	Fields   []diff.FieldChange  `json:"fields"`
}

type verifyRevJSON struct {
	Revision int    `json:"revision"`
	Author   string `json:"author"`
	Office   string `json:"office"`
	// ApprovedBy is OFFICE:NAME of the approval record, when the
	// approved revision was found from the records.
	ApprovedBy string `json:"approved_by,omitempty"`
	Serial     string `json:"serial,omitempty"`
	DTG        string `json:"dtg,omitempty"`
}

func verifyRun(opts *VerifyOptions) error {
	ws, err := opts.Workspace()
	if err != nil {
		return err
	}
	if strings.Contains(opts.File, "@") {
		return usageErrorf("verify takes the draft file, not a revision: redline verify %s", opts.File[:strings.LastIndex(opts.File, "@")])
	}
	revs, err := ws.Log(opts.File)
	if err != nil {
		return err
	}
	sent, ok := draft.SealedIn(revs)
	if !ok {
		return fmt.Errorf("%s has not been sent: verify compares the cable as sent with the approved text", opts.File)
	}
	approved, by, err := approvedRevision(ws, opts, revs, sent)
	if err != nil {
		return err
	}
	chain := verifyChain(opts.File, revs[approved.Number-1:sent.Number], sent)
	if len(chain) < 2 {
		chain = append(chain, chain[0]) // sent as the approved revision, with no cable kept
	}
	v, err := attrib.Verify(chain)
	if err != nil {
		return err
	}
	out := verifyJSON{Draft: sent.Draft, Clean: v.Clean(), Changes: v.Changes, Fields: v.Fields,
		Sent:     verifyRevJSON{Revision: sent.Number, Author: sent.Author, Office: sent.Office, Serial: sent.Sent.Serial, DTG: sent.Sent.DTG},
		Approved: verifyRevJSON{Revision: approved.Number, Author: approved.Author, Office: approved.Office, ApprovedBy: by}}
	if opts.JSON.Enabled() {
		if err := opts.JSON.Write(opts.IO.TerminalSafe(opts.IO.Out), out); err != nil {
			return err
		}
	} else if err := writeVerify(opts.IO, opts.File, out); err != nil {
		return err
	}
	if !v.Clean() {
		return errDifferences
	}
	return nil
}

// approvedRevision is the revision --against names, else that of the last
// approval of the draft not withdrawn (with who gave it).
func approvedRevision(ws *draft.Workspace, opts *VerifyOptions, revs []draft.Revision, sent *draft.Revision) (*draft.Revision, string, error) {
	if opts.Against == "" {
		recs, err := clearanceRecords(ws, sent.Draft)
		if err != nil {
			return nil, "", err
		}
		a, ok := attrib.LastApproval(attrib.Judge(recs, attrib.Target{Rev: sent.Number, Hash: sent.SHA256}))
		if !ok || a.Rev < 1 || a.Rev > len(revs) {
			return nil, "", errorWithHint(fmt.Errorf("%s has no approval recorded: nothing says which text was approved", opts.File),
				fmt.Sprintf("give the approved revision with --against %s@REV, or record approvals with `redline approve %s` before sending", opts.File, opts.File))
		}
		return &revs[a.Rev-1], a.Who(), nil
	}
	av, err := draft.Resolve(ws, opts.Against, nil)
	if err != nil {
		return nil, "", err
	}
	if av.Revision == nil || av.Revision.Draft != sent.Draft {
		return nil, "", usageErrorf("--against %s: give a stored revision of %s (%s@N or %s@label)", opts.Against, opts.File, opts.File, opts.File)
	}
	if av.Revision.Number > sent.Number {
		return nil, "", fmt.Errorf("%s is later than the sent revision %d", av.Name, sent.Number)
	}
	return av.Revision, "", nil
}

// verifyChain is the approved revision, the revisions after it up to the
// sent one, and the cable as transmitted when send kept it.
func verifyChain(file string, revs []draft.Revision, sent *draft.Revision) []attrib.Revision {
	var chain []attrib.Revision
	for _, r := range revs {
		chain = append(chain, chainLink(file, r))
	}
	if len(sent.Sent.Cable) > 0 {
		l := chainLink(file, *sent)
		l.Name, l.Label = fmt.Sprintf("%s@%d (cable as sent)", file, sent.Number), "cable "+sent.Sent.Serial
		l.Data, l.Kind = sent.Sent.Cable, diff.KindCable
		chain = append(chain, l)
	}
	return chain
}

func writeVerify(io *IOStreams, file string, v verifyJSON) error {
	var b strings.Builder
	who := fmt.Sprintf("%s, %s", v.Approved.Author, v.Approved.Office)
	if v.Approved.ApprovedBy != "" {
		who = "approved by " + v.Approved.ApprovedBy
	}
	fmt.Fprintf(&b, "%s: revision %d sent as %s at %s; approved text: revision %d (%s)\n",
		file, v.Sent.Revision, v.Sent.Serial, v.Sent.DTG, v.Approved.Revision, who)
	if v.Clean {
		b.WriteString("went out as approved: no change\n")
	} else {
		n, s := len(v.Changes)+len(v.Fields), "s"
		if n == 1 {
			s = ""
		}
		fmt.Fprintf(&b, "%d change%s since the approval:\n", n, s)
	}
	for _, f := range v.Fields {
		fmt.Fprintf(&b, "  field %s: %q -> %q\n", f.Name, f.Old, f.New)
	}
	for _, c := range v.Changes {
		mark := ""
		if c.Deleted != "" {
			mark += "[-" + c.Deleted + "-]"
		}
		if c.Inserted != "" {
			mark += "{+" + c.Inserted + "+}"
		}
		where := c.By
		if c.Untracked && len(c.Revisions) == 0 {
			where = "in the cable as sent: no revision has it"
		} else if c.Untracked {
			where += "; in the cable as sent"
		}
		fmt.Fprintf(&b, "  %s  %s\n", mark, where)
	}
	_, err := io.TerminalSafe(io.Out).Write([]byte(b.String()))
	return err
}
