package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

func init() { register(NewCmdSerial) }

// NewCmdSerial builds `redline serial`: the register of sent messages.
func NewCmdSerial(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "serial <command>",
		Short: "The serial register: every message sent, by series and number",
		Long: `The serial register lists every message sent with 'redline send': its serial,
date-time group, precedence, originator, addressees, title, the draft and
as-sent revision it was sent from, and the SHA-256 of the cable as sent. The
register is kept in the revision store itself (each as-sent revision holds its
serial), so it can never disagree with what was recorded.`,
		Example: `  redline serial list
  redline serial list --series T --year 1988 --json
  redline serial show "T 192A/88"
  redline serial verify`,
		Args: exactArgs(0, "a subcommand: see 'redline serial --help'"),
		RunE: func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.AddCommand(newCmdSerialList(f), newCmdSerialVerify(f), newCmdSerialShow(f))
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

	year  int
	rev   draft.Revision
	order int
}

// loadSerialRegister reads every sent revision, ordered by series, year, number
// and suffix.
func loadSerialRegister(ws *draft.Workspace) ([]serialEntry, error) {
	sent, err := ws.SentRevisions()
	if err != nil {
		return nil, err
	}
	return serialRegisterOf(ws, sent), nil
}

func serialRegisterOf(ws *draft.Workspace, sent []draft.Revision) []serialEntry {
	var out []serialEntry
	for _, r := range sent {
		s := r.Sent
		sum := s.CableSHA256
		if sum == "" {
			sum = sendSHA256(s.Cable)
		}
		out = append(out, serialEntry{
			Series: s.Series, Serial: s.Serial, DTG: s.DTG, Precedence: s.Precedence, From: s.From,
			To: sendNonNil(s.To), Title: s.Title, Draft: r.Draft, Revision: r.Number, SHA256: sum,
			year: sentYear(r), rev: r,
		})
	}
	// Order each series by its own format.
	bySeries := map[string][]int{}
	var names []string
	for i, e := range out {
		k := strings.ToUpper(e.Series)
		if _, ok := bySeries[k]; !ok {
			names = append(names, k)
		}
		bySeries[k] = append(bySeries[k], i)
	}
	sort.Strings(names)
	n := 0
	for _, k := range names {
		idx := bySeries[k]
		format := ""
		if s, ok := ws.Config.SeriesByName(k); ok {
			format = s.Format
		}
		issued := make([]cable.IssuedSerial, len(idx))
		pos := map[cable.IssuedSerial][]int{}
		for j, i := range idx {
			issued[j] = cable.IssuedSerial{Serial: out[i].Serial, Year: out[i].year}
			pos[issued[j]] = append(pos[issued[j]], i)
		}
		cable.SortSerials(format, issued)
		for _, is := range issued {
			i := pos[is][0]
			pos[is] = pos[is][1:]
			out[i].order = n
			n++
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].order < out[j].order })
	return out
}

type serialListOptions struct {
	Series string
	Year   int
	JSON   bool
}

func newCmdSerialList(f *Factory) *cobra.Command {
	opts := &serialListOptions{}
	c := &cobra.Command{
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
		RunE: func(c *cobra.Command, args []string) error { return runSerialList(f, opts) },
	}
	c.Flags().StringVar(&opts.Series, "series", "", "only this series")
	c.Flags().IntVar(&opts.Year, "year", 0, "only messages whose date-time group falls in this year")
	c.Flags().BoolVar(&opts.JSON, "json", false, "print the register as a JSON array")
	return c
}

func runSerialList(f *Factory, opts *serialListOptions) error {
	ws, err := f.Workspace()
	if err != nil {
		return err
	}
	if opts.Series != "" {
		if _, ok := ws.Config.SeriesByName(opts.Series); !ok {
			return usageErrorf("no serial series %q in %s (configured: %s)", opts.Series, ws.ConfigPath(), strings.Join(ws.Config.SeriesNames(), ", "))
		}
	}
	reg, err := loadSerialRegister(ws)
	if err != nil {
		return err
	}
	var rows []serialEntry
	for _, e := range reg {
		if opts.Series != "" && !strings.EqualFold(e.Series, opts.Series) {
			continue
		}
		if opts.Year != 0 && e.year != opts.Year {
			continue
		}
		rows = append(rows, e)
	}
	if opts.JSON {
		if rows == nil {
			rows = []serialEntry{}
		}
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	if len(rows) == 0 {
		_, err := fmt.Fprintln(f.IO.ErrOut, "no messages sent yet")
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
	mode, err := f.ColorMode()
	if err != nil {
		return err
	}
	return writeTableWidth(f.IO.Out, table, f.IO.ColorEnabled(mode, false), f.IO.TableWidth())
}

func newCmdSerialVerify(f *Factory) *cobra.Command {
	var jsonOut bool
	c := &cobra.Command{
		Use:   "verify",
		Short: "Re-read every sent revision and check the cable's hash and the numbering",
		Long: `Re-read every as-sent revision from the store and check that the cable kept
with it still has the SHA-256 recorded when it was sent, that no serial was
issued twice, and that each series' numbers run without gaps from the lowest
to the highest in the register (a gap is reported as a note: numbers issued
outside redline make them). The exit status
is non-zero when a hash does not match, a record cannot be read or a serial
is duplicated.`,
		Example: `  redline serial verify`,
		Args:    exactArgs(0, "no arguments"),
		RunE:    func(c *cobra.Command, args []string) error { return runSerialVerify(f, jsonOut) },
	}
	c.Flags().BoolVar(&jsonOut, "json", false, "print the findings as JSON")
	return c
}

type serialVerifyReport struct {
	Checked  int      `json:"checked"`
	Problems []string `json:"problems"`
	Notes    []string `json:"notes"`
}

func runSerialVerify(f *Factory, jsonOut bool) error {
	ws, err := f.Workspace()
	if err != nil {
		return err
	}
	rep := serialVerifyReport{Problems: []string{}, Notes: []string{}}
	names, err := ws.Drafts()
	if err != nil {
		return err
	}
	var sent []draft.Revision
	for _, n := range names {
		revs, err := ws.LogDraft(n)
		if err != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: %v", n, err))
			continue
		}
		for _, r := range revs {
			if r.Sent == nil {
				continue
			}
			rep.Checked++
			if got := sendSHA256(r.Sent.Cable); got != r.Sent.CableSHA256 {
				rep.Problems = append(rep.Problems, fmt.Sprintf("%s@%d (%s): the cable's SHA-256 is %s, the register says %s", r.Draft, r.Number, r.Sent.Serial, got, r.Sent.CableSHA256))
			}
			sent = append(sent, r)
		}
	}
	reg := serialRegisterOf(ws, sent)
	seen := map[string]serialEntry{}
	for _, e := range reg {
		k := strings.ToUpper(e.Series) + "\x00" + strings.ToUpper(strings.Join(strings.Fields(e.Serial), " "))
		if e.Series != "" {
			if s, ok := ws.Config.SeriesByName(e.Series); ok && s.Yearly {
				if sn, err := cable.ParseSerial(s.Format, e.Serial); err == nil && sn.YearDigits == 0 {
					k += fmt.Sprintf("\x00%d", e.year)
				}
			}
		}
		if prev, ok := seen[k]; ok {
			rep.Problems = append(rep.Problems, fmt.Sprintf("serial %s was issued twice: %s@%d at %s and %s@%d at %s", e.Serial, prev.Draft, prev.Revision, prev.DTG, e.Draft, e.Revision, e.DTG))
			continue
		}
		seen[k] = e
	}
	rep.Notes = append(rep.Notes, serialGaps(ws, reg)...)
	if jsonOut {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		for _, p := range rep.Problems {
			fmt.Fprintf(f.IO.Out, "problem: %s\n", p)
		}
		for _, n := range rep.Notes {
			fmt.Fprintf(f.IO.Out, "note: %s\n", n)
		}
		status := "ok"
		if len(rep.Problems) > 0 {
			status = fmt.Sprintf("%d problem(s)", len(rep.Problems))
		}
		fmt.Fprintf(f.IO.Out, "checked %d sent message(s): %s\n", rep.Checked, status)
	}
	if len(rep.Problems) > 0 {
		return fmt.Errorf("the serial register has %d problem(s): see above; run `redline fsck` for the store", len(rep.Problems))
	}
	return nil
}

// serialGaps notes numbers missing from each series and year.
func serialGaps(ws *draft.Workspace, reg []serialEntry) []string {
	type key struct {
		series string
		year   int
	}
	nums := map[key]map[int]bool{}
	var keys []key
	for _, e := range reg {
		s, ok := ws.Config.SeriesByName(e.Series)
		if !ok {
			continue
		}
		sn, err := cable.ParseSerial(s.Format, e.Serial)
		if err != nil {
			continue
		}
		k := key{strings.ToUpper(s.Name), 0}
		if s.Yearly {
			k.year = e.year
		}
		if nums[k] == nil {
			nums[k] = map[int]bool{}
			keys = append(keys, k)
		}
		nums[k][sn.N] = true
	}
	var notes []string
	for _, k := range keys {
		// Between the lowest and the highest number in the register: a
		// register may start part-way through a year.
		lowest, highest := 0, 0
		for n := range nums[k] {
			if lowest == 0 || n < lowest {
				lowest = n
			}
			highest = max(highest, n)
		}
		var missing []string
		for n := lowest + 1; n < highest; n++ {
			if !nums[k][n] {
				missing = append(missing, fmt.Sprint(n))
			}
		}
		if len(missing) > 0 {
			where := k.series
			if k.year != 0 {
				where += fmt.Sprintf(" in %d", k.year)
			}
			if len(missing) > 10 {
				missing = append(missing[:10], fmt.Sprintf("and %d more", len(missing)-10))
			}
			notes = append(notes, fmt.Sprintf("series %s: numbers not in the register: %s", where, strings.Join(missing, ", ")))
		}
	}
	return notes
}

func newCmdSerialShow(f *Factory) *cobra.Command {
	year := 0
	c := &cobra.Command{
		Use:   "show SERIAL",
		Short: "Print the cable sent under a serial, exactly as sent",
		Long: `Print the cable kept with the as-sent revision of SERIAL, byte for byte as it
was sent. A serial without a year in it (TELNO 1119) may recur in another year:
give --year to choose.`,
		Example: `  redline serial show "T 192A/88"
  redline serial show "TELNO 1119" --year 2003`,
		Args: exactArgs(1, "one serial, such as \"T 192A/88\""),
		RunE: func(c *cobra.Command, args []string) error {
			ws, err := f.Workspace()
			if err != nil {
				return err
			}
			reg, err := loadSerialRegister(ws)
			if err != nil {
				return err
			}
			want := strings.ToUpper(strings.Join(strings.Fields(args[0]), ""))
			var found []serialEntry
			for _, e := range reg {
				if strings.ToUpper(strings.Join(strings.Fields(e.Serial), "")) == want && (year == 0 || e.year == year) {
					found = append(found, e)
				}
			}
			switch len(found) {
			case 0:
				return fmt.Errorf("no message was sent as %q: see `redline serial list`", args[0])
			case 1:
				_, err := io.Copy(f.IO.Out, strings.NewReader(string(found[0].rev.Sent.Cable)))
				return err
			}
			var where []string
			for _, e := range found {
				where = append(where, fmt.Sprintf("%s@%d (%s)", e.Draft, e.Revision, e.DTG))
			}
			return fmt.Errorf("%q was sent more than once (%s): give --year", args[0], strings.Join(where, ", "))
		},
	}
	c.Flags().IntVar(&year, "year", 0, "the year of the message's date-time group")
	return c
}
