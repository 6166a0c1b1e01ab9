package draft

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The concurrency test runs real processes: the test binary re-executes
// itself into TestStoreHelperProcess, which commits through the store API.

const (
	helperProcs   = 8
	helperCommits = 25
	helperSends   = 4
)

// TestStoreHelperProcess is not a test: it is the body of a child process
// started by TestStoreConcurrentProcesses.
func TestStoreHelperProcess(t *testing.T) {
	if os.Getenv("REDLINE_STORE_HELPER") != "1" {
		t.Skip("helper process only")
	}
	err := storeHelper(os.Getenv("REDLINE_STORE_ROOT"), os.Getenv("REDLINE_STORE_ID"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(3)
	}
	os.Exit(0)
}

func storeHelper(root, id string) error {
	ws, err := Open(root)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for j := 1; j <= helperCommits; j++ {
		// Own draft.
		r, err := ws.Commit(CommitRequest{Draft: "own/p" + id + ".md", Content: []byte(fmt.Sprintf("process %s revision %d\n", id, j)),
			Author: "p" + id, Office: "test", Message: fmt.Sprintf("own %d", j)})
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "own %d\n", r.Number)
		// Shared draft: every content is unique, so no commit is refused.
		r, err = ws.Commit(CommitRequest{Draft: "shared.md", Content: []byte(fmt.Sprintf("shared from %s, %d\n", id, j)),
			Author: "p" + id, Office: "test", Message: fmt.Sprintf("shared %s %d", id, j)})
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "shared %d\n", r.Number)
		if j > helperSends {
			continue
		}
		// A send: read the whole register and commit the next serial in
		// one transaction, as `redline send` does.
		err = ws.Update(func(tx *Tx) error {
			n, err := tx.Store().NextNumber("T", 1988)
			if err != nil {
				return err
			}
			serial := fmt.Sprintf("T %d/88", n)
			cable := []byte("CABLE " + serial + "\n")
			r, err := tx.Commit(CommitRequest{Draft: fmt.Sprintf("sent/p%s-%d.md", id, j), Content: []byte("telegram " + id + "\n"),
				Author: "p" + id, Office: "test", Message: "sent", Labels: []string{"as-sent"},
				Sent: &Sent{Series: "T", Serial: serial, DTG: "211930Z DEC 88", Cable: cable}})
			if err != nil {
				return err
			}
			e, err := RegisterEntry(ws.Config, *r)
			if err != nil {
				return err
			}
			if _, err := tx.Store().AppendRegister(e); err != nil {
				return err
			}
			fmt.Fprintf(out, "sent %s %d\n", serial, r.Number)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func TestStoreConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	ws := newTestWorkspace(t)
	start := time.Now()
	var wg sync.WaitGroup
	outs := make([]bytes.Buffer, helperProcs)
	errs := make([]error, helperProcs)
	for i := 0; i < helperProcs; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStoreHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "REDLINE_STORE_HELPER=1", "REDLINE_STORE_ROOT="+ws.Root, "REDLINE_STORE_ID="+strconv.Itoa(i))
		cmd.Stdout = &outs[i]
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if err := cmd.Wait(); err != nil {
				errs[i] = fmt.Errorf("process %d: %v: %s", i, err, stderr.String())
			}
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d processes, %d commits each: %v", helperProcs, 2*helperCommits+helperSends, time.Since(start))

	sharedSeen := map[int]bool{}
	serialSeen := map[string]bool{}
	for i := range outs {
		lastShared := 0
		own := 0
		for _, line := range strings.Split(strings.TrimSpace(outs[i].String()), "\n") {
			f := strings.Fields(line)
			switch f[0] {
			case "own":
				n, _ := strconv.Atoi(f[1])
				own++
				if n != own {
					t.Errorf("process %d: own revision %d, want %d", i, n, own)
				}
			case "shared":
				n, _ := strconv.Atoi(f[1])
				if sharedSeen[n] {
					t.Errorf("shared revision %d handed out twice", n)
				}
				if n <= lastShared {
					t.Errorf("process %d: shared revision %d after %d", i, n, lastShared)
				}
				sharedSeen[n], lastShared = true, n
			case "sent":
				s := f[1] + " " + f[2]
				if serialSeen[s] {
					t.Errorf("serial %s allocated twice", s)
				}
				serialSeen[s] = true
			}
		}
		if own != helperCommits {
			t.Errorf("process %d made %d own commits", i, own)
		}
	}
	// The store agrees with what the processes were told.
	for i := 0; i < helperProcs; i++ {
		revs, err := ws.LogDraft(fmt.Sprintf("own/p%d.md", i))
		if err != nil {
			t.Fatal(err)
		}
		if len(revs) != helperCommits {
			t.Errorf("own/p%d.md has %d revisions", i, len(revs))
		}
		for j, r := range revs {
			if r.Number != j+1 || string(r.Content) != fmt.Sprintf("process %d revision %d\n", i, j+1) {
				t.Errorf("own/p%d.md@%d = %q", i, r.Number, r.Content)
			}
		}
	}
	shared, err := ws.LogDraft("shared.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(shared) != helperProcs*helperCommits || len(sharedSeen) != len(shared) {
		t.Errorf("shared.md has %d revisions, %d reported", len(shared), len(sharedSeen))
	}
	contents := map[string]bool{}
	for j, r := range shared {
		if r.Number != j+1 || r.Parent != j {
			t.Errorf("shared.md revision %d numbered %d parent %d", j+1, r.Number, r.Parent)
		}
		contents[string(r.Content)] = true
	}
	for i := 0; i < helperProcs; i++ {
		for j := 1; j <= helperCommits; j++ {
			if !contents[fmt.Sprintf("shared from %d, %d\n", i, j)] {
				t.Errorf("shared commit %d/%d lost", i, j)
			}
		}
	}
	for n := 1; n <= helperProcs*helperSends; n++ {
		if !serialSeen[fmt.Sprintf("T %d/88", n)] {
			t.Errorf("serial T %d/88 never allocated (serials must run without gaps)", n)
		}
	}
	rep, err := ws.Fsck()
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || len(rep.Notes) != 0 {
		t.Errorf("fsck: %+v", rep)
	}
	if rep.Revisions != helperProcs*(2*helperCommits+helperSends) {
		t.Errorf("fsck counted %d revisions", rep.Revisions)
	}
}
