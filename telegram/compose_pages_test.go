package telegram

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// fcoDraft is an FCO telegram whose body is the given paragraphs.
func fcoDraft(paras []string) string {
	return `---
template: fco-telegram
classification: CONFIDENTIAL
precedence: IMMEDIATE
from: MOSCOW
to: [FCO]
signature: CRADOCK
---
` + strings.Join(paras, "\n\n") + "\n"
}

// TestPagesLeaveNoWidowsOrOrphans lays random telegrams out on pages of
// random length and checks every page break inside a paragraph: the page
// does not end with the paragraph's first line (an orphan), and the next
// page does not hold only its last line (a widow).
func TestPagesLeaveNoWidowsOrOrphans(t *testing.T) {
	words := strings.Fields("the minister said that we should agree to a conference in moscow only if progress continues on human rights")
	r := rand.New(rand.NewPCG(16, 1988))
	breaks := 0
	for n := 0; n < 60; n++ {
		var paras []string
		for p := 0; p < 6+r.IntN(10); p++ {
			ws := make([]string, 5+r.IntN(70))
			for i := range ws {
				ws[i] = words[r.IntN(len(words))]
			}
			paras = append(paras, strings.Join(ws, " ")+".")
		}
		pageLines := 18 + r.IntN(20)
		l, err := Compose(parseDraft(t, fcoDraft(paras)), Options{DTG: "212130Z DEC 88", Serial: "TELNO 1119", PageLines: pageLines})
		if err != nil {
			t.Fatal(err)
		}
		for k := 0; k+1 < len(l.Pages); k++ {
			this, next := l.Pages[k].Lines, l.Pages[k+1].Lines
			if len(this) == 0 || len(next) == 0 || this[len(this)-1] == "" || next[0] == "" {
				continue // the break falls between paragraphs
			}
			breaks++
			if len(this) >= 2 && this[len(this)-2] == "" {
				t.Errorf("draft %d, %d lines a page: page %d ends with a paragraph's first line %q", n, pageLines, k+1, this[len(this)-1])
			}
			if len(next) == 1 || next[1] == "" {
				t.Errorf("draft %d, %d lines a page: page %d starts with a paragraph's last line %q alone", n, pageLines, k+2, next[0])
			}
		}
	}
	if breaks < 20 {
		t.Fatalf("only %d page breaks fell inside a paragraph: the property was hardly tried", breaks)
	}
}

// TestPageEndKeepsHalfThePage checks the limit on moving lines over: a
// page whose text is one-line paragraphs, or one paragraph longer than the
// page, still ends where its room does.
func TestPageEndKeepsHalfThePage(t *testing.T) {
	long := strings.Split(strings.Repeat("TEXT\n", 30), "\n")
	if got := pageEnd(long, 0, 10); got != 10 {
		t.Errorf("one long paragraph: page ends at %d, want 10", got)
	}
	// lines 0-8 text, 9 blank, 10-11 a paragraph: the break at 11 would
	// leave line 10 alone at the foot
	lines := append(strings.Split(strings.Repeat("A\n", 9), "\n"), "B", "B", "", "C")
	lines[9] = ""
	if got := pageEnd(lines, 0, 11); got != 10 {
		t.Errorf("orphan: page ends at %d, want 10 (%q)", got, lines)
	}
	// a break leaving the paragraph's last line alone on the next page
	if got := pageEnd(lines, 0, 8); got != 7 {
		t.Errorf("widow: page ends at %d, want 7", got)
	}
	// a two-line paragraph cut between its lines goes over whole
	if got := pageEnd([]string{"A", "A", "A", "A", "", "B", "B", "", "C"}, 0, 6); got != 5 {
		t.Errorf("two-line paragraph: page ends at %d, want 5", got)
	}
}

// TestContinuationPagesNameTheMessage checks that every page of an FCO
// telegram carries its page line with the telegram number, as a State
// cable's PAGE 02 STATE 153441 does, so that a loose page says which
// message it belongs to.
func TestContinuationPagesNameTheMessage(t *testing.T) {
	var paras []string
	for i := 0; i < 12; i++ {
		paras = append(paras, "The minister said that we should agree to a conference in Moscow only if progress continues on human rights.")
	}
	l, err := Compose(parseDraft(t, fcoDraft(paras)), Options{DTG: "212130Z DEC 88", Serial: "1119", PageLines: 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Pages) < 3 {
		t.Fatalf("%d pages", len(l.Pages))
	}
	for k, p := range l.Pages {
		want := fmt.Sprintf("PAGE %d OF %d TELNO 1119", k+1, len(l.Pages))
		if len(p.Header) < 2 || p.Header[1] != want {
			t.Errorf("page %d: header %q, want the page line %q", k+1, p.Header, want)
		}
	}
}
