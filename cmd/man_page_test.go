package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

func TestManPageRoff(t *testing.T) {
	root := &cobra.Command{Use: "tool", Short: "Top"}
	sub := &cobra.Command{Use: "run FILE", Short: `Run a\b`, Long: "first\n.dot line\n\n'quote", Example: "  tool run x", Run: func(*cobra.Command, []string) {}}
	sub.Flags().StringP("format", "f", "plain", "the format")
	sub.Flags().Bool("quiet", false, "say nothing")
	hidden := &cobra.Command{Use: "secret", Hidden: true, Run: func(*cobra.Command, []string) {}}
	root.PersistentFlags().String("color", "auto", "colour")
	root.AddCommand(sub, hidden)
	page := string(manPage(sub, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)))
	for _, want := range []string{
		`.TH "TOOL-RUN" "1" "Dec 2026"`,
		`tool-run \- Run a\eb`,
		"\\&.dot line\n.PP\n\\&'quote",
		`\fB\-f\fP, \fB\-\-format\fP="plain"`,
		"\\fB\\-\\-quiet\\fP\nsay nothing",
		".SH OPTIONS INHERITED FROM PARENT COMMANDS\n.TP\n\\fB\\-\\-color\\fP=\"auto\"",
		"tool run x",
		`\fBtool(1)\fP`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
	dir := t.TempDir()
	if err := writeManTree(root, dir, time.Now()); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "tool-run.1 tool.1" {
		t.Fatalf("pages %v, want tool-run.1 and tool.1 (no hidden command)", names)
	}
	top, _ := os.ReadFile(filepath.Join(dir, "tool.1"))
	if !strings.Contains(string(top), `\fBtool-run(1)\fP`) {
		t.Errorf("top page does not refer to tool-run(1):\n%s", top)
	}
}
