package cmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
)

// despatchExe finds the redline command that testscript.Main put on PATH
// (the test binary, built once, which runs Main under that name).
func despatchExe(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("redline")
	if err != nil {
		t.Skip("redline is not on PATH (run through go test)")
	}
	return p
}

func despatchCmd(exe, dir string, args ...string) *exec.Cmd {
	c := exec.Command(exe, args...)
	c.Dir = dir
	c.Env = append(os.Environ(), "REDLINE_AUTHOR=Duty Clerk", "REDLINE_OFFICE=Comcen", "NO_COLOR=1",
		"REDLINE_NOW=1988-12-21T21:30:00Z", "REDLINE_TEST_CLOCK=1")
	return c
}

// despatchDTG is a distinct date-time group for message i: i minutes before
// the fixed clock, so that one originator can send many messages at once
// (--dtg now moves on at most a few minutes past the clock).
func despatchDTG(i int) string {
	t := time.Date(1988, 12, 21, 21, 30, 0, 0, time.UTC).Add(-time.Duration(i) * time.Minute)
	s, _ := cable.FormatDTG(t, 'Z', 2)
	return s
}

func despatchRun(t *testing.T, exe, dir string, args ...string) string {
	t.Helper()
	out, err := despatchCmd(exe, dir, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("redline %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func despatchDraft(i int) string {
	return fmt.Sprintf(`---
title: Message %d
template: personal-message
classification: SECRET
precedence: IMMEDIATE
from: CABINET OFFICE LONDON
to: [THE WHITE HOUSE]
series: T
---
This is message number %d. We must make it clear to Moscow, publicly and
privately, that our agreement is strictly conditional on continued progress.
`, i, i)
}

// despatchRegister reads `redline serial list --json`.
func despatchRegister(t *testing.T, exe, dir string) []map[string]any {
	t.Helper()
	c := despatchCmd(exe, dir, "serial", "list", "--json")
	out, err := c.Output()
	if err != nil {
		t.Fatalf("serial list: %v", err)
	}
	var reg []map[string]any
	if err := json.Unmarshal(out, &reg); err != nil {
		t.Fatalf("serial list --json: %v\n%s", err, out)
	}
	return reg
}

// despatchCheckGapless checks that the register holds T 1/88 ... T n/88
// once each, each from a different draft, with distinct DTGs, and that
// every sealed draft is in it.
func despatchCheckGapless(t *testing.T, exe, dir string, reg []map[string]any) {
	t.Helper()
	serials := map[string]string{}
	drafts := map[string]bool{}
	dtgs := map[string]bool{}
	for _, e := range reg {
		s, d, g := e["serial"].(string), e["draft"].(string), e["dtg"].(string)
		if prev, ok := serials[s]; ok {
			t.Errorf("serial %s issued twice: %s and %s", s, prev, d)
		}
		serials[s] = d
		if drafts[d] {
			t.Errorf("draft %s sent twice", d)
		}
		drafts[d] = true
		if dtgs[g] {
			t.Errorf("DTG %s used twice by one originator", g)
		}
		dtgs[g] = true
	}
	for n := 1; n <= len(reg); n++ {
		if _, ok := serials[fmt.Sprintf("T %d/88", n)]; !ok {
			t.Errorf("serial T %d/88 missing from a register of %d", n, len(reg))
		}
	}
	ws, err := draft.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	all, err := ws.AllRevisions()
	if err != nil {
		t.Fatal(err)
	}
	sealed := 0
	for _, r := range all {
		if r.Sent == nil {
			continue
		}
		sealed++
		if !drafts[r.Draft] {
			t.Errorf("%s is sealed but not in the register", r.Draft)
		}
		if !despatchContains(r.Labels, "as-sent") {
			t.Errorf("%s@%d is sent but not labelled as-sent", r.Draft, r.Number)
		}
		if !strings.Contains(string(r.Sent.Cable), "SERIAL No. "+r.Sent.Serial+"\n") {
			t.Errorf("%s: the stored cable does not carry its serial %s", r.Draft, r.Sent.Serial)
		}
	}
	if sealed != len(reg) {
		t.Errorf("%d sealed revisions, %d register entries", sealed, len(reg))
	}
	despatchRun(t, exe, dir, "fsck")
	despatchRun(t, exe, dir, "serial", "verify")
}

func despatchContains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestSendConcurrent: 16 processes each send 16 drafts to the same series
// at the same time. Every draft is sent once, under 256 distinct serials
// with no gap, with distinct DTGs, and the store checks clean.
func TestSendConcurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 256 processes")
	}
	exe := despatchExe(t)
	dir := t.TempDir()
	despatchRun(t, exe, dir, "init")
	const procs, each = 16, 16
	var names []string
	for i := 0; i < procs*each; i++ {
		name := fmt.Sprintf("m%03d.md", i)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(despatchDraft(i)), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	despatchRun(t, exe, dir, append([]string{"commit", "-m", "final"}, names...)...)

	start := time.Now()
	for _, err := range inParallel(procs, func(p int) error {
		var failed []error
		for k := 0; k < each; k++ {
			name := names[p*each+k]
			out, err := despatchCmd(exe, dir, "send", name, "-o", name+".txt", "--dtg", despatchDTG(p*each+k)).CombinedOutput()
			if err != nil {
				failed = append(failed, fmt.Errorf("send %s: %v\n%s", name, err, out))
			}
		}
		return errors.Join(failed...)
	}) {
		t.Error(err)
	}
	t.Logf("%d concurrent sends took %v", procs*each, time.Since(start))
	reg := despatchRegister(t, exe, dir)
	if len(reg) != procs*each {
		t.Fatalf("register has %d entries, want %d", len(reg), procs*each)
	}
	despatchCheckGapless(t, exe, dir, reg)
	// Each -o file holds the cable the register records.
	for _, e := range reg {
		b, err := os.ReadFile(filepath.Join(dir, e["draft"].(string)+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if sendSHA256(b) != e["sha256"] {
			t.Errorf("%s: the cable written differs from the one recorded", e["draft"])
		}
	}
}

// TestSendSIGKILL kills `redline send` at moments spread over its run. After
// each kill the draft is either fully sent (in the register, sealed, with
// its as-sent revision) or not at all, and the serials stay gapless.
func TestSendSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	exe := despatchExe(t)
	dir := t.TempDir()
	despatchRun(t, exe, dir, "init")
	// Some history, so that a send has a store to read.
	var names []string
	for i := 0; i < 30; i++ {
		name := fmt.Sprintf("k%03d.md", i)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(despatchDraft(i)), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	despatchRun(t, exe, dir, append([]string{"commit", "-m", "final"}, names...)...)
	t0 := time.Now()
	despatchRun(t, exe, dir, "send", names[0], "--dtg", despatchDTG(0))
	span := time.Since(t0)
	t.Logf("an undisturbed send takes %v", span)

	rng := rand.New(rand.NewSource(1988))
	sent, killed := 1, 0
	for i := 1; i < len(names); i++ {
		c := despatchCmd(exe, dir, "send", names[i], "--dtg", despatchDTG(i))
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill somewhere between the start and a little after a normal
		// send's end.
		delay := time.Duration(rng.Int63n(int64(span) * 5 / 4))
		done := make(chan error, 1)
		go func() { done <- c.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("send %s failed: %v", names[i], err)
			}
		case <-time.After(delay):
			c.Process.Signal(syscall.SIGKILL)
			if err := <-done; err != nil {
				killed++
			}
		}
		ws, err := draft.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		sealed, ok, err := ws.Sealed(filepath.Join(dir, names[i]))
		ws.Close()
		if err != nil {
			t.Fatalf("after killing the send of %s: %v", names[i], err)
		}
		if ok {
			sent++
			if sealed.Sent.Serial != fmt.Sprintf("T %d/88", sent) {
				t.Errorf("%s sent as %s, want T %d/88", names[i], sealed.Sent.Serial, sent)
			}
		}
		reg := despatchRegister(t, exe, dir)
		if len(reg) != sent {
			t.Fatalf("after %s: register has %d entries, %d drafts are sealed", names[i], len(reg), sent)
		}
	}
	t.Logf("%d sends, %d killed before they finished, %d completed", len(names)-1, killed, sent-1)
	// The drafts whose send was killed can still be sent, continuing the
	// numbers.
	for i, n := range names {
		ws, _ := draft.Open(dir)
		if _, ok, _ := ws.Sealed(filepath.Join(dir, n)); !ok {
			despatchRun(t, exe, dir, "send", n, "--dtg", despatchDTG(i))
		}
		ws.Close()
	}
	reg := despatchRegister(t, exe, dir)
	if len(reg) != len(names) {
		t.Fatalf("register has %d entries, want %d", len(reg), len(names))
	}
	despatchCheckGapless(t, exe, dir, reg)
}
