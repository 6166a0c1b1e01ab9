package cmd

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/attrib"
	"github.com/redline-dev/redline/draft"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdClearances(f, nil) })
}

// ClearancesOptions holds what `redline clearances` needs.
type ClearancesOptions struct {
	IO      *IOStreams
	Factory *Factory
	Ref     string
	JSON    *jsonExporter
}

// NewCmdClearances builds `redline clearances`. runF, when not nil, runs
// instead of clearancesRun.
func NewCmdClearances(f *Factory, runF func(*ClearancesOptions) error) *cobra.Command {
	opts := &ClearancesOptions{IO: f.IO, Factory: f}
	c := &cobra.Command{
		Use:   "clearances FILE[@REV]",
		Short: "List who cleared and approved which revision, and which no longer hold",
		Long: `List a draft's clearance and approval records, oldest first: record number,
kind, revision, OFFICE:NAME, time and note, and what each amounts to for the
latest revision (FILE@REV for another): current, withdrawn, or stale because
the text has changed since it was given, with the words changed since. When
the draft's series requires clearances (require: in .redline/config.yaml),
what is still missing is listed last.`,
		Example: `  redline clearances message.md
  redline clearances message.md --json | jq '.records[] | select(.state == "stale")'`,
		Args: exactArgs(1, "one reference: FILE or FILE@REV"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if err := opts.JSON.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return clearancesRun(opts)
		},
	}
	opts.JSON = addJSONFlags(c, clearancesJSON{})
	return c
}

// clearanceJSON is one record as clear and clearances --json print it.
type clearanceJSON struct {
	Record    int64         `json:"record"`
	Kind      string        `json:"kind"`
	Revision  int           `json:"revision"`
	SHA256    string        `json:"sha256"`
	Office    string        `json:"office"`
	Name      string        `json:"name"`
	Note      string        `json:"note"`
	Withdraws int64         `json:"withdraws,omitempty"`
	At        string        `json:"at"`
	State     string        `json:"state,omitempty"`
	Since     []attrib.Edit `json:"changed_since,omitempty"`
}

type clearancesJSON struct {
	Draft    string          `json:"draft"`
	Revision int             `json:"revision"`
	Series   string          `json:"series,omitempty"`
	Records  []clearanceJSON `json:"records"`
	Missing  []string        `json:"missing"`
}

func newClearanceJSON(c attrib.Clearance, state string) clearanceJSON {
	return clearanceJSON{Record: c.Seq, Kind: c.Kind, Revision: c.Rev, SHA256: c.Hash, Office: c.Office, Name: c.Name,
		Note: c.Note, Withdraws: c.Withdraws, At: c.At.UTC().Format(time.RFC3339), State: state}
}

func clearancesRun(opts *ClearancesOptions) error {
	ws, err := opts.Factory.Workspace()
	if err != nil {
		return err
	}
	v, err := draft.Resolve(ws, opts.Ref, nil)
	if err != nil {
		return err
	}
	name, err := ws.DraftName(v.Path)
	if err != nil {
		return err
	}
	revs, err := ws.LogDraft(name)
	if err != nil {
		return err
	}
	if len(revs) == 0 {
		return fmt.Errorf("%s has no revisions: commit it first with `redline commit %s -m MESSAGE`", v.Path, v.Path)
	}
	target := revs[len(revs)-1]
	if v.Revision != nil {
		target = *v.Revision
	}
	recs, err := clearanceRecords(ws, name)
	if err != nil {
		return err
	}
	out := clearancesJSON{Draft: name, Revision: target.Number, Records: []clearanceJSON{}, Missing: []string{}}
	standing := attrib.Judge(recs, attrib.Target{Rev: target.Number, Hash: target.SHA256})
	for _, s := range standing {
		e := newClearanceJSON(s.Clearance, s.State())
		if s.Stale && s.Rev >= 1 && s.Rev <= len(revs) {
			if e.Since, err = attrib.Since(chainLink(v.Path, revs[s.Rev-1]), chainLink(v.Path, target)); err != nil {
				return err
			}
		}
		out.Records = append(out.Records, e)
	}
	if doc, err := draft.Parse(v.Name, target.Content); err == nil && doc.Fields.Series != "" {
		out.Series = doc.Fields.Series
		req := ws.Config.RequirementFor(doc.Fields.Series)
		for _, sf := range (attrib.Policy{Clearances: req.Clearances, Approval: req.Approval}).Check(standing) {
			out.Missing = append(out.Missing, sf.String())
		}
	}
	if opts.JSON.Enabled() {
		return opts.JSON.Write(opts.IO.TerminalSafe(opts.IO.Out), out)
	}
	return writeClearances(opts, v.Path, out)
}

func writeClearances(opts *ClearancesOptions, path string, out clearancesJSON) error {
	mode, err := opts.Factory.ColorMode()
	if err != nil {
		return err
	}
	color := opts.IO.ColorEnabled(mode, false)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: clearances for revision %d\n", path, out.Revision)
	if len(out.Records) == 0 {
		b.WriteString("no clearances or approvals yet\n")
	} else {
		rows := [][]cell{{{"RECORD", sgrBold}, {"KIND", sgrBold}, {"REV", sgrBold}, {"WHO", sgrBold}, {"TIME", sgrBold}, {"STATE", sgrBold}, {"NOTE", sgrBold}}}
		for _, r := range out.Records {
			st := map[string]string{"current": sgrGreen, "stale": sgrYellow, "withdrawn": sgrRed}[r.State]
			rows = append(rows, []cell{{strconv.FormatInt(r.Record, 10), ""}, {r.Kind, ""}, {strconv.Itoa(r.Revision), ""},
				{attrib.Clearance{Office: r.Office, Name: r.Name}.Who(), ""}, {r.At[:16] + "Z", ""}, {r.State, st}, {r.Note, ""}})
		}
		var t strings.Builder
		if err := writeTable(&t, rows, color); err != nil {
			return err
		}
		b.WriteString(t.String())
		for _, r := range out.Records {
			for i, e := range r.Since {
				if i == maxSinceShown {
					fmt.Fprintf(&b, "record %d: and %d more changes (--json lists them all)\n", r.Record, len(r.Since)-i)
					break
				}
				fmt.Fprintf(&b, "record %d: changed since revision %d: %s\n", r.Record, r.Revision, editMark(e))
			}
		}
	}
	for _, m := range out.Missing {
		fmt.Fprintf(&b, "series %s needs %s\n", out.Series, m)
	}
	_, err = opts.IO.TerminalSafe(opts.IO.Out).Write([]byte(b.String()))
	return err
}

// maxSinceShown is how many of a stale record's changes the table lists.
const maxSinceShown = 5

// editMark writes an edit as the plain redline does: [-old-]{+new+}.
func editMark(e attrib.Edit) string {
	s := ""
	if e.Deleted != "" {
		s += "[-" + e.Deleted + "-]"
	}
	if e.Inserted != "" {
		s += "{+" + e.Inserted + "+}"
	}
	return s
}
