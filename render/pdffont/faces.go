// Package pdffont owns the fonts of redline's PDF views: the embedded Go
// faces, fallback TrueType fonts found on the machine or named by the
// user, and the choice, character by character, of which font draws what.
// The views in render lay out pages; they ask this package for widths and
// draw text through it, so that no character reaches fpdf that it cannot
// print.
package pdffont

import (
	"bytes"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/goregular"
)

// Font families registered in the documents. The Go fonts are embedded in
// the binary (golang.org/x/image/font/gofont) and cover Latin, Greek and
// Cyrillic, so any draft prints without font files on the machine.
const (
	Mono  = "gomono"
	Prose = "goregular"
)

// Face is one embedded font face.
type Face struct {
	Family, Style string
	TTF           []byte
}

// Faces of the printed cable and of the blackline. Only the faces a
// document uses are registered: parsing a TrueType font costs more than
// drawing a page.
var (
	CableFaces = []Face{{Mono, "", gomono.TTF}, {Mono, "B", gomonobold.TTF}}
	ProseFaces = []Face{{Prose, "", goregular.TTF}, {Prose, "B", gobold.TTF}, {Prose, "I", goitalic.TTF}}
)

// Register adds faces to the document, each from a private copy of its
// bytes: fpdf's subsetter appends to slices of the font data it was given
// (the horizontal metrics of glyphs past the last long metric), so sharing
// the embedded font bytes let the first document of a process change them
// and every later document come out different.
func Register(pdf *fpdf.Fpdf, faces []Face) {
	for _, f := range faces {
		addFontCopy(pdf, f.Family, f.Style, f.TTF)
	}
}

func addFontCopy(pdf *fpdf.Fpdf, family, style string, ttf []byte) {
	pdf.AddUTF8FontFromBytes(family, style, bytes.Clone(ttf))
}
