package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

func kinds(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			b.WriteString(n.Kind().String() + " ")
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// Tables and strikethrough are read, as drafts write them; code is code.
func TestParseReadsTheDraftDialect(t *testing.T) {
	doc := Parse([]byte("| a | b |\n|---|---|\n| `x` | ~~y~~ |\n\n    code\n"))
	got := kinds(doc)
	for _, want := range []string{east.KindTable.String(), east.KindStrikethrough.String(), ast.KindCodeSpan.String(), ast.KindCodeBlock.String()} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in %s", want, got)
		}
	}
}

func TestNewRendersWithTheSameExtensions(t *testing.T) {
	var out bytes.Buffer
	if err := New().Convert([]byte("~~gone~~\n\n| a |\n|---|\n| b |\n"), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "<del>gone</del>") || !strings.Contains(out.String(), "<table>") {
		t.Errorf("rendered %s", out.String())
	}
}
