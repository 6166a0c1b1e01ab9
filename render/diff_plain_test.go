package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-dev/redline/diff"
)

// plainGolden compares got with testdata/diff/NAME, or rewrites it with
// -update.
func plainGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "diff", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./render -update to accept):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func plainMoscowComparison(t *testing.T) *diff.Comparison {
	t.Helper()
	a, err := os.ReadFile("../examples/moscow-1988/fco-draft.md")
	if err != nil {
		t.Skip("example not present:", err)
	}
	b, err := os.ReadFile("../examples/moscow-1988/as-sent.txt")
	if err != nil {
		t.Skip("example not present:", err)
	}
	c, err := diff.Compare(diff.Input{Name: "fco-draft.md", Data: a}, diff.Input{Name: "as-sent.txt", Data: b}, diff.Options{Moves: true})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const plainMovedText = "The delegations agreed that the final document should record every commitment made in the course of the meeting."

func plainMoveComparison(t *testing.T) *diff.Comparison {
	t.Helper()
	a := "First paragraph stays here.\n\n" + plainMovedText + "\n\nSecond paragraph stays too.\n\nThird paragraph closes.\n"
	b := "First paragraph stays here, unchanged.\n\nSecond paragraph stays too.\n\nThird paragraph closes.\n\n" +
		strings.Replace(plainMovedText, "every", "each", 1) + "\n"
	c, err := diff.Compare(diff.Input{Name: "old.txt", Data: []byte(a)}, diff.Input{Name: "new.txt", Data: []byte(b)}, diff.Options{Moves: true})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func plainRender(t *testing.T, c *diff.Comparison, format string, opts DiffOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Diff(&buf, c, format, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDiffPlainGolden(t *testing.T) {
	c := plainMoscowComparison(t)
	plainGolden(t, "moscow.plain", plainRender(t, c, "plain", DiffOptions{Context: -1, Numbers: true}))
	plainGolden(t, "moscow-context0.plain", plainRender(t, c, "plain", DiffOptions{Context: 0}))
	plainGolden(t, "moscow.stat", plainRender(t, c, "stat", DiffOptions{}))
	m := plainMoveComparison(t)
	plainGolden(t, "move.plain", plainRender(t, m, "plain", DiffOptions{Context: -1, Numbers: true}))
	plainGolden(t, "move.json", plainRender(t, m, "json", DiffOptions{}))
	plainGolden(t, "move.stat", plainRender(t, m, "stat", DiffOptions{}))
}

func TestDiffPlainMarkers(t *testing.T) {
	m := plainMoveComparison(t)
	out := string(plainRender(t, m, "plain", DiffOptions{Context: -1}))
	for _, want := range []string{"[move 1<", ">move 1]", "[move 1>", "<move 1]", "[-every -]", "{+each +}", "{+, unchanged+}"} {
		if !strings.Contains(out, want) {
			t.Errorf("plain output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("plain output holds terminal escapes")
	}
	c, err := diff.Compare(diff.Input{Name: "a", Data: []byte("One. Two.")}, diff.Input{Name: "b", Data: []byte("One.\n\nTwo.")}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(plainRender(t, c, "plain", DiffOptions{Context: -1})); !strings.Contains(got, "{+¶+}") {
		t.Errorf("a paragraph split is not marked: %q", got)
	}
}

func TestDiffPlainContextFolds(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 10; i++ {
		a.WriteString("Paragraph of text number " + strings.Repeat("x", i+1) + ".\n\n")
		if i == 5 {
			b.WriteString("Paragraph of changed text number " + strings.Repeat("x", i+1) + ".\n\n")
		} else {
			b.WriteString("Paragraph of text number " + strings.Repeat("x", i+1) + ".\n\n")
		}
	}
	c, err := diff.Compare(diff.Input{Name: "a", Data: []byte(a.String())}, diff.Input{Name: "b", Data: []byte(b.String())}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := string(plainRender(t, c, "plain", DiffOptions{Context: 1}))
	if !strings.Contains(out, "[… 4 unchanged paragraphs …]") || !strings.Contains(out, "xxxx.") || strings.Contains(out, "number x.") {
		t.Errorf("context 1 folds wrongly:\n%s", out)
	}
	if !strings.Contains(out, "{+changed +}") {
		t.Errorf("the change is missing:\n%s", out)
	}
}

// The JSON is the contract: it decodes back to the same comparison, and
// joining each side rebuilds the inputs.
func TestDiffJSONRoundTrip(t *testing.T) {
	m := plainMoveComparison(t)
	var back diff.Comparison
	if err := json.Unmarshal(plainRender(t, m, "json", DiffOptions{}), &back); err != nil {
		t.Fatal(err)
	}
	if back.Text("a") != m.Text("a") || back.Text("b") != m.Text("b") || back.Stats != m.Stats {
		t.Error("json does not round-trip")
	}
	empty := &diff.Comparison{}
	out := string(plainRender(t, empty, "json", DiffOptions{}))
	for _, want := range []string{`"notes": []`, `"fields": []`, `"segments": []`} {
		if !strings.Contains(out, want) {
			t.Errorf("empty comparison json lacks %s: %s", want, out)
		}
	}
}
