package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/redline-dev/redline/attrib"
)

func smallBlame(t *testing.T) *attrib.Blame {
	t.Helper()
	b, err := attrib.Chain([]attrib.Revision{
		{Name: "d@1", Number: 1, Label: "fco-draft", Author: "Sir Percy Cradock", Office: "FCO", Kind: "text",
			Data: []byte("we can no longer delay a decision on whether to agree.\n")},
		{Name: "d@2", Number: 2, Author: "Charles Powell", Office: "No. 10", Kind: "text",
			Data: []byte("we shall have to reach a decision \x1b[31mvery soon on whether to agree.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBlameViews(t *testing.T) {
	b := smallBlame(t)
	for format, want := range map[string][]string{
		"plain": {"office FCO: 7 words\n", "office No. 10: 6 words\n", "revision 1 (fco-draft)  FCO  Sir Percy Cradock  7 words\n",
			"we {2:shall have to reach} a decision ␛[{2:31mvery soon} on whether to agree.\n"},
		"ansi": {"\x1b[35m\x1b[1mNo. 10\x1b[0m: 6 words", "\x1b[34mwe\x1b[0m \x1b[35mshall have to reach\x1b[0m"},
		"html": {`<span class="office-1" title="revision 2, Charles Powell, No. 10">shall have to reach </span>`,
			`<span class="sw" style="background:#1f4ea8"></span><span class="office-0">FCO</span>: 7 words`},
	} {
		var buf bytes.Buffer
		if err := Blame(&buf, b, format, BlameOptions{Color: true}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s view lacks %q:\n%s", format, w, out)
			}
		}
		if format != "html" && !strings.Contains(out, "decision ␛[") {
			t.Errorf("%s view does not show the document's escape as a picture", format)
		}
	}
	var pdf bytes.Buffer
	if _, err := BlamePDFWithWarnings(&pdf, b, BlameOptions{Paper: "letter"}); err != nil || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
		t.Errorf("pdf: %v", err)
	}
	if err := Blame(&pdf, b, "docx", BlameOptions{}); err == nil {
		t.Error("an unknown blame format gave no error")
	}
}
