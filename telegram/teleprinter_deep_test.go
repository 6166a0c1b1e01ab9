package telegram

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/redline-dev/redline/draft"
)

// Drafts built to be slow (QA F33): deep nesting and long bracketed words
// are refused at once with an error that names the place. These tests check
// the errors; the benchmarks below measure the time.

// deepHead is a state-cable front matter of 9 lines: the body starts on
// line 10.
const deepHead = "---\ntemplate: state-cable\nclassification: CONFIDENTIAL\nprecedence: IMMEDIATE\nfrom: SECSTATE WASHDC\nto: [AMEMBASSY LONDON]\nsubject: Deep\nsignature: Vance\n---\n"

// deepList is a list nested levels deep, each item indented two spaces
// more than the last.
func deepList(levels int) string {
	var b strings.Builder
	for i := 0; i < levels; i++ {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- item\n")
	}
	return b.String()
}

// bracketWord is one word of n characters: n/2 [, an x, n/2 ].
func bracketWord(n int) string {
	return strings.Repeat("[", n/2) + "x" + strings.Repeat("]", n/2)
}

func cableOf(t testing.TB, name, src string) ([]byte, error) {
	t.Helper()
	doc, err := draft.Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return Render(doc, Options{DTG: "010000Z JAN 27", Serial: "STATE 1"})
}

func TestTeleprinterDeepListRefused(t *testing.T) {
	// 2000 levels took over a minute; the 33rd level (line 10+32, its
	// marker at column 65) is where the error is.
	_, err := cableOf(t, "deep.md", deepHead+deepList(2000))
	want := "deep.md:42:65: lists are nested more than 32 levels deep here: a cable cannot lay out so many levels in a line of 69 characters; flatten the list"
	if err == nil || err.Error() != want {
		t.Fatalf("got error %v\nwant %s", err, want)
	}
	// Teleprinter alone says the same, with its own width.
	_, err = Teleprinter([]byte(deepList(2000)), TeleprinterOptions{Name: "d.md", Width: 80})
	if err == nil || !strings.HasPrefix(err.Error(), "d.md:33:65: lists are nested more than 32 levels deep here") || !strings.Contains(err.Error(), "a line of 80 characters") {
		t.Fatalf("got %v", err)
	}
}

func TestTeleprinterNestingBoundary(t *testing.T) {
	// 32 levels fit in 69 columns: the last item is indented 62.
	lines, err := Teleprinter([]byte(deepList(32)), TeleprinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 32 || lines[31].Text != strings.Repeat(" ", 62)+"- ITEM" {
		t.Fatalf("got %d lines, last %q", len(lines), lines[len(lines)-1].Text)
	}
	// 33 do not, and the error is at the 33rd, whatever follows it.
	for _, md := range []string{deepList(33), deepList(33) + "\nMore text.\n", deepList(40)} {
		_, err := Teleprinter([]byte(md), TeleprinterOptions{Name: "d.md"})
		if err == nil || !strings.HasPrefix(err.Error(), "d.md:33:65: lists are nested more than 32") {
			t.Errorf("%d lines: got %v", strings.Count(md, "\n"), err)
		}
	}
	// Items on one line ("- - - x") nest too.
	_, err = Teleprinter([]byte(strings.Repeat("- ", 40)+"x\n"), TeleprinterOptions{Name: "d.md"})
	if err == nil || !strings.HasPrefix(err.Error(), "d.md:1:65: lists are nested more than 32") {
		t.Errorf("one line: got %v", err)
	}
	// Lists in a quote in a list: the lists count, the quote does not.
	inQuote := func(inner int) string {
		var b strings.Builder
		b.WriteString(deepList(20))
		for _, l := range strings.Split(strings.TrimSuffix(deepList(inner), "\n"), "\n") {
			b.WriteString(strings.Repeat("  ", 20) + "> " + l + "\n")
		}
		return b.String()
	}
	text := tpText(t, inQuote(12), TeleprinterOptions{NoHang: true})
	if n := strings.Count(text, "- ITEM"); n != 32 {
		t.Errorf("32 lists around a quote: %d items\n%s", n, text)
	}
	_, err = Teleprinter([]byte(inQuote(13)), TeleprinterOptions{Name: "d.md", NoHang: true})
	if err == nil || !strings.HasPrefix(err.Error(), "d.md:33:") {
		t.Errorf("33 lists around a quote: %v", err)
	}
}

func TestTeleprinterDeepQuote(t *testing.T) {
	// A cable does not show quotation levels: 100 are laid out as text
	// at the margin, 101 are refused.
	lines, err := Teleprinter([]byte(strings.Repeat(">", 100)+" deep\n"), TeleprinterOptions{})
	if err != nil || len(lines) != 1 || lines[0].Text != "DEEP" {
		t.Fatalf("100 levels: %v %v", lines, err)
	}
	_, err = cableOf(t, "q.md", deepHead+"Text.\n\n"+strings.Repeat(">", 5000)+" deep\n")
	want := "q.md:12:101: block quotes are nested more than 100 levels deep here: a cable does not show quotation levels, so write the quote with one > (or none)"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
}

func TestTeleprinterLongWordRefused(t *testing.T) {
	for _, word := range []string{bracketWord(100000), strings.Repeat("A", 100000)} {
		_, err := cableOf(t, "w.md", deepHead+"First paragraph.\n\n"+word+"\n\nLast.\n")
		if err == nil {
			t.Fatal("a word of 100,000 characters was laid out")
		}
		// the brackets are no link: they stay in the word
		msg := err.Error()
		if !strings.HasPrefix(msg, "w.md:12:1: the word ") || !strings.Contains(msg, "... is "+strconv.Itoa(len(word))+" characters, longer than a line of 69") {
			t.Errorf("got %v", err)
		}
	}
}

// TestTeleprinterFirstError: the walk stops at the block of the first word
// longer than a line, so what comes after it is not reported instead.
func TestTeleprinterFirstError(t *testing.T) {
	long := strings.Repeat("A", 80)
	_, err := Teleprinter([]byte("One.\n\n"+long+"\n\n<div>x</div>\n"), TeleprinterOptions{Name: "f.md"})
	if err == nil || !strings.HasPrefix(err.Error(), "f.md:3:1: the word AAAA") {
		t.Errorf("long word then HTML: %v", err)
	}
	_, err = Teleprinter([]byte("One.\n\n<div>x</div>\n\n"+long+"\n"), TeleprinterOptions{Name: "f.md"})
	if err == nil || !strings.HasPrefix(err.Error(), "f.md:3:1: raw HTML") {
		t.Errorf("HTML then long word: %v", err)
	}
	// In a list, the word is reported with the indent it has.
	_, err = Teleprinter([]byte("- a\n  - "+strings.Repeat("B", 68)+"\n- c <div>\n"), TeleprinterOptions{Name: "f.md"})
	if err == nil || !strings.Contains(err.Error(), "f.md:2:5: the word BBBB") || !strings.Contains(err.Error(), "(less 4 for the indent)") {
		t.Errorf("in a list: %v", err)
	}
	// A code block's long line too.
	_, err = Teleprinter([]byte("    "+long+"\n\n<div>x</div>\n"), TeleprinterOptions{Name: "f.md"})
	if err == nil || !strings.HasPrefix(err.Error(), "f.md:1:5: the word") {
		t.Errorf("code block: %v", err)
	}
}

// TestTeleprinterGuardsKeepMarkdown: the guarded parser reads what real
// drafts hold exactly as goldmark's default parser does.
func TestTeleprinterGuardsKeepMarkdown(t *testing.T) {
	var docs []string
	r := rand.New(rand.NewPCG(33, 1988))
	for i := 0; i < 200; i++ {
		md, _ := genMarkdown(r)
		docs = append(docs, md)
	}
	files, _ := filepath.Glob("../examples/*/*.md")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(b))
	}
	docs = append(docs,
		"See [the text](http://example.com/a) and ![a map](m.png) and [ref].\n\n[ref]: http://x\n",
		"[a [b] c](u) [[x]] [y](z \"t\") "+strings.Repeat("[", 31)+"[link](u)"+strings.Repeat("]", 31)+"\n",
		"> quote\n> > deeper\n>\n> - item\n>   1. one\n>   2. two\n\nlazy\n> para\ncontinued\n",
		deepList(32)+"\n"+strings.Repeat(">", 100)+" q\n",
	)
	for i, md := range docs {
		src := []byte(md)
		want := goldmark.DefaultParser().Parse(text.NewReader(src))
		got, too := parseTeleprinter(src)
		if too != nil {
			t.Fatalf("doc %d refused at %d:\n%s", i, too.offset, md)
		}
		var wb, gb strings.Builder
		dumpTree(&wb, want, src)
		dumpTree(&gb, got, src)
		if wb.String() != gb.String() {
			t.Errorf("doc %d parsed differently:\n%s\ngot\n%s\nwant\n%s", i, md, gb.String(), wb.String())
		}
	}
}

func BenchmarkTeleprinterDeepList(b *testing.B) {
	for _, n := range []int{200, 400, 800, 2000} {
		src := deepHead + deepList(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cableOf(b, "bench.md", src); err == nil {
					b.Fatal("laid out")
				}
			}
		})
	}
}

func BenchmarkTeleprinterLongWord(b *testing.B) {
	for _, n := range []int{10000, 20000, 40000, 100000} {
		src := deepHead + bracketWord(n) + "\n"
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cableOf(b, "bench.md", src); err == nil {
					b.Fatal("laid out")
				}
			}
		})
	}
}

// dumpTree writes a tree's nodes with what the teleprinter reads of them.
func dumpTree(w *strings.Builder, n ast.Node, src []byte) {
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			w.WriteString(")")
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(w, "\n(%s", n.Kind())
		switch n := n.(type) {
		case *ast.Text:
			fmt.Fprintf(w, " %d-%d %q soft=%v hard=%v", n.Segment.Start, n.Segment.Stop, n.Segment.Value(src), n.SoftLineBreak(), n.HardLineBreak())
		case *ast.List:
			fmt.Fprintf(w, " tight=%v start=%d marker=%c", n.IsTight, n.Start, n.Marker)
		case *ast.Link:
			fmt.Fprintf(w, " %q", n.Destination)
		case *ast.Image:
			fmt.Fprintf(w, " %q", n.Destination)
		}
		if n.Type() == ast.TypeBlock {
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				fmt.Fprintf(w, " [%d-%d]", seg.Start, seg.Stop)
			}
		}
		return ast.WalkContinue, nil
	})
}
