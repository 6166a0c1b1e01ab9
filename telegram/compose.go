package telegram

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"text/template"
	"time"

	"github.com/redline-dev/redline/critic"

	"github.com/yuin/goldmark/ast"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/templates"
)

// Options are the choices of one cable rendering.
type Options struct {
	// Template is a template name (personal-message) or a path to a .tmpl
	// file; "" takes the draft's template field.
	Template string
	// TemplateDir is the workspace's override folder
	// (.redline/templates), "" for none.
	TemplateDir string
	// DTG is the date-time group; "" takes the draft's dtg field or, when
	// that is empty too, prints a placeholder. "now" stamps Now.
	DTG string
	// Serial is the message's serial; "" takes the draft's serial field or
	// prints the template's placeholder and marks the cable
	// DRAFT - NOT FOR TRANSMISSION.
	Serial string
	// PageLines lays the cable out in pages of this many lines, each with
	// the classification at top and bottom and a page line; 0 takes the
	// template's page_lines (no pages when that is 0 too).
	PageLines int
	// Now is the time for --dtg now.
	Now time.Time
	// YearDigits forces 2 or 4 year digits in a DTG stamped from Now (0:
	// the 2005/2006 rule).
	YearDigits int
	// Drafting is the chain of responsibility a template may print (a
	// State telegram's DRAFTED BY / APPROVED BY / clearances block, an FCO
	// telegram's authoriser): made from the store's records of the very
	// text rendered, nil when it has none.
	Drafting *Drafting
}

// Drafting is who drafted, approved and cleared the text rendered, each as
// OFFICE:NAME (ARA/CEN:DCJOHNSON).
type Drafting struct {
	DraftedBy  string
	ApprovedBy string
	Clearances []string
}

// DraftMark is printed at the top and bottom of every page of a cable that
// has no serial yet.
const DraftMark = "DRAFT - NOT FOR TRANSMISSION"

// DTGPlaceholder stands for the date-time group of a cable not yet sent.
const DTGPlaceholder = cable.DTGPlaceholder

// Render renders a draft as teleprinter text through its template.
func Render(doc *draft.Document, opts Options) ([]byte, error) {
	l, err := Compose(doc, opts)
	if err != nil {
		return nil, err
	}
	return l.Text(), nil
}

// Compose renders a draft through its template and lays it out in
// pages (one page when no page length is set). It refuses a draft with
// unresolved tracked changes, text that does not fit the template's
// character set or line width, and text that would put NNNN, ZCZC or BT at
// the start of a line.
func Compose(doc *draft.Document, opts Options) (*Layout, error) {
	if doc == nil {
		return nil, errors.New("no draft to render")
	}
	name := doc.Name
	if name == "" {
		name = "draft"
	}
	// The body is parsed first, with the guards against drafts built to
	// be slow (teleprinter_parse.go): a draft nested too deep is not read
	// again for tracked changes (goldmark there has no guard) but refused
	// once its template, whose width the error names, is known.
	tree, too := parseTeleprinter(doc.Body)
	// Every CriticMarkup mark opens with { and closes with }: a draft with
	// neither has none, and need not be parsed again to find them.
	if src := doc.Bytes(); too == nil && bytes.ContainsAny(src, "{}") {
		if marks, err := critic.UnresolvedMarks(name, src); err != nil {
			return nil, err
		} else if len(marks) > 0 {
			return nil, unresolvedError(name, marks)
		}
	}
	tname := opts.Template
	if tname == "" {
		tname = doc.Fields.Template
	}
	if tname == "" {
		return nil, fmt.Errorf("%s has %w: add template: NAME to its front matter (%s)", name, templates.ErrNoTemplate, strings.Join(templates.Names(), ", "))
	}
	tmpl, err := templates.Load(tname, opts.TemplateDir)
	if err != nil {
		return nil, err
	}
	if too != nil {
		tp, err := newTeleprinter(doc.Body, TeleprinterOptions{Name: name, BodyLine: doc.BodyLine, Width: tmpl.Settings.Width})
		if err != nil {
			return nil, err
		}
		return nil, tp.nestingError(*too)
	}
	c, err := newCableRun(doc, name, tmpl, opts, tree)
	if err != nil {
		return nil, err
	}
	return c.layout()
}

func unresolvedError(name string, marks []critic.Change) error {
	return &UnresolvedError{Draft: name, Changes: marks}
}

// UnresolvedError refuses to compose a draft that still has tracked
// changes.
type UnresolvedError struct {
	Draft   string
	Changes []critic.Change
}

func (e *UnresolvedError) Error() string {
	var parts []string
	for i, m := range e.Changes {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(e.Changes)-5))
			break
		}
		parts = append(parts, fmt.Sprintf("%s:%d:%d %s", e.Draft, m.Line, m.Column, m.Kind))
	}
	return fmt.Sprintf("%s has %d unresolved tracked change(s) (%s): accept or reject them before rendering a cable", e.Draft, len(e.Changes), strings.Join(parts, ", "))
}

// cableRun is one rendering: the settings, the mapped fields and the text.
type cableRun struct {
	name     string
	doc      *draft.Document
	tmpl     *templates.Template
	set      templates.Settings
	opts     Options
	parsed   *template.Template
	pageLine *template.Template
	charset  *cable.Charset
	quotes   cable.QuoteStyle
	data     map[string]any
	text     []TeleprinterLine
	// midSection is set while a section other than the final one is
	// rendered: it is not signed.
	midSection bool
	// plainText is set when the template prints .Text only plainly, so
	// that the text is spliced into its output (compose_splice.go).
	plainText bool
	draft     bool
	banner    string
	// unsendable are the front-matter characters that have no mapping,
	// reported with the body's in one error.
	unsendable []cable.Unsendable
}

// newCableRun prepares a rendering; tree is the draft's body as
// parseTeleprinter parsed it.
func newCableRun(doc *draft.Document, name string, tmpl *templates.Template, opts Options, tree ast.Node) (*cableRun, error) {
	c := &cableRun{name: name, doc: doc, tmpl: tmpl, set: tmpl.Settings, opts: opts}
	if c.set.Width <= 0 {
		c.set.Width = 69
	}
	var err error
	if c.charset, err = cable.NewCharset(c.set.Charset, c.set.Extra); err != nil {
		return nil, fmt.Errorf("template %s: %v", tmpl.Origin, err)
	}
	if c.quotes, err = cable.ParseQuoteStyle(c.set.Quotes); err != nil {
		return nil, fmt.Errorf("template %s: %v", tmpl.Origin, err)
	}
	if c.set.OpenQuote != nil {
		c.quotes.Open = *c.set.OpenQuote
	}
	if c.set.CloseQuote != nil {
		c.quotes.Close = *c.set.CloseQuote
	}
	for _, q := range []string{c.quotes.Open, c.quotes.Close} {
		for _, r := range q {
			if !c.charset.Allows(r) {
				return nil, fmt.Errorf("template %s: its quotation marks %q use %q, which is not in its character set: add it to extra", tmpl.Origin, q, r)
			}
		}
	}
	switch c.set.Bullet {
	case "", "dash", "letter":
	default:
		return nil, fmt.Errorf("template %s: bullet %q: use dash or letter", tmpl.Origin, c.set.Bullet)
	}
	switch c.set.Classification {
	case "", "plain", "spaced":
	default:
		return nil, fmt.Errorf("template %s: classification %q: use plain or spaced", tmpl.Origin, c.set.Classification)
	}
	c.parsed, err = template.New(tmpl.Name).Option("missingkey=error").Funcs(c.funcs()).Parse(string(tmpl.Source))
	if err == nil {
		err = checkRanges(c.parsed)
		c.plainText = printsTextPlainly(c.parsed)
	}
	if err != nil {
		return nil, fmt.Errorf("template %s: %v", tmpl.Origin, cleanTemplateError(err))
	}
	pl := c.set.PageLine
	if pl == "" {
		pl = "PAGE {{.Page}} OF {{.Pages}}"
	}
	if c.pageLine, err = template.New("page_line").Option("missingkey=error").Funcs(template.FuncMap{"prefixed": prefixSerial}).Parse(pl); err == nil {
		err = checkRanges(c.pageLine)
	}
	if err != nil {
		return nil, fmt.Errorf("template %s: page_line: %v", tmpl.Origin, cleanTemplateError(err))
	}
	if err := c.prepare(); err != nil {
		return nil, err
	}
	c.text, err = teleprinterTree(tree, doc.Body, TeleprinterOptions{
		Name: name, BodyLine: doc.BodyLine, Width: c.set.Width, Charset: c.charset, Quotes: c.quotes,
		Numbered: c.set.Numbered, Bullet: c.set.Bullet, NoHang: c.set.Hang != nil && !*c.set.Hang,
	})
	// Every character that cannot be sent, in the front matter and the
	// text, is reported at once.
	var ue *cable.UnsendableError
	if len(c.unsendable) > 0 {
		if errors.As(err, &ue) {
			return nil, &cable.UnsendableError{Name: name, Chars: append(c.unsendable, ue.Chars...)}
		}
		return nil, &cable.UnsendableError{Name: name, Chars: c.unsendable}
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

func cleanTemplateError(err error) string {
	return strings.TrimPrefix(err.Error(), "template: ")
}

// fieldMapper maps front-matter values into the template's character set,
// collecting the characters that have none (reported with the body's) and
// keeping the first other error.
type fieldMapper struct {
	c   *cableRun
	m   *cable.Mapper
	err error
}

// field maps one value of the field key; "" when it has an unsendable
// character.
func (fm *fieldMapper) field(key, v string) string {
	c := fm.c
	if runes, cols := (&cable.Mapper{Charset: c.charset, Quotes: c.quotes}).Unmapped(v); len(runes) > 0 {
		for k, r := range runes {
			c.unsendable = append(c.unsendable, cable.Unsendable{
				Where: fmt.Sprintf("%s: front matter field %s, column %d", c.name, key, cols[k]), Rune: r, Charset: c.charset.Name})
		}
		return ""
	}
	out, err := fm.m.MapString(v)
	if err != nil && fm.err == nil {
		fm.err = fmt.Errorf("%s: front matter field %s: %v", c.name, key, err)
	}
	if fm.err == nil {
		if h := hazard(out); h != "" {
			fm.err = fmt.Errorf("%s: front matter field %s would %s: reword it", c.name, key, h)
		}
	}
	return out
}

// list maps each value of the list field key, leaving out those it cannot.
func (fm *fieldMapper) list(key string, vs []string) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if s := fm.field(key, v); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// precedences reads the draft's action and information precedence and
// the heading's precedence letters (two for dual precedence, ACP 127
// §152).
func (c *cableRun) precedences() (action, info cable.Precedence, line string, err error) {
	f := c.doc.Fields
	if f.Precedence == "" {
		return action, info, "", fmt.Errorf("%s has no precedence: add precedence: (%s) to its front matter", c.name, strings.Join(cable.PrecedenceWords()[:4], ", "))
	}
	if action, err = cable.ParsePrecedence(f.Precedence); err != nil {
		return action, info, "", fmt.Errorf("%s: precedence: %v", c.name, err)
	}
	info = action
	if f.InfoPrecedence != "" {
		if info, err = cable.ParsePrecedence(f.InfoPrecedence); err != nil {
			return action, info, "", fmt.Errorf("%s: info_precedence: %v", c.name, err)
		}
	}
	line = action.Letter
	if len(f.Info) > 0 && info.Letter != action.Letter {
		line += " " + info.Letter
	}
	return action, info, line, nil
}

// classLines works out the classification as the template prints it on
// the classification line (styled: UNCLAS, S E C R E T) and on the banners
// (plain), with the caveats; it sets the run's banner.
func (c *cableRun) classLines(fm *fieldMapper) (level, classLine, plain string, caveats []string, err error) {
	f := c.doc.Fields
	if f.Classification == "" {
		return "", "", "", nil, fmt.Errorf("%s has no classification: add classification: (%s) to its front matter", c.name, strings.Join(cable.Classifications, ", "))
	}
	if level, err = cable.ParseClassification(f.Classification); err != nil {
		return "", "", "", nil, fmt.Errorf("%s: classification: %v", c.name, err)
	}
	caveats = fm.list("caveats", f.Caveats)
	styled := level
	switch {
	case level == "UNCLASSIFIED":
		styled = "UNCLAS"
	case c.set.Classification == "spaced" && level != "LIMITED OFFICIAL USE":
		// State's own LIMITED OFFICIAL USE, which ACP 127 does not know,
		// stands in plain letters on the line (the archive's copies:
		// LIMITED OFFICIAL USE STATE 180074)
		styled = cable.LetterSpaced(level)
	}
	plain = strings.Join(append([]string{level}, caveats...), " ")
	c.banner = plain
	return level, strings.Join(append([]string{styled}, caveats...), " "), plain, caveats, nil
}

// serial is the serial to print: the flag's, the draft's, or the
// template's placeholder, which marks the cable a draft.
func (c *cableRun) serial(fm *fieldMapper) string {
	serial := c.opts.Serial
	if serial == "" {
		serial = c.doc.Fields.Serial
	}
	if serial != "" {
		return fm.field("serial", serial)
	}
	c.draft = true
	if c.set.SerialPlaceholder != "" {
		return c.set.SerialPlaceholder
	}
	return "[SERIAL]"
}

// prepare maps the draft's fields for the template.
func (c *cableRun) prepare() error {
	f := c.doc.Fields
	fm := &fieldMapper{c: c, m: &cable.Mapper{Charset: c.charset, Quotes: c.quotes}}
	action, info, precLine, err := c.precedences()
	if err != nil {
		return err
	}
	level, classLine, plain, caveats, err := c.classLines(fm)
	if err != nil {
		return err
	}
	if err := cable.CheckPortionMarks(c.name, c.doc.BodyLine, level, cable.DraftPortionMarks(string(c.doc.Body))); err != nil {
		return err
	}
	dtg, err := c.dtg()
	if err != nil {
		return err
	}
	serial := c.serial(fm)
	if dtg == DTGPlaceholder {
		c.draft = true
	}
	refs := fm.list("references", f.References)
	to, toPrec := fm.addressees("to", f.To, action.Word)
	infoTo, infoPrec := fm.addressees("info", f.Info, info.Word)
	c.data = map[string]any{
		"Precedence":          precLine,
		"ActionPrecedence":    action.Word,
		"InfoPrecedence":      info.Word,
		"ActionLetter":        action.Letter,
		"InfoLetter":          info.Letter,
		"DTG":                 dtg,
		"From":                fm.field("from", f.From),
		"To":                  to,
		"Info":                infoTo,
		"ToPrecedences":       toPrec,
		"InfoPrecedences":     infoPrec,
		"XMT":                 fm.list("xmt", f.XMT),
		"Classification":      classLine,
		"ClassificationPlain": plain,
		"ClassificationLevel": level,
		"Caveats":             caveats,
		"Captions":            fm.list("captions", f.Captions),
		"Serial":              serial,
		"Series":              fm.field("series", f.Series),
		"Draft":               c.draft,
		"Title":               fm.field("title", f.Title),
		"Heading":             fm.list("heading", f.Heading),
		"PassingFor":          fm.field("passing.for", f.Passing.For),
		"PassingFrom":         fm.field("passing.from", f.Passing.From),
		"Subject":             fm.field("subject", f.Subject),
		"EO":                  fm.field("eo", f.EO),
		"Deskby":              f.Deskby,
		"Tags":                strings.Join(fm.list("tags", f.Tags), ", "),
		"References":          refs,
		"Refs":                refLine(refs),
		"RefLines":            refLines(refs),
		"Signature":           fm.field("signature", f.Signature),
		"DraftedBy":           "",
		"ApprovedBy":          "",
		"Clearances":          []string{},
		"Width":               c.set.Width,
		"Section":             "",
		"Text":                "",
	}
	if d := c.opts.Drafting; d != nil {
		c.data["DraftedBy"] = fm.field("drafted by", d.DraftedBy)
		c.data["ApprovedBy"] = fm.field("approved by", d.ApprovedBy)
		c.data["Clearances"] = fm.list("clearances", d.Clearances)
	}
	return fm.err
}

// dtg works out the date-time group to print.
func (c *cableRun) dtg() (string, error) {
	v := strings.TrimSpace(c.opts.DTG)
	if v == "" {
		v = strings.TrimSpace(c.doc.Fields.DTG)
	}
	if v == "" {
		return DTGPlaceholder, nil
	}
	if strings.EqualFold(v, "now") {
		if c.opts.Now.IsZero() {
			return "", errors.New(`the date-time group "now" needs the current time in Options.Now`)
		}
		return cable.FormatDTG(c.opts.Now, 'Z', c.opts.YearDigits)
	}
	d, err := cable.ParseDTG(v, cable.DTGOptions{})
	if err != nil {
		return "", err
	}
	return d.String(), nil
}
