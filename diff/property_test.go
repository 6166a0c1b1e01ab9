package diff

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// pieces random texts are made of: words, punctuation, quotes and dashes in
// several forms, CJK, combining marks, white space of every kind.
var pieces = []string{"the", "The", "THE", "conference", "Moscow", "agree", "rights", "we", "it's", "it’s",
	"café", "cafe\u0301", "会", "议", "1991", "8,143", ",", ".", ";", ":", "-", "—", "–", "\"", "“", "”", "''",
	"(", ")", "?", "*", "_", "[", "]", "#", "a", "b", "c", "x"}

var spaces = []string{" ", " ", " ", "  ", "\n", "\n\n", "\t", " \n ", "\r\n", "\u00a0"}

// randomPieces joins up to max pieces drawn at random: texts made of the
// characters a scanner under test tells apart.
func randomPieces(r *rand.Rand, pieces []string, max int) string {
	var b strings.Builder
	for range r.IntN(max) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func randomText(r *rand.Rand, n int) []string {
	var toks []string
	for i := 0; i < n; i++ {
		toks = append(toks, pieces[r.IntN(len(pieces))])
		if r.IntN(4) != 0 {
			toks = append(toks, spaces[r.IntN(len(spaces))])
		}
	}
	return toks
}

func randomEdit(r *rand.Rand, toks []string) []string {
	out := append([]string(nil), toks...)
	edits := 1 + r.IntN(6)
	for e := 0; e < edits && len(out) > 0; e++ {
		i := r.IntN(len(out))
		switch r.IntN(5) {
		case 0:
			out = append(out[:i], out[i+1:]...)
		case 1:
			out = append(out[:i], append([]string{pieces[r.IntN(len(pieces))], " "}, out[i:]...)...)
		case 2:
			out[i] = pieces[r.IntN(len(pieces))]
		case 3: // move a run
			j := min(len(out), i+1+r.IntN(20))
			run := append([]string(nil), out[i:j]...)
			out = append(out[:i], out[j:]...)
			k := r.IntN(len(out) + 1)
			out = append(out[:k], append(run, out[k:]...)...)
		case 4: // rewrap: white space only
			if strings.TrimSpace(out[i]) == "" && !strings.Contains(out[i], "\n\n") {
				out[i] = []string{" ", "\n", "   "}[r.IntN(3)]
			}
		}
	}
	return out
}

// matchingForms tokenizes a piece of text alone and lists its matching forms.
func matchingForms(text string, fold, ignorePunct bool, in *interner) []int32 {
	s := tokenize(text, nil, tokenizeOptions{fold: fold, ignorePunct: ignorePunct}, in)
	var out []int32
	for _, id := range s.ids {
		if id != paraID {
			out = append(out, id)
		}
	}
	return out
}

func checkProperties(t *testing.T, a, b string, opts Options) *Comparison {
	t.Helper()
	c, err := Compare(Input{Name: "a", Data: []byte(a), Kind: KindText}, Input{Name: "b", Data: []byte(b), Kind: KindText}, opts)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariant(t, c, a, b)
	fold := opts.IgnoreCase || isMostlyUpper(a) || isMostlyUpper(b)
	in := newInterner()
	for i, s := range c.Segments {
		if s.Op != OpEqual {
			if s.Change == 0 {
				t.Fatalf("segment %d (%s) has no change number", i, s.Op)
			}
			continue
		}
		fa := matchingForms(s.A, fold, opts.IgnorePunctuation, in)
		fb := matchingForms(s.B, fold, opts.IgnorePunctuation, in)
		if fmt.Sprint(fa) != fmt.Sprint(fb) {
			t.Fatalf("equal segment %d differs in matching form: %q / %q\nold %q\nnew %q", i, s.A, s.B, a, b)
		}
	}
	same, err := Compare(Input{Name: "a", Data: []byte(a), Kind: KindText}, Input{Name: "a", Data: []byte(a), Kind: KindText}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if same.HasChanges() || same.Stats.Changes != 0 {
		t.Fatalf("identical inputs give changes: %q", a)
	}
	return c
}

func TestPropertiesRandomEdits(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 400; i++ {
		toks := randomText(r, 5+r.IntN(120))
		a := strings.Join(toks, "")
		b := strings.Join(randomEdit(r, toks), "")
		opts := Options{Moves: r.IntN(2) == 0, MinMoveWords: 1 + r.IntN(8), IgnoreCase: r.IntN(4) == 0, IgnorePunctuation: r.IntN(5) == 0}
		checkProperties(t, a, b, opts)
	}
}

func TestPropertiesGeneratedDocuments(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		a, b := benchPair(seed, 6000)
		c := checkProperties(t, a, b, Options{Moves: true})
		if c.Stats.Similarity < 0.8 {
			t.Errorf("seed %d: similarity %.2f of a light revision", seed, c.Stats.Similarity)
		}
		if len(c.Notes) != 0 {
			t.Errorf("seed %d: notes %q on a light revision", seed, c.Notes)
		}
	}
}

func TestRewrapIsNoChange(t *testing.T) {
	g := newGenerator(7)
	doc := g.document(5000)
	a := renderDoc(doc, 72, 0, 0, 0)
	b := renderDoc(doc, 40, 0, 0, 0)
	c := checkProperties(t, a, b, Options{Moves: true})
	if c.HasChanges() {
		t.Errorf("a re-wrapped text shows changes: %s", redline(c))
	}
}

func TestWorstCaseIsBoundedAndFlagged(t *testing.T) {
	a, b := unrelatedPair(30_000)
	c := checkProperties(t, a, b, Options{Moves: true})
	if c.Stats.Similarity > 0.6 {
		t.Errorf("unrelated texts: similarity %.2f", c.Stats.Similarity)
	}
}

func TestDeterministic(t *testing.T) {
	a, b := benchPair(9, 20000)
	c1, _ := Compare(Input{Data: []byte(a), Kind: KindText}, Input{Data: []byte(b), Kind: KindText}, Options{Moves: true})
	c2, _ := Compare(Input{Data: []byte(a), Kind: KindText}, Input{Data: []byte(b), Kind: KindText}, Options{Moves: true})
	if fmt.Sprint(c1) != fmt.Sprint(c2) {
		t.Fatal("two runs on the same inputs differ")
	}
	moves := 0
	for _, s := range c1.Segments {
		if s.Op == OpMoveTo {
			moves++
		}
	}
	if moves == 0 {
		t.Errorf("the generated revision moves two paragraphs; none found")
	}
}

func TestParallelTokenizingGivesTheSameResult(t *testing.T) {
	a, b := benchPair(11, 150_000)
	b = strings.ToUpper(b[:len(b)/2]) + b[len(b)/2:] + "A longword, Élan, café and CAFÉ; straße STRASSE."
	for _, opts := range []Options{{Moves: true}, {Moves: true, IgnoreCase: true}} {
		par, err := Compare(Input{Data: []byte(a), Kind: KindText}, Input{Data: []byte(b), Kind: KindText}, opts)
		if err != nil {
			t.Fatal(err)
		}
		saved := parallelTokenize
		parallelTokenize = 1 << 40
		seq, err := Compare(Input{Data: []byte(a), Kind: KindText}, Input{Data: []byte(b), Kind: KindText}, opts)
		parallelTokenize = saved
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(par) != fmt.Sprint(seq) {
			t.Fatalf("tokenizing in parallel changed the comparison (%+v)", opts)
		}
		if opts.IgnoreCase && par.Stats.Similarity < 0.9 {
			t.Fatalf("folded comparison: similarity %.2f", par.Stats.Similarity)
		}
	}
}

// Interning: a word's id does not depend on how it reached the table
// (scanned and packed, or given whole), folded or not.
func TestInternerForms(t *testing.T) {
	in := newInterner()
	s1 := tokenize("The the THE cafe CAFE abcdefg ABCDEFG abcdefgh ABCDEFGH it's IT'S", nil, tokenizeOptions{fold: true}, in)
	want := []string{"the", "the", "the", "cafe", "cafe", "abcdefg", "abcdefg", "abcdefgh", "abcdefgh", "it's", "it's"}
	if len(s1.ids) != len(want) {
		t.Fatalf("%d tokens", len(s1.ids))
	}
	for k, w := range want {
		if got := in.keys[s1.ids[k]]; got != w {
			t.Errorf("token %d: key %q, want %q", k, got, w)
		}
		if id, ok := in.lookup(w); !ok || id != s1.ids[k] {
			t.Errorf("lookup(%q) = %d %v, want %d", w, id, ok, s1.ids[k])
		}
		if id := in.id(w); id != s1.ids[k] {
			t.Errorf("id(%q) = %d, want %d", w, id, s1.ids[k])
		}
	}
	for i := 0; i < 20000; i++ { // grow the table and look again
		in.id(fmt.Sprint("w", i))
	}
	for k, w := range want {
		if id := in.id(w); id != s1.ids[k] {
			t.Errorf("after growing: id(%q) = %d, want %d", w, id, s1.ids[k])
		}
	}
}

// The shortcut for trivial runs gives what go-diff gives.
func TestShortcutMatchesGoDiff(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		a := &sideTokens{}
		b := &sideTokens{}
		for k := 0; k < 1+r.IntN(6); k++ {
			a.ids = append(a.ids, int32(1+r.IntN(4)))
		}
		for k := 0; k < 1+r.IntN(6); k++ {
			b.ids = append(b.ids, int32(1+r.IntN(4)))
		}
		// Trim the common ends, as tokenDiff does before.
		for len(a.ids) > 0 && len(b.ids) > 0 && a.ids[0] == b.ids[0] {
			a.ids, b.ids = a.ids[1:], b.ids[1:]
		}
		for len(a.ids) > 0 && len(b.ids) > 0 && a.ids[len(a.ids)-1] == b.ids[len(b.ids)-1] {
			a.ids, b.ids = a.ids[:len(a.ids)-1], b.ids[:len(b.ids)-1]
		}
		if len(a.ids) == 0 || len(b.ids) == 0 {
			continue
		}
		fast := newEngine(a, b, 8)
		if !fast.shortcut(0, len(a.ids), 0, len(b.ids)) {
			continue
		}
		slow := newEngine(a, b, 8)
		ra := make([]rune, len(a.ids))
		for k, id := range a.ids {
			ra[k] = idRune(id)
		}
		rb := make([]rune, len(b.ids))
		for k, id := range b.ids {
			rb[k] = idRune(id)
		}
		// myersTokens without the shortcut: go-diff itself.
		diffs := slow.dmp.DiffMainRunes(ra, rb, false)
		x, y := 0, 0
		for _, d := range diffs {
			n := len([]rune(d.Text))
			switch d.Type {
			case 0:
				slow.emitEqual(x, x+n, y, y+n)
				x, y = x+n, y+n
			case -1:
				slow.emitChange(x, x+n, y, y)
				x += n
			case 1:
				slow.emitChange(x, x, y, y+n)
				y += n
			}
		}
		if fmt.Sprint(fast.hunks) != fmt.Sprint(slow.hunks) {
			t.Fatalf("%v / %v: shortcut %v, go-diff %v", a.ids, b.ids, fast.hunks, slow.hunks)
		}
	}
}

func isMostlyUpper(s string) bool { ok, _ := mostlyUpper(s); return ok }
