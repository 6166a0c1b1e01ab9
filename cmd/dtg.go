package cmd

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // --local-zone works on machines without a zoneinfo database

	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/cable"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdDTG(f, nil, nil) })
}

// DTGOptions holds what `redline dtg` needs: its streams, the clock, and
// the parsed flags.
type DTGOptions struct {
	IO  *IOStreams
	Now func() time.Time

	At         string
	Zone       string
	YearDigits int
	LocalZone  string
	JSON       bool
}

// NewCmdDTG builds `redline dtg` and `redline dtg parse`. runF and parseF,
// when not nil, receive the parsed options instead of dtgRun and
// dtgParseRun (tests use them to parse flags without I/O).
func NewCmdDTG(f *Factory, runF func(*DTGOptions) error, parseF func(*DTGParseOptions) error) *cobra.Command {
	opts := &DTGOptions{IO: f.IO, Now: f.Now}
	c := &cobra.Command{
		Use:   "dtg [--at TIME] [--zone LETTER]",
		Short: "Print the date-time group for now or a given time",
		Long: `Print a date-time group (ACP 127): DDHHMMZ MON YY, e.g. 212130Z DEC 88.

Years are written with two digits up to 2005 and four from 2006; --year-digits
forces either. The zone letter is Z (UTC) by default; A-M (no J) are UTC+1 to
+12, N-Y are UTC-1 to -12, and J is local time, which needs --local-zone
(an IANA name such as Europe/London). These are the military zone letters,
not the one-letter zones of RFC 822, whose signs are the opposite.

TIME is RFC 3339 (1988-12-21T21:30:00Z), YYYY-MM-DD HH:MM or
YYYY-MM-DDTHH:MM in UTC, or a date-time group to convert to --zone.

A group printed here is not reserved, and send has rules of its own: with
--dtg now it stamps the store's clock, moved on a minute past each group the
originator has already used and never more than 5 minutes ahead; a group given
with --dtg more than 5 minutes ahead of the clock is refused, and one more than
a day behind it (as an archive cable's two-digit year is) needs --backdate
REASON, which the register records.`,
		Example: `  redline dtg
  redline dtg --at 1988-12-21T21:30:00Z
  redline dtg --at "1988-12-21 21:30" --zone R
  redline dtg --zone J --local-zone America/New_York
  redline dtg --at "212130Z DEC 88" --zone R
  redline dtg parse 212130Z DEC 88
  redline dtg parse "170356Z JULY 03" --json`,
		Args: exactArgs(0, "no arguments (use --at TIME, or 'redline dtg parse DTG')"),
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return dtgRun(opts)
		},
	}
	c.Flags().StringVar(&opts.At, "at", "", "the time to write (default now)")
	c.Flags().StringVar(&opts.Zone, "zone", "Z", "zone letter: Z, A-M (no J), N-Y, or J for --local-zone")
	c.Flags().IntVar(&opts.YearDigits, "year-digits", 0, "write the year with 2 or 4 digits (default: 2 up to 2005, 4 from 2006)")
	c.Flags().StringVar(&opts.LocalZone, "local-zone", "", "time zone that J stands for (IANA name, e.g. Europe/London)")
	c.Flags().BoolVar(&opts.JSON, "json", false, "print the parts as JSON, as 'dtg parse --json' does")
	c.AddCommand(newCmdDTGParse(f, parseF))
	return c
}

// parseZoneFlag checks a --zone value and loads --local-zone when needed.
func parseZoneFlag(zone, localZone string) (byte, *time.Location, error) {
	z := strings.ToUpper(strings.TrimSpace(zone))
	if len(z) != 1 || !cable.ValidZone(z[0]) {
		return 0, nil, usageErrorf("--zone %q: use a zone letter: Z for UTC, A-M (no J) for UTC+1 to +12, N-Y for UTC-1 to -12, J for local time", zone)
	}
	var loc *time.Location
	if localZone != "" {
		var err error
		if loc, err = time.LoadLocation(localZone); err != nil {
			return 0, nil, usageErrorf("--local-zone %q: unknown time zone: use an IANA name such as Europe/London or America/New_York", localZone)
		}
	}
	if z[0] == 'J' && loc == nil {
		return 0, nil, usageErrorf("zone letter J needs --local-zone: J is the observer's local time (e.g. --local-zone Europe/London)")
	}
	return z[0], loc, nil
}

func parseAt(s string, local *time.Location) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	// A date-time group converts to another zone.
	if d, err := cable.ParseDTG(s, cable.DTGOptions{LocalZone: local}); err == nil {
		return d.UTC()
	}
	return time.Time{}, usageErrorf("--at %q: write the time as RFC 3339 (1988-12-21T21:30:00Z), YYYY-MM-DD HH:MM (UTC) or a date-time group", s)
}

func dtgRun(opts *DTGOptions) error {
	if opts.YearDigits != 0 && opts.YearDigits != 2 && opts.YearDigits != 4 {
		return usageErrorf("--year-digits %d: use 2 or 4", opts.YearDigits)
	}
	zone, loc, err := parseZoneFlag(opts.Zone, opts.LocalZone)
	if err != nil {
		return err
	}
	t := opts.Now()
	if opts.At != "" {
		if t, err = parseAt(opts.At, loc); err != nil {
			return err
		}
	}
	if zone == 'J' {
		t = t.In(loc)
	}
	s, err := cable.FormatDTG(t, zone, opts.YearDigits)
	if err != nil {
		return err
	}
	if opts.JSON {
		d, err := cable.DTGAt(t, zone)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(dtgJSON{Day: d.Day, Hour: d.Hour, Minute: d.Minute, Zone: string(zone), Month: cable.MonthAbbrev(d.Month),
			Year: d.Year, UTC: t.UTC().Truncate(time.Minute).Format(time.RFC3339), DTG: s})
	}
	_, err = fmt.Fprintln(opts.IO.Out, s)
	return err
}

// DTGParseOptions holds what `redline dtg parse` needs: its streams, the
// group (its arguments joined by spaces) and the parsed flags.
type DTGParseOptions struct {
	IO *IOStreams

	DTG       string
	JSON      *jsonExporter
	Zone      string
	LocalZone string
}

type dtgJSON struct {
	Day       int    `json:"day"`
	Hour      int    `json:"hour"`
	Minute    int    `json:"minute"`
	Zone      string `json:"zone"`
	Month     string `json:"month"`
	Year      int    `json:"year"`
	UTC       string `json:"utc"`
	DTG       string `json:"dtg"`
	Converted string `json:"converted,omitempty"`
}

func newCmdDTGParse(f *Factory, runF func(*DTGParseOptions) error) *cobra.Command {
	opts := &DTGParseOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "parse DTG",
		Short: "Read a date-time group and print its parts and UTC instant",
		Long: `Read a date-time group (DDHHMMZ MON YY or YYYY; four-letter months such as
JULY are accepted) and print its parts and the instant in UTC. Two-digit years
06-99 are 1906-1999 and 00-05 are 2000-2005 (ACP 127). The DTG may be given as
one argument in quotes or as its three words. --zone converts it to another
zone letter. With --json the keys are day, hour, minute, zone, month, year,
utc (RFC 3339) and dtg (the group as redline writes it).`,
		Example: `  redline dtg parse 212130Z DEC 88
  redline dtg parse "170356Z JULY 03" --json
  redline dtg parse 212130Z DEC 88 --zone R
  redline dtg parse 212130J DEC 88 --local-zone Europe/London`,
		Args: rangeArgs(1, 3, "a date-time group, e.g. 212130Z DEC 88"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.DTG = strings.Join(args, " ")
			if runF != nil {
				return runF(opts)
			}
			return dtgParseRun(opts)
		},
	}
	opts.JSON = addJSONFlags(c, dtgJSON{})
	c.Flags().StringVar(&opts.Zone, "zone", "", "also write the DTG in this zone letter")
	c.Flags().StringVar(&opts.LocalZone, "local-zone", "", "time zone that J stands for (IANA name, e.g. Europe/London)")
	return c
}

func dtgParseRun(opts *DTGParseOptions) error {
	var loc *time.Location
	if opts.LocalZone != "" {
		var err error
		if loc, err = time.LoadLocation(opts.LocalZone); err != nil {
			return usageErrorf("--local-zone %q: unknown time zone: use an IANA name such as Europe/London or America/New_York", opts.LocalZone)
		}
	}
	d, err := cable.ParseDTG(opts.DTG, cable.DTGOptions{LocalZone: loc})
	if err != nil {
		return err
	}
	u, err := d.UTC()
	if err != nil {
		return err
	}
	out := dtgJSON{Day: d.Day, Hour: d.Hour, Minute: d.Minute, Zone: string(d.Zone), Month: cable.MonthAbbrev(d.Month),
		Year: d.Year, UTC: u.Format(time.RFC3339), DTG: d.String()}
	if opts.Zone != "" {
		z, zl, err := parseZoneFlag(opts.Zone, opts.LocalZone)
		if err != nil {
			return err
		}
		conv, err := d.In(z, zl)
		if err != nil {
			return err
		}
		out.Converted = conv.String()
	}
	if opts.JSON.Enabled() {
		return opts.JSON.Write(opts.IO.Out, out)
	}
	w := opts.IO.Out
	fmt.Fprintf(w, "dtg     %s\n", out.DTG)
	fmt.Fprintf(w, "day     %02d\n", d.Day)
	fmt.Fprintf(w, "hour    %02d\n", d.Hour)
	fmt.Fprintf(w, "minute  %02d\n", d.Minute)
	fmt.Fprintf(w, "zone    %s\n", cable.ZoneName(d.Zone))
	fmt.Fprintf(w, "month   %s\n", out.Month)
	fmt.Fprintf(w, "year    %d\n", d.Year)
	fmt.Fprintf(w, "utc     %s\n", out.UTC)
	if out.Converted != "" {
		fmt.Fprintf(w, "in %-4s %s\n", string(out.Converted[6]), out.Converted)
	}
	return nil
}
