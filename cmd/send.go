package cmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/despatch"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/telegram"
	"github.com/redline-dev/redline/templates"
	"github.com/spf13/cobra"
)

func init() { register(func(f *Factory) *cobra.Command { return NewCmdSend(f, nil) }) }

// SendOptions are `redline send`'s flags and what it needs from outside.
type SendOptions struct {
	IO        *IOStreams
	Workspace func() (*draft.Workspace, error)
	Identity  func(ws *draft.Workspace, author, office string) (string, string, error)
	Now       func() time.Time

	File         string
	DTG          string
	Zone         string
	Backdate     string
	Precedence   string
	Series       string
	SameNumberAs string
	Template     string
	Output       string
	Author       string
	Office       string
	JSON         bool
	// Checks run inside the send's transaction before a serial is
	// allocated (clearance rules add theirs here).
	Checks []despatch.Check
}

// NewCmdSend builds `redline send`. runF, when given, receives the parsed
// options instead of sendRun (tests use it).
func NewCmdSend(f *Factory, runF func(*SendOptions) error) *cobra.Command {
	opts := &SendOptions{IO: f.IO, Workspace: f.Workspace, Identity: f.Identity, Now: f.Now}
	c := &cobra.Command{
		Use:   "send FILE",
		Short: "Despatch a draft: allocate its serial, stamp the DTG, seal it and print the cable",
		Long: `Send a committed draft. redline first checks it: the working copy is the latest
revision (commit it first), it has no unresolved tracked changes, it has a
classification, an originator (from) and addressees (to), message text of its
own (not the skeleton 'redline new' writes), and it renders through its
template without error.

Then, in one all-or-nothing transaction of the store, it allocates the next
serial of the series for the date-time group's year (gapless: the series'
counter moves on by one in the same transaction that records the message),
stamps the date-time group, renders the cable, records an as-sent revision
labelled as-sent holding the serial, the date-time group, the cable and its
SHA-256, and enters the serial in the register. That revision seals the draft:
commit, restore, accept and reject refuse it from then on (see 'redline
reopen'). If any step fails, nothing is recorded and no serial is consumed.

--dtg now (the default) stamps the store's clock; when the originator has
already used that minute it moves on a minute, as communications centres do,
but never more than 5 minutes ahead of the clock: past that, send says so
instead of stamping a future time. A date-time group given with --dtg must not
be ahead of the clock either. One more than a day behind it, such as an archive
cable's "212130Z DEC 88" (a two-digit year reads as 1906-1999), is a backdated
send: give --backdate with the reason, which is recorded with the send and in
the register.

The series comes from --series, else the draft's series field; the formats are
in .redline/config.yaml. --same-number-as issues a further message under an
existing number with the next suffix letter: T 192/88 gives T 192A/88, then
T 192B/88. The cable is printed, or written to -o OUT.

--zone writes the date-time group of --dtg now in another military zone (R for
UTC-5, A for UTC+1); Z (UTC) is the default, as UK telegrams use. The local
zone J is not accepted: the register must be able to read the time back.`,
		Example: `  redline send telegram.md
  redline send telegram.md --dtg "212130Z DEC 88" --backdate "re-entering the 1988 register" --same-number-as "T 192/88" -o as-sent.txt
  redline send instruction.md --series STATE --precedence IMMEDIATE
  redline send telegram.md --json
  redline send instruction.md --dtg now --zone R`,
		Args: exactArgs(1, "one draft file"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return sendRun(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.DTG, "dtg", "now", "date-time group: now, or DDHHMMZ MON YYYY (DDHHMMZ MON YY for archive cables, with --backdate)")
	fl.StringVar(&opts.Backdate, "backdate", "", "the reason for a --dtg more than a day behind the clock (recorded with the send)")
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
	Backdated  string   `json:"backdated,omitempty"`
}

func sendRun(opts *SendOptions) error {
	req, err := sendRequest(opts)
	if err != nil {
		return err
	}
	res, err := despatch.Send(*req)
	if err != nil {
		return sendHint(opts, err)
	}
	r, s := res.Revision, res.Revision.Sent
	note := fmt.Sprintf("%s sent as %s at %s (revision %d, labelled as-sent; the draft is sealed)", opts.File, s.Serial, s.DTG, r.Number)
	if opts.Output != "" {
		if err := draft.WriteFileAtomic(opts.Output, res.Cable, 0o644); err != nil {
			return fmt.Errorf("%s, but the cable could not be written: %v; print it with `redline serial show %q`", note, err, s.Serial)
		}
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(sendResult{
			Draft: r.Draft, Revision: r.Number, Series: s.Series, Serial: s.Serial, DTG: s.DTG,
			Precedence: s.Precedence, From: s.From, To: sendNonNil(s.To), Info: sendNonNil(s.Info), Title: s.Title,
			SHA256: s.CableSHA256, Cable: string(res.Cable), Backdated: s.Backdated,
		})
	}
	if opts.Output == "" {
		if _, err := opts.IO.Out.Write(res.Cable); err != nil {
			return err
		}
	} else {
		note += ", cable written to " + opts.Output
	}
	fmt.Fprintln(opts.IO.ErrOut, note)
	return nil
}

// sendHint adds what to do, naming the flags, to despatch's refusals.
func sendHint(opts *SendOptions, err error) error {
	f := opts.File
	switch {
	case errors.Is(err, despatch.ErrNoRevisions):
		return fmt.Errorf("%s has no revisions: commit it first (redline commit %s -m MESSAGE)", f, f)
	case errors.As(err, new(*despatch.UncommittedError)):
		return fmt.Errorf("%v: commit them first (redline commit %s -m MESSAGE), or restore the revision", err, f)
	case errors.Is(err, despatch.ErrAlreadySent):
		return fmt.Errorf("%v; start a new draft from it with `redline reopen %s --to NEW.md`", err, f)
	case errors.Is(err, despatch.ErrDTGUsed):
		return fmt.Errorf("%v; give another --dtg, or --dtg now", err)
	case errors.Is(err, despatch.ErrDTGAhead):
		return usageErrorf("%v; give --dtg now, or a time that has come", err)
	case errors.Is(err, despatch.ErrNeedBackdate):
		return usageErrorf("%v; give --backdate REASON to send it backdated, or --dtg now", err)
	}
	return err
}

// sendRequest does the checks that need no store and builds the request.
func sendRequest(opts *SendOptions) (*despatch.Request, error) {
	if opts.File == "-" || strings.Contains(opts.File, "@") && !sendFileExists(opts.File) {
		return nil, usageErrorf("send takes a draft file (the working copy), not %q", opts.File)
	}
	ws, err := opts.Workspace()
	if err != nil {
		return nil, err
	}
	author, office, err := opts.Identity(ws, opts.Author, opts.Office)
	if err != nil {
		return nil, err
	}
	name, err := ws.DraftName(opts.File)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(opts.File)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", opts.File, sendUnwrap(err))
	}
	doc, err := draft.Parse(opts.File, data)
	if err != nil {
		return nil, err
	}
	if err := checkSendable(opts.File, data, doc); err != nil {
		return nil, err
	}
	req := &despatch.Request{Workspace: ws, Draft: name, Display: opts.File, Content: data, From: doc.Fields.From,
		SameNumberAs: opts.SameNumberAs, Backdate: strings.TrimSpace(opts.Backdate), Author: author, Office: office, Checks: opts.Checks}
	if err := sendFlags(opts, ws, doc, req); err != nil {
		return nil, err
	}
	// The series' clearance requirements, checked in the send's
	// transaction against the text being sent.
	req.Checks = append(req.Checks, sendCheck(ws, opts.File, req.Series.Name))
	render, err := sendRenderer(opts, ws, doc)
	if err != nil {
		return nil, err
	}
	req.Render = render
	req.Precedence = precedenceLetters(doc)
	req.Sent = draft.Sent{To: doc.Fields.To, Info: doc.Fields.Info, Title: doc.Fields.Title}
	return req, nil
}

// sendFlags reads --precedence, --series, --zone, --dtg and -o into req.
func sendFlags(opts *SendOptions, ws *draft.Workspace, doc *draft.Document, req *despatch.Request) error {
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
	req.Series = series
	if req.Zone, err = sendZone(opts); err != nil {
		return err
	}
	if !strings.EqualFold(strings.TrimSpace(opts.DTG), "now") {
		d, err := cable.ParseDTG(opts.DTG, cable.DTGOptions{})
		if err != nil {
			return usageErrorf("--dtg: %v", err)
		}
		if _, err := d.UTC(); err != nil {
			return usageErrorf("--dtg: %v", err)
		}
		req.DTG = &d
	} else if opts.Backdate != "" {
		return usageErrorf("--backdate is the reason for a --dtg far behind the clock: --dtg now is never backdated")
	}
	if opts.Output != "" {
		if err := sendCheckOutput(opts.Output); err != nil {
			return err
		}
		if a, b := sendAbs(opts.Output), sendAbs(opts.File); a == b {
			return usageErrorf("-o %s would write the cable over the draft: give another file", opts.Output)
		}
	}
	return nil
}

// sendRenderer renders once with placeholders, so that a draft that cannot
// be rendered fails quickly with nothing recorded, and returns the
// rendering despatch calls with the DTG and serial chosen.
func sendRenderer(opts *SendOptions, ws *draft.Workspace, doc *draft.Document) (func(dtg, serial string) ([]byte, error), error) {
	tdir := filepath.Join(ws.Dir(), templates.OverrideDir)
	ropts := telegram.Options{Template: opts.Template, TemplateDir: tdir, Now: opts.Now()}
	drafting, err := draftingFor(ws, opts.File, doc.Bytes())
	if err != nil {
		return nil, err
	}
	ropts.Drafting = drafting
	if out, err := telegram.Render(doc, ropts); err != nil {
		return nil, err
	} else if err := sendCheckRendered(opts.File, doc, out, ropts.Template); err != nil {
		return nil, err
	}
	return func(dtg, serial string) ([]byte, error) {
		ro := ropts
		ro.DTG, ro.Serial = dtg, serial
		out, err := telegram.Render(doc, ro)
		if err != nil {
			return nil, err
		}
		return out, sendCheckRendered(opts.File, doc, out, ro.Template)
	}, nil
}

// precedenceLetters is the precedence as the register records it: the
// action letter, then the information addressees' when it differs.
func precedenceLetters(doc *draft.Document) string {
	prec, _ := cable.ParsePrecedence(doc.Fields.Precedence)
	letters := prec.Letter
	if doc.Fields.InfoPrecedence != "" && len(doc.Fields.Info) > 0 {
		if ip, err := cable.ParsePrecedence(doc.Fields.InfoPrecedence); err == nil && ip.Letter != prec.Letter {
			letters += " " + ip.Letter
		}
	}
	return letters
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
func sendZone(opts *SendOptions) (byte, error) {
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
var sendWordRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[\p{L}\p{N}]{4,}`) })

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
	if msg, err := cable.Parse(out); err == nil {
		if missing := msg.SendMissing(); len(missing) > 0 {
			return fmt.Errorf("%s cannot be released without %s (a %s telegram needs them): add them to the front matter, commit, then send", file, strings.Join(missing, " and "), msg.Form)
		}
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
	for _, w := range sendWordRE().FindAllString(strings.ToUpper(string(doc.Body)), -1) {
		words[w] = true
	}
	have := map[string]bool{}
	for _, w := range sendWordRE().FindAllString(text, -1) {
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
