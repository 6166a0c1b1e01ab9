package telegram

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/redline-dev/redline/critic"
	"reflect"
	"regexp"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

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
		return nil, fmt.Errorf("%s has no template: add template: NAME to its front matter (%s), or give --template", name, strings.Join(templates.Names(), ", "))
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
	var parts []string
	for i, m := range marks {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(marks)-5))
			break
		}
		parts = append(parts, fmt.Sprintf("%s:%d:%d %s", name, m.Line, m.Column, m.Kind))
	}
	return fmt.Errorf("%s has %d unresolved tracked change(s) (%s): accept or reject them before rendering a cable (redline changes %s; redline accept %s --all)", name, len(marks), strings.Join(parts, ", "), name, name)
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
	draft      bool
	banner     string
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
	}
	if err != nil {
		return nil, fmt.Errorf("template %s: %v", tmpl.Origin, cleanTemplateError(err))
	}
	pl := c.set.PageLine
	if pl == "" {
		pl = "PAGE {{.Page}} OF {{.Pages}}"
	}
	if c.pageLine, err = template.New("page_line").Option("missingkey=error").Parse(pl); err == nil {
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

// prepare maps the draft's fields for the template.
func (c *cableRun) prepare() error {
	f := c.doc.Fields
	m := &cable.Mapper{Charset: c.charset, Quotes: c.quotes}
	var firstErr error
	field := func(key, v string) string {
		if runes, cols := (&cable.Mapper{Charset: c.charset, Quotes: c.quotes}).Unmapped(v); len(runes) > 0 {
			for k, r := range runes {
				c.unsendable = append(c.unsendable, cable.Unsendable{
					Where: fmt.Sprintf("%s: front matter field %s, column %d", c.name, key, cols[k]), Rune: r, Charset: c.charset.Name})
			}
			return ""
		}
		out, err := m.MapString(v)
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("%s: front matter field %s: %v", c.name, key, err)
		}
		if firstErr == nil {
			if h := hazard(out); h != "" {
				firstErr = fmt.Errorf("%s: front matter field %s would %s: reword it", c.name, key, h)
			}
		}
		return out
	}
	list := func(key string, vs []string) []string {
		out := make([]string, 0, len(vs))
		for _, v := range vs {
			if s := field(key, v); s != "" {
				out = append(out, s)
			}
		}
		return out
	}

	if f.Precedence == "" {
		return fmt.Errorf("%s has no precedence: add precedence: (%s) to its front matter", c.name, strings.Join(cable.PrecedenceWords()[:4], ", "))
	}
	action, err := cable.ParsePrecedence(f.Precedence)
	if err != nil {
		return fmt.Errorf("%s: precedence: %v", c.name, err)
	}
	info := action
	if f.InfoPrecedence != "" {
		if info, err = cable.ParsePrecedence(f.InfoPrecedence); err != nil {
			return fmt.Errorf("%s: info_precedence: %v", c.name, err)
		}
	}
	precLine := action.Letter
	if len(f.Info) > 0 && info.Letter != action.Letter {
		precLine += " " + info.Letter // dual precedence, ACP 127 §152
	}

	if f.Classification == "" {
		return fmt.Errorf("%s has no classification: add classification: (%s) to its front matter", c.name, strings.Join(cable.Classifications, ", "))
	}
	level, err := cable.ParseClassification(f.Classification)
	if err != nil {
		return fmt.Errorf("%s: classification: %v", c.name, err)
	}
	caveats := list("caveats", f.Caveats)
	styled := level
	switch {
	case level == "UNCLASSIFIED":
		styled = "UNCLAS"
	case c.set.Classification == "spaced":
		styled = cable.LetterSpaced(level)
	}
	plain := strings.Join(append([]string{level}, caveats...), " ")
	c.banner = plain
	classLine := strings.Join(append([]string{styled}, caveats...), " ")

	dtg, err := c.dtg()
	if err != nil {
		return err
	}
	serial := c.opts.Serial
	if serial == "" {
		serial = f.Serial
	}
	if serial == "" {
		c.draft = true
		serial = c.set.SerialPlaceholder
		if serial == "" {
			serial = "[SERIAL]"
		}
	} else {
		serial = field("serial", serial)
	}
	if dtg == DTGPlaceholder {
		c.draft = true
	}

	refs := list("references", f.References)
	refLine := ""
	switch len(refs) {
	case 0:
	case 1:
		refLine = "REF: " + refs[0]
	default:
		parts := make([]string, len(refs))
		for i, r := range refs {
			if letteredRef.MatchString(r) {
				parts[i] = r // the draft letters it already: A) or (A)
			} else {
				parts[i] = "(" + letters(i) + ") " + r
			}
		}
		refLine = "REFS: " + strings.Join(parts, " ")
	}
	sig := field("signature", f.Signature)
	c.data = map[string]any{
		"Precedence":          precLine,
		"ActionPrecedence":    action.Word,
		"InfoPrecedence":      info.Word,
		"ActionLetter":        action.Letter,
		"InfoLetter":          info.Letter,
		"DTG":                 dtg,
		"From":                field("from", f.From),
		"To":                  list("to", f.To),
		"Info":                list("info", f.Info),
		"XMT":                 list("xmt", f.XMT),
		"Classification":      classLine,
		"ClassificationPlain": plain,
		"ClassificationLevel": level,
		"Caveats":             caveats,
		"Captions":            list("captions", f.Captions),
		"Serial":              serial,
		"Series":              field("series", f.Series),
		"Draft":               c.draft,
		"Title":               field("title", f.Title),
		"Heading":             list("heading", f.Heading),
		"PassingFor":          field("passing.for", f.Passing.For),
		"PassingFrom":         field("passing.from", f.Passing.From),
		"Subject":             field("subject", f.Subject),
		"EO":                  field("eo", f.EO),
		"Tags":                strings.Join(list("tags", f.Tags), ", "),
		"References":          refs,
		"Refs":                refLine,
		"Signature":           sig,
		"Width":               c.set.Width,
		"Section":             "",
		"Text":                "",
	}
	return firstErr
}

// letteredRef matches a reference the draft has lettered itself:
// "A) STATE 387403" or "(A) STATE 387403".
var letteredRef = regexp.MustCompile(`^\(?[A-Z]{1,2}\) `)

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
			return "", errors.New("--dtg now needs the current time")
		}
		return cable.FormatDTG(c.opts.Now, 'Z', c.opts.YearDigits)
	}
	d, err := cable.ParseDTG(v, cable.DTGOptions{})
	if err != nil {
		return "", err
	}
	return d.String(), nil
}

func (c *cableRun) funcs() template.FuncMap {
	return template.FuncMap{
		// required fails the rendering when a field the template needs is
		// empty, naming the front-matter key.
		"required": func(key string, v any) (any, error) {
			if key == "signature" && c.midSection {
				return v, nil // only the final section is signed
			}
			rv := reflect.ValueOf(v)
			if v == nil || rv.IsZero() || ((rv.Kind() == reflect.Slice || rv.Kind() == reflect.String) && rv.Len() == 0) {
				return nil, &fieldError{fmt.Sprintf("%s has no %s: add %s: to its front matter (the %s template needs it)", c.name, key, key, c.tmpl.Name)}
			}
			return v, nil
		},
		"spaced": cable.LetterSpaced,
		"upper":  strings.ToUpper,
		"join":   func(sep string, v []string) string { return strings.Join(v, sep) },
		// stop ends a sentence with a full stop unless it has one.
		"stop": func(s string) string {
			s = strings.TrimRight(s, " ")
			if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") {
				return s
			}
			return s + "."
		},
		// prefixed writes a serial with its series word once: "TELNO 1119"
		// stays as it is, a bare "1119" becomes "TELNO 1119".
		"prefixed": prefixSerial,
		// wrap folds a header line within the width.
		"wrap": func(s string) (string, error) {
			out, err := wrapWords(s, c.set.Width, "")
			if err != nil {
				if key := c.fieldIn(s); key != "" {
					return "", &fieldError{fmt.Sprintf("%s: front matter field %s: %v", c.name, key, err)}
				}
				return "", &fieldError{fmt.Sprintf("%s: %v (in a header line of template %s)", c.name, err, c.tmpl.Origin)}
			}
			return out, nil
		},
	}
}

// prefixSerial puts prefix (a series word such as TELNO) before a serial
// unless the serial already begins with it as a word, in any case.
func prefixSerial(prefix string, v any) string {
	s := strings.TrimSpace(fmt.Sprint(v))
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		rest := s[len(prefix):]
		if rest == "" {
			return s
		}
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLetter(r) {
			return s
		}
	}
	if s == "" {
		return prefix
	}
	return prefix + " " + s
}

// wrapWords wraps words within width, later lines starting with indent.
func wrapWords(s string, width int, indent string) (string, error) {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if len(w) > width-len(indent) {
			return "", fmt.Errorf("the word %s is %d characters, longer than a line of %d", abbreviate(w), len(w), width)
		}
		switch {
		case line == "":
			line = w
		case len(line)+1+len(w) > width:
			lines = append(lines, line)
			line = indent + w
		default:
			line += " " + w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n"), nil
}

// execute runs the template over text lines and returns the cable's lines.
func (c *cableRun) execute(text []TeleprinterLine, section string) ([]string, error) {
	parts := make([]string, len(text))
	for i, l := range text {
		parts[i] = l.Text
	}
	c.data["Text"] = strings.Join(parts, "\n")
	c.data["Section"] = section
	printed, err := runBounded(c.parsed, c.data)
	if err != nil {
		var fe *fieldError
		if errors.As(err, &fe) {
			return nil, fe
		}
		return nil, fmt.Errorf("template %s: %v", c.tmpl.Origin, cleanExecError(err))
	}
	if strings.TrimSpace(printed) == "" {
		return nil, fmt.Errorf("template %s printed nothing: a cable needs at least its classification and text; fix the template, or remove it to use the built-in one", c.tmpl.Origin)
	}
	if missing := missingText(printed, text); missing != "" {
		return nil, fmt.Errorf("template %s does not print the message text (%q is missing): a cable without its text cannot go out; put {{.Text}} in the template", c.tmpl.Origin, missing)
	}
	out := strings.Split(strings.TrimRight(printed, "\n"), "\n")
	for i, l := range out {
		l = strings.TrimRight(l, " \t\r")
		out[i] = l
		if len(l) > c.set.Width {
			if key := c.fieldIn(l); key != "" {
				return nil, fmt.Errorf("%s: front matter field %s makes line %d of the cable %d characters, longer than %d: %q: shorten it", c.name, key, i+1, len(l), c.set.Width, l)
			}
			return nil, fmt.Errorf("%s: line %d of the cable is %d characters, longer than %d: %q (shorten the front-matter field it comes from, or fix template %s)", c.name, i+1, len(l), c.set.Width, l, c.tmpl.Origin)
		}
	}
	return out, nil
}

// missingText returns the first line of the message text that the
// template's output does not hold, or "".
func missingText(out string, text []TeleprinterLine) string {
	at := 0
	for _, l := range text {
		t := strings.TrimSpace(l.Text)
		if t == "" {
			continue
		}
		i := strings.Index(out[at:], t)
		if i < 0 {
			return t
		}
		at += i + len(t)
	}
	return ""
}

// headerFields pairs the front-matter keys printed in a cable's header
// with the template data that holds them.
var headerFields = []struct{ key, data string }{
	{"title", "Title"}, {"subject", "Subject"}, {"references", "Refs"}, {"eo", "EO"}, {"tags", "Tags"},
	{"passing.for", "PassingFor"}, {"passing.from", "PassingFrom"}, {"to", "To"}, {"info", "Info"},
	{"captions", "Captions"}, {"caveats", "Caveats"}, {"heading", "Heading"}, {"from", "From"},
	{"signature", "Signature"}, {"serial", "Serial"},
}

// fieldIn names the front-matter field whose text s holds (a header line
// or the text given to wrap), or "".
func (c *cableRun) fieldIn(s string) string {
	s = strings.ToUpper(s)
	best, bestLen := "", 0
	try := func(key, v string) {
		if len(v) > bestLen && strings.Contains(s, strings.ToUpper(v)) {
			best, bestLen = key, len(v)
		}
	}
	for _, f := range headerFields {
		switch v := c.data[f.data].(type) {
		case string:
			try(f.key, v)
		case []string:
			for _, e := range v {
				try(f.key, e)
			}
		}
	}
	return best
}

// fieldError is a missing front-matter field, reported as it is.
type fieldError struct{ msg string }

func (e *fieldError) Error() string { return e.msg }

// cleanExecError strips text/template's location prefix from errors our
// own functions return, which already say what to do.
func cleanExecError(err error) string {
	var ee template.ExecError
	if errors.As(err, &ee) {
		msg := ee.Err.Error()
		if i := strings.Index(msg, "error calling wrap: "); i >= 0 {
			return msg[i+len("error calling wrap: "):]
		}
		return strings.TrimPrefix(msg, "template: ")
	}
	return cleanTemplateError(err)
}

// layout renders the cable, splits it into ACP 127 sections when the
// template asks and the message is too long, and pages it.
func (c *cableRun) layout() (*Layout, error) {
	sections, err := c.sections()
	if err != nil {
		return nil, err
	}
	pageLines := c.opts.PageLines
	if pageLines == 0 {
		pageLines = c.set.PageLines
	}
	l := &Layout{Draft: c.draft, Template: c.tmpl.Name}
	if pageLines <= 0 {
		// Unpaged: one page, or one per ACP 127 section, since each
		// section goes out as a message of its own.
		for _, s := range sections {
			p := Page{Lines: s}
			if c.draft {
				p.Header = []string{DraftMark, ""}
				p.Footer = []string{"", DraftMark}
			}
			l.Pages = append(l.Pages, p)
		}
		return l, nil
	}
	l.Classification = c.banner
	l.HasPageLines = true // pages puts a page line in every header
	for _, s := range sections {
		pages, err := c.pages(s, pageLines)
		if err != nil {
			return nil, err
		}
		l.Pages = append(l.Pages, pages...)
	}
	return l, nil
}

// sections returns the cable's lines, split into sections when needed.
func (c *cableRun) sections() ([][]string, error) {
	whole, err := c.execute(c.text, "")
	if err != nil {
		return nil, err
	}
	tape, per := c.set.TapePageLines, c.set.SectionPages
	if tape <= 0 || per <= 0 || len(whole) <= tape*per {
		return [][]string{whole}, nil
	}
	// Measure the heading and ending every section repeats.
	frame, err := c.execute(nil, "FINAL SECTION OF 99")
	if err != nil {
		return nil, err
	}
	// Every tape page carries the classification at its top and bottom
	// and a page line (as pages lays them out), so a section holds per
	// pages of what is left of tape lines after them.
	head, foot := 2, 1
	if c.draft {
		head, foot = 3, 2
	}
	capacity := per*(tape-head-foot) - len(frame)
	if capacity < 5 {
		return nil, fmt.Errorf("template %s: sections of %d pages of %d lines leave no room for text after the heading (%d lines)", c.tmpl.Origin, per, tape, len(frame))
	}
	var chunks [][]TeleprinterLine
	rest := c.text
	for len(rest) > 0 {
		for len(rest) > 0 && rest[0].Text == "" {
			rest = rest[1:]
		}
		if len(rest) == 0 {
			break
		}
		n := min(capacity, len(rest))
		if n < len(rest) {
			// end the section at a paragraph break when one is near
			for k := n; k > capacity/2; k-- {
				if rest[k].Text == "" {
					n = k
					break
				}
			}
		}
		chunk := rest[:n]
		for len(chunk) > 0 && chunk[len(chunk)-1].Text == "" {
			chunk = chunk[:len(chunk)-1]
		}
		chunks = append(chunks, chunk)
		rest = rest[n:]
	}
	// The message is signed once, at the end of the final section: a
	// section ending with the principal's name would read as the end of
	// the message.
	sig := c.data["Signature"]
	defer func() { c.data["Signature"], c.midSection = sig, false }()
	out := make([][]string, len(chunks))
	for i, ch := range chunks {
		label := fmt.Sprintf("SECTION %d OF %d", i+1, len(chunks))
		c.data["Signature"], c.midSection = "", true
		if i == len(chunks)-1 {
			label = fmt.Sprintf("FINAL SECTION OF %d", len(chunks))
			c.data["Signature"], c.midSection = sig, false
		}
		if out[i], err = c.execute(ch, label); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// pages cuts lines into pages with the classification at top and bottom
// and a page line under the top banner.
func (c *cableRun) pages(lines []string, pageLines int) ([]Page, error) {
	head, foot := 2, 1
	if c.draft {
		head, foot = 3, 2
	}
	room := pageLines - head - foot
	if room < 1 {
		return nil, fmt.Errorf("--page-lines %d is too small: the classification, page line and markings take %d lines of every page", pageLines, head+foot)
	}
	var bodies [][]string
	for i := 0; i < len(lines); {
		// A page opens with one blank line only where the page before
		// ended with text: the blank says a new paragraph starts here.
		if len(bodies) > 0 {
			prev := bodies[len(bodies)-1]
			for i < len(lines) && lines[i] == "" && (i+1 < len(lines) && lines[i+1] == "" || prev[len(prev)-1] == "") {
				i++
			}
		}
		if i >= len(lines) {
			break
		}
		j := min(i+room, len(lines))
		page := lines[i:j]
		// One blank line at the foot of a page is kept: it says that the
		// next page starts a new paragraph, which the reader (and a
		// person) could not tell otherwise.
		for len(page) > 2 && page[len(page)-1] == "" && page[len(page)-2] == "" {
			page = page[:len(page)-1]
		}
		bodies = append(bodies, page)
		i = j
	}
	if len(bodies) == 0 {
		bodies = [][]string{nil}
	}
	pages := make([]Page, len(bodies))
	for k, b := range bodies {
		pl, err := runBounded(c.pageLine, map[string]any{
			"Page": k + 1, "Pages": len(bodies), "Serial": c.data["Serial"],
			"Classification": c.banner, "DTG": c.data["DTG"],
		})
		if err != nil {
			return nil, fmt.Errorf("template %s: page_line: %v", c.tmpl.Origin, cleanExecError(err))
		}
		p := Page{Header: []string{c.banner, pl}, Lines: b, Footer: []string{c.banner}}
		if c.draft {
			p.Header = []string{c.banner, DraftMark, pl}
			p.Footer = []string{DraftMark, c.banner}
		}
		pages[k] = p
	}
	return pages, nil
}
