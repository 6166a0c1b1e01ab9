package diff

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPackForm checks the tokenizer's packing of short ASCII words (eight
// bytes in one load, folded eight at a time) against pack of the word's
// folded form, for words at the end of a text and inside one.
func TestPackForm(t *testing.T) {
	const alphabet = "abcxyzABCXYZ0189'"
	rng := rand.New(rand.NewPCG(3, 5))
	for range 2000 {
		l := 1 + rng.IntN(maxPacked)
		var sb strings.Builder
		for range l {
			sb.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		w := sb.String()
		for _, text := range []string{w, "@" + w + " tail that follows", "@" + w} {
			i, j := 1, 1+l
			if text == w {
				i, j = 0, l
			}
			for _, fold := range []bool{false, true} {
				want := w
				if fold {
					want = strings.ToLower(w)
				}
				if got := packForm(text, i, j, fold); got != pack(want) {
					t.Fatalf("packForm(%q, %d, %d, %v) = %#x, want %#x (%q)", text, i, j, fold, got, pack(want), want)
				}
			}
		}
	}
}

// TestScanASCIIWord checks where the word scan stops and whether it
// folded a letter.
func TestScanASCIIWord(t *testing.T) {
	for _, tc := range []struct {
		text string
		fold bool
		end  int
		key  string
	}{
		{"Hello, world", false, 5, "Hello"},
		{"Hello, world", true, 5, "hello"},
		{"ABC123def-x", true, 9, "abc123def"},
		{"plain", false, 5, "plain"},
		{"é", false, 0, ""},
	} {
		tab := &wordForm
		if tc.fold {
			tab = &wordFormFold
		}
		j, changed := scanASCIIWord(tc.text, 0, tab)
		if j != tc.end || changed != (tc.fold && tc.key != tc.text[:j]) {
			t.Errorf("scanASCIIWord(%q, fold %v) = %d, %v; want %d (%q)", tc.text, tc.fold, j, changed, tc.end, tc.key)
		}
	}
}

// TestInternPackedKeys tokenizes texts of random ASCII words of every
// length around the packed ones (7, 8, 15, 16 bytes), folded and not, and
// checks that each word's id names its matching form and that interning
// that form again (the path non-ASCII words and the parallel merge take)
// gives the same id.
func TestInternPackedKeys(t *testing.T) {
	const alphabet = "abyzABYZ09'"
	rng := rand.New(rand.NewPCG(7, 11))
	for _, fold := range []bool{false, true} {
		in := newInterner()
		var words []string
		var sb strings.Builder
		for range 3000 {
			l := 1 + rng.IntN(20)
			var w strings.Builder
			w.WriteByte("aZ9"[rng.IntN(3)])
			prev := byte('a')
			for w.Len() < l {
				c := alphabet[rng.IntN(len(alphabet))]
				if prev == '\'' {
					c = 'q' // an apostrophe inside a word, never two
				}
				w.WriteByte(c)
				prev = c
			}
			word := strings.TrimRight(w.String(), "'")
			if len(words) > 0 && rng.IntN(3) == 0 {
				word = words[rng.IntN(len(words))] // repeated words
			}
			words = append(words, word)
			sb.WriteString(word)
			sb.WriteString(" ")
		}
		s := tokenize(sb.String(), nil, tokenizeOptions{fold: fold}, in)
		if s.n() != len(words) {
			t.Fatalf("fold %v: %d tokens, want %d", fold, s.n(), len(words))
		}
		for k, w := range words {
			want := w
			if fold {
				want = strings.ToLower(w)
			}
			if got := in.keys[s.ids[k]]; got != want {
				t.Fatalf("fold %v: word %q has key %q, want %q", fold, w, got, want)
			}
			if id := in.id(want); id != s.ids[k] {
				t.Fatalf("fold %v: id(%q) = %d, tokenizer gave %d", fold, want, id, s.ids[k])
			}
		}
	}
}

// TestInternerArena interns more distinct keys than one arena holds (and
// one longer than an arena takes) and checks that every key still reads
// back as it was given and finds its own id.
func TestInternerArena(t *testing.T) {
	in := newInterner()
	var keys []string
	for k := range 6000 {
		keys = append(keys, strings.Repeat("w", 1+k%13)+string(rune('a'+k%26))+strings.Repeat("z", k/26%9)+string(rune('A'+k/234%26)))
	}
	keys = append(keys, strings.Repeat("long", arenaSize/8))
	ids := map[string]int32{}
	for _, k := range keys {
		ids[k] = in.id(k)
	}
	for _, k := range keys {
		if id := in.id(k); id != ids[k] || in.keys[id] != k {
			t.Fatalf("key %q: id %d (first %d), stored %q", k, id, ids[k], in.keys[id])
		}
	}
}

// TestWordCounts: the bit-and-block word counts agree with counting the
// words one by one, for every range of tokens, at lengths on and around
// the blocks' edges.
func TestWordCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 13))
	for _, n := range []int{0, 1, 63, 64, 65, 127, 128, 129, 300} {
		s := &sideTokens{}
		var words []bool
		for i := range n {
			s.ids = append(s.ids, int32(i))
			w := rng.IntN(3) > 0
			words = append(words, w)
			if w {
				s.markWord(i)
			}
		}
		s.finishWords()
		for i := 0; i <= n; i++ {
			for j := i; j <= n; j++ {
				want := 0
				for k := i; k < j; k++ {
					if words[k] {
						want++
					}
				}
				if got := s.wordCount(i, j); got != want {
					t.Fatalf("n=%d: wordCount(%d, %d) = %d, want %d", n, i, j, got, want)
				}
			}
			if i < n && s.isWord(i) != words[i] {
				t.Fatalf("n=%d: isWord(%d) = %v", n, i, s.isWord(i))
			}
		}
	}
}
