package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/attrib"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/store"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdClear(f, nil) })
	register(func(f *Factory) *cobra.Command { return NewCmdApprove(f, nil) })
}

// ClearOptions holds what `redline clear` and `redline approve` need.
type ClearOptions struct {
	IO       *IOStreams
	Factory  *Factory
	Kind     string // attrib.KindClear or attrib.KindApprove
	Ref      string
	As       string
	Note     string
	Withdraw int64
	JSON     *jsonExporter
}

// NewCmdClear builds `redline clear`. runF, when not nil, runs instead of
// clearRun.
func NewCmdClear(f *Factory, runF func(*ClearOptions) error) *cobra.Command {
	return newClearCmd(f, runF, attrib.KindClear, &cobra.Command{
		Use:   "clear FILE[@REV]",
		Short: "Record that an office clears a revision's text",
		Long: `Record, in the store, that an office clears one revision of a draft (the latest
by default; FILE@REV for another). The clearance is tied to the revision's
content hash: once the text changes it no longer counts ('redline clearances'
shows it as stale, with the words changed since), and a series that requires
it (require: in .redline/config.yaml) will not be sent without a fresh one.
--who OFFICE:NAME says who clears, as a cable's drafting block prints it;
without it, the office and author of 'redline commit' are used.
--withdraw N withdraws clearance N; nothing is ever deleted.`,
		Example: `  redline clear message.md --who "FCO:PCRADOCK" --note "content agreed"
  redline clear message.md@3 --who "Cabinet Office:RBUTLER"
  redline clear message.md --withdraw 2 --who "FCO:PCRADOCK" --note "text changed"`,
	})
}

// NewCmdApprove builds `redline approve`. runF, when not nil, runs instead
// of clearRun.
func NewCmdApprove(f *Factory, runF func(*ClearOptions) error) *cobra.Command {
	return newClearCmd(f, runF, attrib.KindApprove, &cobra.Command{
		Use:   "approve FILE[@REV]",
		Short: "Record the approval of a revision's text for despatch",
		Long: `Record, in the store, that a revision of a draft (the latest by default) is
approved for despatch, by OFFICE:NAME (--who, else the commit identity). Like a
clearance, the approval holds for that text only: an edit after it makes it
stale, and 'redline verify' checks the cable as sent against the last
approved text. --withdraw N withdraws approval N.`,
		Example: `  redline approve message.md --who "No. 10:CDPOWELL"
  redline approve message.md --withdraw 4 --note "not yet"`,
	})
}

func newClearCmd(f *Factory, runF func(*ClearOptions) error, kind string, c *cobra.Command) *cobra.Command {
	opts := &ClearOptions{IO: f.IO, Factory: f, Kind: kind}
	c.Args = exactArgs(1, "one reference: FILE or FILE@REV")
	c.RunE = func(c *cobra.Command, args []string) error {
		opts.Ref = args[0]
		if opts.Withdraw < 0 {
			return usageErrorf("--withdraw takes the number of a %s record (see 'redline clearances %s')", kind, opts.Ref)
		}
		if opts.As != "" {
			if _, _, err := splitWho(opts.As); err != nil {
				return err
			}
		}
		// An unknown --json field is refused before the record is made,
		// not after, which would exit 2 with the record kept.
		if err := opts.JSON.check(); err != nil {
			return err
		}
		if runF != nil {
			return runF(opts)
		}
		return clearRun(opts)
	}
	c.Flags().StringVar(&opts.As, "who", "", "who: `OFFICE:NAME` (default: the commit office and author)")
	c.Flags().StringVar(&opts.Note, "note", "", "a note kept with the record")
	c.Flags().Int64Var(&opts.Withdraw, "withdraw", 0, "withdraw record `N` instead of adding one")
	opts.JSON = addJSONFlags(c, clearanceJSON{})
	return c
}

// splitWho reads OFFICE:NAME (the last colon divides them, as an office may
// hold one).
func splitWho(s string) (office, name string, err error) {
	i := strings.LastIndex(s, ":")
	if i < 0 {
		return "", "", usageErrorf("--who %q: write OFFICE:NAME, such as \"FCO:PCRADOCK\"", s)
	}
	office, name = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	if office == "" || name == "" {
		return "", "", usageErrorf("--who %q: write OFFICE:NAME, both parts, such as \"FCO:PCRADOCK\"", s)
	}
	return office, name, nil
}

func clearRun(opts *ClearOptions) error {
	f := opts.Factory
	ws, err := f.Workspace()
	if err != nil {
		return err
	}
	office, name := "", ""
	if opts.As != "" {
		office, name, _ = splitWho(opts.As)
	} else if name, office, err = f.Identity(ws, "", ""); err != nil {
		return err
	}
	v, err := draft.Resolve(ws, opts.Ref, nil)
	if err != nil {
		return err
	}
	if v.Path == "" {
		return usageErrorf("give a draft file or FILE@REV, not standard input")
	}
	dname, err := ws.DraftName(v.Path)
	if err != nil {
		return err
	}
	rev := v.Revision
	if rev == nil {
		latest, err := ws.Latest(dname)
		if err != nil {
			return err
		}
		if latest == nil {
			return fmt.Errorf("%s has no revisions: commit it first with `redline commit %s -m MESSAGE`", v.Path, v.Path)
		}
		if draft.HexSHA256(v.Data) != latest.SHA256 {
			return errorWithHint(fmt.Errorf("%s has changes not committed: only committed text can be cleared", v.Path),
				fmt.Sprintf("commit it (`redline commit %s -m MESSAGE`), or name a revision: %s@%d", v.Path, v.Path, latest.Number))
		}
		rev = latest
	}
	rec := store.Clearance{Draft: dname, Rev: rev.Number, Hash: rev.SHA256, Kind: opts.Kind, Office: office, Name: name, Note: opts.Note}
	if opts.Withdraw > 0 {
		rec.Kind, rec.Withdraws = attrib.KindWithdraw, opts.Withdraw
	}
	var made store.Clearance
	err = ws.Update(func(tx *draft.Tx) error {
		if opts.Withdraw > 0 {
			if err := checkWithdraw(tx.Store(), dname, opts); err != nil {
				return err
			}
		}
		made, err = tx.Store().AddClearance(rec)
		return err
	})
	if err != nil {
		return err
	}
	if opts.JSON.Enabled() {
		return opts.JSON.Write(opts.IO.TerminalSafe(opts.IO.Out), newClearanceJSON(fromStore([]store.Clearance{made})[0], ""))
	}
	verb := map[string]string{attrib.KindClear: "cleared", attrib.KindApprove: "approved"}[opts.Kind]
	msg := fmt.Sprintf("%s@%d %s by %s (record %d)\n", v.Path, made.Rev, verb, attrib.Clearance{Office: office, Name: name}.Who(), made.Seq)
	if opts.Withdraw > 0 {
		msg = fmt.Sprintf("%s: record %d withdrawn by %s (record %d)\n", v.Path, opts.Withdraw, attrib.Clearance{Office: office, Name: name}.Who(), made.Seq)
	}
	_, err = opts.IO.TerminalSafe(opts.IO.Out).Write([]byte(msg))
	return err
}

// checkWithdraw refuses to withdraw a record that is not of this command's
// kind or is withdrawn already.
func checkWithdraw(tx store.Tx, name string, opts *ClearOptions) error {
	recs, err := tx.Clearances(name)
	if err != nil {
		return err
	}
	for _, s := range attrib.Judge(fromStore(recs), attrib.Target{}) {
		if s.Seq != opts.Withdraw {
			continue
		}
		if s.Kind != opts.Kind {
			return fmt.Errorf("record %d of %s is a%s, not a%s: withdraw it with `redline %s`", s.Seq, opts.Ref,
				article(s.Kind), article(opts.Kind), map[string]string{attrib.KindClear: "clear --withdraw", attrib.KindApprove: "approve --withdraw"}[s.Kind])
		}
		if s.WithdrawnBy != 0 {
			return fmt.Errorf("record %d of %s was withdrawn already (by record %d)", s.Seq, opts.Ref, s.WithdrawnBy)
		}
		return nil
	}
	return fmt.Errorf("%s has no %s record %d: see `redline clearances %s`", opts.Ref, opts.Kind, opts.Withdraw, opts.Ref)
}

func article(kind string) string {
	if kind == attrib.KindApprove {
		return "n approval"
	}
	return " clearance"
}
