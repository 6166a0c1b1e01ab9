package render

import (
	"encoding/json"
	"io"

	"github.com/redline-dev/redline/diff"
)

func init() { RegisterFormat(Format{Name: "json", Render: renderDiffJSON}) }

// renderDiffJSON writes the comparison as one JSON object: the contract
// every other view renders (see diff.Comparison). View options do not
// apply: the value is written whole.
func renderDiffJSON(w io.Writer, c *diff.Comparison, _ DiffOptions) error {
	out := *c
	if out.Notes == nil {
		out.Notes = []string{}
	}
	if out.Fields == nil {
		out.Fields = []diff.FieldChange{}
	}
	if out.Segments == nil {
		out.Segments = []diff.Segment{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(&out)
}
