package draft

import (
	"fmt"
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
