package docx

import (
	"bytes"
	"github.com/redline-dev/redline/render"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/redline-dev/redline/diff"
)

// needPandoc skips the test when pandoc is not installed, unless
// REDLINE_REQUIRE_PANDOC=1 (set by .ci/run) makes its absence a failure.
func needPandoc(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pandoc"); err != nil {
		if os.Getenv("REDLINE_REQUIRE_PANDOC") == "1" {
			t.Fatal("pandoc not found but REDLINE_REQUIRE_PANDOC=1: install pandoc")
		}
		t.Skip("pandoc not found: install pandoc to check the DOCX with a third-party reader")
	}
}

// pandocRead converts a DOCX with pandoc, handling tracked changes as mode
// says (accept, reject or all).
func pandocRead(t *testing.T, docx []byte, mode, to string) string {
	t.Helper()
	p := writeTemp(t, "redline.docx", docx)
	out, err := exec.Command("pandoc", "-f", "docx", "--track-changes="+mode, "-t", to, "--wrap=none", p).Output()
	if err != nil {
		t.Fatalf("pandoc --track-changes=%s: %v", mode, err)
	}
	return string(out)
}

// plainWords lists the words of a text, folded to lower case: runs of letters
// and digits, so that Markdown markers, punctuation and layout do not count.
func plainWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// endsWith reports where got stops matching want's end, or -1 when want is
// a suffix of got.
func endsWith(got, want []string) int {
	if len(got) < len(want) {
		return len(got)
	}
	off := len(got) - len(want)
	for i := range want {
		if got[off+i] != want[i] {
			return i
		}
	}
	return -1
}

var pandocChange = regexp.MustCompile(`\{\.(insertion|deletion) author="([^"]*)"`)

// checkDOCXWithPandoc renders c as DOCX and reads it back with pandoc:
// accepting every change gives the new side's words, rejecting every
// change the old side's, and the tracked view lists each change with its
// author.
func checkDOCXWithPandoc(t *testing.T, c *diff.Comparison, author string) {
	t.Helper()
	var buf bytes.Buffer
	if err := render.Diff(&buf, c, "docx", render.DiffOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, side := range []struct{ mode, key string }{{"accept", "b"}, {"reject", "a"}} {
		got, want := plainWords(pandocRead(t, buf.Bytes(), side.mode, "plain")), plainWords(c.Text(side.key))
		if i := endsWith(got, want); i >= 0 {
			lo, hi := max(i-5, 0), min(i+5, len(want))
			t.Errorf("--track-changes=%s does not end with side %s's words: from word %d of %d (of %d read), want %q, read %q", side.mode, side.key, i, len(want), len(got), want[lo:hi], got[len(got)-len(want)+lo:len(got)-len(want)+hi])
		}
	}
	all := pandocRead(t, buf.Bytes(), "all", "markdown")
	marks := pandocChange.FindAllStringSubmatch(all, -1)
	// Adjacent segments of one kind are one revision; each such run with
	// words in it must be shown at least once. (Pandoc's tracked view
	// shows moved text as it stands, without marks; accepting and
	// rejecting do handle it, as checked above.)
	changed := 0
	for i, s := range c.Segments {
		if s.Op == diff.OpEqual || s.Op == diff.OpMoveFrom || s.Op == diff.OpMoveTo || len(plainWords(s.A+s.B)) == 0 {
			continue
		}
		if p := c.Segments[max(i-1, 0)]; i > 0 && p.Op == s.Op && p.Move == s.Move {
			continue
		}
		changed++
	}
	if len(marks) < changed {
		t.Errorf("--track-changes=all shows %d insertions and deletions; the comparison has %d runs of changed words", len(marks), changed)
	}
	for _, m := range marks {
		if m[2] != author {
			t.Fatalf("a %s is by %q, want %q", m[1], m[2], author)
		}
	}
}

func TestDOCXMoscowWithPandoc(t *testing.T) {
	needPandoc(t)
	checkDOCXWithPandoc(t, moscowComparison(t), "as-sent.txt")
}

func TestDOCXGeneratedWithPandoc(t *testing.T) {
	needPandoc(t)
	old, new := generatedPair(rand.New(rand.NewSource(14)), 100<<10)
	c, err := diff.Compare(
		diff.Input{Name: "old.md", Data: old},
		diff.Input{Name: "new.md", Data: new, Side: diff.Side{Author: "A. Drafter", Office: "FCO", Time: "1988-12-21T21:30:00Z"}},
		diff.Options{Moves: true})
	if err != nil {
		t.Fatal(err)
	}
	if c.Stats.MovedWords == 0 || c.Stats.InsertedWords == 0 || c.Stats.DeletedWords == 0 {
		t.Fatalf("the generated pair should have moves, insertions and deletions: %+v", c.Stats)
	}
	checkDOCXWithPandoc(t, c, "A. Drafter, FCO")
}

// generatedPair makes a Markdown document of about size bytes (headings,
// bullets, emphasis, paragraphs) and an edited copy: words deleted,
// inserted and replaced, paragraphs split, joined and moved.
func generatedPair(r *rand.Rand, size int) (old, new []byte) {
	vocab := strings.Fields("the conference human rights moscow vienna meeting decision soviet union emigration " +
		"progress conditions prisoners conscience release broadcasts jamming assurances reform criminal code " +
		"legislation campaign guard commitments interval proposed agreement experts touch essential public")
	word := func() string { return vocab[r.Intn(len(vocab))] }
	sentence := func() string {
		n := 5 + r.Intn(12)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = word()
			if r.Intn(25) == 0 {
				ws[i] = "*" + ws[i] + "*"
			}
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ") + "."
	}
	var paras []string
	total := 0
	for total < size {
		var p string
		switch r.Intn(10) {
		case 0:
			p = "## " + sentence()
		case 1, 2:
			p = "- " + sentence() + "\n- " + sentence()
		default:
			var ss []string
			for range 2 + r.Intn(4) {
				ss = append(ss, sentence())
			}
			p = strings.Join(ss, " ")
		}
		paras = append(paras, p)
		total += len(p) + 2
	}
	edited := make([]string, 0, len(paras))
	for i, p := range paras {
		ws := strings.Split(p, " ")
		for j := range ws {
			switch r.Intn(60) {
			case 0:
				ws[j] = ""
			case 1:
				ws[j] = word() + " " + ws[j]
			case 2:
				if !strings.ContainsAny(ws[j], "#-*") {
					ws[j] = word()
				}
			}
		}
		e := strings.Join(strings.Fields(strings.Join(ws, " ")), " ")
		if i%40 == 7 && len(edited) > 20 {
			// a paragraph moved back twenty places
			at := len(edited) - 20
			edited = append(edited[:at], append([]string{e}, edited[at:]...)...)
			continue
		}
		edited = append(edited, e)
	}
	return []byte(strings.Join(paras, "\n\n") + "\n"), []byte(strings.Join(edited, "\n\n") + "\n")
}

func TestDOCXAuthorAndDate(t *testing.T) {
	for _, tc := range []struct {
		side     diff.Side
		identity string
		want     string
	}{
		{diff.Side{Name: "b.md"}, "", "b.md"},
		{diff.Side{Name: "/tmp/work/as-sent.txt"}, "", "as-sent.txt"},
		{diff.Side{Name: "/tmp/work/b.md"}, "C D Powell, No. 10", "C D Powell, No. 10"},
		{diff.Side{Name: "b.md", Author: "Charles Powell", Office: "No. 10"}, "J S Wall, FCO", "Charles Powell, No. 10"},
		{diff.Side{Name: "b.md", Office: "FCO"}, "", "FCO"},
		{diff.Side{Name: "b\x1b[31m.md"}, "", "b␛[31m.md"},
	} {
		if got := revisionAuthor(tc.side, tc.identity); got != tc.want {
			t.Errorf("revisionAuthor(%+v) = %q, want %q", tc.side, got, tc.want)
		}
	}
	if got := revisionDate("1988-12-21T22:30:00+01:00"); got != "1988-12-21T21:30:00Z" {
		t.Errorf("revisionDate = %q", got)
	}
	if got := revisionDate("yesterday"); got != "" {
		t.Errorf("revisionDate of a bad time = %q, want none", got)
	}
}

// writeTemp writes data to a file in the test's temporary folder.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// moscowComparison compares the 1988 FCO draft with the telegram as sent,
// as `redline diff` does.
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

// BenchmarkDOCX100KB times the Word view of the generated 100 KB pair and
// reading it back as CriticMarkup.
func BenchmarkDOCX100KB(b *testing.B) { benchmarkDOCX(b, 100<<10) }

// BenchmarkDOCX1MB: the same on a 1 MB pair.
func BenchmarkDOCX1MB(b *testing.B) { benchmarkDOCX(b, 1<<20) }

func benchmarkDOCX(b *testing.B, size int) {
	old, new := generatedPair(rand.New(rand.NewSource(14)), size)
	c, err := diff.Compare(diff.Input{Name: "old.md", Data: old}, diff.Input{Name: "new.md", Data: new}, diff.Options{Moves: true})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.Run("write", func(b *testing.B) {
		for range b.N {
			buf.Reset()
			if err := render.Diff(&buf, c, "docx", render.DiffOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		b.SetBytes(int64(len(old) + len(new)))
	})
	b.Run("read", func(b *testing.B) {
		for range b.N {
			d, _, err := Read(buf.Bytes())
			if err != nil {
				b.Fatal(err)
			}
			Critic(d)
		}
	})
}

// TestDOCXByHop: with diff --by, each change is by the hop that made it.
func TestDOCXByHop(t *testing.T) {
	c := &diff.Comparison{New: diff.Side{Name: "b.md", Author: "C D Powell"}, Segments: []diff.Segment{
		{Op: diff.OpEqual, A: "We ", B: "We "},
		{Op: diff.OpDelete, A: "can no longer delay", Change: 1, By: "No. 10"},
		{Op: diff.OpInsert, B: "shall have to reach", Change: 1, By: "No. 10"},
		{Op: diff.OpEqual, A: " a decision", B: " a decision"},
		{Op: diff.OpInsert, B: " very soon", Change: 2},
	}}
	d := comparisonDocument(c, render.DiffOptions{})
	by := map[string]string{}
	for _, p := range d.Paragraphs {
		for _, r := range p.Runs {
			if r.Rev.Kind != Plain {
				by[r.Text] = r.Rev.Author
			}
		}
	}
	if by["can no longer delay"] != "No. 10" || by["shall have to reach"] != "No. 10" || by[" very soon"] != "C D Powell" {
		t.Errorf("authors: %q", by)
	}
}
