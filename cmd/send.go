package cmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/redline-dev/redline/critic"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/telegram"
	"github.com/redline-dev/redline/templates"
	"github.com/spf13/cobra"
)

func init() { register(NewCmdSend) }

type sendOptions struct {
	File         string
	DTG          string
	Zone         string
	Precedence   string
	Series       string
	SameNumberAs string
	Template     string
	Output       string
	Author       string
	Office       string
	JSON         bool
}

// NewCmdSend builds `redline send`.
func NewCmdSend(f *Factory) *cobra.Command {
	opts := &sendOptions{}
	c := &cobra.Command{
		Use:   "send FILE",
		Short: "Despatch a draft: allocate its serial, stamp the DTG, seal it and print the cable",
		Long: `Send a committed draft. redline first checks it: the working copy is the latest
revision (commit it first), it has no unresolved tracked changes, it has a
classification, an originator (from) and addressees (to), and it renders
through its template without error.

Then, in one all-or-nothing step under the store's lock, it allocates the next
serial of the series for the date-time group's year (gapless: one more than
the highest issued), stamps the date-time group (--dtg now, the default, never
reuses one this originator used in the last 24 hours: it moves on a minute, as
communications centres do), renders the cable, and records an as-sent revision
labelled as-sent holding the serial, the date-time group, the cable and its
SHA-256. That revision seals the draft: commit, restore, accept and reject
refuse it from then on (see 'redline reopen'). If any step fails, nothing is
recorded and no serial is consumed.

The series comes from --series, else the draft's series field; the formats are
in .redline/config.yaml. --same-number-as issues a further message under an
existing number with the next suffix letter: T 192/88 gives T 192A/88, then
T 192B/88. The cable is printed, or written to -o OUT.

--zone writes the date-time group of --dtg now in another military zone (R for
UTC-5, A for UTC+1); Z (UTC) is the default, as UK telegrams use. The local
zone J is not accepted: the register must be able to read the time back.`,
		Example: `  redline send telegram.md
  redline send telegram.md --dtg "212130Z DEC 88" --same-number-as "T 192/88" -o as-sent.txt
  redline send instruction.md --series STATE --precedence IMMEDIATE
  redline send telegram.md --json
  redline send instruction.md --dtg now --zone R`,
		Args: exactArgs(1, "one draft file"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			return runSend(f, opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.DTG, "dtg", "now", "date-time group: now, or DDHHMMZ MON YY")
	fl.StringVar(&opts.Zone, "zone", "Z", "zone letter for --dtg now: Z (UTC), A-M (no J) for UTC+1 to +12, N-Y for UTC-1 to -12")
	fl.StringVar(&opts.Precedence, "precedence", "", "precedence to send at (FLASH, IMMEDIATE, PRIORITY, ROUTINE); default the draft's")
	fl.StringVar(&opts.Series, "series", "", "serial series (see .redline/config.yaml); default the draft's series field")
	fl.StringVar(&opts.SameNumberAs, "same-number-as", "", "issue under this existing serial with the next suffix letter")
	fl.StringVar(&opts.Template, "template", "", "template name or .tmpl path; default the draft's template field")
	fl.StringVarP(&opts.Output, "output", "o", "", "write the cable to this file instead of standard output")
	fl.StringVar(&opts.Author, "author", "", "who sends it (default REDLINE_AUTHOR, then config.yaml)")
	fl.StringVar(&opts.Office, "office", "", "the sender's office (default REDLINE_OFFICE, then config.yaml)")
	fl.BoolVar(&opts.JSON, "json", false, "print what was sent as JSON (serial, dtg, revision, sha256, cable)")
	return c
}

// sendResult is what --json prints.
type sendResult struct {
	Draft      string   `json:"draft"`
	Revision   int      `json:"revision"`
	Series     string   `json:"series"`
	Serial     string   `json:"serial"`
	DTG        string   `json:"dtg"`
	Precedence string   `json:"precedence"`
	From       string   `json:"from"`
	To         []string `json:"to"`
	Info       []string `json:"info"`
	Title      string   `json:"title"`
	SHA256     string   `json:"sha256"`
	Cable      string   `json:"cable"`
}

func runSend(f *Factory, opts *sendOptions) error {
	if opts.File == "-" || strings.Contains(opts.File, "@") && !sendFileExists(opts.File) {
		return usageErrorf("send takes a draft file (the working copy), not %q", opts.File)
	}
	ws, err := f.Workspace()
	if err != nil {
		return err
	}
	author, office, err := f.Identity(ws, opts.Author, opts.Office)
	if err != nil {
		return err
	}
	name, err := ws.DraftName(opts.File)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(opts.File)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", opts.File, sendUnwrap(err))
	}
	doc, err := draft.Parse(opts.File, data)
	if err != nil {
		return err
	}
	if err := checkSendable(opts.File, data, doc); err != nil {
		return err
	}
	if opts.Precedence != "" {
		p, err := cable.ParsePrecedence(opts.Precedence)
		if err != nil {
			return usageErrorf("--precedence: %v", err)
		}
		doc.Fields.Precedence = p.Word
	}
	series, err := sendSeries(ws, doc, opts.Series)
	if err != nil {
		return err
	}
	zone, err := sendZone(opts)
	if err != nil {
		return err
	}
	var fixedDTG *cable.DTG
	if !strings.EqualFold(strings.TrimSpace(opts.DTG), "now") {
		d, err := cable.ParseDTG(opts.DTG, cable.DTGOptions{})
		if err != nil {
			return usageErrorf("--dtg: %v", err)
		}
		if _, err := d.UTC(); err != nil {
			return usageErrorf("--dtg: %v", err)
		}
		if err := checkDespatchYear(d, f.Now()); err != nil {
			return err
		}
		fixedDTG = &d
	}
	if opts.Output != "" {
		if err := sendCheckOutput(opts.Output); err != nil {
			return err
		}
		if a, b := sendAbs(opts.Output), sendAbs(opts.File); a == b {
			return usageErrorf("-o %s would write the cable over the draft: give another file", opts.Output)
		}
	}
	tdir := filepath.Join(ws.Dir(), templates.OverrideDir)
	ropts := telegram.Options{Template: opts.Template, TemplateDir: tdir, Now: f.Now()}
	// Render once with placeholders before taking the lock: a draft that
	// cannot be rendered fails here, quickly, with nothing recorded.
	if out, err := telegram.Render(doc, ropts); err != nil {
		return err
	} else if err := sendCheckRendered(opts.File, doc, out, ropts.Template); err != nil {
		return err
	}

	now := f.Now()
	var res sendResult
	var cableText []byte
	err = ws.Update(func(tx *draft.Tx) error {
		revs, err := tx.LogDraft(name)
		if err != nil {
			return err
		}
		if len(revs) == 0 {
			return fmt.Errorf("%s has no revisions: commit it first (redline commit %s -m MESSAGE)", opts.File, opts.File)
		}
		for _, r := range revs {
			if r.Sent != nil {
				return fmt.Errorf("%s was already sent as %s at %s (revision %d): it is sealed; start a new draft from it with `redline reopen %s --to NEW.md`", opts.File, r.Sent.Serial, r.Sent.DTG, r.Number, opts.File)
			}
		}
		latest := revs[len(revs)-1]
		if latest.SHA256 != sendSHA256(data) {
			return fmt.Errorf("%s has changes that are not committed (it differs from revision %d): commit them first (redline commit %s -m MESSAGE), or restore the revision", opts.File, latest.Number, opts.File)
		}
		// A sent revision is always its draft's last (the draft is sealed
		// after it), so the register needs only each draft's newest record.
		sent, err := tx.SentRevisions()
		if err != nil {
			return err
		}

		// The date-time group.
		var when time.Time
		if fixedDTG != nil {
			when, _ = fixedDTG.UTC()
			if r := dtgUsedBy(sent, doc.Fields.From, when); r != nil {
				return fmt.Errorf("date-time group %s was already used by %s for %s (%s@%d): an originator may not repeat a date-time group; give another --dtg, or --dtg now", fixedDTG.String(), doc.Fields.From, r.Sent.Serial, r.Draft, r.Number)
			}
		} else {
			when = cable.FreeDTGTime(now, originatorDTGs(sent, doc.Fields.From))
		}
		dtg := ""
		year := 0
		if fixedDTG != nil {
			dtg, year = fixedDTG.String(), fixedDTG.Year
		} else {
			d, err := cable.DTGAt(when, zone)
			if err != nil {
				return err
			}
			if dtg, err = cable.FormatDTG(when, zone, 0); err != nil {
				return err
			}
			// The serial belongs to the year the date-time group shows.
			year = d.Year
		}

		// The serial.
		issued := issuedIn(sent, series.Name)
		var serial string
		if opts.SameNumberAs != "" {
			serial, err = cable.NextSuffix(series.Format, series.Yearly, opts.SameNumberAs, year, issued)
		} else {
			serial, err = cable.NextSerial(series.Format, series.Yearly, year, issued)
		}
		if err != nil {
			return err
		}
		sn, _ := cable.ParseSerial(series.Format, serial)
		for _, is := range issued {
			if series.Yearly && sn.YearDigits == 0 && is.Year != year {
				continue // TELNO 1 of another year
			}
			if strings.EqualFold(is.Serial, serial) {
				return fmt.Errorf("serial %s of %d is already in the register (for %d): the format of series %q cannot tell the two years apart; check the date-time group's year, or give the series a format with {yyyy} in .redline/config.yaml", serial, year, is.Year, series.Name)
			}
		}

		ro := ropts
		ro.DTG, ro.Serial, ro.Now = dtg, serial, now
		out, err := telegram.Render(doc, ro)
		if err != nil {
			return err
		}
		if err := sendCheckRendered(opts.File, doc, out, ro.Template); err != nil {
			return err
		}
		prec, _ := cable.ParsePrecedence(doc.Fields.Precedence)
		precLetters := prec.Letter
		if doc.Fields.InfoPrecedence != "" && len(doc.Fields.Info) > 0 {
			if ip, err := cable.ParsePrecedence(doc.Fields.InfoPrecedence); err == nil && ip.Letter != prec.Letter {
				precLetters += " " + ip.Letter
			}
		}
		s := &draft.Sent{
			Series: series.Name, Serial: serial, DTG: dtg, Precedence: precLetters,
			From: doc.Fields.From, To: doc.Fields.To, Info: doc.Fields.Info, Title: doc.Fields.Title,
			Cable: out,
		}
		rev, err := tx.Commit(draft.CommitRequest{
			Path: opts.File, Content: data, Author: author, Office: office,
			Message: "despatched", Labels: []string{"as-sent"},
			Time: now, Sent: s,
		})
		if err != nil {
			return err
		}
		cableText = out
		res = sendResult{
			Draft: rev.Draft, Revision: rev.Number, Series: series.Name, Serial: serial, DTG: dtg,
			Precedence: precLetters, From: s.From, To: sendNonNil(s.To), Info: sendNonNil(s.Info), Title: s.Title,
			SHA256: sendSHA256(out), Cable: string(out),
		}
		return nil
	})
	if err != nil {
		return err
	}
	note := fmt.Sprintf("%s sent as %s at %s (revision %d, labelled as-sent; the draft is sealed)", opts.File, res.Serial, res.DTG, res.Revision)
	if opts.Output != "" {
		if err := draft.WriteFileAtomic(opts.Output, cableText, 0o644); err != nil {
			return fmt.Errorf("%s, but the cable could not be written: %v; print it with `redline serial show %q`", note, err, res.Serial)
		}
	}
	if opts.JSON {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	if opts.Output == "" {
		if _, err := f.IO.Out.Write(cableText); err != nil {
			return err
		}
	} else {
		note += ", cable written to " + opts.Output
	}
	fmt.Fprintln(f.IO.ErrOut, note)
	return nil
}

// checkSendable checks what can be checked of a draft without the store:
// no unresolved tracked changes; classification, originator and addressees
// present.
func checkSendable(path string, data []byte, doc *draft.Document) error {
	marks, err := critic.UnresolvedMarks(path, data)
	if err != nil {
		return err
	}
	if len(marks) > 0 {
		return fmt.Errorf("%s has %d unresolved tracked change(s), the first at line %d: resolve them with `redline accept` or `redline reject`, commit, then send", path, len(marks), marks[0].Line)
	}
	var missing []string
	if strings.TrimSpace(doc.Fields.Classification) == "" {
		missing = append(missing, "classification")
	}
	if strings.TrimSpace(doc.Fields.From) == "" {
		missing = append(missing, "from (the originator)")
	}
	if len(doc.Fields.To) == 0 {
		missing = append(missing, "to (the addressees)")
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s cannot be sent without %s: add it to the front matter and commit", path, strings.Join(missing, ", "))
	}
	if !hasWords(doc.Body) {
		return fmt.Errorf("%s has no message text: write the message below the front matter, commit, then send", path)
	}
	return nil
}

// hasWords reports whether text holds at least one letter or digit.
func hasWords(text []byte) bool {
	return bytes.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// checkDespatchYear refuses a date-time group written with two digits for
// its year when the clock says the two-digit form is no longer used: ACP
// 127 reads 06-99 as 1906-1999, right for archive cables but never what a
// clerk sending a message today means by "NOV 26".
func checkDespatchYear(d cable.DTG, now time.Time) error {
	if d.YearDigits == 2 && now.Year() >= 2006 && d.Year < 2006 {
		four := d
		four.Year = now.Year()/100*100 + d.Year%100
		if four.Year > now.Year()+1 {
			four.Year -= 100
		}
		four.YearDigits = 4
		return usageErrorf("--dtg %q is read as %d (two-digit years 06-99 are 1906-1999, and from 2006 the year is written with four digits): write %s", d.String(), d.Year, four.String())
	}
	return nil
}

// sendSeries picks the serial series: the flag, else the draft's field.
func sendSeries(ws *draft.Workspace, doc *draft.Document, flag string) (draft.SerialSeries, error) {
	name := strings.TrimSpace(flag)
	if name == "" {
		name = strings.TrimSpace(doc.Fields.Series)
	}
	names := strings.Join(ws.Config.SeriesNames(), ", ")
	if name == "" {
		return draft.SerialSeries{}, usageErrorf("which serial series? give --series NAME or add series: to the draft's front matter (configured: %s)", names)
	}
	s, ok := ws.Config.SeriesByName(name)
	if !ok {
		return draft.SerialSeries{}, usageErrorf("no serial series %q in %s (configured: %s)", name, ws.ConfigPath(), names)
	}
	if err := cable.CheckSerialFormat(s.Format); err != nil {
		return s, fmt.Errorf("%s: series %s: %v", ws.ConfigPath(), s.Name, err)
	}
	return s, nil
}

func sendCheckOutput(p string) error {
	dir := filepath.Dir(p)
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return usageErrorf("-o %s: folder %s does not exist", p, dir)
	}
	if fi, err := os.Stat(p); err == nil && fi.IsDir() {
		return usageErrorf("-o %s is a folder: give a file name", p)
	}
	return nil
}

// sentYear is the calendar year of a sent revision's date-time group (0
// when it cannot be read).
func sentYear(r draft.Revision) int {
	d, err := cable.ParseDTG(r.Sent.DTG, cable.DTGOptions{})
	if err != nil {
		return 0
	}
	return d.Year
}

func issuedIn(sent []draft.Revision, series string) []cable.IssuedSerial {
	var out []cable.IssuedSerial
	for _, r := range sent {
		if strings.EqualFold(r.Sent.Series, series) {
			out = append(out, cable.IssuedSerial{Serial: r.Sent.Serial, Year: sentYear(r)})
		}
	}
	return out
}

func sameOriginator(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// originatorDTGs lists the instants of the date-time groups an originator
// has used.
func originatorDTGs(sent []draft.Revision, from string) []time.Time {
	var out []time.Time
	for _, r := range sent {
		if !sameOriginator(r.Sent.From, from) {
			continue
		}
		if d, err := cable.ParseDTG(r.Sent.DTG, cable.DTGOptions{}); err == nil {
			if t, err := d.UTC(); err == nil {
				out = append(out, t)
			}
		}
	}
	return out
}

// dtgUsedBy returns the sent revision in which the originator used the same
// date-time group within 24 hours of when, if any.
func dtgUsedBy(sent []draft.Revision, from string, when time.Time) *draft.Revision {
	for i, r := range sent {
		if !sameOriginator(r.Sent.From, from) {
			continue
		}
		d, err := cable.ParseDTG(r.Sent.DTG, cable.DTGOptions{})
		if err != nil {
			continue
		}
		t, err := d.UTC()
		if err != nil {
			continue
		}
		if t.Truncate(time.Minute).Equal(when.Truncate(time.Minute)) {
			return &sent[i]
		}
	}
	return nil
}

func sendAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if r, err := filepath.EvalSymlinks(a); err == nil {
		return r
	}
	return a
}

func sendSHA256(b []byte) string {
	return draft.HexSHA256(b)
}

func sendNonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sendFileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func sendUnwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// sendZone checks --zone: a zone letter the register can read back (not J,
// whose meaning depends on the reader), and only with --dtg now, since a
// given date-time group carries its own letter.
func sendZone(opts *sendOptions) (byte, error) {
	z := strings.ToUpper(strings.TrimSpace(opts.Zone))
	if z == "" || z == "Z" {
		return 'Z', nil
	}
	if !strings.EqualFold(strings.TrimSpace(opts.DTG), "now") {
		return 0, usageErrorf("--zone applies to --dtg now: the date-time group %q carries its own zone letter", opts.DTG)
	}
	if len(z) != 1 || !cable.ValidZone(z[0]) {
		return 0, usageErrorf("--zone %q: use a zone letter: Z for UTC, A-M (no J) for UTC+1 to +12, N-Y for UTC-1 to -12", opts.Zone)
	}
	if z[0] == 'J' {
		return 0, usageErrorf("--zone J (local time) cannot be used to send: the register reads date-time groups back without knowing the sender's local zone; give a zone letter such as R or A")
	}
	return z[0], nil
}

// sendWordRE finds the words of a text that a cable must carry.
var sendWordRE = regexp.MustCompile(`[\p{L}\p{N}]{4,}`)

// sendCheckRendered refuses a rendering that is not the draft as a cable: an
// empty one (an override template left empty), one without the draft's
// classification, or one that leaves out the draft's text (a template
// without {{.Text}}). A send must not consume a serial or seal the draft
// for a cable that does not carry the message.
func sendCheckRendered(file string, doc *draft.Document, out []byte, tmpl string) error {
	if tmpl == "" {
		tmpl = doc.Fields.Template
	}
	hint := fmt.Sprintf("check the template %s (redline templates show %s; an override in .redline/templates/ replaces the built-in one)", tmpl, tmpl)
	text := strings.ToUpper(string(out))
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("%s renders as an empty cable: %s", file, hint)
	}
	if level, err := cable.ParseClassification(doc.Fields.Classification); err == nil {
		forms := []string{level, cable.LetterSpaced(level)}
		if level == "UNCLASSIFIED" {
			forms = append(forms, "UNCLAS")
		}
		found := false
		for _, f := range forms {
			found = found || strings.Contains(text, f)
		}
		if !found {
			return fmt.Errorf("%s renders as a cable without its classification %s: %s", file, level, hint)
		}
	}
	// Words of four letters or more: markup, links and the character set
	// may change a few, never most of them.
	words := map[string]bool{}
	for _, w := range sendWordRE.FindAllString(strings.ToUpper(string(doc.Body)), -1) {
		words[w] = true
	}
	have := map[string]bool{}
	for _, w := range sendWordRE.FindAllString(text, -1) {
		have[w] = true
	}
	missing := 0
	for w := range words {
		if !have[w] {
			missing++
		}
	}
	if len(words) > 0 && missing*2 > len(words) {
		return fmt.Errorf("%s renders as a cable without most of its text (%d of its %d words are missing): %s", file, missing, len(words), hint)
	}
	return nil
}
