package diff

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func compareTexts(t *testing.T, a, b string, opts Options) *Comparison {
	t.Helper()
	c, err := Compare(Input{Name: "a.txt", Data: []byte(a), Kind: "text"}, Input{Name: "b.txt", Data: []byte(b), Kind: "text"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// checkRespellings holds for every comparison: the sides still join to
// the compared texts, an unflagged equal segment has the same text on
// both sides, a flagged one differs, and marking again changes nothing.
func checkRespellings(t *testing.T, c *Comparison, a, b string) {
	t.Helper()
	if got := c.Text("a"); got != a {
		t.Fatalf("old side is %q, want %q", got, a)
	}
	if got := c.Text("b"); got != b {
		t.Fatalf("new side is %q, want %q", got, b)
	}
	for i, s := range c.Segments {
		switch {
		case s.Respelled && s.Op != OpEqual:
			t.Errorf("segment %d: %s segment flagged respelled", i, s.Op)
		case s.Respelled && s.A == s.B:
			t.Errorf("segment %d: flagged respelled with the same text %q on both sides", i, s.A)
		case !s.Respelled && s.Op == OpEqual && s.A != s.B:
			t.Errorf("segment %d: unflagged equal segment with %q against %q", i, s.A, s.B)
		}
		if i > 0 && s.Op == OpEqual && c.Segments[i-1].Op == OpEqual && s.Respelled == c.Segments[i-1].Respelled {
			t.Errorf("segments %d and %d: two equal segments alike in a row", i-1, i)
		}
	}
	again := MarkRespellings(append([]Segment(nil), c.Segments...))
	if len(again) != len(c.Segments) {
		t.Errorf("marking again gives %d segments, want %d", len(again), len(c.Segments))
	}
}

func TestRespellingsCaseAndWrap(t *testing.T) {
	a := "If the present Vienna meeting\nends, we agree.\n"
	b := "IF THE present Vienna meeting ends, WE agree."
	c := compareTexts(t, a, b, Options{IgnoreCase: true})
	checkRespellings(t, c, a, b)
	var runs []string
	for _, s := range c.Segments {
		if s.Respelled {
			runs = append(runs, s.A+"|"+s.B)
		}
	}
	// Words respelled next to each other are one run, with the white space
	// between them; a line wrap differs as white space alone.
	want := []string{"If the|IF THE", "\n| ", "we|WE", "\n|"}
	if strings.Join(runs, "; ") != strings.Join(want, "; ") {
		t.Errorf("respelled runs\n got %q\nwant %q", runs, want)
	}
}

func TestRespellingsNoneWhenSpelledAlike(t *testing.T) {
	a := "The conference agreed.\n\nIt closed.\n"
	b := "The conference disagreed.\n\nIt closed.\n"
	c := compareTexts(t, a, b, Options{})
	checkRespellings(t, c, a, b)
	for _, s := range c.Segments {
		if s.Respelled {
			t.Errorf("respelled %q|%q in texts spelled alike", s.A, s.B)
		}
	}
}

// Word counts that differ (a word split by a line wrap the engine joins,
// say) give one run between the parts both sides share.
func TestRespellRunsUnequalWordCounts(t *testing.T) {
	// An unflagged segment already in the result is joined by the first
	// run: the word-by-word walk, which gives up here, must leave it as
	// it was.
	prev := []Segment{{Op: OpEqual, A: "x ", B: "x "}}
	got := respellRuns("a b-c d", "a b- c d", &respellScratch{}, prev)
	var parts []string
	for _, s := range got {
		parts = append(parts, s.A+"|"+s.B)
		if s.Respelled == (s.A == s.B) {
			t.Errorf("run %q|%q flagged %v", s.A, s.B, s.Respelled)
		}
	}
	if want := "x a |x a ; b-c|b- c;  d| d"; strings.Join(parts, "; ") != want {
		t.Errorf("runs %q, want %q", strings.Join(parts, "; "), want)
	}
}

func TestRespellingsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 1988))
	for i := 0; i < 400; i++ {
		ta := randomText(r, 1+r.IntN(40))
		tb := randomEdit(r, ta)
		for k := range tb {
			if r.IntN(6) == 0 {
				tb[k] = strings.ToUpper(tb[k])
			}
		}
		a, b := strings.Join(ta, ""), strings.Join(tb, "")
		c := compareTexts(t, a, b, Options{IgnoreCase: r.IntN(2) == 0, Moves: r.IntN(2) == 0, MinMoveWords: 3})
		checkRespellings(t, c, a, b)
		if t.Failed() {
			t.Fatalf("texts %q and %q", a, b)
		}
	}
}

// BenchmarkMarkRespellings splits one equal segment of about 1 MB whose
// new side is the old one re-wrapped and partly upper-cased, as a
// re-wrapped region comes out of the engine: every word is compared.
func BenchmarkMarkRespellings(b *testing.B) {
	old, _ := benchPair(1000, 1_000_000)
	words := strings.Fields(old)
	var nb strings.Builder
	for i, w := range words {
		if i%97 == 0 {
			w = strings.ToUpper(w)
		}
		nb.WriteString(w)
		if i%9 == 8 {
			nb.WriteByte('\n')
		} else {
			nb.WriteByte(' ')
		}
	}
	segs := []Segment{{Op: OpEqual, A: old, B: nb.String()}}
	b.SetBytes(int64(len(old)))
	b.ReportAllocs()
	for b.Loop() {
		MarkRespellings(segs)
	}
}

// TestSameElements: the eight-bytes-at-a-time scan finds the boundary a
// byte-by-byte one finds, on texts that agree for a while and then
// differ, leave ASCII or end, at every offset within a word.
func TestSameElements(t *testing.T) {
	slow := func(x, y string) (k int, sp bool) {
		n := min(len(x), len(y))
		if n == 0 || x[0] != y[0] || x[0] >= utf8.RuneSelf {
			return 0, false
		}
		prev := asciiSpace[x[0]]
		for i := 1; i < n; i++ {
			c := x[i]
			if c != y[i] || c >= utf8.RuneSelf {
				break
			}
			if cs := asciiSpace[c]; cs != prev {
				k, sp, prev = i, cs, cs
			}
		}
		return k, sp
	}
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"a", "b", " ", "\n", "\t", "é", "\u2019"}
	for range 20000 {
		x := randomPieces(r, alphabet, 40)
		y := x
		if len(y) > 0 && r.IntN(4) > 0 {
			at := r.IntN(len(y))
			y = y[:at] + alphabet[r.IntN(len(alphabet))] + y[at:]
		}
		if r.IntN(3) == 0 && len(y) > 0 {
			y = y[:r.IntN(len(y))]
		}
		gk, gs := sameElements(x, y)
		wk, ws := slow(x, y)
		if gk != wk || gs != ws {
			t.Fatalf("sameElements(%q, %q) = %d, %v; want %d, %v", x, y, gk, gs, wk, ws)
		}
	}
}
