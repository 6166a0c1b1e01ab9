package cmd

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/creack/pty"
)

// runOnTerminal runs the redline executable with its standard output and
// standard error on a pseudo-terminal, as a person at a terminal would, and
// returns what the terminal showed and the exit status. It skips where no
// pseudo-terminal can be opened.
func runOnTerminal(t *testing.T, dir string, env []string, args ...string) (string, int) {
	t.Helper()
	exe := redlineExe(t)
	c := exec.Command(exe, args...)
	c.Dir = dir
	c.Env = append(os.Environ(), env...)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here (%v): terminal behaviour not tested", err)
	}
	defer ptmx.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 40, Cols: 100})
	c.Stdin, c.Stdout, c.Stderr = tty, tty, tty
	if err := c.Start(); err != nil {
		tty.Close()
		t.Fatal(err)
	}
	tty.Close()
	var out bytes.Buffer
	done := make(chan struct{})
	go func() {
		io.Copy(&out, ptmx) // ends with EIO when the last writer closes
		close(done)
	}()
	waitErr := make(chan error, 1)
	go func() { waitErr <- c.Wait() }()
	var werr error
	select {
	case werr = <-waitErr:
	case <-time.After(60 * time.Second):
		c.Process.Kill()
		t.Fatalf("redline %v did not finish on the terminal", args)
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
	}
	code := 0
	var ee *exec.ExitError
	if errors.As(werr, &ee) {
		code = ee.ExitCode()
	} else if werr != nil {
		t.Fatal(werr)
	}
	return out.String(), code
}
