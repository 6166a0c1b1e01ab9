// Package render turns values into bytes for a person: redlines of a
// diff.Comparison in every format, drafts with their tracked changes, cables
// from templates, and PDF. It computes no differences of its own and prints
// nothing; callers hand it an io.Writer.
package render

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/redline-dev/redline/diff"
)

// DiffOptions are the settings every redline view may honour.
type DiffOptions struct {
	// Color allows terminal escapes (SGR) in the output.
	Color bool
	// Numbers shows each change's number.
	Numbers bool
	// Context, when 0 or more, folds paragraphs with no change to one line,
	// keeping Context paragraphs around each change. Negative shows all.
	Context int
	// Width is the width of the output in columns (side by side); 0 means
	// the view's default.
	Width int
	// Title names the document in HTML and PDF output; empty means a title
	// made from the sides' names.
	Title string
	// Paper is "a4" or "letter" (PDF, HTML print stylesheet).
	Paper string
}

// DiffRenderer draws a comparison in one format.
type DiffRenderer func(w io.Writer, c *diff.Comparison, opts DiffOptions) error

var diffFormats = map[string]DiffRenderer{}

// registerDiffFormat adds a format; each view's file registers itself.
func registerDiffFormat(name string, r DiffRenderer) {
	if _, dup := diffFormats[name]; dup {
		panic("render: diff format registered twice: " + name)
	}
	diffFormats[name] = r
}

// DiffFormats lists the names of the known redline formats.
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
	r, ok := diffFormats[format]
	if !ok {
		return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(DiffFormats(), ", "))
	}
	return r(w, c, opts)
}
