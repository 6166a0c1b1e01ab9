package docx

import (
	"encoding/xml"
	"io"
	"strings"
)

// Elements that carry nothing the import needs and are passed over
// without a warning: bookmarks, proofing marks, layout hints, section and
// table properties.
var quietElements = map[string]bool{
	"bookmarkStart": true, "bookmarkEnd": true, "proofErr": true, "lastRenderedPageBreak": true,
	"permStart": true, "permEnd": true, "sectPr": true, "tblPr": true, "tblGrid": true, "trPr": true,
	"tcPr": true, "sdtPr": true, "sdtEndPr": true, "moveFromRangeEnd": true, "moveToRangeEnd": true,
	"softHyphen": true, "annotationRef": true, "customXmlPr": true, "smartTagPr": true,
	"background": true,
}

// Elements whose content is read as if it stood in their place.
var containerElements = map[string]bool{
	"document": true, "body": true, "hyperlink": true, "smartTag": true, "sdt": true, "sdtContent": true,
	"customXml": true, "fldSimple": true, "bdo": true, "dir": true, "tbl": true, "tr": true, "tc": true,
}

// Revisions of properties only: formatting changed under tracking.
var formatChangeElements = map[string]bool{
	"rPrChange": true, "pPrChange": true, "sectPrChange": true, "tblPrChange": true, "tblGridChange": true,
	"trPrChange": true, "tcPrChange": true, "tblPrExChange": true, "numberingChange": true,
}

var revisionKinds = map[string]Kind{"ins": Insert, "del": Delete, "moveFrom": MoveFrom, "moveTo": MoveTo}

func (r *reader) readBody(data []byte) error {
	d, err := newDecoder(data)
	if err != nil {
		return err
	}
	r.dec, r.depth = d, 0
	for {
		t, err := r.next()
		if err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := r.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			r.end(t)
		case xml.CharData:
			if r.para != nil && strings.TrimSpace(string(t)) != "" {
				r.warnf("text outside a run was left out: %q", clip(string(t)))
			}
		}
	}
	if r.para != nil {
		r.closeParagraph()
	}
	loose := make([]bool, len(r.doc.Comments))
	for id, i := range r.comments {
		loose[i] = !r.anchored[id] && r.doc.Comments[i].Parent < 0
	}
	for i, l := range loose {
		if l {
			r.warnf("comment by %s is not anchored in the text: it is put at the end", r.doc.Comments[i].Author)
			r.point(i)
		}
	}
	return nil
}

func clip(s string) string {
	if len([]rune(s)) > 40 {
		return string([]rune(s)[:40]) + "…"
	}
	return s
}

func (r *reader) start(e xml.StartElement) error {
	if !isW(e.Name) {
		return r.foreign(e)
	}
	name := e.Name.Local
	switch {
	case containerElements[name]:
		if name == "tbl" {
			r.warnf("tables are read cell by cell, one paragraph each")
		}
		return nil
	case quietElements[name]:
		return r.skip()
	case formatChangeElements[name]:
		r.report.FormatChanges++
		return r.skip()
	case revisionKinds[name] != Plain:
		rev := Revision{Kind: revisionKinds[name], Author: attrOf(e, "author"), Date: attrOf(e, "date")}
		switch rev.Kind {
		case MoveFrom:
			rev.Move = r.moveFrom
		case MoveTo:
			rev.Move = r.moveTo
		}
		r.revs = append(r.revs, rev)
		return nil
	}
	if done, err := r.startText(e, name); done {
		return err
	}
	return r.startOther(e, name)
}

// startText reads the start of a paragraph, a run and their properties,
// text, fields, tabs and breaks; done is false for any other element.
func (r *reader) startText(e xml.StartElement, name string) (done bool, err error) {
	switch name {
	case "p":
		if r.para != nil { // a paragraph inside a paragraph (a text box): end the outer one
			r.closeParagraph()
		}
		r.para = &Paragraph{}
		return true, nil
	case "pPr":
		return true, r.paragraphProperties()
	case "r":
		r.bold, r.italic = false, false
		return true, nil
	case "rPr":
		return true, r.runProperties()
	case "t", "delText":
		s, err := r.text()
		if err != nil {
			return true, err
		}
		if !r.inField || r.fieldRes {
			r.add(s)
		}
		return true, nil
	case "instrText", "delInstrText":
		r.warnf("field codes are read as the text they show")
		return true, r.skip()
	case "fldChar":
		switch attrOf(e, "fldCharType") {
		case "begin":
			r.inField, r.fieldRes = true, false
		case "separate":
			r.fieldRes = true
		case "end":
			r.inField, r.fieldRes = false, false
		}
		return true, r.skip()
	case "tab", "ptab":
		r.add("\t")
		return true, r.skip()
	case "br", "cr":
		r.add("\n")
		return true, r.skip()
	case "noBreakHyphen":
		r.add("-")
		return true, r.skip()
	}
	return false, nil
}

// startOther reads move ranges, comment anchors and what redline does not
// import (with a warning), and refuses embedded content.
func (r *reader) startOther(e xml.StartElement, name string) error {
	switch name {
	case "moveFromRangeStart", "moveToRangeStart":
		r.ranges[attrOf(e, "id")] = attrOf(e, "name")
		if name == "moveFromRangeStart" {
			r.moveFrom = attrOf(e, "name")
		} else {
			r.moveTo = attrOf(e, "name")
		}
		return r.skip()
	case "commentRangeStart", "commentRangeEnd", "commentReference":
		return r.commentAnchor(name, attrOf(e, "id"))
	case "altChunk":
		return refusef("the document embeds other content to be converted on opening (w:altChunk): redline reads only WordprocessingML text")
	case "footnoteReference", "endnoteReference":
		r.warnf("footnotes and endnotes are not imported (their references are left out)")
		return r.skip()
	case "drawing", "pict", "object":
		r.warnf("pictures and embedded objects are not imported")
		return r.skip()
	case "sym":
		r.warnf("symbols in symbol fonts (w:sym) are not imported")
		return r.skip()
	case "cellIns", "cellDel", "cellMerge", "customXmlInsRangeStart", "customXmlDelRangeStart",
		"customXmlMoveFromRangeStart", "customXmlMoveToRangeStart":
		r.warnf("table-cell and custom XML revisions (w:%s) are not imported", name)
		return r.skip()
	}
	r.warnf("w:%s is not understood; its text, if any, is kept as plain text", name)
	return nil
}

// foreign handles an element outside WordprocessingML: markup
// compatibility blocks are read through their fallback; anything else is
// named and passed over.
func (r *reader) foreign(e xml.StartElement) error {
	if e.Name.Space == nsMCRead {
		switch e.Name.Local {
		case "AlternateContent", "Fallback":
			return nil
		case "Choice":
			return r.skip()
		}
	}
	r.warnf("%s (namespace %s) is not understood and was left out", e.Name.Local, e.Name.Space)
	return r.skip()
}

func (r *reader) end(e xml.EndElement) {
	if !isW(e.Name) {
		return
	}
	switch name := e.Name.Local; {
	case revisionKinds[name] != Plain:
		if len(r.revs) > 0 {
			r.revs = r.revs[:len(r.revs)-1]
		}
	case name == "p":
		if r.para != nil {
			r.closeParagraph()
		}
	case name == "r":
		r.bold, r.italic = false, false
	}
}

func (r *reader) closeParagraph() {
	// The mark ends the paragraph: it lies in the move range open there
	// (whose start may follow w:pPr, where the mark is written).
	switch r.para.Mark.Kind {
	case MoveFrom:
		r.para.Mark.Move = r.moveFrom
	case MoveTo:
		r.para.Mark.Move = r.moveTo
	}
	r.doc.Paragraphs = append(r.doc.Paragraphs, *r.para)
	r.para = nil
}

func (r *reader) current() Revision {
	if len(r.revs) == 0 {
		return Revision{}
	}
	// Nested revisions count as the innermost: what the text is now.
	return r.revs[len(r.revs)-1]
}

// insertedThenDeleted reports whether the text being read was inserted
// under tracking and then deleted (a w:del inside a w:ins, or the other
// way about): it is in neither version, old or new.
func (r *reader) insertedThenDeleted() (ins, del Revision, ok bool) {
	for _, v := range r.revs {
		switch v.Kind {
		case Insert, MoveTo:
			ins = v
		case Delete, MoveFrom:
			del = v
		}
	}
	return ins, del, ins.Kind != Plain && del.Kind != Plain
}

func (r *reader) add(s string) {
	if s == "" {
		return
	}
	if r.para == nil {
		r.warnf("text outside a paragraph was read as a paragraph of its own")
		r.para = &Paragraph{}
	}
	if ins, del, ok := r.insertedThenDeleted(); ok {
		r.warnf("text inserted by %s and deleted by %s is in neither version and was left out: %q", ins.Author, del.Author, clip(s))
		return
	}
	run := Run{Text: s, Bold: r.bold, Italic: r.italic, Rev: r.current()}
	if n := len(r.para.Runs); n > 0 {
		last := &r.para.Runs[n-1]
		if last.CommentStart == 0 && last.CommentEnd == 0 && last.Rev == run.Rev && last.Bold == run.Bold && last.Italic == run.Italic {
			last.Text += s
			return
		}
	}
	r.para.Runs = append(r.para.Runs, run)
}

func (r *reader) anchor(run Run) {
	if r.para == nil {
		r.para = &Paragraph{}
	}
	r.para.Runs = append(r.para.Runs, run)
}

func (r *reader) commentAnchor(name, id string) error {
	i, ok := r.comments[id]
	if !ok {
		r.warnf("a comment mark names comment %s, which comments.xml does not hold", id)
		return r.skip()
	}
	switch name {
	case "commentRangeStart":
		r.anchored[id] = true
		r.anchor(Run{CommentStart: i + 1})
	case "commentRangeEnd":
		r.anchor(Run{CommentEnd: i + 1})
	case "commentReference":
		// A reply is written with the comment it answers.
		if !r.anchored[id] && r.doc.Comments[i].Parent < 0 {
			r.anchored[id] = true
			r.point(i)
		}
	}
	return r.skip()
}

// point anchors comment i where the reader stands, on no text.
func (r *reader) point(i int) {
	r.anchor(Run{CommentStart: i + 1})
	r.anchor(Run{CommentEnd: i + 1})
}

// paragraphProperties reads w:pPr: the style, a list, and the revision of
// the paragraph mark.
func (r *reader) paragraphProperties() error {
	if r.para == nil {
		return r.skip()
	}
	for d := 1; d > 0; {
		t, err := r.next()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			d++
			name := t.Name.Local
			switch {
			case !isW(t.Name):
			case formatChangeElements[name]:
				r.report.FormatChanges++
				if err := r.skip(); err != nil {
					return err
				}
				d--
			case name == "pStyle":
				r.para.Style = paragraphStyle(attrOf(t, "val"), r.para.Style)
			case name == "numPr" && r.para.Style == StyleNormal:
				r.para.Style = StyleBullet
			case revisionKinds[name] != Plain:
				r.para.Mark = Revision{Kind: revisionKinds[name], Author: attrOf(t, "author"), Date: attrOf(t, "date")}
			}
		case xml.EndElement:
			d--
		}
	}
	return nil
}

// paragraphStyle maps a style id onto the model's styles: headings and
// titles, lists and quotes by their usual ids; others are normal text.
func paragraphStyle(id, cur string) string {
	l := strings.ToLower(strings.ReplaceAll(id, " ", ""))
	switch {
	case l == "title":
		return StyleTitle
	case strings.HasPrefix(l, "heading") && len(l) == 8 && l[7] >= '1' && l[7] <= '9':
		return Heading(int(l[7] - '0'))
	case strings.HasPrefix(l, "listbullet"), l == "listparagraph" && cur == StyleNormal:
		return StyleBullet
	case strings.HasPrefix(l, "listnumber"):
		return StyleNumber
	case l == "quote" || l == "intensequote" || l == "blocktext":
		return StyleQuote
	}
	return cur
}

// runProperties reads w:rPr: bold, italic, and formatting revisions.
func (r *reader) runProperties() error {
	for d := 1; d > 0; {
		t, err := r.next()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			d++
			if !isW(t.Name) {
				continue
			}
			on := attrOf(t, "val")
			set := on == "" || on == "1" || on == "true" || on == "on"
			switch t.Name.Local {
			case "b":
				r.bold = set
			case "i":
				r.italic = set
			case "rPrChange":
				r.report.FormatChanges++
				if err := r.skip(); err != nil {
					return err
				}
				d--
			}
		case xml.EndElement:
			d--
		}
	}
	return nil
}
