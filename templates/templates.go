// Package templates holds redline's cable templates, embedded in the binary,
// and finds a template by name: a workspace's .redline/templates/NAME.tmpl
// overrides the embedded one of the same name, and a path names a file of
// the user's own. A template is a text/template file that opens with a
// comment holding its settings in YAML:
//
//	{{/*
//	description: UK FCO telegram (FM post DTG, TO precedence post, TELNO)
//	width: 69
//	quotes: apostrophes
//	*/}}
//
// The package reads files only; it prints nothing.
package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/redline-dev/redline/cable"
	"go.yaml.in/yaml/v3"
)

//go:embed *.tmpl
var embedded embed.FS

// Settings are a template's layout choices, read from the YAML comment at
// its head. Zero values take the defaults noted.
type Settings struct {
	// Description is the one line `redline templates` prints.
	Description string `yaml:"description" json:"description,omitempty"`
	// Dialect names the cable dialect the template writes (see
	// cable.Dialects): state, fco or personal. The reader, import and
	// `redline new` take what they need to know of the form from it.
	Dialect string `yaml:"dialect" json:"dialect,omitempty"`
	// Width is the longest line in characters (default 69, ACP 127 §138.f).
	Width int `yaml:"width" json:"width,omitempty"`
	// Charset is ita2 (default) or ascii; Extra adds characters to it.
	Charset string `yaml:"charset" json:"charset,omitempty"`
	Extra   string `yaml:"extra" json:"extra,omitempty"`
	// Quotes is words (QUOTE … UNQUOTE), apostrophes ('' … '', default) or
	// ascii (" … "); OpenQuote and CloseQuote override either side.
	Quotes     string  `yaml:"quotes" json:"quotes,omitempty"`
	OpenQuote  *string `yaml:"open_quote" json:"open_quote,omitempty"`
	CloseQuote *string `yaml:"close_quote" json:"close_quote,omitempty"`
	// Numbered numbers the text's paragraphs 1., 2. when there is more
	// than one.
	Numbered bool `yaml:"numbered" json:"numbered,omitempty"`
	// Bullet is how list items begin: dash (- ) or letter (A. ).
	Bullet string `yaml:"bullet" json:"bullet,omitempty"`
	// Hang indents the lines after a list item's first under its text
	// (default true).
	Hang *bool `yaml:"hang" json:"hang,omitempty"`
	// Classification is plain (SECRET, default) or spaced (S E C R E T),
	// as the template's .Classification prints it.
	Classification string `yaml:"classification" json:"classification,omitempty"`
	// PageLines is the default page length for printing (0: no pages);
	// --page-lines overrides it.
	PageLines int `yaml:"page_lines" json:"page_lines,omitempty"`
	// PageLine is a text/template for the page line of every page, given
	// .Page, .Pages, .Serial, .Classification, .DTG, .Precedence (the
	// action precedence's word) and .From, with the function prefixed
	// (default "PAGE {{.Page}} OF {{.Pages}}"). A continuation page names
	// the message in it, as real cables' pages do.
	PageLine string `yaml:"page_line" json:"page_line,omitempty"`
	// TapePageLines and SectionPages ask for ACP 127 sections: a message
	// longer than SectionPages pages of TapePageLines lines is split into
	// sections (SECTION 1 OF 2 … FINAL SECTION OF 2), each sent with the
	// same heading and DTG.
	TapePageLines int `yaml:"tape_page_lines" json:"tape_page_lines,omitempty"`
	SectionPages  int `yaml:"section_pages" json:"section_pages,omitempty"`
	// SerialPlaceholder is printed for the serial of a draft not yet sent
	// (default "[SERIAL]").
	SerialPlaceholder string `yaml:"serial_placeholder" json:"serial_placeholder,omitempty"`
}

// Template is a template's source and settings.
type Template struct {
	Name string
	// Source is the whole file; Body is the part after the settings
	// comment.
	Source   []byte
	Settings Settings
	// Origin says where it came from: "built-in", the override's path, or
	// the path given.
	Origin string
}

// OverrideDir is the folder, inside a workspace's .redline folder, whose
// NAME.tmpl files override the built-in templates.
const OverrideDir = "templates"

// Names lists the built-in templates.
func Names() []string {
	entries, _ := fs.ReadDir(embedded, ".")
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmpl") {
			out = append(out, strings.TrimSuffix(e.Name(), ".tmpl"))
		}
	}
	sort.Strings(out)
	return out
}

// IsPath reports whether a --template value names a file rather than a
// template: it holds a path separator or ends in .tmpl.
func IsPath(nameOrPath string) bool {
	return strings.ContainsAny(nameOrPath, `/\`) || strings.HasSuffix(nameOrPath, ".tmpl")
}

// ErrNoTemplate is the error for a draft that names no template.
var ErrNoTemplate = errors.New("no template")

// Load finds a template: a path is read as a file; a name is looked up in
// overrideDir (NAME.tmpl, when overrideDir is not "") and then among the
// built-in templates.
func Load(nameOrPath, overrideDir string) (*Template, error) {
	if nameOrPath == "" {
		return nil, fmt.Errorf("%w: set template: in the draft's front matter", ErrNoTemplate)
	}
	if IsPath(nameOrPath) {
		data, err := os.ReadFile(nameOrPath)
		if err != nil {
			return nil, fmt.Errorf("template %s: %v", nameOrPath, unwrap(err))
		}
		name := strings.TrimSuffix(filepath.Base(nameOrPath), ".tmpl")
		return parse(name, nameOrPath, data)
	}
	if overrideDir != "" {
		p := filepath.Join(overrideDir, nameOrPath+".tmpl")
		data, err := os.ReadFile(p)
		if err == nil {
			return parse(nameOrPath, p, data)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("template %s: %v", p, unwrap(err))
		}
	}
	data, err := embedded.ReadFile(nameOrPath + ".tmpl")
	if err != nil {
		return nil, fmt.Errorf("unknown template %q: use one of %s, or a path to a .tmpl file", nameOrPath, strings.Join(Names(), ", "))
	}
	return parse(nameOrPath, "built-in", data)
}

// List returns every template by name: the built-in ones and those in
// overrideDir, an override replacing the built-in template of its name.
// Templates that fail to load are returned with their error.
func List(overrideDir string) ([]*Template, []error) {
	names := map[string]bool{}
	for _, n := range Names() {
		names[n] = true
	}
	if overrideDir != "" {
		if entries, err := os.ReadDir(overrideDir); err == nil {
			for _, e := range entries {
				if !e.IsDir() && strings.HasSuffix(e.Name(), ".tmpl") {
					names[strings.TrimSuffix(e.Name(), ".tmpl")] = true
				}
			}
		}
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	var out []*Template
	var errs []error
	for _, n := range sorted {
		t, err := Load(n, overrideDir)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, t)
	}
	return out, errs
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ForDialect returns the name of the built-in template that writes
// dialect d, or "" when none does.
func ForDialect(d *cable.Dialect) string {
	if d == nil {
		return ""
	}
	d = d.Writer()
	for _, n := range Names() {
		if t, err := Embedded(n); err == nil && t.Settings.Dialect == d.Name {
			return n
		}
	}
	return ""
}

// Dialect returns the dialect the template names, or nil when it names
// none.
func (t *Template) Dialect() *cable.Dialect {
	d, err := cable.DialectNamed(t.Settings.Dialect)
	if err != nil {
		return nil
	}
	return d
}

// Embedded returns the built-in template NAME, whatever overrides it.
func Embedded(name string) (*Template, error) {
	data, err := embedded.ReadFile(name + ".tmpl")
	if err != nil || IsPath(name) {
		return nil, fmt.Errorf("unknown template %q: the built-in templates are %s", name, strings.Join(Names(), ", "))
	}
	return parse(name, "built-in", data)
}

// EmptyError is a template file with nothing in it, which would render an
// empty cable. Builtin names the built-in template of that name, "" when
// there is none.
type EmptyError struct{ Origin, Builtin string }

func (e *EmptyError) Error() string {
	if e.Builtin == "" {
		return fmt.Sprintf("template %s is empty: write a template there", e.Origin)
	}
	return fmt.Sprintf("template %s is empty: remove it to use the built-in %s", e.Origin, e.Builtin)
}

// parse reads the settings comment at the head of a template. An empty or
// blank file is an error: it would render an empty cable.
func parse(name, origin string, data []byte) (*Template, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		e := &EmptyError{Origin: origin}
		if _, err := embedded.ReadFile(name + ".tmpl"); err == nil {
			e.Builtin = name
		}
		return nil, e
	}
	t := &Template{Name: name, Source: data, Origin: origin}
	src := bytes.TrimLeft(data, " \t\r\n")
	if !bytes.HasPrefix(src, []byte("{{/*")) {
		return t, nil
	}
	end := bytes.Index(src, []byte("*/"))
	if end < 0 {
		return nil, fmt.Errorf("template %s: the settings comment {{/* is never closed with */}}", origin)
	}
	dec := yaml.NewDecoder(bytes.NewReader(src[4:end]))
	dec.KnownFields(true)
	if err := dec.Decode(&t.Settings); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("template %s: settings: %s", origin, settingsError(err))
	}
	if d := t.Settings.Dialect; d != "" {
		dl, err := cable.DialectNamed(d)
		if err != nil {
			return nil, fmt.Errorf("template %s: settings: dialect: %v", origin, err)
		}
		if dl.CopyOf != nil {
			return nil, fmt.Errorf("template %s: settings: dialect %q is only read, never written: use %s", origin, d, dl.CopyOf.Name)
		}
	}
	return t, nil
}

// settingsError writes a YAML error about the settings on one line, naming
// the known settings when a key is unknown.
func settingsError(err error) string {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return strings.ReplaceAll(strings.TrimPrefix(err.Error(), "yaml: "), "\n", " ")
	}
	var parts []string
	unknown := false
	for _, e := range te.Errors {
		if i := strings.Index(e, "field "); i >= 0 && strings.Contains(e, " not found in type") {
			name := e[i+len("field "):]
			name = name[:strings.Index(name, " not found")]
			parts = append(parts, strings.TrimSpace(e[:i])+" unknown setting "+strconv.Quote(name))
			unknown = true
			continue
		}
		parts = append(parts, e)
	}
	msg := strings.Join(parts, "; ")
	if unknown {
		var known []string
		rt := reflect.TypeOf(Settings{})
		for i := 0; i < rt.NumField(); i++ {
			known = append(known, strings.Split(rt.Field(i).Tag.Get("yaml"), ",")[0])
		}
		msg += " (settings are " + strings.Join(known, ", ") + ")"
	}
	return msg
}
