package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"
	"testing"
)

func sampleDocument() *Document {
	by := func(k Kind, move string) Revision {
		return Revision{Kind: k, Author: "Charles Powell, No. 10", Date: "1988-12-21T21:30:00Z", Move: move}
	}
	return &Document{
		Header: "SECRET", Footer: "SECRET",
		Paragraphs: []Paragraph{
			{Style: StyleTitle, Runs: []Run{{Text: "Message to the President"}}},
			{Style: Heading(2), Runs: []Run{{Text: "Dear Ron"}}},
			{Runs: []Run{
				{Text: "we "},
				{Text: "can no longer delay", Rev: by(Delete, "")},
				{Text: "shall have to reach", Rev: by(Insert, "")},
				{Text: " a "}, {CommentStart: 1}, {Text: "decision", Bold: true}, {CommentEnd: 1},
				{Text: " <&> \x01", Italic: true},
			}, Mark: by(Delete, "")},
			{Style: StyleBullet, Runs: []Run{{Text: "moved away", Rev: by(MoveFrom, "move1")}, {Text: " stays"}}},
			{Runs: []Run{{Text: "moved here", Rev: by(MoveTo, "move1")}}, Mark: by(Insert, "")},
			{Runs: []Run{{Text: "tab\there\nline"}}},
		},
		Comments: []Comment{
			{Author: "CDP", Date: "1988-12-21T10:00:00Z", Text: "more precise", Parent: -1},
			{Author: "FCO", Text: "agreed", Parent: 0},
		},
	}
}

func writeSample(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, sampleDocument()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWritePackage checks the package's structure: every part is
// well-formed XML, has a content type, and every relationship's target is
// a part of the package.
func TestWritePackage(t *testing.T) {
	data := writeSample(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = b
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed: %v", f.Name, err)
			}
		}
	}
	types := string(parts["[Content_Types].xml"])
	for name := range parts {
		if strings.HasSuffix(name, ".xml") && name != "[Content_Types].xml" && !strings.Contains(types, `PartName="/`+name+`"`) {
			t.Errorf("%s has no content type override", name)
		}
	}
	for _, rels := range []struct{ part, dir string }{{"_rels/.rels", ""}, {"word/_rels/document.xml.rels", "word"}} {
		var r struct {
			Rel []struct {
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(parts[rels.part], &r); err != nil {
			t.Fatal(err)
		}
		for _, rel := range r.Rel {
			if _, ok := parts[path.Join(rels.dir, rel.Target)]; !ok {
				t.Errorf("%s points at %s, which is not in the package", rels.part, rel.Target)
			}
		}
	}
	doc := string(parts["word/document.xml"])
	for _, want := range []string{
		`<w:delText xml:space="preserve">can no longer delay</w:delText>`,
		`w:author="Charles Powell, No. 10" w:date="1988-12-21T21:30:00Z"`,
		`<w:moveFromRangeStart w:id=`, `w:name="move1"`, `<w:moveToRangeEnd w:id=`,
		`<w:commentRangeStart w:id="0"/>`, `<w:commentReference w:id="0"/>`,
		`&lt;&amp;&gt; ` + "\uFFFD", `<w:tab/>`, `<w:br/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if !strings.Contains(string(parts["word/commentsExtended.xml"]), `w15:paraIdParent="10000000"`) {
		t.Error("the reply is not linked to its parent in commentsExtended.xml")
	}
	if !strings.Contains(string(parts["word/header1.xml"]), "SECRET") || !strings.Contains(string(parts["word/footer1.xml"]), "SECRET") {
		t.Error("the classification is not in the header and footer")
	}
}

func TestWriteReproducible(t *testing.T) {
	if !bytes.Equal(writeSample(t), writeSample(t)) {
		t.Error("the same document gave different bytes")
	}
}

func TestWriteMoveWithoutName(t *testing.T) {
	d := &Document{Paragraphs: []Paragraph{{Runs: []Run{{Text: "x", Rev: Revision{Kind: MoveTo, Author: "a"}}}}}}
	if err := Write(io.Discard, d); err == nil || !strings.Contains(err.Error(), "move name") {
		t.Errorf("a move without a name: %v", err)
	}
}
