package cmd

import (
	"bytes"
	"strings"
	"testing"
)

// testFactory is a Factory on in-memory streams, for flag tests.
func testFactory() *Factory {
	return newFactory(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{})
}

func TestBlameFlags(t *testing.T) {
	var got *BlameOptions
	c := NewCmdBlame(testFactory(), func(o *BlameOptions) error { got = o; return nil })
	c.SetArgs([]string{"message.md@3", "--format", "html", "-o", "b.html", "--title", "T", "--paper", "letter"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Ref != "message.md@3" || got.Format != "html" || got.Output != "b.html" || got.Title != "T" || got.Paper != "letter" || got.JSON {
		t.Fatalf("options %+v", got)
	}
	for _, bad := range [][]string{
		{"m.md", "--format", "docx"},
		{"m.md", "--json", "--format", "plain"},
		{"m.md", "--paper", "a5"},
		{},
		{"a.md", "b.md"},
	} {
		got = nil
		c := NewCmdBlame(testFactory(), func(o *BlameOptions) error { got = o; return nil })
		c.SetArgs(bad)
		c.SetErr(&bytes.Buffer{})
		c.SetOut(&bytes.Buffer{})
		if err := c.Execute(); err == nil || got != nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}
