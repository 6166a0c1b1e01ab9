package cmd

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-dev/redline/draft"
)

// TestStoreSealedDraft checks what the store commands do with a sent
// draft, made here through the store API as `redline send` makes it.
func TestStoreSealedDraft(t *testing.T) {
	exe := redlineExe(t)
	dir := t.TempDir()
	ws, err := draft.Init(dir)
	if err != nil {
		t.Fatal(err)
	}
	wc := filepath.Join(dir, "telegram.md")
	if err := os.WriteFile(wc, []byte("Dear Ron,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Commit(draft.CommitRequest{Path: wc, Author: "Charles Powell", Office: "No. 10", Message: "draft"}); err != nil {
		t.Fatal(err)
	}
	sealFixture(t, ws, draft.CommitRequest{Path: wc, Author: "Charles Powell", Office: "No. 10", Message: "sent",
		Labels: []string{"as-sent"}, Sent: &draft.Sent{Series: "T", Serial: "T 230/88", DTG: "211930Z DEC 88", Cable: []byte("CABLE\n")}})
	run := func(wantOK bool, args ...string) string {
		t.Helper()
		c := exec.Command(exe, args...)
		c.Dir = dir
		c.Env = append(os.Environ(), "REDLINE_AUTHOR=A", "REDLINE_OFFICE=B")
		out, err := c.CombinedOutput()
		if (err == nil) != wantOK {
			t.Fatalf("redline %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	if out := run(true, "status"); !strings.Contains(out, "sealed  telegram.md  revision 2 sent as T 230/88 at 211930Z DEC 88") {
		t.Errorf("status:\n%s", out)
	}
	if out := run(true, "log", "telegram.md"); !strings.Contains(out, "[sent T 230/88 211930Z DEC 88] sent") {
		t.Errorf("log:\n%s", out)
	}
	if out := run(true, "log", "telegram.md", "--json"); !strings.Contains(out, `"serial": "T 230/88"`) {
		t.Errorf("log --json:\n%s", out)
	}
	os.WriteFile(wc, []byte("Dear Ron, changed.\n"), 0o644)
	if out := run(true, "status"); !strings.Contains(out, "the working copy differs from it") {
		t.Errorf("status after an edit:\n%s", out)
	}
	if out := run(false, "commit", "telegram.md", "-m", "more"); !strings.Contains(out, "telegram.md is sealed: revision 2 was sent as T 230/88 at 211930Z DEC 88\n") || !strings.Contains(out, "hint: start a new draft from it with `redline reopen telegram.md --to NEW.md`") {
		t.Errorf("commit:\n%s", out)
	}
	if out := run(false, "restore", "telegram.md@1", "--force"); !strings.Contains(out, "telegram.md is sealed") || !strings.Contains(out, "redline reopen telegram.md --to NEW.md") || !strings.Contains(out, "redline show telegram.md@1 > NEW.md") {
		t.Errorf("restore:\n%s", out)
	}
	if data, _ := os.ReadFile(wc); string(data) != "Dear Ron, changed.\n" {
		t.Errorf("a refused restore changed the working copy: %q", data)
	}
	if out := run(true, "show", "telegram.md@as-sent"); out != "Dear Ron,\n" {
		t.Errorf("show @as-sent: %q", out)
	}
	if out := run(true, "fsck"); !strings.Contains(out, "2 revision(s)") {
		t.Errorf("fsck:\n%s", out)
	}
}

// sealFixture records an as-sent revision and its register entry in one
// transaction, as despatch does, for tests that need a sealed draft
// without rendering a cable.
func sealFixture(t *testing.T, ws *draft.Workspace, req draft.CommitRequest) {
	t.Helper()
	err := ws.Update(func(tx *draft.Tx) error {
		r, err := tx.Commit(req)
		if err != nil {
			return err
		}
		e, err := draft.RegisterEntry(ws.Config, *r)
		if err != nil {
			return err
		}
		_, err = tx.Store().AppendRegister(e)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestStoreSealRace starts `restore` and `send` of the same draft at the
// same moment, round after round. Whichever wins, a sealed draft's working
// copy is the text that was sent: the seal check and the rewrite happen in
// one store transaction, so a send cannot seal the draft in between.
func TestStoreSealRace(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	exe := despatchExe(t)
	dir := t.TempDir()
	despatchRun(t, exe, dir, "init")
	const rounds = 12
	for i := 0; i < rounds; i++ {
		name := fmt.Sprintf("race%02d.md", i)
		p := filepath.Join(dir, name)
		first := despatchDraft(i) + "First version.\n"
		os.WriteFile(p, []byte(first), 0o644)
		despatchRun(t, exe, dir, "commit", name, "-m", "first")
		final := despatchDraft(i)
		os.WriteFile(p, []byte(final), 0o644)
		despatchRun(t, exe, dir, "commit", name, "-m", "final")

		send := despatchCmd(exe, dir, "send", name, "--dtg", despatchDTG(i))
		restore := despatchCmd(exe, dir, "restore", name+"@1", "--force")
		if err := send.Start(); err != nil {
			t.Fatal(err)
		}
		if err := restore.Start(); err != nil {
			t.Fatal(err)
		}
		sendErr, restoreErr := send.Wait(), restore.Wait()
		ws, err := draft.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		sealed, ok, err := ws.Sealed(p)
		ws.Close()
		if err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(p)
		switch {
		case ok && string(got) != string(sealed.Content):
			t.Fatalf("round %d: %s is sealed but its working copy is not the text sent (restore: %v)", i, name, restoreErr)
		case ok != (sendErr == nil):
			t.Fatalf("round %d: send exited with %v but sealed is %v", i, sendErr, ok)
		case !ok && string(got) != first:
			t.Fatalf("round %d: the send failed but the working copy is not revision 1", i)
		}
	}
}
