package render

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/redline-dev/redline/diff"
)

// DiffRenderer draws a comparison in one format.
type DiffRenderer func(w io.Writer, c *diff.Comparison, opts DiffOptions) error

// Format describes one redline view: what it is called, what kind of bytes
// it writes and the function that writes them. A caller asks the
// descriptor how to treat the output instead of keeping lists of formats.
type Format struct {
	// Name is what --format takes; Aliases are other names for it. All
	// are lower case.
	Name    string
	Aliases []string
	// Binary output is not text: it must not be written to a terminal or
	// through a pager.
	Binary bool
	// TerminalSafe output shows every control character of the documents
	// visibly itself, so it may reach a terminal as it is; other text
	// output carries the documents' bytes and needs filtering there.
	TerminalSafe bool
	// Render draws the comparison. Warnings (text a font cannot show and
	// the like) go to DiffOptions.Warn.
	Render DiffRenderer
}

var (
	diffFormats = map[string]*Format{} // by name and alias
	formatList  []*Format              // in the order registered
)

// RegisterFormat adds a redline view. Each view's file registers itself
// from its init function; a name registered twice is a programming error.
func RegisterFormat(f Format) {
	if f.Name == "" || f.Render == nil {
		panic("render: a diff format needs a name and a render function")
	}
	d := &f
	names := append([]string{f.Name}, f.Aliases...)
	for _, n := range names {
		if _, dup := diffFormats[n]; dup {
			panic("render: diff format registered twice: " + n)
		}
	}
	for _, n := range names {
		diffFormats[n] = d
	}
	formatList = append(formatList, d)
}

// LookupFormat finds a view by name or alias, ignoring case.
func LookupFormat(name string) (Format, bool) {
	d, ok := diffFormats[strings.ToLower(name)]
	if !ok {
		return Format{}, false
	}
	return *d, true
}

// Formats lists the registered views, sorted by name.
func Formats() []Format {
	out := make([]Format, 0, len(formatList))
	for _, d := range formatList {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// DiffFormats lists every name --format takes, aliases included, sorted.
func DiffFormats() []string {
	out := make([]string, 0, len(diffFormats))
	for k := range diffFormats {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Diff draws c in the named format.
func Diff(w io.Writer, c *diff.Comparison, format string, opts DiffOptions) error {
	f, ok := LookupFormat(format)
	if !ok {
		return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(DiffFormats(), ", "))
	}
	return f.Render(w, c, opts)
}

// warn passes a warning to the caller's Warn function, if it gave one.
func (o DiffOptions) warn(msg string) {
	if o.Warn != nil {
		o.Warn(msg)
	}
}
