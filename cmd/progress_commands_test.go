package cmd

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// progressRecorder replaces progressRunner for a test and lists the work
// that asked for a progress line.
func progressRecorder(t *testing.T) func() []string {
	t.Helper()
	var mu sync.Mutex
	var seen []string
	old := progressRunner
	progressRunner = func(_ io.Writer, what string, _, _ time.Duration) func() {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, what)
		return func() {}
	}
	t.Cleanup(func() { progressRunner = old })
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(seen)
	}
}

// TestSlowCommandsShowProgress runs the commands that can take more than a
// second (fsck, the importers, the PDF writers, a diff written to a file)
// with standard error on a terminal, and checks that each one shows
// progress there, and none does when standard error is a pipe.
func TestSlowCommandsShowProgress(t *testing.T) {
	cable, err := os.ReadFile(filepath.Join("..", "examples", "moscow-1988", "as-sent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	seen := progressRecorder(t)
	steps := []struct {
		args []string
		want string
	}{
		{[]string{"init"}, ""},
		{[]string{"fsck"}, "checking the store"},
		{[]string{"import", "cable", "cable.txt", "-o", "imported.md"}, "importing cable.txt"},
		{[]string{"import", "handwritten", "hand.md", "-o", "amended.md"}, "importing hand.md"},
		{[]string{"diff", "a.md", "b.md", "--format", "pdf", "-o", "d.pdf"}, "writing d.pdf"},
		{[]string{"render", "imported.md", "--format", "pdf", "-o", "c.pdf"}, "writing the PDF"},
		{[]string{"blame", "a.md", "--format", "pdf", "-o", "b.pdf"}, "writing the PDF"},
	}
	for _, tty := range []bool{true, false} {
		dir := t.TempDir()
		t.Chdir(dir)
		files := map[string]string{
			"a.md":      "The Prime Minister agreed.\n",
			"b.md":      "The Prime Minister has agreed today.\n",
			"hand.md":   "We {--can--}{++shall++} decide.\n",
			"cable.txt": string(cable),
		}
		for name, text := range files {
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, st := range steps {
			if st.args[0] == "blame" {
				runStep(t, []string{"commit", "a.md", "-m", "first"}, tty)
			}
			before := len(seen())
			runStep(t, st.args, tty)
			got := seen()[before:]
			cmd := "redline " + strings.Join(st.args, " ")
			switch {
			case !tty && len(got) > 0:
				t.Errorf("%s with stderr a pipe showed progress: %q", cmd, got)
			case tty && st.want != "" && !slices.Contains(got, st.want):
				t.Errorf("%s on a terminal: progress %q, want %q among them", cmd, got, st.want)
			}
		}
	}
}

// runStep runs one redline command in the current folder, standard error
// a terminal or not.
func runStep(t *testing.T, args []string, tty bool) {
	t.Helper()
	f, _, errOut := testFactory(t)
	f.Getwd = os.Getwd
	f.IO.stderrTTY = tty
	f.IO.Getenv = func(k string) string {
		switch k {
		case "REDLINE_AUTHOR":
			return "Charles Powell"
		case "REDLINE_OFFICE":
			return "No. 10"
		}
		return ""
	}
	root := NewRootCmd(f)
	root.SetArgs(args)
	if _, err := root.ExecuteC(); err != nil {
		t.Fatalf("redline %s: %v\n%s", strings.Join(args, " "), err, errOut)
	}
}
