package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits bound what Read takes from a package, counted on the bytes
// actually decompressed (a zip's own size fields are not trusted).
type Limits struct {
	// Entries is the most entries the zip may list.
	Entries int
	// Part is the most bytes one part may expand to; Total the most all
	// parts read may expand to together.
	Part, Total int64
}

// DefaultLimits allow any real message (a 500-page document's text is a
// few megabytes) and refuse a zip bomb long before it costs memory.
var DefaultLimits = Limits{Entries: 1000, Part: 32 << 20, Total: 64 << 20}

// ErrRefused is wrapped by every error about a package Read will not read
// (not WordprocessingML, beyond the limits, external references).
var ErrRefused = errors.New("refused")

func refusef(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrRefused, fmt.Sprintf(format, a...))
}

// pkg is an opened package: its entries by name, and what has been read.
type pkg struct {
	files map[string]*zip.File
	lim   Limits
	read  int64
}

func openPackage(data []byte, lim Limits) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, refusef("not a Word document: the file is not a zip package (%v)", err)
	}
	if len(zr.File) > lim.Entries {
		return nil, refusef("the package lists %d entries, more than the %d allowed: it is not a document redline reads (a zip bomb?)", len(zr.File), lim.Entries)
	}
	p := &pkg{files: map[string]*zip.File{}, lim: lim}
	for _, f := range zr.File {
		// Part names compare without case (ECMA-376 Part 2, 9.1.1.1).
		p.files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	return p, nil
}

func (p *pkg) has(name string) bool {
	_, ok := p.files[strings.ToLower(name)]
	return ok
}

// part reads one part whole, counting what it expands to.
func (p *pkg) part(name string) ([]byte, error) {
	f, ok := p.files[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("the package has no part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("cannot read %s in the package: %v", name, err)
	}
	defer rc.Close()
	limit := min(p.lim.Part, p.lim.Total-p.read)
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	p.read += int64(len(data))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s in the package: %v", name, err)
	}
	if int64(len(data)) > limit {
		return nil, refusef("%s expands to more than %d bytes: the package is too large or a zip bomb", name, limit)
	}
	return data, nil
}

type relationship struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

// rels reads the relationships of a part ("" for the package's own),
// refusing external references other than hyperlinks (which load nothing)
// and the kinds of part that pull other content in.
func (p *pkg) rels(source string) ([]relationship, error) {
	dir, file := path.Split(source)
	name := path.Join(dir, "_rels", file+".rels")
	if !p.has(name) {
		return nil, nil
	}
	data, err := p.part(name)
	if err != nil {
		return nil, err
	}
	var r struct {
		Rels []relationship `xml:"Relationship"`
	}
	if err := decodeStrict(data, &r); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	for _, rel := range r.Rels {
		kind := rel.Type[strings.LastIndex(rel.Type, "/")+1:]
		switch {
		case kind == "aFChunk":
			return nil, refusef("the document embeds other content to be converted on opening (altChunk %s): redline reads only WordprocessingML text", rel.Target)
		case kind == "attachedTemplate":
			return nil, refusef("the document is attached to a template (%s): redline reads only self-contained documents; save it without the template", rel.Target)
		case strings.EqualFold(rel.TargetMode, "External") && kind != "hyperlink":
			return nil, refusef("the document refers to an external %s (%s): redline reads only self-contained documents", kind, rel.Target)
		}
	}
	return r.Rels, nil
}

// target resolves a relationship's target against its source part.
func target(source, t string) string {
	if strings.HasPrefix(t, "/") {
		return strings.TrimPrefix(t, "/")
	}
	return path.Join(path.Dir(source), t)
}

const (
	typeMainMacro    = "application/vnd.ms-word.document.macroEnabled.main+xml"
	typeMainTemplate = typeWML + "template.main+xml"
)

// mainPart finds the main document part and checks that it is
// WordprocessingML.
func (p *pkg) mainPart() (string, error) {
	if !p.has("[Content_Types].xml") {
		return "", refusef("not a Word document: the package has no [Content_Types].xml")
	}
	data, err := p.part("[Content_Types].xml")
	if err != nil {
		return "", err
	}
	var ct struct {
		Defaults []struct {
			Ext  string `xml:"Extension,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := decodeStrict(data, &ct); err != nil {
		return "", refusef("not a Word document: [Content_Types].xml: %v", err)
	}
	rels, err := p.rels("")
	if err != nil {
		return "", err
	}
	main := ""
	for _, r := range rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			main = target("", r.Target)
		}
	}
	if main == "" {
		return "", refusef("not a Word document: the package names no main document (no officeDocument relationship in _rels/.rels)")
	}
	typ := ""
	for _, o := range ct.Overrides {
		if strings.EqualFold(strings.TrimPrefix(o.Part, "/"), main) {
			typ = o.Type
		}
	}
	for _, d := range ct.Defaults {
		if typ == "" && strings.EqualFold(path.Ext(main), "."+d.Ext) {
			typ = d.Type
		}
	}
	switch typ {
	case typeMain, typeMainMacro, typeMainTemplate:
	default:
		return "", refusef("not a WordprocessingML document: its main part %s is %q (a spreadsheet or presentation?)", main, typ)
	}
	if !p.has(main) {
		return "", refusef("not a Word document: the main part %s is missing", main)
	}
	return main, nil
}

// decodeStrict unmarshals XML, refusing a document type declaration
// (entities are a way to make a small part expand).
func decodeStrict(data []byte, v any) error {
	if err := noDoctype(data); err != nil {
		return err
	}
	return xml.Unmarshal(data, v)
}

func noDoctype(data []byte) error {
	if bytes.Contains(data, []byte("<!DOCTYPE")) || bytes.Contains(data, []byte("<!ENTITY")) {
		return refusef("the XML declares a document type or entities, which WordprocessingML never does")
	}
	return nil
}
