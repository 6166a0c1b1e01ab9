package render

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"

	"github.com/redline-dev/redline/diff"
)

// lineText is what a laid-out line says.
func lineText(l blLine) string {
	var b strings.Builder
	for _, it := range l.items {
		b.WriteString(it.text)
	}
	return b.String()
}

// equalComparison compares a text with itself: every line printed as is.
func equalComparison(text string) *diff.Comparison {
	return &diff.Comparison{
		Old:      diff.Side{Name: "a.md"},
		New:      diff.Side{Name: "b.md"},
		Segments: []diff.Segment{{Op: diff.OpEqual, A: text, B: text}},
	}
}

// TestHeadingsKeptWithWhatFollows lays out random drafts in which Markdown
// headings fall at every height of the page and checks that no page ends
// with a heading (the draft's own, or the blackline's Text and Summary
// with their rules): what follows a heading is on the same page.
func TestHeadingsKeptWithWhatFollows(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 7))
	words := strings.Fields("we must make it clear to moscow publicly and privately that our agreement is conditional on progress")
	atFoot := 0
	for n := 0; n < 40; n++ {
		var b strings.Builder
		for p := 0; p < 30+r.IntN(30); p++ {
			if r.IntN(3) == 0 {
				fmt.Fprintf(&b, "%s Heading %d\n\n", strings.Repeat("#", 1+r.IntN(3)), p)
			}
			ws := make([]string, 3+r.IntN(60))
			for i := range ws {
				ws[i] = words[r.IntN(len(words))]
			}
			b.WriteString(strings.Join(ws, " ") + ".\n\n")
		}
		_, doc, err := layoutBlackline(equalComparison(b.String()), DiffOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for k, page := range doc.pages[:len(doc.pages)-1] {
			last := -1
			for i, l := range page {
				if len(l.items) > 0 || l.rule {
					last = i
				}
			}
			if last >= 0 && page[last].keepNext {
				t.Errorf("draft %d: page %d of %d ends with the heading %q", n, k+1, len(doc.pages), lineText(page[last]))
			}
			// a heading in the last few lines shows the property was tried
			for i := max(0, last-3); i < last; i++ {
				if strings.HasPrefix(lineText(page[i]), "#") {
					atFoot++
				}
			}
		}
	}
	if atFoot < 5 {
		t.Fatalf("only %d headings fell near the foot of a page: the property was hardly tried", atFoot)
	}
}

// TestListItemsHang checks that the wrapped lines of a list item start
// under its first word, not under the mark, for each kind of mark, and
// that a paragraph that is not an item wraps to the margin.
func TestListItemsHang(t *testing.T) {
	long := strings.Repeat("the minister said that we should agree to a conference in moscow ", 4)
	for _, mark := range []string{"-", "--", "*", "•", "1.", "12.", "A.", "(a)", "3)"} {
		_, doc, err := layoutBlackline(equalComparison("Before.\n\n"+mark+" "+long+"\n\nAfter "+long+"\n"), DiffOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var lines []blLine
		for _, p := range doc.pages {
			lines = append(lines, p...)
		}
		at := -1
		for i, l := range lines {
			if strings.HasPrefix(lineText(l), mark+" the minister") {
				at = i
			}
		}
		if at < 0 || at+1 >= len(lines) {
			t.Fatalf("%s: the item was not laid out", mark)
		}
		first, next := lines[at], lines[at+1]
		wordX := first.items[0].x + doc.fonts.Width(first.items[0].family, first.items[0].style, first.items[0].size, mark+" ")
		if len(next.items) == 0 || next.items[0].x < wordX-0.01 || next.items[0].x > wordX+0.01 {
			t.Errorf("%s: the wrapped line starts at x=%.2f, want %.2f under the first word", mark, next.items[0].x, wordX)
		}
		for i, l := range lines {
			if strings.HasPrefix(lineText(l), "After ") && (i+1 >= len(lines) || lines[i+1].items[0].x != blMarginLeft) {
				t.Errorf("%s: a paragraph after the item does not wrap to the margin", mark)
			}
		}
	}
}

// TestPDFHyphenIsAHyphen prints hyphenated words and dashes in a blackline
// and checks with pdftotext that the hyphen reads back as U+002D, the
// character a reader copies and searches for, not a look-alike glyph.
func TestPDFHyphenIsAHyphen(t *testing.T) {
	needPDFTools(t)
	text := "A well-known long-term plan for co-operation - and a dash.\n"
	pdf := renderDiffPDF(t, equalComparison(text), DiffOptions{})
	got := strings.Join(pdfPages(t, pdf), "\n")
	for _, w := range []string{"well-known", "long-term", "co-operation", "plan for co-operation - and"} {
		if !strings.Contains(strings.Join(strings.Fields(got), " "), w) {
			t.Errorf("pdftotext does not read %q back:\n%s", w, got)
		}
	}
	for _, r := range []rune{'\u2010', '\u2011', '\u00ad', '\u2212'} {
		if strings.ContainsRune(got, r) {
			t.Errorf("the hyphen reads back as %U", r)
		}
	}
}

// TestJoinText: words of one run placed side by side become the run's own
// piece without a copy; anything else is joined as a+b.
func TestJoinText(t *testing.T) {
	run := strings.Repeat("x", 3) + " shall have to reach"
	a, b := run[4:9], run[9:15] // "shall", " have "
	got := joinText(a, b, run)
	if got != "shall have " || unsafe.StringData(got) != unsafe.StringData(a) {
		t.Errorf("adjacent pieces: %q, shared %v", got, unsafe.StringData(got) == unsafe.StringData(a))
	}
	other := strings.Clone(run)
	for _, c := range []struct{ a, b string }{
		{run[4:9], run[10:14]},         // not adjacent
		{run[9:15], run[4:9]},          // the wrong way round
		{other[4:9], other[9:15]},      // adjacent, but not pieces of run
		{run[4:9], ""},                 // nothing to add
		{"", run[4:9]},                 // nothing before
		{run[len(run)-5:], other[0:3]}, // run's end, then other memory
	} {
		if got := joinText(c.a, c.b, run); got != c.a+c.b {
			t.Errorf("joinText(%q, %q) = %q", c.a, c.b, got)
		}
	}
	if n := testing.AllocsPerRun(100, func() { joinText(a, b, run) }); n != 0 {
		t.Errorf("joining adjacent pieces allocates %v times", n)
	}
}
