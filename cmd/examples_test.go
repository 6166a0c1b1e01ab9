package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// exampleSkips lists Example lines (by a piece of their text) that this
// test cannot run, with the reason.
var exampleSkips = map[string]string{
	"--open":                    "opens a browser",
	"redline review":            "starts a review server",
	"--store postgres://":       "needs a PostgreSQL server",
	"redline init ~/telegrams":  "the shell expands ~; covered by 'redline init'",
	"cleared.docx":              "needs a Word document the bundled example does not have",
	`select(.state == "stale")`: "needs a clearance given before the text changed",
}

// exampleFiles are the names the examples use for the bundled example's
// files, committed (in order) before each command's examples run.
var exampleFiles = []struct{ name, src, label, office string }{
	{"draft.md", "fco-draft.md", "fco-draft", ""},
	{"draft.md", "telegram.md", "no10", "No. 10"},
	{"draft.md", "no10-amended.md", "", ""},
	{"fco-draft.md", "fco-draft.md", "", ""},
	{"fco-draft.md", "no10-amended.md", "", ""},
	{"fco-draft.md", "telegram.md", "", ""},
	{"message.md", "fco-draft.md", "", ""},
	{"message.md", "no10-amended.md", "", "No. 10"},
	{"message.md", "telegram.md", "", "No. 10"},
	{"telegram.md", "telegram.md", "", ""},
	{"cable.md", "telegram.md", "no10", ""},
	{"instruction.md", "telegram.md", "", ""},
	{"a.md", "fco-draft.md", "", ""},
	{"b.md", "telegram.md", "", ""},
}

// exampleCopies are plain files the examples read.
var exampleCopies = map[string]string{
	"old.txt":              "fco-draft.md",
	"new.txt":              "telegram.md",
	"as-sent.txt":          "as-sent.txt",
	"received.txt":         "as-sent.txt",
	"state-153441.txt":     "as-sent.txt",
	"scan-transcript.md":   "handwritten.md",
	"examples/moscow-1988": "",
}

// TestHelpExamples runs every 'redline ...' line of every command's
// Example, in order, in a fresh workspace holding the bundled example,
// and fails when one exits 2 (a flag, argument or file the example gets
// wrong).
func TestHelpExamples(t *testing.T) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	tmpl := prepareExampleWorkspace(t, repo)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if lines := exampleLines(c.Example); len(lines) > 0 {
			t.Run(strings.ReplaceAll(c.CommandPath(), " ", "_"), func(t *testing.T) {
				dir := t.TempDir()
				if err := os.CopyFS(dir, os.DirFS(tmpl)); err != nil {
					t.Fatal(err)
				}
				t.Chdir(dir)
				for _, line := range lines {
					if why := exampleSkip(line); why != "" {
						t.Logf("skip %q: %s", line, why)
						continue
					}
					args := exampleArgs(line)
					var out, errOut bytes.Buffer
					code := Main(args, strings.NewReader(""), &out, &errOut)
					if code == ExitError && isExampleUsageError(errOut.String()) {
						t.Errorf("%q exits %d:\n%s", line, code, errOut.String())
					}
					if m := jqSelect.FindStringSubmatch(line); m != nil && code == ExitOK && !strings.Contains(out.String(), m[1]) {
						t.Errorf("%q: the output has no %s, so jq selects nothing", line, m[1])
					}
				}
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewRootCmd(newFactory(nil, &bytes.Buffer{}, &bytes.Buffer{})))
}

// prepareExampleWorkspace makes a workspace with the bundled example
// committed under the names the examples use, and returns its directory.
func prepareExampleWorkspace(t *testing.T, repo string) string {
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("REDLINE_AUTHOR", "Desk officer")
	t.Setenv("REDLINE_OFFICE", "FCO")
	t.Setenv("REDLINE_NOW", "1988-12-21T21:30:00Z")
	t.Setenv("REDLINE_TEST_CLOCK", "1")
	t.Setenv("NO_COLOR", "1")
	t.Setenv("PAGER", "cat")
	t.Chdir(dir)
	ex := filepath.Join(repo, "examples", "moscow-1988")
	run := func(args ...string) {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := Main(args, strings.NewReader(""), &out, &errOut); code != ExitOK {
			t.Fatalf("redline %s: exit %d\n%s", strings.Join(args, " "), code, errOut.String())
		}
	}
	put := func(name, src string) {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(ex, src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init")
	for _, f := range exampleFiles {
		put(f.name, f.src)
		args := []string{"commit", f.name, "-m", "from " + f.src}
		if f.office != "" {
			args = append(args, "--office", f.office)
		}
		if f.label != "" {
			args = append(args, "--label", f.label)
		}
		run(args...)
	}
	for name, src := range exampleCopies {
		if src == "" {
			if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(ex)); err != nil {
				t.Fatal(err)
			}
			continue
		}
		put(name, src)
	}
	return dir
}

// isExampleUsageError reports whether what redline wrote on standard
// error says the example called it wrongly: a flag or argument its usage
// refuses (those errors send the reader to --help), or a filter that
// matches no change of the file it names. Errors about the workspace's
// state (a label not made yet, a draft already sent) do not count.
func isExampleUsageError(stderr string) bool {
	return strings.Contains(stderr, "--help')") || strings.Contains(stderr, "redline: no change in ")
}

// jqSelect finds a jq filter selecting on a field's value, whose value
// the JSON redline prints must then hold.
var jqSelect = regexp.MustCompile(`\| jq .*select\(\.\w+ == ("[^"]*")\)`)

// exampleLines returns the lines of an Example that run redline.
func exampleLines(example string) []string {
	var out []string
	for _, l := range strings.Split(example, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "redline ") {
			out = append(out, l)
		}
	}
	return out
}

func exampleSkip(line string) string {
	for k, why := range exampleSkips {
		if strings.Contains(line, k) {
			return why
		}
	}
	return ""
}

// exampleArgs splits an Example line as a shell would, dropping the
// leading "redline" and stopping at the first unquoted |, >, && or #
// (what follows is for the shell, not redline).
func exampleArgs(line string) []string {
	var args []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
			continue
		case r == '"' || r == '\'':
			quote, inWord = r, true
			continue
		case r == ' ' || r == '\t':
			if inWord {
				args = append(args, cur.String())
				cur.Reset()
				inWord = false
			}
			continue
		case r == '|' || r == '>' || r == '&' || r == '#':
			if !inWord {
				return args[1:]
			}
		}
		cur.WriteRune(r)
		inWord = true
	}
	if inWord {
		args = append(args, cur.String())
	}
	return args[1:]
}
