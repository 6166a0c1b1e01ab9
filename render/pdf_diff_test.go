package render

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-dev/redline/diff"
)

// handComparison is a small redline of the 1988 draft, made by hand so that
// the PDF view is tested apart from the engine: a replacement, an
// insertion, a deleted sentence, a move, and field changes.
func handComparison() *diff.Comparison {
	return &diff.Comparison{
		Old:    diff.Side{Name: "fco-draft.md", Kind: "markdown", Revision: 1, Label: "fco", Author: "J S Wall", Office: "FCO", Time: "1988-12-21T10:00:00Z", Classification: "SECRET"},
		New:    diff.Side{Name: "telegram.md", Kind: "markdown", Revision: 2, Label: "as-sent", Author: "C D Powell", Office: "No. 10", Time: "1988-12-21T21:30:00Z", Classification: "SECRET"},
		Notes:  []string{"moves shown when at least 8 words moved"},
		Fields: []diff.FieldChange{{Name: "passing", Old: "", New: "FOR GENERAL POWELL FROM CHARLES POWELL, NO. 10 DOWNING STREET"}, {Name: "title", Old: "Draft message", New: "Message as sent"}},
		Stats:  diff.Stats{OldWords: 80, NewWords: 70, DeletedWords: 14, InsertedWords: 7, MovedWords: 10, Changes: 5, Similarity: 0.8},
		Segments: []diff.Segment{
			{Op: diff.OpEqual, A: "If the present Vienna CSCE meeting is to be concluded during your Administration, as I believe is your hope, we ", B: "If the present Vienna CSCE meeting is to be concluded during your Administration, as I believe is your hope, we "},
			{Op: diff.OpDelete, A: "can no longer delay", Change: 1},
			{Op: diff.OpInsert, B: "shall have to reach", Change: 1},
			{Op: diff.OpEqual, A: " a decision ", B: " a decision "},
			{Op: diff.OpInsert, B: "very soon ", Change: 2},
			{Op: diff.OpEqual, A: "on whether to agree to a Human Dimension Conference in Moscow.\n\n", B: "on whether to agree to a Human Dimension Conference in Moscow.\n\n"},
			{Op: diff.OpMoveFrom, A: "We must therefore find a way of keeping the Soviet Union up to the mark. ", Change: 3, Move: 1},
			{Op: diff.OpEqual, A: "Since my message of 20 October our ", B: "Since my message of 20 October our "},
			{Op: diff.OpDelete, A: "people", Change: 4},
			{Op: diff.OpInsert, B: "experts", Change: 4},
			{Op: diff.OpEqual, A: " have kept in close touch on the prior conditions.\n\n", B: " have kept in close touch on the prior conditions.\n\n"},
			{Op: diff.OpDelete, A: "We have both welcomed President Gorbachev's programme of reform and must hope that it continues.\n\n", Change: 5},
			{Op: diff.OpMoveTo, B: "We must therefore find a way of keeping the Soviet Union up to the mark. ", Change: 3, Move: 1},
			{Op: diff.OpEqual, A: "Yours ever", B: "Yours ever"},
		},
	}
}

func renderDiffPDF(t *testing.T, c *diff.Comparison, opts DiffOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Diff(&buf, c, "pdf", opts); err != nil {
		t.Fatalf("Diff pdf: %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("output is not a PDF")
	}
	keepPDF(t, buf.Bytes())
	return buf.Bytes()
}

// inOrder reports the first of words that does not follow the one before
// it in text.
func inOrder(text string, words []string) (missing string, ok bool) {
	at := 0
	for _, w := range words {
		i := strings.Index(text[at:], w)
		if i < 0 {
			return w, false
		}
		at += i + len(w)
	}
	return "", true
}

func TestDiffPDFText(t *testing.T) {
	needPDFTools(t)
	c := handComparison()
	pages := pdfPages(t, renderDiffPDF(t, c, DiffOptions{}))
	all := squash(strings.Join(pages, " "))
	// Header, fields, the text with its deletions and insertions in order,
	// the summary.
	want := []string{
		"fco-draft.md", "revision 1", "J S Wall", "FCO", "1988-12-21T10:00:00Z",
		"telegram.md", "revision 2", "C D Powell", "No. 10", "1988-12-21T21:30:00Z",
		"Field changes", "passing", "FOR GENERAL POWELL", "title", "Draft message", "Message as sent",
		"we can no longer delay shall have to reach a decision very soon on whether",
		"We must therefore find a way", "our people experts have kept",
		"We have both welcomed", "We must therefore find a way", "Yours ever",
		"Summary", "Insertions", "Deletions", "Moves", "Total changes",
	}
	if w, ok := inOrder(all, want); !ok {
		t.Fatalf("%q missing or out of order in the extracted text:\n%s", w, all)
	}
	for _, p := range pages {
		lines := nonBlankLines(p)
		if len(lines) < 2 || squash(lines[0]) != "SECRET" || squash(lines[len(lines)-1]) != "SECRET" {
			t.Errorf("page lacks the SECRET banner at top and bottom:\n%s", p)
		}
	}
	// The summary counts: 3 insertions (changes 1, 2, 4), 3 deletions
	// (1, 4, 5), 1 move, 5 changes.
	sum := all[strings.LastIndex(all, "Summary"):]
	for _, row := range []string{"Insertions 3 7", "Deletions 3 14", "Moves 1 10", "Total changes 5"} {
		if !strings.Contains(sum, row) {
			t.Errorf("summary lacks %q:\n%s", row, sum)
		}
	}
}

// TestDiffPDFManyPages: a long comparison runs over several pages, each with
// the banner and its page number, and keeps every word.
func TestDiffPDFManyPages(t *testing.T) {
	needPDFTools(t)
	c := &diff.Comparison{Old: diff.Side{Name: "a.md", Classification: "CONFIDENTIAL"}, New: diff.Side{Name: "b.md", Classification: "SECRET UK EYES ONLY"}}
	for i := 1; i <= 120; i++ {
		para := fmt.Sprintf("Paragraph %d says something about the conference in Moscow and the Vienna meeting. ", i)
		c.Segments = append(c.Segments, diff.Segment{Op: diff.OpEqual, A: para, B: para})
		if i%10 == 0 {
			c.Segments = append(c.Segments, diff.Segment{Op: diff.OpInsert, B: fmt.Sprintf("inserted%d ", i), Change: i / 10})
		}
		c.Segments = append(c.Segments, diff.Segment{Op: diff.OpEqual, A: "\n\n", B: "\n\n"})
	}
	pages := pdfPages(t, renderDiffPDF(t, c, DiffOptions{Paper: "letter"}))
	if len(pages) < 3 {
		t.Fatalf("%d pages, want a long document", len(pages))
	}
	var words []string
	for i := 1; i <= 120; i++ {
		words = append(words, fmt.Sprintf("Paragraph %d says", i))
		if i%10 == 0 {
			words = append(words, fmt.Sprintf("inserted%d", i))
		}
	}
	if w, ok := inOrder(squash(strings.Join(pages, " ")), words); !ok {
		t.Errorf("%q missing or out of order", w)
	}
	for i, p := range pages {
		// The higher classification of the two sides, with its caveat.
		lines := nonBlankLines(p)
		if len(lines) < 2 || squash(lines[0]) != "SECRET UK EYES ONLY" || squash(lines[len(lines)-1]) != "SECRET UK EYES ONLY" {
			t.Errorf("page %d: want the banner SECRET UK EYES ONLY first and last:\n%s", i+1, p)
		}
		if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(p, want) {
			t.Errorf("page %d: no %q", i+1, want)
		}
	}
}

// TestDiffPDFRedPixels renders page 1 and checks that the first deletion is
// red on the page and the first insertion blue, where the layout put them,
// and that unchanged text is not coloured.
func TestDiffPDFRedPixels(t *testing.T) {
	needPDFTools(t)
	const dpi = 50
	c := handComparison()
	data := renderDiffPDF(t, c, DiffOptions{})
	img := pdfPagePNG(t, data, 1, dpi, "blackline-page1.png")

	_, doc, err := layoutBlackline(c, DiffOptions{})
	if err != nil {
		t.Fatal(err)
	}
	box := func(match func(blItem) bool) image.Rectangle {
		y := blMarginTop
		for _, l := range doc.pages[0] {
			y += l.h
			for _, it := range l.items {
				if match(it) {
					base := y - l.h*0.25
					s := float64(dpi) / 72
					return image.Rect(int(it.x*s), int((base-it.size)*s), int((it.x+it.w)*s)+1, int((base+0.4*it.size)*s)+1)
				}
			}
		}
		t.Fatal("item not found in the layout")
		return image.Rectangle{}
	}
	count := func(r image.Rectangle, want func(r, g, b uint32) bool) int {
		n := 0
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				cr, cg, cb, _ := img.At(x, y).RGBA()
				if want(cr>>8, cg>>8, cb>>8) {
					n++
				}
			}
		}
		return n
	}
	red := func(r, g, b uint32) bool { return r > 150 && g < 110 && b < 110 }
	blue := func(r, g, b uint32) bool { return b > 150 && r < 110 && g < 110 }
	del := box(func(it blItem) bool { return it.text == "can no longer delay" })
	if n := count(del, red); n < 5 {
		t.Errorf("deletion at %v: %d red pixels, want the struck words red", del, n)
	}
	ins := box(func(it blItem) bool { return it.text == "shall have to reach" })
	if n := count(ins, blue); n < 5 {
		t.Errorf("insertion at %v: %d blue pixels, want the words blue", ins, n)
	}
	eq := box(func(it blItem) bool { return strings.HasPrefix(it.text, "If the present") })
	if n := count(eq, red) + count(eq, blue); n != 0 {
		t.Errorf("unchanged text at %v: %d coloured pixels, want none", eq, n)
	}
}

func TestDiffPDFTitle(t *testing.T) {
	needPDFTools(t)
	pages := pdfPages(t, renderDiffPDF(t, handComparison(), DiffOptions{Title: "Moscow conference: FCO draft against telegram"}))
	lines := nonBlankLines(pages[0])
	if len(lines) < 2 || squash(lines[1]) != "Moscow conference: FCO draft against telegram" {
		t.Errorf("title not printed under the banner:\n%s", pages[0])
	}
}

func TestDiffPDFReproducible(t *testing.T) {
	a := renderDiffPDF(t, handComparison(), DiffOptions{})
	b := renderDiffPDF(t, handComparison(), DiffOptions{})
	if !bytes.Equal(a, b) {
		t.Fatalf("two renders differ (%d and %d bytes)", len(a), len(b))
	}
}

func TestDiffPDFErrors(t *testing.T) {
	var buf bytes.Buffer
	err := Diff(&buf, handComparison(), "pdf", DiffOptions{Paper: "quarto"})
	if err == nil || !strings.Contains(err.Error(), "unknown paper") {
		t.Errorf("unknown paper: err = %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a failed render wrote %d bytes", buf.Len())
	}
}

func TestBannerOf(t *testing.T) {
	for _, tc := range []struct{ old, new, want string }{
		{"", "", ""},
		{"SECRET", "", "SECRET"},
		{"", "CONFIDENTIAL", "CONFIDENTIAL"},
		{"TOP SECRET", "SECRET", "TOP SECRET"},
		{"RESTRICTED", "SECRET UK EYES ONLY", "SECRET UK EYES ONLY"},
		{"UNCLASSIFIED", "CONFIDENTIAL", "CONFIDENTIAL"},
	} {
		if got := bannerOf(tc.old, tc.new); got != tc.want {
			t.Errorf("bannerOf(%q, %q) = %q, want %q", tc.old, tc.new, got, tc.want)
		}
	}
}

// TestAppendPieces: text is cut into words, spaces and line breaks, tabs
// widened, CRLF read as LF; what the list already held is kept as it was.
func TestAppendPieces(t *testing.T) {
	got := appendPieces(nil, "a  bc\r\n\nd\te")
	want := []string{"a", "  ", "bc", "\n", "\n", "d", "    ", "e"}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("appendPieces = %q, want %q", got, want)
	}
	got = appendPieces([]string{"kept\tas it was"}, "x\ty")
	want = []string{"kept\tas it was", "x", "    ", "y"}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("appendPieces after a piece = %q, want %q", got, want)
	}
}

func TestSoftBreaks(t *testing.T) {
	runs := []blRun{
		{text: "IF THE PRESENT VIENNA\nCSCE MEETING "},
		{text: "IS\nTO BE", deco: decoStrike},
		{text: " CONCLUDED.\n\nSINCE MY MESSAGE:\n- A NUMBER\nOF CASES.\n- THE JAMMING\n1. FIRST\nA. SUB\nAND ALSO\n  INDENTED\n"},
	}
	got := softBreaks(runs)
	want := []string{
		"IF THE PRESENT VIENNA CSCE MEETING ",
		"IS TO BE",
		" CONCLUDED.\n\nSINCE MY MESSAGE:\n- A NUMBER OF CASES.\n- THE JAMMING\n1. FIRST\nA. SUB AND ALSO\n  INDENTED\n",
	}
	for i := range want {
		if got[i].text != want[i] {
			t.Errorf("run %d = %q, want %q", i, got[i].text, want[i])
		}
		if got[i].deco != runs[i].deco {
			t.Errorf("run %d lost its mark", i)
		}
	}
}

// moscowComparison compares the 1988 FCO draft with the telegram as sent,
// with the engine, as `redline diff` does.
func moscowComparison(t testing.TB) *diff.Comparison {
	t.Helper()
	read := func(name string) diff.Input {
		data, err := os.ReadFile(filepath.Join("..", "examples", "moscow-1988", name))
		if err != nil {
			t.Fatal(err)
		}
		return diff.Input{Name: name, Data: data}
	}
	c, err := diff.Compare(read("fco-draft.md"), read("as-sent.txt"), diff.Options{Moves: true})
	if err != nil {
		t.Fatalf("Compare: %v", err)
	}
	return c
}

// TestDiffPDFMoscow prints the 1988 blackline: every word of every segment
// is in the text layer in order, the pages are those of the layout, the
// first deletion is red on page 1, and the summary counts what the
// comparison counts. With -update, page 1 is kept as a PNG under
// testdata/pdf/ for a reviewer to look at.
func TestDiffPDFMoscow(t *testing.T) {
	needPDFTools(t)
	c := moscowComparison(t)
	if !c.HasChanges() {
		t.Fatal("the 1988 draft and telegram compare equal")
	}
	data := renderDiffPDF(t, c, DiffOptions{})
	pages := pdfPages(t, data)
	_, doc, err := layoutBlackline(c, DiffOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != len(doc.pages) {
		t.Errorf("PDF has %d pages, layout %d", len(pages), len(doc.pages))
	}

	// Every word, deleted, inserted or kept, in document order; a
	// deletion and an insertion that touch are printed a space apart.
	var all strings.Builder
	prev := diff.OpEqual
	for _, s := range c.Segments {
		text := s.B
		if s.Op == diff.OpDelete || s.Op == diff.OpMoveFrom {
			text = s.A
		}
		if prev != diff.OpEqual && s.Op != diff.OpEqual && s.Op != prev && text != "" {
			all.WriteByte(' ')
		}
		all.WriteString(text)
		if text != "" {
			prev = s.Op
		}
	}
	want := strings.Fields(all.String())
	got := strings.Fields(strings.Join(pages, " "))
	i := 0
	for _, w := range got {
		if i < len(want) && w == want[i] {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("word %d %q of the redline missing or out of order (context %q)", i, want[i], want[max(0, i-5):i])
	}

	ins, del, moves, changes := countChanges(c.Segments)
	if c.Stats.Changes > 0 {
		changes = c.Stats.Changes
	}
	last := squash(pages[len(pages)-1])
	for _, row := range []string{
		fmt.Sprintf("Insertions %d %d", ins, c.Stats.InsertedWords),
		fmt.Sprintf("Deletions %d %d", del, c.Stats.DeletedWords),
		fmt.Sprintf("Moves %d %d", moves, c.Stats.MovedWords),
		fmt.Sprintf("Total changes %d", changes),
	} {
		if !strings.Contains(last, row) {
			t.Errorf("summary lacks %q", row)
		}
	}

	img := pdfPagePNG(t, data, 1, 50, "moscow-blackline-page1.png")
	found := false
	y := blMarginTop
	for _, l := range doc.pages[0] {
		y += l.h
		for _, it := range l.items {
			if it.color != blColorDel || strings.TrimSpace(it.text) == "" {
				continue
			}
			found = true
			base, s := y-l.h*0.25, 50.0/72
			r := image.Rect(int(it.x*s), int((base-it.size)*s), int((it.x+it.w)*s)+1, int((base+0.4*it.size)*s)+1)
			n := 0
			for py := r.Min.Y; py < r.Max.Y; py++ {
				for px := r.Min.X; px < r.Max.X; px++ {
					cr, cg, cb, _ := img.At(px, py).RGBA()
					if cr>>8 > 150 && cg>>8 < 110 && cb>>8 < 110 {
						n++
					}
				}
			}
			if n < 3 {
				t.Errorf("deletion %q at %v: %d red pixels", it.text, r, n)
			}
		}
	}
	if !found {
		t.Error("page 1 of the 1988 blackline shows no deletion")
	}
	if *update {
		page := pdfPagePNG(t, data, 1, 60, "")
		var buf bytes.Buffer
		if err := png.Encode(&buf, page); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata", "pdf", "moscow-blackline-page1.png"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDiffPDFMoveColours checks that a move is drawn green at both ends,
// where the layout put it, and numbered at both ends.
func TestDiffPDFMoveColours(t *testing.T) {
	needPDFTools(t)
	c := handComparison()
	data := renderDiffPDF(t, c, DiffOptions{})
	img := pdfPagePNG(t, data, 1, 72, "")
	_, doc, err := layoutBlackline(c, DiffOptions{})
	if err != nil {
		t.Fatal(err)
	}
	green := func(r, g, b uint32) bool { return g > 90 && r < 80 && b < 80 }
	ends := 0
	y := blMarginTop
	for _, l := range doc.pages[0] {
		y += l.h
		for _, it := range l.items {
			if it.color != blColorMove || !strings.HasPrefix(it.text, "We must therefore") {
				continue
			}
			ends++
			if len(l.numbers) == 0 || l.numbers[0] != 3 {
				t.Errorf("move end %d: margin numbers %v, want 3", ends, l.numbers)
			}
			base := y - l.h*0.25
			n := 0
			for py := int(base - it.size); py <= int(base+0.4*it.size); py++ {
				for px := int(it.x); px <= int(it.x+it.w); px++ {
					cr, cg, cb, _ := img.At(px, py).RGBA()
					if green(cr>>8, cg>>8, cb>>8) {
						n++
					}
				}
			}
			if n < 20 {
				t.Errorf("move end %d: %d green pixels", ends, n)
			}
		}
	}
	if ends != 2 {
		t.Errorf("found %d ends of the move, want source and destination", ends)
	}
}

// TestDiffPDFUnicode: text outside Latin-1 prints and extracts.
func TestDiffPDFUnicode(t *testing.T) {
	needPDFTools(t)
	c := &diff.Comparison{
		Old: diff.Side{Name: "ru.md"}, New: diff.Side{Name: "ru2.md"},
		Segments: []diff.Segment{
			{Op: diff.OpEqual, A: "“Гласность” — ", B: "“Гласность” — "},
			{Op: diff.OpDelete, A: "перестройка", Change: 1},
			{Op: diff.OpInsert, B: "Ελλάδα café", Change: 1},
		},
	}
	got := squash(strings.Join(pdfPages(t, renderDiffPDF(t, c, DiffOptions{})), " "))
	if !strings.Contains(got, "“Гласность” — перестройка Ελλάδα café") {
		t.Errorf("Unicode text lost:\n%s", got)
	}
}

// FuzzBlacklineLayout: whatever the segments hold, the layout never draws
// text outside the column or below the page, and keeps every word.
func FuzzBlacklineLayout(f *testing.F) {
	f.Add("If the present Vienna CSCE meeting", "can no longer delay", "shall have to reach", "\n\n- item\n1. one")
	f.Add("", "\n\n\n", "x", "")
	f.Add(strings.Repeat("W", 300), "a\tb\r\nc", "ГОРБАЧЕВ", "  indented\nline")
	f.Add("Party 🎉 time 𠀋", "👨\u200d👩\u200d👧", strings.Repeat("中华人民共和国", 30), "e\u0301 \uFFFD")
	f.Fuzz(func(t *testing.T, eq, del, ins, tail string) {
		for _, s := range []string{eq, del, ins, tail} {
			if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
				t.Skip()
			}
		}
		c := &diff.Comparison{Segments: []diff.Segment{
			{Op: diff.OpEqual, A: eq, B: eq},
			{Op: diff.OpDelete, A: del, Change: 1},
			{Op: diff.OpInsert, B: ins, Change: 1},
			{Op: diff.OpMoveTo, B: tail, Change: 2, Move: 1},
			{Op: diff.OpEqual, A: eq, B: eq},
		}}
		_, doc, err := layoutBlackline(c, DiffOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var words []string
		for _, page := range doc.pages {
			used := 0.0
			for _, l := range page {
				used += l.h
				for _, it := range l.items {
					if it.x < blMarginLeft-0.01 || it.x+it.w > doc.paper.w-blMarginRight+0.01 {
						t.Fatalf("item %q at %.1f..%.1f outside the column", it.text, it.x, it.x+it.w)
					}
					words = append(words, strings.Fields(it.text)...)
				}
			}
			if used > doc.paper.h-blMarginTop-blMarginBottom+0.01 {
				t.Fatalf("page holds %.1fpt of lines, more than fits", used)
			}
		}
		joined := strings.Join(words, "")
		for _, s := range []string{eq, del, ins, tail} {
			if w := strings.Join(strings.Fields(s), ""); !strings.Contains(joined, w) {
				t.Fatalf("text %q missing from the layout", s)
			}
		}
	})
}

func BenchmarkDiffPDFMoscow(b *testing.B) {
	c := moscowComparison(b)
	for b.Loop() {
		if err := Diff(io.Discard, c, "pdf", DiffOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCablePDF(b *testing.B) {
	l := sentCableLayout(b, 20)
	for b.Loop() {
		if err := CablePDF(io.Discard, l, PDFOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
