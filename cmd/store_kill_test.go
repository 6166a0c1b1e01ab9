package cmd

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/store"
	"github.com/redline-dev/redline/store/storetest"
)

// The SIGKILL loops: commit of 30 files, send, accept and restore are each
// killed at moments spread from their start to a little past an undisturbed
// run's end, on SQLite and on PostgreSQL. After every kill the store checks
// clean, a commit is all or nothing, every serial has its as-sent record
// and none is without, and a working copy holds its old or its new content.
// At the end no temporary file (.NAME.tmp-*) is left. Ten kills each run in
// every `go test`; REDLINE_STRESS=1 runs 100.

func killRounds() int {
	if os.Getenv("REDLINE_STRESS") == "1" {
		return 100
	}
	return 10
}

// killSpace is a workspace on one backend for a kill loop.
type killSpace struct {
	t   *testing.T
	exe string
	dir string
}

func newKillSpace(t *testing.T, backend string) *killSpace {
	exe := despatchExe(t)
	dir := filepath.Join(t.TempDir(), "ws")
	args := []string{"init", dir}
	if backend == "postgres" {
		args = append(args, "--store", storetest.PostgresDSN(t))
	}
	despatchRun(t, exe, filepath.Dir(dir), args...)
	return &killSpace{t: t, exe: exe, dir: dir}
}

func (k *killSpace) write(name, text string) {
	k.t.Helper()
	if err := os.WriteFile(filepath.Join(k.dir, name), []byte(text), 0o644); err != nil {
		k.t.Fatal(err)
	}
}

func (k *killSpace) read(name string) string {
	k.t.Helper()
	b, err := os.ReadFile(filepath.Join(k.dir, name))
	if err != nil {
		k.t.Fatal(err)
	}
	return string(b)
}

// open opens the workspace from this process; closed when the test ends.
func (k *killSpace) open() *draft.Workspace {
	k.t.Helper()
	ws, err := draft.Open(k.dir)
	if err != nil {
		k.t.Fatal(err)
	}
	k.t.Cleanup(func() { ws.Close() })
	return ws
}

// fsck fails the test when the store does not check clean.
func (k *killSpace) fsck(ws *draft.Workspace, round int) {
	k.t.Helper()
	rep, err := ws.Fsck()
	if err != nil {
		k.t.Fatalf("round %d: fsck: %v", round, err)
	}
	if !rep.OK() {
		k.t.Fatalf("round %d: fsck: %+v", round, rep.Problems)
	}
}

// tempFiles lists the temporary files of atomic writes under the workspace.
func (k *killSpace) tempFiles() []string {
	var out []string
	filepath.WalkDir(k.dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".") && strings.Contains(d.Name(), ".tmp-") {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// killLoop runs args(i) for rounds 0..n, the first undisturbed (to time
// it), the others killed after a random delay, and calls check after each
// with whether the process finished. It returns the number of processes
// killed before they finished.
func (k *killSpace) killLoop(n int, args func(i int) []string, check func(i int, finished bool)) (killed int) {
	t := k.t
	t0 := time.Now()
	despatchRun(t, k.exe, k.dir, args(0)...)
	span := time.Since(t0)
	check(0, true)
	rng := rand.New(rand.NewSource(int64(n)))
	left := 0
	for i := 1; i <= n; i++ {
		c := despatchCmd(k.exe, k.dir, args(i)...)
		var out bytes.Buffer
		c.Stdout, c.Stderr = &out, &out
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- c.Wait() }()
		finished := false
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("round %d: redline %v: %v\n%s", i, args(i), err, out.String())
			}
			finished = true
		case <-time.After(time.Duration(rng.Int63n(int64(span) * 5 / 4))):
			c.Process.Signal(syscall.SIGKILL)
			finished = <-done == nil
		}
		if !finished {
			killed++
			left += len(k.tempFiles())
		}
		check(i, finished)
	}
	t.Logf("%d kills: %d processes killed before they finished (an undisturbed run takes %v); %d temporary files seen just after the kills", n, killed, span, left)
	return killed
}

func TestStoreKillLoops(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend+"/commit30", func(t *testing.T) { killCommit30(t, newKillSpace(t, backend)) })
		t.Run(backend+"/send", func(t *testing.T) { killSend(t, newKillSpace(t, backend)) })
		t.Run(backend+"/accept", func(t *testing.T) { killAccept(t, newKillSpace(t, backend)) })
		t.Run(backend+"/restore", func(t *testing.T) { killRestore(t, newKillSpace(t, backend)) })
	}
}

// killCommit30: one commit of 30 files per round; after a kill either all
// 30 drafts have the round's revision or none has.
func killCommit30(t *testing.T, k *killSpace) {
	var names []string
	for f := 0; f < 30; f++ {
		names = append(names, fmt.Sprintf("f%02d.md", f))
	}
	text := func(f, i int) string {
		return fmt.Sprintf("---\ntitle: File %d\n---\nFile %d as of round %d.\n", f, f, i)
	}
	ws := k.open()
	head := 0
	n := killRounds()
	k.killLoop(n, func(i int) []string {
		for f, name := range names {
			k.write(name, text(f, i))
		}
		return append([]string{"commit", "-m", fmt.Sprintf("round %d", i)}, names...)
	}, func(i int, finished bool) {
		// All 30 heads in one transaction (see killSend).
		latest := make([]*store.Revision, len(names))
		st, err := ws.Store()
		if err == nil {
			err = st.View(context.Background(), func(tx store.Tx) error {
				for f, name := range names {
					n, err := tx.Head(name)
					if err != nil || n == 0 {
						continue
					}
					if latest[f], err = tx.Revision(name, n); err != nil {
						return err
					}
				}
				return nil
			})
		}
		if err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
		advanced := 0
		for f, name := range names {
			r := latest[f]
			switch {
			case r != nil && r.Number == head+1 && string(r.Content) == text(f, i):
				advanced++
			case head > 0 && (r == nil || r.Number != head):
				t.Fatalf("round %d: %s is at revision %v, want %d or %d", i, name, r, head, head+1)
			}
		}
		if advanced != 0 && advanced != len(names) {
			t.Fatalf("round %d: %d of %d files were committed: a commit must be all or nothing", i, advanced, len(names))
		}
		if finished && advanced == 0 {
			t.Fatalf("round %d: the commit finished but recorded nothing", i)
		}
		if advanced > 0 {
			head++
		}
		k.fsck(ws, i)
	})
	if left := k.tempFiles(); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	t.Logf("%d of %d commits of 30 files took effect", head, n+1)
}

// killSend: one send per round of a draft of its own; after a kill the
// draft is sealed exactly when the register holds it, and the serials run
// T 1/88 ... without a gap.
func killSend(t *testing.T, k *killSpace) {
	n := killRounds()
	var names []string
	for i := 0; i <= n; i++ {
		names = append(names, fmt.Sprintf("k%03d.md", i))
		k.write(names[i], despatchDraft(i))
	}
	despatchRun(t, k.exe, k.dir, append([]string{"commit", "-m", "final"}, names...)...)
	ws := k.open()
	sent := 0
	k.killLoop(n, func(i int) []string {
		return []string{"send", names[i], "--dtg", despatchDTG(i)}
	}, func(i int, finished bool) {
		// The register and the seals are read in one transaction: on
		// PostgreSQL the server may still be committing a killed client's
		// last transaction, and two reads could fall either side of it.
		var reg []store.Entry
		var seals []store.Revision
		st, err := ws.Store()
		if err == nil {
			err = st.View(context.Background(), func(tx store.Tx) error {
				var err error
				if reg, err = tx.Register(""); err == nil {
					seals, err = tx.SentRevisions()
				}
				return err
			})
		}
		if err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
		if len(reg) != len(seals) {
			t.Fatalf("round %d: the register has %d entries, %d drafts are sealed", i, len(reg), len(seals))
		}
		serials := map[string]bool{}
		for _, e := range reg {
			serials[e.Serial] = true
		}
		for _, r := range seals {
			if !serials[r.Sent.Serial] {
				t.Fatalf("round %d: %s was sent as %s, which is not in the register", i, r.Draft, r.Sent.Serial)
			}
		}
		for n := 1; n <= len(reg); n++ {
			if !serials[fmt.Sprintf("T %d/88", n)] {
				t.Fatalf("round %d: T %d/88 is missing from a register of %d", i, n, len(reg))
			}
		}
		if finished && (len(seals) == 0 || !despatchContains(sealedNames(seals), names[i])) {
			t.Fatalf("round %d: the send finished but %s is not sealed", i, names[i])
		}
		sent = len(reg)
		k.fsck(ws, i)
	})
	reg := despatchRegister(t, k.exe, k.dir)
	despatchCheckGapless(t, k.exe, k.dir, reg)
	if left := k.tempFiles(); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	t.Logf("%d of %d sends took effect", sent, n+1)
}

func sealedNames(revs []store.Revision) []string {
	var out []string
	for _, r := range revs {
		out = append(out, r.Draft)
	}
	return out
}

// acceptText is the working copy with a tracked change in round i, and
// what accepting it gives.
func acceptText(i int) (marked, accepted string) {
	head := "---\ntitle: Accept under fire\n---\n"
	body := strings.Repeat("We must make it clear to Moscow that our agreement is conditional.\n\n", 2000)
	return head + body + fmt.Sprintf("Round {++%d ++}ends.\n", i), head + body + fmt.Sprintf("Round %d ends.\n", i)
}

// killAccept: `accept --all` rewrites the working copy; after a kill it
// holds the marked text or the accepted one, nothing between.
func killAccept(t *testing.T, k *killSpace) {
	m, _ := acceptText(0)
	k.write("a.md", m)
	despatchRun(t, k.exe, k.dir, "commit", "a.md", "-m", "marked")
	ws := k.open()
	took := 0
	k.killLoop(killRounds(), func(i int) []string {
		m, _ := acceptText(i)
		k.write("a.md", m)
		return []string{"accept", "a.md", "--all"}
	}, func(i int, finished bool) {
		m, a := acceptText(i)
		switch got := k.read("a.md"); {
		case got == a:
			took++
		case finished:
			t.Fatalf("round %d: accept finished but the file is not the accepted text", i)
		case got != m:
			t.Fatalf("round %d: the working copy is neither the marked nor the accepted text (%d bytes)", i, len(got))
		}
		k.fsck(ws, i)
	})
	k.noTempFilesAfter("accept", func() []string {
		m, _ := acceptText(-1)
		k.write("a.md", m)
		return []string{"accept", "a.md", "--all"}
	})
	t.Logf("%d accepts took effect", took)
}

// killRestore: `restore a.md@1 --force` over revision 2's text; after a
// kill the working copy is revision 1 or revision 2, nothing between.
func killRestore(t *testing.T, k *killSpace) {
	one, two := acceptText(1)
	k.write("r.md", one)
	despatchRun(t, k.exe, k.dir, "commit", "r.md", "-m", "one")
	k.write("r.md", two)
	despatchRun(t, k.exe, k.dir, "commit", "r.md", "-m", "two")
	ws := k.open()
	took := 0
	k.killLoop(killRounds(), func(i int) []string {
		k.write("r.md", two)
		return []string{"restore", "r.md@1", "--force"}
	}, func(i int, finished bool) {
		switch got := k.read("r.md"); {
		case got == one:
			took++
		case finished:
			t.Fatalf("round %d: restore finished but the file is not revision 1", i)
		case got != two:
			t.Fatalf("round %d: the working copy is neither revision 1 nor 2 (%d bytes)", i, len(got))
		}
		k.fsck(ws, i)
	})
	k.noTempFilesAfter("restore", func() []string {
		k.write("r.md", two)
		return []string{"restore", "r.md@1", "--force"}
	})
	t.Logf("%d restores took effect", took)
}

// noTempFilesAfter runs one more undisturbed write, which removes what the
// killed ones left, and fails if any temporary file remains.
func (k *killSpace) noTempFilesAfter(what string, args func() []string) {
	k.t.Helper()
	left := k.tempFiles()
	despatchRun(k.t, k.exe, k.dir, args()...)
	if after := k.tempFiles(); len(after) > 0 {
		k.t.Fatalf("temporary files left after a clean %s: %v", what, after)
	}
	k.t.Logf("%d temporary files left by killed writes, all removed by the next %s", len(left), what)
}
