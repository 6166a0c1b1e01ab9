package render

import (
	"bytes"
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
	// Encoded compact, then indented by json.Indent, which sizes its
	// output once: the encoder's own indenting grew its buffer a quarter
	// at a time, a fifth of a long comparison's time. The bytes are the
	// same (both indent with the same code).
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&out); err != nil {
		return err
	}
	var indented bytes.Buffer
	if err := json.Indent(&indented, compact.Bytes(), "", "  "); err != nil {
		return err
	}
	_, err := w.Write(indented.Bytes())
	return err
}
