package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the want.md sections of testdata/*.txtar")

// buildPackage zips the files of a txtar archive (all but want.md and
// error) into a .docx: the test documents are written by hand, as XML, from
// the specification, and kept readable in testdata.
func buildPackage(t testing.TB, a *txtar.Archive) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range a.Files {
		if f.Name == "want.md" || f.Name == "error" || f.Name == "warnings" {
			continue
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(bytes.TrimSpace(f.Data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func section(a *txtar.Archive, name string) (string, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

// TestReadTestdata reads each hand-made document: the CriticMarkup and the
// report must be those in the archive's want.md (rewritten with -update),
// and each refusal must give its error.
func TestReadTestdata(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if len(files) < 8 {
		t.Fatalf("found %d test documents", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, rep, err := Read(buildPackage(t, a))
			if want, ok := section(a, "error"); ok {
				if err == nil || !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), strings.TrimSpace(want)) {
					t.Fatalf("got error %v, want a refusal saying %q", err, strings.TrimSpace(want))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := string(Critic(doc)) + reportText(rep)
			want, _ := section(a, "want.md")
			if *update {
				for i := range a.Files {
					if a.Files[i].Name == "want.md" {
						a.Files[i].Data = []byte(got)
					}
				}
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func reportText(r *Report) string {
	var b strings.Builder
	b.WriteString("-- formatting changes: ")
	b.WriteString(strings.Repeat("x", r.FormatChanges))
	b.WriteString("\n")
	for _, w := range r.Warnings {
		b.WriteString("-- warning: " + w + "\n")
	}
	return b.String()
}

// TestReadOwnWriting reads back what Write writes: the same paragraphs,
// runs, revisions and comments.
func TestReadOwnWriting(t *testing.T) {
	want := sampleDocument()
	got, rep, err := Read(writeSample(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) > 0 || rep.FormatChanges > 0 {
		t.Errorf("reading redline's own document gave a report: %+v", rep)
	}
	if len(got.Paragraphs) != len(want.Paragraphs) {
		t.Fatalf("%d paragraphs, want %d", len(got.Paragraphs), len(want.Paragraphs))
	}
	for i, p := range want.Paragraphs {
		g := got.Paragraphs[i]
		if g.Style != p.Style || g.Mark != p.Mark {
			t.Errorf("paragraph %d: style %q mark %+v, want %q %+v", i, g.Style, g.Mark, p.Style, p.Mark)
		}
		var gt, wt strings.Builder
		for _, r := range g.Runs {
			gt.WriteString(runKey(r))
		}
		for _, r := range p.Runs {
			r.Text = strings.ReplaceAll(r.Text, "\x01", "\uFFFD")
			wt.WriteString(runKey(r))
		}
		if gt.String() != wt.String() {
			t.Errorf("paragraph %d:\n got %s\nwant %s", i, gt.String(), wt.String())
		}
	}
	if len(got.Comments) != 2 || got.Comments[1].Parent != 0 || got.Comments[0].Text != "more precise" || got.Comments[0].Author != "CDP" {
		t.Errorf("comments: %+v", got.Comments)
	}
}

func runKey(r Run) string {
	var b strings.Builder
	b.WriteString("[" + r.Text)
	if r.Bold {
		b.WriteString("|b")
	}
	if r.Italic {
		b.WriteString("|i")
	}
	if r.Rev.Kind != Plain {
		b.WriteString("|" + r.Rev.Kind.String() + "|" + r.Rev.Author + "|" + r.Rev.Date + "|" + r.Rev.Move)
	}
	if r.CommentStart > 0 || r.CommentEnd > 0 {
		b.WriteString("|comment " + string(rune('0'+r.CommentStart)) + string(rune('0'+r.CommentEnd)))
	}
	return b.String() + "]"
}

func TestReadLimits(t *testing.T) {
	data := writeSample(t)
	for _, tc := range []struct {
		name string
		lim  Limits
		want string
	}{
		{"entries", Limits{Entries: 3, Part: 1 << 20, Total: 1 << 20}, "more than the 3 allowed"},
		{"part", Limits{Entries: 100, Part: 200, Total: 1 << 20}, "expands to more than 200 bytes"},
		{"total", Limits{Entries: 100, Part: 1 << 20, Total: 2000}, "expands to more than"},
	} {
		_, _, err := ReadLimits(data, tc.lim)
		if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want a refusal saying %q", tc.name, err, tc.want)
		}
	}
}

// TestReadZipBomb refuses a part that expands far beyond its size on disk
// while claiming (in the zip headers) to be small.
func TestReadZipBomb(t *testing.T) {
	a := txtar.Parse([]byte("-- [Content_Types].xml --\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"" + typeMain + "\"/></Types>\n" +
		"-- _rels/.rels --\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r\" Type=\"" + relOffice + "\" Target=\"word/document.xml\"/></Relationships>\n"))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range a.Files {
		w, _ := zw.Create(f.Name)
		w.Write(f.Data)
	}
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, UncompressedSize64: 100})
	zeros := make([]byte, 1<<20)
	for range 80 {
		w.Write(zeros)
	}
	zw.Close()
	if buf.Len() > 200<<10 {
		t.Fatalf("the bomb is %d bytes", buf.Len())
	}
	_, _, err := Read(buf.Bytes())
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "zip bomb") {
		t.Errorf("a zip bomb: %v", err)
	}
}

func TestReadNotZip(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("%PDF-1.4"), []byte("PK\x03\x04garbage")} {
		if _, _, err := Read(data); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "not a Word document") {
			t.Errorf("%q: %v", data, err)
		}
	}
}

func TestReadDeepNesting(t *testing.T) {
	a, _ := txtar.ParseFile(filepath.Join("testdata", "moves.txtar"))
	for i := range a.Files {
		if a.Files[i].Name == "word/document.xml" {
			deep := strings.Repeat("<w:sdt><w:sdtContent>", 300) + strings.Repeat("</w:sdtContent></w:sdt>", 300)
			a.Files[i].Data = bytes.Replace(a.Files[i].Data, []byte("<w:body>"), []byte("<w:body>"+deep), 1)
		}
	}
	_, _, err := Read(buildPackage(t, a))
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "nested more than") {
		t.Errorf("deep nesting: %v", err)
	}
}

// FuzzRead feeds the reader mutated packages: it returns a document or an
// error, never panics, and what it reads always prints.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(buildPackage(f, a))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if d, _, err := Read(data); err == nil {
			Critic(d)
		}
	})
}

// FuzzReadDocument feeds the reader mutated main parts and comments inside
// a valid package, where the zip layer would otherwise stop most
// mutations.
func FuzzReadDocument(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		doc, _ := section(a, "word/document.xml")
		comments, _ := section(a, "word/comments.xml")
		f.Add([]byte(doc), []byte(comments))
	}
	base, err := txtar.ParseFile(filepath.Join("testdata", "comments.txtar"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, document, comments []byte) {
		data := storedPackage(t, base, map[string][]byte{"word/document.xml": document, "word/comments.xml": comments})
		if d, _, err := Read(data); err == nil {
			Critic(d)
		}
	})
}

// storedPackage zips an archive's files without compression, with some
// parts replaced.
func storedPackage(t *testing.T, a *txtar.Archive, parts map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range a.Files {
		if f.Name == "want.md" || f.Name == "error" {
			continue
		}
		data := f.Data
		if p, ok := parts[f.Name]; ok {
			data = p
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
