package render

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/redline-dev/redline/diff"
)

// pdfQuotingComparison is a comparison of many pages whose text spells the
// words a PDF's own structure is made of, as a page's text may.
func pdfQuotingComparison(paragraphs int) *diff.Comparison {
	c := handComparison()
	var segs []diff.Segment
	for k := range paragraphs {
		text := fmt.Sprintf("Paragraph %d quotes a PDF: endstream\nendobj\n%d 0 obj\n<</Length 12>>\nstream\n/Contents %d 0 R xref trailer startxref %%%%EOF.\n\n", k, k+1, k+2)
		segs = append(segs, diff.Segment{Op: diff.OpEqual, A: text, B: text})
		if k%3 == 0 {
			segs = append(segs, diff.Segment{Op: diff.OpDelete, A: "no longer ", Change: k + 1},
				diff.Segment{Op: diff.OpInsert, B: "not yet ", Change: k + 1})
		}
	}
	c.Segments = append(segs, c.Segments...)
	return c
}

// bothWays renders with fpdf compressing the pages and with redline
// compressing them after the fact.
func bothWays(t *testing.T, render func() []byte) (fpdfs, ours []byte) {
	t.Helper()
	defer func() { compressWithFpdf = false }()
	compressWithFpdf = true
	fpdfs = render()
	compressWithFpdf = false
	return fpdfs, render()
}

// TestPageStreamsAsFpdf: the pages compressed after the fact are the bytes
// fpdf writes when it compresses them itself, for every kind of PDF
// redline prints, from one page to hundreds.
func TestPageStreamsAsFpdf(t *testing.T) {
	cases := map[string]func() []byte{
		"diff, one page":   func() []byte { return renderDiffPDF(t, handComparison(), DiffOptions{}) },
		"diff, many pages": func() []byte { return renderDiffPDF(t, pdfQuotingComparison(900), DiffOptions{Paper: "letter"}) },
		"cable": func() []byte {
			return renderCable(t, sentCableLayout(t, 12), PDFOptions{Title: "endstream"})
		},
		"blame": func() []byte {
			var buf bytes.Buffer
			if _, err := BlamePDFWithWarnings(&buf, smallBlame(t), BlameOptions{}); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		},
	}
	for name, render := range cases {
		fpdfs, ours := bothWays(t, render)
		if !bytes.Equal(fpdfs, ours) {
			t.Errorf("%s: %d bytes after the fact, %d from fpdf; first difference at byte %d", name, len(ours), len(fpdfs), firstDifference(fpdfs, ours))
		}
		// A compressed page's dictionary reads so (a font's puts its
		// length first), so the pages were compressed, not merely the
		// fonts, which are compressed either way.
		if n := bytes.Count(ours, []byte("<</Filter /FlateDecode /Length ")); n == 0 {
			t.Errorf("%s: no page's content is compressed", name)
		}
	}
}

func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestCompressPageStreamsKeepsText: every compressed page inflates to the
// content fpdf wrote, and objects that are not page contents are kept
// byte for byte.
func TestCompressPageStreamsKeepsText(t *testing.T) {
	plain := uncompressedPDF(t, pdfQuotingComparison(200))
	packed, ok := compressPageStreams(plain)
	if !ok {
		t.Fatal("compressPageStreams refused a document fpdf wrote")
	}
	before, _, _, ok1 := pdfObjects(plain)
	after, _, _, ok2 := pdfObjects(packed)
	if !ok1 || !ok2 || len(before) != len(after) {
		t.Fatalf("objects: %d before (%v), %d after (%v)", len(before), ok1, len(after), ok2)
	}
	contents := pageContents(plain, before)
	if len(contents) < 2 {
		t.Fatalf("found %d page contents, want every page's", len(contents))
	}
	for k := range before {
		o, p := before[k], after[k]
		old, now := plain[o.start:o.end], packed[p.start:p.end]
		if !contents[o.num] {
			if !bytes.Equal(old, now) {
				t.Errorf("object %d changed though it is not a page's content", o.num)
			}
			continue
		}
		data, _, _ := plainStream(old, o.num)
		head := fmt.Sprintf("%d 0 obj\n<</Filter /FlateDecode /Length ", p.num)
		i := bytes.Index(now, []byte(">>\nstream\n"))
		j := bytes.LastIndex(now, []byte("\nendstream\nendobj\n"))
		if !bytes.HasPrefix(now, []byte(head)) || i < 0 || j < i {
			t.Fatalf("object %d: %q", p.num, now[:min(60, len(now))])
		}
		zr, err := zlib.NewReader(bytes.NewReader(now[i+len(">>\nstream\n") : j]))
		if err != nil {
			t.Fatalf("object %d: %v", p.num, err)
		}
		got, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("object %d inflates to %d bytes (%v), want the %d fpdf wrote", p.num, len(got), err, len(data))
		}
	}
}

// TestCompressPageStreamsRefuses: a document not laid out as fpdf lays it
// out is given back as it is.
func TestCompressPageStreamsRefuses(t *testing.T) {
	good := string(uncompressedPDF(t, handComparison()))
	xref := strings.LastIndex(good, "xref\n0 ")
	for name, doc := range map[string]string{
		"empty":             "",
		"not a pdf":         "hello\nstartxref\n5\n%%EOF\n",
		"no end":            strings.TrimSuffix(good, "%%EOF\n"),
		"startxref beyond":  good[:strings.LastIndex(good, "startxref\n")] + "startxref\n99999999\n%%EOF\n",
		"entry moved":       good[:xref+len("xref\n0 ")] + strings.Replace(good[xref+len("xref\n0 "):], " 00000 n \n", " 00001 n \n", 1),
		"object renumbered": strings.Replace(good, "\n3 0 obj\n", "\n7 0 obj\n", 1),
		"truncated table":   good[:xref+40] + good[strings.LastIndex(good, "trailer\n"):],
	} {
		out, ok := compressPageStreams([]byte(doc))
		if ok || string(out) != doc {
			t.Errorf("%s: ok=%v, changed=%v; want the document back as it is", name, ok, string(out) != doc)
		}
	}
}

// FuzzCompressPageStreams: no input makes it panic, and what it accepts
// it gives back as a document it would accept again, with as many
// objects.
func FuzzCompressPageStreams(f *testing.F) {
	f.Add(uncompressedPDF(f, handComparison()))
	f.Add([]byte("%PDF-1.3\n1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<<>>\nstartxref\n60\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		out, ok := compressPageStreams(doc)
		if !ok {
			if !bytes.Equal(out, doc) {
				t.Fatal("a refused document came back changed")
			}
			return
		}
		before, _, _, _ := pdfObjects(doc)
		after, _, _, ok := pdfObjects(out)
		if !ok || len(after) != len(before) {
			t.Fatalf("the result has %d objects (readable %v), the input %d", len(after), ok, len(before))
		}
	})
}

// uncompressedPDF is the blackline of c as fpdf writes it with its page
// compression off.
func uncompressedPDF(tb testing.TB, c *diff.Comparison) []byte {
	tb.Helper()
	pdf, err := diffPDFDocument(c, DiffOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	pdf.SetCompression(false)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// diffPDFDocument lays out and draws c, leaving the document open.
func diffPDFDocument(c *diff.Comparison, opts DiffOptions) (*fpdf.Fpdf, error) {
	pdf, doc, err := layoutBlackline(c, opts)
	if err != nil {
		return nil, err
	}
	drawBlackline(pdf, doc)
	return pdf, pdf.Error()
}

// TestDocCapture: one Write is kept as it is; pieces are joined in order.
func TestDocCapture(t *testing.T) {
	var one docCapture
	whole := []byte("%PDF-1.3\nall of it")
	one.Write(whole)
	if &one.doc[0] != &whole[0] || string(one.doc) != string(whole) {
		t.Errorf("one write: %q, copied %v", one.doc, &one.doc[0] != &whole[0])
	}
	var pieces docCapture
	for _, p := range []string{"%PDF", "-1.3\n", "in ", "pieces"} {
		pieces.Write([]byte(p))
	}
	if string(pieces.doc) != "%PDF-1.3\nin pieces" {
		t.Errorf("pieces: %q", pieces.doc)
	}
}
