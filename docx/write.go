package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
)

// Namespaces and types of the parts the writer makes (ECMA-376 Part 1 and
// Part 2, transitional; w15 for comment replies).
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsW14     = "http://schemas.microsoft.com/office/word/2010/wordml"
	nsW15     = "http://schemas.microsoft.com/office/word/2012/wordml"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	typeMain  = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	typeWML   = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	typeRels  = "application/vnd.openxmlformats-package.relationships+xml"
	relOffice = relBase + "officeDocument"
)

// zipTime is every entry's modification time, so that the same document
// always gives the same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes d as a .docx package. The result is the same bytes for the
// same document.
func Write(w io.Writer, d *Document) error {
	parts, err := packageParts(d)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := fw.Write(p.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

type part struct {
	name, contentType, relType string
	data                       []byte
}

// packageParts lays out every part; the content types and relationships
// are made from the list, so they cannot disagree with it.
func packageParts(d *Document) ([]part, error) {
	body, err := documentXML(d)
	if err != nil {
		return nil, err
	}
	word := []part{
		{name: "word/styles.xml", contentType: typeWML + "styles+xml", relType: "styles", data: []byte(stylesXML)},
		{name: "word/settings.xml", contentType: typeWML + "settings+xml", relType: "settings", data: []byte(settingsXML)},
		{name: "word/numbering.xml", contentType: typeWML + "numbering+xml", relType: "numbering", data: []byte(numberingXML)},
		{name: "word/header1.xml", contentType: typeWML + "header+xml", relType: "header", data: furnitureXML("hdr", d.Header)},
		{name: "word/footer1.xml", contentType: typeWML + "footer+xml", relType: "footer", data: furnitureXML("ftr", d.Footer)},
	}
	if len(d.Comments) > 0 {
		c, ext := commentsXML(d.Comments)
		word = append(word,
			part{name: "word/comments.xml", contentType: typeWML + "comments+xml", relType: "comments", data: c},
			part{name: "word/commentsExtended.xml", contentType: typeWML + "commentsExtended+xml", relType: "http://schemas.microsoft.com/office/2011/relationships/commentsExtended", data: ext})
	}
	var types, rels bytes.Buffer
	types.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="` + typeRels + `"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="` + typeMain + `"/>`)
	rels.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, p := range word {
		fmt.Fprintf(&types, `<Override PartName="/%s" ContentType="%s"/>`, p.name, p.contentType)
		t := p.relType
		if !strings.Contains(t, "/") {
			t = relBase + t
		}
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s" Target="%s"/>`, i+1, t, strings.TrimPrefix(p.name, "word/"))
	}
	types.WriteString(`</Types>`)
	rels.WriteString(`</Relationships>`)
	out := []part{
		{name: "[Content_Types].xml", data: types.Bytes()},
		{name: "_rels/.rels", data: []byte(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relOffice + `" Target="word/document.xml"/></Relationships>`)},
		{name: "word/document.xml", data: body},
		{name: "word/_rels/document.xml.rels", data: rels.Bytes()},
	}
	return append(out, word...), nil
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// The relationship ids of the header and footer in document.xml.rels, by
// their place in packageParts' list.
const headerRel, footerRel = "rId4", "rId5"

func furnitureXML(root, text string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `%s<w:%s xmlns:w="%s">`, xmlHeader, root, nsW)
	b.WriteString(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr>`)
	if text != "" {
		b.WriteString(`<w:r><w:rPr><w:b/></w:rPr>`)
		writeText(&b, "w:t", text)
		b.WriteString(`</w:r>`)
	}
	fmt.Fprintf(&b, `</w:p></w:%s>`, root)
	return b.Bytes()
}

// escapeXML writes s as XML character data. Characters XML 1.0 cannot
// hold (most C0 controls) become U+FFFD, so no input makes the part
// unreadable.
func escapeXML(b *bytes.Buffer, s string) {
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
}

// writeText writes text as elem (w:t or w:delText) runs' content, with
// tabs as w:tab and line breaks as w:br.
func writeText(b *bytes.Buffer, elem, text string) {
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		for j, seg := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if seg == "" {
				continue
			}
			fmt.Fprintf(b, `<%s xml:space="preserve">`, elem)
			escapeXML(b, seg)
			fmt.Fprintf(b, `</%s>`, elem)
		}
	}
}

func attr(b *bytes.Buffer, name, v string) {
	fmt.Fprintf(b, ` %s="`, name)
	escapeXML(b, v)
	b.WriteByte('"')
}

func commentsXML(cs []Comment) (comments, extended []byte) {
	var b, e bytes.Buffer
	fmt.Fprintf(&b, `%s<w:comments xmlns:w="%s" xmlns:w14="%s">`, xmlHeader, nsW, nsW14)
	fmt.Fprintf(&e, `%s<w15:commentsEx xmlns:w15="%s" xmlns:mc="%s" mc:Ignorable="w15">`, xmlHeader, nsW15, nsMC)
	for i, c := range cs {
		fmt.Fprintf(&b, `<w:comment w:id="%d"`, i)
		attr(&b, "w:author", c.Author)
		if c.Date != "" {
			attr(&b, "w:date", c.Date)
		}
		attr(&b, "w:initials", initials(c.Author))
		fmt.Fprintf(&b, `><w:p w14:paraId="%s"><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>`, paraID(i))
		b.WriteString(`<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r>`)
		writeText(&b, "w:t", c.Text)
		b.WriteString(`</w:r></w:p></w:comment>`)
		fmt.Fprintf(&e, `<w15:commentEx w15:paraId="%s"`, paraID(i))
		if c.Parent >= 0 && c.Parent < len(cs) {
			fmt.Fprintf(&e, ` w15:paraIdParent="%s"`, paraID(c.Parent))
		}
		e.WriteString(` w15:done="0"/>`)
	}
	b.WriteString(`</w:comments>`)
	e.WriteString(`</w15:commentsEx>`)
	return b.Bytes(), e.Bytes()
}

// paraID is the w14:paraId of comment i's paragraph: eight hex digits,
// below 0x80000000 as the format requires.
func paraID(i int) string { return fmt.Sprintf("%08X", 0x10000000+i) }

func initials(name string) string {
	var out []rune
	for _, f := range strings.Fields(name) {
		r := []rune(f)
		if len(out) < 4 && len(r) > 0 {
			out = append(out, r[0])
		}
	}
	return string(out)
}
