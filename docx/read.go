package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Namespaces of WordprocessingML as the reader meets them: transitional
// (what Word writes) and strict.
const (
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMCRead  = nsMC
)

// maxDepth bounds the nesting of elements the reader follows.
const maxDepth = 256

// Report is what Read found beside the text: formatting-only revisions,
// which are reported and not marked, and warnings naming everything it did
// not understand.
type Report struct {
	// FormatChanges counts w:rPrChange, w:pPrChange and the other property
	// revisions: formatting changed under tracking, which has no
	// CriticMarkup.
	FormatChanges int
	Warnings      []string
}

// Read reads a .docx package with DefaultLimits.
func Read(data []byte) (*Document, *Report, error) { return ReadLimits(data, DefaultLimits) }

// ReadLimits reads a .docx package: its paragraphs with their tracked
// changes, and its comments with their replies. It refuses (an error
// wrapping ErrRefused) a package that is not WordprocessingML, that lists
// or expands to more than lim allows, or that refers to anything outside
// itself (external relationships other than hyperlinks, altChunk, an
// attached template).
func ReadLimits(data []byte, lim Limits) (*Document, *Report, error) {
	p, err := openPackage(data, lim)
	if err != nil {
		return nil, nil, err
	}
	main, err := p.mainPart()
	if err != nil {
		return nil, nil, err
	}
	// Every part's relationships are checked, not only the main part's:
	// a header, a footnote or settings can point outside too.
	for name := range p.files {
		if dir, file, ok := strings.Cut(name, "_rels/"); ok && strings.HasSuffix(file, ".rels") && !strings.Contains(file, "/") {
			if _, err := p.rels(dir + strings.TrimSuffix(file, ".rels")); err != nil {
				return nil, nil, err
			}
		}
	}
	rels, err := p.rels(main)
	if err != nil {
		return nil, nil, err
	}
	r := &reader{doc: &Document{}, report: &Report{}, warned: map[string]bool{}, comments: map[string]int{}, ranges: map[string]string{}, anchored: map[string]bool{}}
	for _, rel := range rels {
		kind := rel.Type[strings.LastIndex(rel.Type, "/")+1:]
		switch kind {
		case "comments", "commentsExtended":
			data, err := p.part(target(main, rel.Target))
			if err != nil {
				return nil, nil, err
			}
			if kind == "comments" {
				err = r.readComments(data)
			} else {
				err = r.readCommentsExtended(data)
			}
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", target(main, rel.Target), err)
			}
		}
	}
	for _, rel := range rels {
		kind := rel.Type[strings.LastIndex(rel.Type, "/")+1:]
		if kind != "header" && kind != "footer" {
			continue
		}
		data, err := p.part(target(main, rel.Target))
		if err != nil {
			return nil, nil, err
		}
		text, err := partText(data)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", target(main, rel.Target), err)
		}
		if kind == "header" && r.doc.Header == "" {
			r.doc.Header = text
		} else if kind == "footer" && r.doc.Footer == "" {
			r.doc.Footer = text
		}
	}
	r.linkReplies()
	body, err := p.part(main)
	if err != nil {
		return nil, nil, err
	}
	if err := r.readBody(body); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", main, err)
	}
	return r.doc, r.report, nil
}

type reader struct {
	doc    *Document
	report *Report
	warned map[string]bool
	// comments maps a comment's w:id to its index; paraIDs each comment's
	// last paragraph's w14:paraId to its index, and parents the
	// commentsExtended links, for the replies.
	comments map[string]int
	paraIDs  map[string]int
	parents  map[string]string
	anchored map[string]bool
	// ranges holds the names of the move ranges open now, by w:id.
	ranges            map[string]string
	moveFrom, moveTo  string
	revs              []Revision
	para              *Paragraph
	bold, italic      bool
	inField, fieldRes bool
	dec               *xml.Decoder
	depth             int
}

func (r *reader) warnf(format string, a ...any) {
	m := fmt.Sprintf(format, a...)
	if !r.warned[m] {
		r.warned[m] = true
		r.report.Warnings = append(r.report.Warnings, m)
	}
}

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

func attrOf(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || isW(a.Name) || a.Name.Space == nsW14 || a.Name.Space == nsW15) {
			return a.Value
		}
	}
	return ""
}

func newDecoder(data []byte) (*xml.Decoder, error) {
	if err := noDoctype(data); err != nil {
		return nil, err
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	return d, nil
}

// next returns the next token, tracking the depth.
func (r *reader) next() (xml.Token, error) {
	t, err := r.dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		line, _ := r.dec.InputPos()
		return nil, fmt.Errorf("line %d: %v", line, err)
	}
	switch t.(type) {
	case xml.StartElement:
		r.depth++
		if r.depth > maxDepth {
			line, _ := r.dec.InputPos()
			return nil, refusef("line %d: elements nested more than %d deep", line, maxDepth)
		}
	case xml.EndElement:
		r.depth--
	}
	return t, nil
}

// skip consumes the rest of the element just started.
func (r *reader) skip() error {
	for d := 1; d > 0; {
		t, err := r.next()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t.(type) {
		case xml.StartElement:
			d++
		case xml.EndElement:
			d--
		}
	}
	return nil
}

// text reads the character data of the element just started.
func (r *reader) text() (string, error) {
	var b strings.Builder
	for {
		t, err := r.next()
		if err != nil {
			return "", unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := r.skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

func unexpectedEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return errors.New("the XML ends inside an element")
	}
	return err
}

func (r *reader) readComments(data []byte) error {
	d, err := newDecoder(data)
	if err != nil {
		return err
	}
	r.dec, r.depth = d, 0
	r.paraIDs = map[string]int{}
	for {
		t, err := r.next()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		if s, ok := t.(xml.StartElement); ok && isW(s.Name) && s.Name.Local == "comment" {
			if err := r.readComment(s); err != nil {
				return err
			}
		}
	}
}

func (r *reader) readComment(s xml.StartElement) error {
	c := Comment{Author: attrOf(s, "author"), Date: attrOf(s, "date"), Parent: -1}
	idx := len(r.doc.Comments)
	r.comments[attrOf(s, "id")] = idx
	var paras []string
	var cur strings.Builder
	for d := 1; d > 0; {
		t, err := r.next()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			d++
			switch {
			case isW(t.Name) && t.Name.Local == "p":
				if id := attrOf(t, "paraId"); id != "" {
					r.paraIDs[id] = idx
				}
			case isW(t.Name) && t.Name.Local == "t":
				s, err := r.text()
				if err != nil {
					return err
				}
				d--
				cur.WriteString(s)
			case isW(t.Name) && t.Name.Local == "tab":
				cur.WriteByte('\t')
			case isW(t.Name) && (t.Name.Local == "br" || t.Name.Local == "cr"):
				cur.WriteByte('\n')
			}
		case xml.EndElement:
			d--
			if isW(t.Name) && t.Name.Local == "p" {
				paras = append(paras, cur.String())
				cur.Reset()
			}
		}
	}
	c.Text = strings.TrimSpace(strings.Join(paras, "\n"))
	r.doc.Comments = append(r.doc.Comments, c)
	return nil
}

// readCommentsExtended reads the reply links (w15:paraIdParent) of
// commentsExtended.xml; they are resolved once both parts are read.
func (r *reader) readCommentsExtended(data []byte) error {
	var ex struct {
		Items []struct {
			ParaID string `xml:"paraId,attr"`
			Parent string `xml:"paraIdParent,attr"`
		} `xml:"commentEx"`
	}
	if err := decodeStrict(data, &ex); err != nil {
		return err
	}
	r.parents = map[string]string{}
	for _, it := range ex.Items {
		if it.Parent != "" {
			r.parents[it.ParaID] = it.Parent
		}
	}
	return nil
}

func (r *reader) linkReplies() {
	ids := make([]string, 0, len(r.parents))
	for id := range r.parents {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		child, ok1 := r.paraIDs[id]
		parent, ok2 := r.paraIDs[r.parents[id]]
		if ok1 && ok2 && child != parent {
			r.doc.Comments[child].Parent = parent
		} else {
			r.warnf("a comment reply names a comment that is not there (paragraph %s)", r.parents[id])
		}
	}
}

// partText is the text of a header or footer part, its paragraphs joined
// with spaces.
func partText(data []byte) (string, error) {
	d, err := newDecoder(data)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	in := false
	for depth := 0; ; {
		t, err := d.Token()
		if err == io.EOF {
			return strings.Join(strings.Fields(b.String()), " "), nil
		} else if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if depth++; depth > maxDepth {
				return "", refusef("elements nested more than %d deep", maxDepth)
			}
			in = isW(t.Name) && t.Name.Local == "t"
		case xml.EndElement:
			depth--
			if isW(t.Name) && t.Name.Local == "p" {
				b.WriteByte(' ')
			}
			in = false
		case xml.CharData:
			if in {
				b.Write(t)
			}
		}
	}
}
