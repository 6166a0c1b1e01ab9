package cmd

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// startPager sends long output on a terminal through $PAGER (default
// "less -R", with LESS=FRX so that short output stays on screen, as git
// does). It returns the writer to use and a function that waits for the
// pager to finish. With disabled set, or when standard output is not a
// terminal, or PAGER is "" or "cat", output goes straight to standard output.
func startPager(s *IOStreams, disabled bool) (io.Writer, func()) {
	if disabled || !s.IsStdoutTTY() {
		return s.Out, func() {}
	}
	pager, set := os.LookupEnv("REDLINE_PAGER")
	if !set {
		pager, set = os.LookupEnv("PAGER")
	}
	if !set {
		pager = "less -R"
	}
	pager = strings.TrimSpace(pager)
	if pager == "" || pager == "cat" {
		return s.Out, func() {}
	}
	// The shell would start even when the pager does not exist, and the
	// output would be lost: look the program up first and fall back to
	// standard output, saying why.
	if prog := strings.Fields(pager)[0]; !strings.ContainsAny(prog, "=$`'\"|;&<>") {
		if _, err := exec.LookPath(prog); err != nil {
			fmt.Fprintf(s.ErrOut, "redline: warning: pager %q not found (set PAGER, or use --no-pager): writing to the terminal\n", prog)
			return s.Out, func() {}
		}
	}
	cmd := exec.Command("sh", "-c", pager)
	cmd.Stdout = s.Out
	cmd.Stderr = s.ErrOut
	cmd.Env = os.Environ()
	if os.Getenv("LESS") == "" {
		cmd.Env = append(cmd.Env, "LESS=FRX")
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		return s.Out, func() {}
	}
	if err := cmd.Start(); err != nil {
		return s.Out, func() {}
	}
	return in, func() {
		in.Close()
		cmd.Wait()
	}
}
