package attrib

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func example(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "examples", "moscow-1988", name))
	if err != nil {
		t.Fatalf("the bundled example is missing: %v", err)
	}
	return b
}

// moscowChain is the 1988 chain: the FCO draft, No. 10's amended text, the
// telegram as sent.
func moscowChain(t testing.TB) []Revision {
	return []Revision{
		{Name: "message.md@1", Number: 1, Author: "Sir Percy Cradock", Office: "FCO", Data: example(t, "fco-draft.md"), Kind: "markdown"},
		{Name: "message.md@2", Number: 2, Author: "Charles Powell", Office: "No. 10", Data: example(t, "no10-amended.md"), Kind: "markdown"},
		{Name: "message.md@3", Number: 3, Author: "Charles Powell", Office: "No. 10", Data: example(t, "telegram.md"), Kind: "markdown"},
		{Name: "as-sent.txt", Number: 4, Author: "Cabinet Office", Office: "No. 10", Data: example(t, "as-sent.txt"), Kind: "cable"},
	}
}

// officeOf gives the office blamed for each word of phrase, found as a run
// of words whatever their case and the white space between them.
func officeOf(t *testing.T, b *Blame, phrase string) []string {
	t.Helper()
	want := strings.Fields(strings.ToUpper(strings.NewReplacer("-", " ", ",", " ").Replace(phrase)))
	for i := 0; i+len(want) <= len(b.Words); i++ {
		k := 0
		for k < len(want) && strings.ToUpper(b.Text[b.Words[i+k].Start:b.Words[i+k].End]) == want[k] {
			k++
		}
		if k == len(want) {
			var out []string
			for _, w := range b.Words[i : i+k] {
				out = append(out, b.Revisions[w.Rev].Office)
			}
			return out
		}
	}
	t.Fatalf("%q is not in the blamed text", phrase)
	return nil
}

func TestChainMoscowOffices(t *testing.T) {
	for _, n := range []int{3, 4} { // the draft chain, then on into the cable
		b, err := Chain(moscowChain(t)[:n])
		if err != nil {
			t.Fatal(err)
		}
		for phrase, want := range map[string]string{
			"shall have to reach": "No. 10", "experts": "No. 10", "very soon": "No. 10",
			"which are essential": "No. 10", "Dear Ron": "No. 10",
			"If the present Vienna CSCE meeting": "FCO", "Prisoners of conscience are being released": "FCO",
			"back-sliding on their commitments": "FCO", "strictly conditional on continued progress": "FCO",
		} {
			for i, got := range officeOf(t, b, phrase) {
				if got != want {
					t.Errorf("chain of %d: word %d of %q is blamed on %s, want %s", n, i+1, phrase, got, want)
				}
			}
		}
		if n == 4 && !strings.Contains(b.Text, "SHALL HAVE\nTO REACH") {
			t.Errorf("the blamed text is not the cable's own: %.80q", b.Text)
		}
	}
}

func TestSpansRebuildText(t *testing.T) {
	b, err := Chain(moscowChain(t))
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	prev := -1
	for _, s := range b.Spans() {
		if s.Rev == prev {
			t.Errorf("two spans in a row from revision %d", s.Rev)
		}
		prev = s.Rev
		sb.WriteString(s.Text)
	}
	if sb.String() != b.Text {
		t.Error("the spans do not join into the blamed text")
	}
	total := 0
	for _, s := range b.Offices() {
		total += s.Words
	}
	if total != len(b.Words) || len(b.Offices()) != 2 {
		t.Errorf("offices %+v do not share out the %d words", b.Offices(), len(b.Words))
	}
}

func TestChainOneRevision(t *testing.T) {
	b, err := Chain(moscowChain(t)[:1])
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Words) == 0 {
		t.Fatal("no words")
	}
	for _, w := range b.Words {
		if w.Rev != 0 {
			t.Fatalf("word %q blamed on revision %d of a chain of one", b.Text[w.Start:w.End], w.Rev)
		}
	}
	if _, err := Chain(nil); err == nil {
		t.Error("an empty chain gave no error")
	}
}
