package draft

import (
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

// SerialSeries is a serial-number series used when a message is sent, such
// as T 123/88 or TELNO 456. Format holds the placeholders {n} (the number),
// {n:06} (the number padded with zeros to six digits), {yy} and {yyyy} (the
// year). A yearly series starts again at 1 each year.
type SerialSeries struct {
	Name   string `yaml:"name" json:"name"`
	Format string `yaml:"format" json:"format"`
	Yearly bool   `yaml:"yearly" json:"yearly"`
}

// Config is a workspace's settings, kept in .redline/config.yaml.
type Config struct {
	// Author and Office are the defaults for commits when neither the flags
	// nor REDLINE_AUTHOR / REDLINE_OFFICE give them.
	Author string `yaml:"author" json:"author"`
	Office string `yaml:"office" json:"office"`
	// Series are the serial series a message may be sent in.
	Series []SerialSeries `yaml:"series" json:"series"`
	// Names are names and acronyms that `import cable --sentence-case`
	// keeps capitalised.
	Names []string `yaml:"names" json:"names"`
	// Store is where the revisions are kept: empty for the SQLite database
	// in .redline, or a postgres:// URL for a PostgreSQL database shared by
	// several workspaces. It never holds a password: that comes from
	// PGPASSWORD or the password file (~/.pgpass).
	Store string `yaml:"store" json:"store,omitempty"`
	// Require says, per series, what `send` insists on for the very text
	// sent before it allocates a number in the series.
	Require []SendRequirement `yaml:"require" json:"require,omitempty"`
}

// SendRequirement is what a series needs before a message goes out in it:
// clearances (each OFFICE or OFFICE:NAME) and an approval.
type SendRequirement struct {
	Series     string   `yaml:"series" json:"series"`
	Clearances []string `yaml:"clearances" json:"clearances,omitempty"`
	Approval   bool     `yaml:"approval" json:"approval,omitempty"`
}

// RequirementFor finds what a series requires (by name, in any case); the
// zero value when nothing is.
func (c Config) RequirementFor(series string) SendRequirement {
	for _, r := range c.Require {
		if strings.EqualFold(strings.TrimSpace(r.Series), strings.TrimSpace(series)) {
			return r
		}
	}
	return SendRequirement{Series: series}
}

// DefaultSeries are the series written by `redline init`.
func DefaultSeries() []SerialSeries {
	return []SerialSeries{
		{Name: "T", Format: "T {n}/{yy}", Yearly: true},
		{Name: "TELNO", Format: "TELNO {n}", Yearly: true},
		{Name: "STATE", Format: "STATE {n:06}", Yearly: true},
	}
}

// DefaultConfig is the configuration `redline init` writes.
func DefaultConfig() Config { return Config{Series: DefaultSeries()} }

// SeriesByName finds a series by its name, in any case.
func (c Config) SeriesByName(name string) (SerialSeries, bool) {
	for _, s := range c.Series {
		if strings.EqualFold(s.Name, name) {
			return s, true
		}
	}
	return SerialSeries{}, false
}

// SeriesNames lists the configured series' names.
func (c Config) SeriesNames() []string {
	var out []string
	for _, s := range c.Series {
		out = append(out, s.Name)
	}
	return out
}

// ParseConfig reads config.yaml strictly: unknown keys and values of the
// wrong type are errors naming NAME:LINE:COLUMN.
func ParseConfig(name string, data []byte) (Config, error) {
	var c Config
	if err := checkText(name, data); err != nil {
		return c, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return c, yamlSyntaxError(name, err, data, 0)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return c, nil
	}
	d := &strictDecoder{name: name, what: "config"}
	if err := d.decode(doc.Content[0], reflect.ValueOf(&c).Elem(), ""); err != nil {
		return c, err
	}
	// Check the series, pointing at the offending item.
	seriesNode := func(i int) *yaml.Node {
		m := doc.Content[0]
		for j := 0; j+1 < len(m.Content); j += 2 {
			if m.Content[j].Value == "series" && m.Content[j+1].Kind == yaml.SequenceNode && i < len(m.Content[j+1].Content) {
				return m.Content[j+1].Content[i]
			}
		}
		return doc.Content[0]
	}
	seen := map[string]bool{}
	for i, s := range c.Series {
		n := seriesNode(i)
		switch {
		case strings.TrimSpace(s.Name) == "":
			return c, d.errorf(n, "series[%d] has no name: give each series a name such as T", i)
		case seen[strings.ToUpper(s.Name)]:
			return c, d.errorf(n, "series %q is given twice", s.Name)
		case !strings.Contains(s.Format, "{n"):
			return c, d.errorf(n, "series %q: format %q has no {n} for the number: write it like \"T {n}/{yy}\"", s.Name, s.Format)
		}
		seen[strings.ToUpper(s.Name)] = true
	}
	if err := checkRequirements(d, doc.Content[0], c); err != nil {
		return c, err
	}
	if err := CheckStoreURL(c.Store); err != nil {
		return c, fmt.Errorf("%s: store: %v", name, err)
	}
	return c, nil
}

// Marshal writes the configuration as commented YAML.
func (c Config) Marshal() []byte {
	q := func(s string) string {
		b, err := yaml.Marshal(s)
		if err != nil {
			return `""`
		}
		return strings.TrimSuffix(string(b), "\n")
	}
	var b strings.Builder
	b.WriteString("# redline workspace settings.\n")
	b.WriteString("# author and office are used by `redline commit` when neither --author/--office\n")
	b.WriteString("# nor REDLINE_AUTHOR/REDLINE_OFFICE give them.\n")
	fmt.Fprintf(&b, "author: %s\n", q(c.Author))
	fmt.Fprintf(&b, "office: %s\n", q(c.Office))
	b.WriteString("# Serial series for `redline send`: {n} is the number, {n:06} pads it to six\n")
	b.WriteString("# digits, {yy} and {yyyy} are the year; a yearly series starts at 1 each year.\n")
	if len(c.Series) == 0 {
		b.WriteString("series: []\n")
	} else {
		b.WriteString("series:\n")
		for _, s := range c.Series {
			fmt.Fprintf(&b, "  - name: %s\n    format: %s\n    yearly: %v\n", q(s.Name), q(s.Format), s.Yearly)
		}
	}
	if len(c.Require) > 0 {
		b.WriteString("# What `redline send` insists on, per series, for the very text sent.\n")
		b.WriteString("require:\n")
		for _, r := range c.Require {
			fmt.Fprintf(&b, "  - series: %s\n", q(r.Series))
			if len(r.Clearances) > 0 {
				b.WriteString("    clearances:\n")
				for _, o := range r.Clearances {
					fmt.Fprintf(&b, "      - %s\n", q(o))
				}
			}
			fmt.Fprintf(&b, "    approval: %v\n", r.Approval)
		}
	}
	if c.Store != "" {
		b.WriteString("# The shared PostgreSQL store (the password comes from PGPASSWORD or ~/.pgpass).\n")
		fmt.Fprintf(&b, "store: %s\n", q(c.Store))
	}
	b.WriteString("# Names and acronyms that `redline import cable --sentence-case` keeps capitalised.\n")
	if len(c.Names) == 0 {
		b.WriteString("names: []\n")
	} else {
		b.WriteString("names:\n")
		for _, n := range c.Names {
			fmt.Fprintf(&b, "  - %s\n", q(n))
		}
	}
	return []byte(b.String())
}

// checkRequirements checks the require list: each names a configured series
// once, and each clearance names an office.
func checkRequirements(d *strictDecoder, root *yaml.Node, c Config) error {
	node := func(i int) *yaml.Node {
		for j := 0; j+1 < len(root.Content); j += 2 {
			if root.Content[j].Value == "require" && root.Content[j+1].Kind == yaml.SequenceNode && i < len(root.Content[j+1].Content) {
				return root.Content[j+1].Content[i]
			}
		}
		return root
	}
	seen := map[string]bool{}
	for i, r := range c.Require {
		n := node(i)
		key := strings.ToUpper(strings.TrimSpace(r.Series))
		switch {
		case key == "":
			return d.errorf(n, "require[%d] names no series: write series: T", i)
		case seen[key]:
			return d.errorf(n, "require: series %q is given twice", r.Series)
		}
		if _, ok := c.SeriesByName(r.Series); !ok {
			return d.errorf(n, "require: there is no series %q (the series are %s)", r.Series, strings.Join(c.SeriesNames(), ", "))
		}
		seen[key] = true
		for _, o := range r.Clearances {
			if office, _, _ := strings.Cut(o, ":"); strings.TrimSpace(office) == "" {
				return d.errorf(n, "require: series %q: clearance %q names no office: write OFFICE or OFFICE:NAME", r.Series, o)
			}
		}
	}
	return nil
}

// IsPostgresURL reports whether a store setting names a PostgreSQL
// database.
func IsPostgresURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// CheckStoreURL checks a store setting: empty, or a postgres:// URL
// without a password, which must not be written to config.yaml.
func CheckStoreURL(s string) error {
	if s == "" {
		return nil
	}
	if !IsPostgresURL(s) {
		return fmt.Errorf("%q is not a postgres:// URL (leave it out for the SQLite store in .redline)", s)
	}
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("%q is not a valid URL: %v", s, err)
	}
	if _, has := u.User.Password(); has || u.Query().Get("password") != "" {
		return errors.New("the URL holds a password, which would be written to config.yaml: leave it out and set PGPASSWORD or put it in ~/.pgpass")
	}
	return nil
}
