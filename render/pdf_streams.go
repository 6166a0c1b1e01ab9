package render

import (
	"bytes"
	"compress/zlib"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// Page streams. fpdf compresses each page's content with a new zlib
// writer, and a writer is about 800 KB of tables that are allocated,
// cleared and dropped for every page: on a thousand-page redline that was
// most of the PDF's allocation and a quarter of its time. So redline has
// fpdf write the pages uncompressed and compresses them here, after the
// fact, with one writer per core reused from page to page, the pages
// shared among the cores. The level is fpdf's own (best speed), so the
// bytes are the ones fpdf would have written.

// compressWithFpdf has fpdf compress the pages itself, as it did before
// this file existed; tests set it to check that the bytes are the same.
var compressWithFpdf = false

// pdfObject is one object of a document fpdf wrote: its number and where
// its text lies.
type pdfObject struct {
	num        int
	start, end int
}

// compressPageStreams returns doc, a PDF that fpdf wrote without
// compression, with the content stream of every page compressed. A
// document laid out otherwise than fpdf lays it out is returned as it
// is, with false: it is still a valid PDF, only a larger one.
func compressPageStreams(doc []byte) ([]byte, bool) {
	objs, xref, trailer, ok := pdfObjects(doc)
	if !ok {
		return doc, false
	}
	contents := pageContents(doc, objs)
	type job struct {
		obj  int    // index into objs
		data []byte // the stream
		end  int    // where the object's stream and endobj end
	}
	var jobs []job
	for k, o := range objs {
		if contents[o.num] {
			if data, end, ok := plainStream(doc[o.start:o.end], o.num); ok {
				jobs = append(jobs, job{k, data, o.start + end})
			}
		}
	}
	packed := make([][]byte, len(jobs))
	workers := min(runtime.GOMAXPROCS(0), len(jobs), 4)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // the level is valid
			for j := w; j < len(jobs); j += workers {
				// Room for the page at once: text compresses to well
				// under half.
				buf := bytes.NewBuffer(make([]byte, 0, len(jobs[j].data)/2+64))
				zw.Reset(buf)
				zw.Write(jobs[j].data) // a bytes.Buffer does not fail
				zw.Close()
				packed[j] = buf.Bytes()
			}
		}()
	}
	wg.Wait()
	replaced := make([]packedStream, len(objs)) // by index into objs; no data: kept as it is
	for j, jb := range jobs {
		replaced[jb.obj] = packedStream{packed[j], jb.end}
	}
	return assemblePDF(doc, objs, replaced, xref, trailer), true
}

// packedStream is an object's compressed stream and where its old text
// (the uncompressed stream and endobj) ends in the document.
type packedStream struct {
	data []byte
	end  int
}

// assemblePDF writes doc again with the objects that replaced holds data
// for (by their index in objs) given their compressed streams, and a cross-reference table that says where every
// object now starts.
func assemblePDF(doc []byte, objs []pdfObject, replaced []packedStream, xref, trailer int) []byte {
	out := make([]byte, 0, len(doc))
	out = append(out, doc[:objs[0].start]...)
	offsets := make([]int, len(objs)+1)
	for k, o := range objs {
		offsets[o.num] = len(out)
		packed := replaced[k]
		if packed.data == nil {
			out = append(out, doc[o.start:o.end]...)
			continue
		}
		out = strconv.AppendInt(out, int64(o.num), 10)
		out = append(out, " 0 obj\n<</Filter /FlateDecode /Length "...)
		out = strconv.AppendInt(out, int64(len(packed.data)), 10)
		out = append(out, ">>\nstream\n"...)
		out = append(out, packed.data...)
		out = append(out, "\nendstream\nendobj\n"...)
		out = append(out, doc[packed.end:o.end]...)
	}
	at := len(out)
	out = append(out, "xref\n0 "...)
	out = strconv.AppendInt(out, int64(len(objs)+1), 10)
	out = append(out, "\n0000000000 65535 f \n"...)
	for _, off := range offsets[1:] {
		s := strconv.Itoa(off)
		for range 10 - len(s) {
			out = append(out, '0')
		}
		out = append(out, s...)
		out = append(out, " 00000 n \n"...)
	}
	out = append(out, doc[trailer:bytes.LastIndex(doc, []byte("startxref\n"))]...)
	out = append(out, "startxref\n"...)
	out = strconv.AppendInt(out, int64(at), 10)
	return append(out, "\n%%EOF\n"...)
}

// pdfObjects reads the cross-reference table at the end of doc: every
// object, in the order they stand in the file, with where the table and
// the trailer after it begin. It fails unless the objects are numbered
// 1 to n, each starts with its own "n 0 obj" line and they lie one after
// another before the table, as fpdf writes them.
func pdfObjects(doc []byte) (objs []pdfObject, xref, trailer int, ok bool) {
	sx := bytes.LastIndex(doc, []byte("startxref\n"))
	if sx < 0 {
		return nil, 0, 0, false
	}
	rest := doc[sx+len("startxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 || string(rest[nl:]) != "\n%%EOF\n" {
		return nil, 0, 0, false
	}
	xref, err := strconv.Atoi(string(rest[:nl]))
	if err != nil || xref <= 0 || xref >= sx || !bytes.HasPrefix(doc[xref:], []byte("xref\n0 ")) {
		return nil, 0, 0, false
	}
	p := xref + len("xref\n0 ")
	nl = bytes.IndexByte(doc[p:], '\n')
	if nl < 0 {
		return nil, 0, 0, false
	}
	count, err := strconv.Atoi(string(doc[p : p+nl]))
	p += nl + 1
	if err != nil || count < 2 || p+20*count > sx || string(doc[p:p+20]) != "0000000000 65535 f \n" {
		return nil, 0, 0, false
	}
	for num := 1; num < count; num++ {
		e := doc[p+20*num : p+20*num+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off <= 0 || off >= xref {
			return nil, 0, 0, false
		}
		objs = append(objs, pdfObject{num: num, start: off})
	}
	slices.SortFunc(objs, func(a, b pdfObject) int { return a.start - b.start })
	for k := range objs {
		objs[k].end = xref
		if k+1 < len(objs) {
			objs[k].end = objs[k+1].start
		}
		head := strconv.Itoa(objs[k].num) + " 0 obj\n"
		if objs[k].start == objs[k].end || !bytes.HasPrefix(doc[objs[k].start:objs[k].end], []byte(head)) {
			return nil, 0, 0, false
		}
	}
	return objs, xref, p + 20*count, true
}

// pageContents is the set of object numbers that a page names as its
// /Contents. Streams are passed over: a page's text could spell anything.
func pageContents(doc []byte, objs []pdfObject) map[int]bool {
	set := map[int]bool{}
	for _, o := range objs {
		body := doc[o.start:o.end]
		if bytes.Contains(body, []byte("\nstream\n")) || !bytes.Contains(body, []byte("/Type /Page\n")) {
			continue
		}
		i := bytes.Index(body, []byte("/Contents "))
		if i < 0 {
			continue
		}
		ref := body[i+len("/Contents "):]
		j := 0
		for j < len(ref) && '0' <= ref[j] && ref[j] <= '9' {
			j++
		}
		if n, err := strconv.Atoi(string(ref[:j])); err == nil && bytes.HasPrefix(ref[j:], []byte(" 0 R")) {
			set[n] = true
		}
	}
	return set
}

// plainStream returns the data of obj, when it is object num holding an
// uncompressed stream and nothing else ("num 0 obj", a dictionary of only
// a length, the stream, "endobj"), as fpdf writes a page's content, and
// where in obj that ends.
func plainStream(obj []byte, num int) (data []byte, end int, ok bool) {
	head := strconv.Itoa(num) + " 0 obj\n<</Length "
	if !bytes.HasPrefix(obj, []byte(head)) {
		return nil, 0, false
	}
	rest := obj[len(head):]
	j := 0
	for j < len(rest) && '0' <= rest[j] && rest[j] <= '9' {
		j++
	}
	l, err := strconv.Atoi(string(rest[:j]))
	if err != nil || !bytes.HasPrefix(rest[j:], []byte(">>\nstream\n")) {
		return nil, 0, false
	}
	from := len(head) + j + len(">>\nstream\n")
	const tail = "\nendstream\nendobj\n"
	if from+l+len(tail) > len(obj) || string(obj[from+l:from+l+len(tail)]) != tail {
		return nil, 0, false
	}
	return obj[from : from+l], from + l + len(tail), true
}
