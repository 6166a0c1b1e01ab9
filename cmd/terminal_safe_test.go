package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every command that writes a document's text to standard output shows its
// control characters as symbols on a terminal: a received draft cannot set
// the clipboard (OSC 52) or clear the screen.
func TestDocumentTextReachesTheTerminalSafely(t *testing.T) {
	dir := t.TempDir()
	draftText := "x {++bad \x1b]52;c;Zm9v\x07 ins++} y \x1b[2J\n"
	sent, err := os.ReadFile(filepath.Join("..", "examples", "moscow-1988", "as-sent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	cableText := strings.Replace(string(sent), "\"DEAR RON", "\"DEAR \x1b]52;c;Zm9v\x07RON\x1b[2J", 1)
	for name, text := range map[string]string{"cm2.md": draftText, "ctl.txt": cableText, "F.md": draftText} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{"NO_COLOR=1", "REDLINE_PAGER=cat", "HOME=" + dir, "REDLINE_AUTHOR=A N Other", "REDLINE_OFFICE=FCO"}
	for _, args := range [][]string{{"init"}, {"commit", "F.md", "-m", "first"}} {
		if out, code := runOnTerminal(t, dir, env, args...); code != 0 {
			t.Fatalf("redline %v: exit %d: %s", args, code, out)
		}
	}
	for _, args := range [][]string{
		{"render", "cm2.md", "--format", "ansi"},
		{"render", "cm2.md", "--format", "ansi", "--color", "always"},
		{"accept", "cm2.md", "--all", "--dry-run"},
		{"accept", "cm2.md", "--all", "-o", "-"},
		{"show", "F.md@1"},
		{"import", "cable", "ctl.txt", "-o", "-"},
	} {
		out, _ := runOnTerminal(t, dir, env, args...)
		if strings.Contains(out, "\x1b]52") || strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\x07") {
			t.Errorf("redline %s wrote a control sequence from the document to the terminal:\n%q", strings.Join(args, " "), out)
		}
		if !strings.Contains(out, "\u241b") {
			t.Errorf("redline %s did not show the document's ESC as a symbol:\n%q", strings.Join(args, " "), out)
		}
	}
}
