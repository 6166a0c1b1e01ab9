package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-dev/redline/critic"
)

// TestReadPandocDocument reads a document another tool wrote: pandoc
// turns Markdown with insertion, deletion and comment spans into a .docx
// with w:ins, w:del and w:comment, which must come back as CriticMarkup
// with the same authors and dates.
func TestReadPandocDocument(t *testing.T) {
	needPandoc(t)
	out := filepath.Join(t.TempDir(), "pandoc.docx")
	if b, err := exec.Command("pandoc", "-f", "markdown", "-t", "docx", "-o", out, filepath.Join("testdata", "pandoc-tracked.md")).CombinedOutput(); err != nil {
		t.Fatalf("pandoc: %v\n%s", err, b)
	}
	data := readFile(t, out)
	doc, rep, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) > 0 || rep.FormatChanges > 0 {
		t.Errorf("pandoc's document gave a report: %+v", rep)
	}
	got := string(Critic(doc))
	for _, want := range []string{
		"{~~can no longer delay~>shall have to reach~~}{>>@J S Wall: (1988-12-20T10:00:00Z)<<}",
		"{++very soon++}{>>@Charles Powell: (1988-12-21T09:30:00Z)<<}",
		"## Conditions",
		"prior conditions{>>@CDP: More precise, please. (1988-12-21T10:00:00Z)<<}",
		"*the people*",
		"{--on which we insist--}{>>@Charles Powell: (1988-12-21T09:31:00Z)<<}",
		"- Prisoners are being released.\n- Jamming {++has ceased++}{>>@Margaret Thatcher: (1988-12-21T09:00:00Z)<<}.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("imported:\n%s\nlacks %q", got, want)
		}
	}
	d, err := critic.Parse("pandoc.md", []byte(got))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Changes()); n != 5 {
		t.Errorf("%d changes, want 5 (a substitution, an insertion, a comment, a deletion, an insertion)", n)
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
