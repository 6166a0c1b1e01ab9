package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
)

// startPager sends long output on a terminal through a pager, as git does:
// REDLINE_PAGER (like GIT_PAGER), then PAGER, then "less -R"; less gets
// LESS=FRX (short output stays on screen, colours pass) and lv gets LV=-c
// unless they are set. It returns the writer to use and a function that
// waits for the pager to finish. With disabled set, --no-pager (-P) given,
// standard output not a terminal, or the pager "" or "cat", output goes
// straight to standard output. A pager that cannot be found is warned
// about and skipped. Quitting the pager early (q) is not an error: the
// rest of the output is dropped and the command ends as it would have.
func startPager(s *IOStreams, disabled bool) (io.Writer, func()) {
	if disabled || s.NoPager || !s.IsStdoutTTY() {
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
			fmt.Fprintf(s.ErrOut, "redline: warning: pager %q not found (set REDLINE_PAGER or PAGER, or use --no-pager): writing to the terminal\n", prog)
			return s.Out, func() {}
		}
	}
	cmd := exec.Command("sh", "-c", pager)
	cmd.Stdout = s.Out
	cmd.Stderr = s.ErrOut
	cmd.Env = pagerEnv(os.Environ())
	in, err := cmd.StdinPipe()
	if err != nil {
		return s.Out, func() {}
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(s.ErrOut, "redline: warning: cannot start the pager %q (%v): writing to the terminal\n", pager, err)
		return s.Out, func() {}
	}
	pw := &pagerWriter{w: in}
	return pw, func() {
		in.Close()
		cmd.Wait()
	}
}

// pagerEnv adds what git sets for the pagers it knows, unless set.
func pagerEnv(env []string) []string {
	has := func(name string) bool {
		for _, kv := range env {
			if strings.HasPrefix(kv, name+"=") {
				return true
			}
		}
		return false
	}
	if !has("LESS") {
		env = append(env, "LESS=FRX")
	}
	if !has("LV") {
		env = append(env, "LV=-c")
	}
	return env
}

// pagerWriter writes into the pager's input. Once the pager has gone (the
// reader quit with q), writes succeed and are dropped: the command has
// nothing left to show, and "write |1: broken pipe" is not an error of the
// person's making.
type pagerWriter struct {
	mu   sync.Mutex
	w    io.Writer
	gone bool
}

func (p *pagerWriter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.gone {
		return len(b), nil
	}
	n, err := p.w.Write(b)
	if err != nil && (errors.Is(err, syscall.EPIPE) || errors.Is(err, os.ErrClosed)) {
		p.gone = true
		return len(b), nil
	}
	return n, err
}
