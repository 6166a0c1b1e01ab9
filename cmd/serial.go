package cmd

import (
	"fmt"
	"strings"

	"github.com/redline-dev/redline/despatch"
	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

func init() { register(func(f *Factory) *cobra.Command { return NewCmdSerial(f, nil) }) }

// SerialOptions are the options of `redline serial list|verify|show`.
type SerialOptions struct {
	IO        *IOStreams
	Workspace func() (*draft.Workspace, error)
	ColorMode func() (ColorMode, error)

	// Action is list, verify or show.
	Action string
	Serial string // for show
	Series string
	Year   int
	// Export is list's and verify's --json/--jq/--json-template.
	Export *jsonExporter
}

// NewCmdSerial builds `redline serial`: the register of sent messages.
// runF, when given, receives the parsed options of a subcommand instead of
// serialRun.
func NewCmdSerial(f *Factory, runF func(*SerialOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "serial <command>",
		Short: "The serial register: every message sent, by series and number",
		Long: `The serial register lists every message sent with 'redline send': its serial,
date-time group, precedence, originator, addressees, title, the draft and
as-sent revision it was sent from, and the SHA-256 of the cable as sent. The
register is an append-only table of the store, each entry chained to the one
before it, written in the same transaction as the as-sent revision it records.`,
		Example: `  redline serial list
  redline serial list --series T --year 1988 --json
  redline serial show "T 192A/88"
  redline serial verify`,
		Args: exactArgs(0, "a subcommand: see 'redline serial --help'"),
		RunE: func(c *cobra.Command, args []string) error { return c.Help() },
	}
	run := func(o *SerialOptions) error {
		if runF != nil {
			return runF(o)
		}
		return serialRun(o)
	}
	newOpts := func(action string) *SerialOptions {
		return &SerialOptions{IO: f.IO, Workspace: f.Workspace, ColorMode: f.ColorMode, Action: action}
	}
	list := newOpts("list")
	lc := &cobra.Command{
		Use:   "list",
		Short: "List the messages sent, by series and number",
		Long: `List every message sent: serial, date-time group, precedence, originator,
addressees, title, draft@revision and the first 12 digits of the cable's
SHA-256. --json prints an array of objects with the keys series, serial, dtg,
precedence, from, to, title, draft, revision and sha256 (in full).`,
		Example: `  redline serial list
  redline serial list --series TELNO --year 2003
  redline serial list --json`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, args []string) error { return run(list) },
	}
	lc.Flags().StringVar(&list.Series, "series", "", "only this series")
	lc.Flags().IntVar(&list.Year, "year", 0, "only messages whose date-time group falls in this year")
	list.Export = addJSONFlags(lc, []serialEntry{})
	verify := newOpts("verify")
	vc := &cobra.Command{
		Use:   "verify",
		Short: "Re-read every sent revision and check the cable's hash and the numbering",
		Long: `Re-read every register entry's as-sent revision and check that the cable kept
with it still has the SHA-256 recorded when it was sent, that the entry and the
revision agree, that every as-sent revision is in the register, that no serial
was issued twice, and that each series' numbers run without gaps from the
lowest to the highest in the register (a gap is reported as a note: numbers
issued outside redline make them). A damaged draft is reported and the others
are still checked. The exit status is non-zero when anything is wrong.`,
		Example: `  redline serial verify`,
		Args:    exactArgs(0, "no arguments"),
		RunE:    func(c *cobra.Command, args []string) error { return run(verify) },
	}
	verify.Export = addJSONFlags(vc, despatch.Report{})
	show := newOpts("show")
	sc := &cobra.Command{
		Use:   "show SERIAL",
		Short: "Print the cable sent under a serial, exactly as sent",
		Long: `Print the cable kept with the as-sent revision of SERIAL, byte for byte as it
was sent. A serial without a year in it (TELNO 1119) may recur in another year:
give --year to choose.`,
		Example: `  redline serial show "T 192A/88"
  redline serial show "TELNO 1119" --year 2003`,
		Args: exactArgs(1, "one serial, such as \"T 192A/88\""),
		RunE: func(c *cobra.Command, args []string) error { show.Serial = args[0]; return run(show) },
	}
	sc.Flags().IntVar(&show.Year, "year", 0, "the year of the message's date-time group")
	c.AddCommand(lc, vc, sc)
	return c
}

// serialEntry is one line of the register; its JSON keys are a contract.
type serialEntry struct {
	Series     string   `json:"series"`
	Serial     string   `json:"serial"`
	DTG        string   `json:"dtg"`
	Precedence string   `json:"precedence"`
	From       string   `json:"from"`
	To         []string `json:"to"`
	Title      string   `json:"title"`
	Draft      string   `json:"draft"`
	Revision   int      `json:"revision"`
	SHA256     string   `json:"sha256"`
	Backdated  string   `json:"backdated,omitempty"`

	year int
}

// loadSerialRegister reads the whole register, in order.
func loadSerialRegister(ws *draft.Workspace) ([]serialEntry, error) { return serialRegister(ws, "") }

// serialRegister reads the register of one series ("" for all), in order.
func serialRegister(ws *draft.Workspace, series string) ([]serialEntry, error) {
	listed, err := despatch.List(ws, series)
	if err != nil {
		return nil, err
	}
	var rows []serialEntry
	for _, l := range listed {
		e := l.Entry
		row := serialEntry{Series: e.Series, Serial: e.Serial, DTG: e.DTG, From: e.Originator, To: []string{},
			Draft: e.Draft, Revision: e.Rev, Backdated: e.Backdated, year: e.Year}
		if s := l.Sent; s != nil {
			row.Precedence, row.From, row.To, row.Title, row.SHA256 = s.Precedence, s.From, sendNonNil(s.To), s.Title, s.CableSHA256
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func serialRun(opts *SerialOptions) error {
	ws, err := opts.Workspace()
	if err != nil {
		return err
	}
	switch opts.Action {
	case "verify":
		return serialVerify(opts, ws)
	case "show":
		return serialShow(opts, ws)
	}
	return serialList(opts, ws)
}

func serialList(opts *SerialOptions, ws *draft.Workspace) error {
	series := ""
	if opts.Series != "" {
		s, ok := ws.Config.SeriesByName(opts.Series)
		if !ok {
			return usageErrorf("no serial series %q in %s (configured: %s)", opts.Series, ws.ConfigPath(), strings.Join(ws.Config.SeriesNames(), ", "))
		}
		series = s.Name
	}
	all, err := serialRegister(ws, series)
	if err != nil {
		return err
	}
	rows := []serialEntry{}
	for _, e := range all {
		if opts.Year == 0 || e.year == opts.Year {
			rows = append(rows, e)
		}
	}
	if opts.Export.Enabled() {
		return opts.Export.Write(opts.IO.Out, rows)
	}
	if len(rows) == 0 {
		_, err := fmt.Fprintln(opts.IO.ErrOut, "no messages sent yet")
		return err
	}
	table := [][]cell{{{"SERIAL", sgrBold}, {"DTG", sgrBold}, {"PREC", sgrBold}, {"FROM", sgrBold}, {"TO", sgrBold}, {"TITLE", sgrBold}, {"DRAFT", sgrBold}, {"SHA-256", sgrBold}}}
	for _, e := range rows {
		title := e.Title
		if r := []rune(title); len(r) > 40 {
			title = string(r[:39]) + "…"
		}
		sum := e.SHA256
		if len(sum) > 12 {
			sum = sum[:12]
		}
		table = append(table, []cell{{e.Serial, ""}, {e.DTG, ""}, {e.Precedence, ""}, {e.From, ""},
			{strings.Join(e.To, ", "), ""}, {title, ""}, {fmt.Sprintf("%s@%d", e.Draft, e.Revision), ""}, {sum, ""}})
	}
	mode, err := opts.ColorMode()
	if err != nil {
		return err
	}
	return writeTableWidth(opts.IO.Out, table, opts.IO.ColorEnabled(mode, false), opts.IO.TableWidth())
}

func serialVerify(opts *SerialOptions, ws *draft.Workspace) error {
	rep, err := despatch.Verify(ws)
	if err != nil {
		return err
	}
	if opts.Export.Enabled() {
		if err := opts.Export.Write(opts.IO.Out, rep); err != nil {
			return err
		}
	} else {
		for _, p := range rep.Problems {
			fmt.Fprintf(opts.IO.Out, "problem: %s\n", p)
		}
		for _, n := range rep.Notes {
			fmt.Fprintf(opts.IO.Out, "note: %s\n", n)
		}
		status := "ok"
		if len(rep.Problems) > 0 {
			status = fmt.Sprintf("%d problem(s)", len(rep.Problems))
		}
		fmt.Fprintf(opts.IO.Out, "checked %d sent message(s): %s\n", rep.Checked, status)
	}
	if len(rep.Problems) > 0 {
		return fmt.Errorf("the serial register has %d problem(s): see above; run `redline fsck` for the store", len(rep.Problems))
	}
	return nil
}

func serialShow(opts *SerialOptions, ws *draft.Workspace) error {
	listed, err := despatch.List(ws, "")
	if err != nil {
		return err
	}
	want := strings.ToUpper(strings.Join(strings.Fields(opts.Serial), ""))
	var found []despatch.Listed
	for _, l := range listed {
		if strings.ToUpper(strings.Join(strings.Fields(l.Entry.Serial), "")) == want && (opts.Year == 0 || l.Entry.Year == opts.Year) {
			found = append(found, l)
		}
	}
	switch len(found) {
	case 0:
		return fmt.Errorf("no message was sent as %q: see `redline serial list`", opts.Serial)
	case 1:
		if found[0].Sent == nil {
			return fmt.Errorf("%s: %s: run `redline fsck`", opts.Serial, found[0].Problem)
		}
		_, err := opts.IO.Out.Write(found[0].Sent.Cable)
		return err
	}
	var where []string
	for _, l := range found {
		where = append(where, fmt.Sprintf("%s@%d (%s)", l.Entry.Draft, l.Entry.Rev, l.Entry.DTG))
	}
	return fmt.Errorf("%q was sent more than once (%s): give --year", opts.Serial, strings.Join(where, ", "))
}
