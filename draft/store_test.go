package draft

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func newTestWorkspace(t *testing.T) *Workspace {
	t.Helper()
	dir := t.TempDir()
	ws, err := Init(dir)
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Date(1988, 12, 21, 21, 30, 0, 0, time.UTC)
	ws.Now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	return ws
}

func writeDraft(t *testing.T, ws *Workspace, name, content string) string {
	t.Helper()
	p := filepath.Join(ws.Root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func commit(t *testing.T, ws *Workspace, path, msg string, labels ...string) *Revision {
	t.Helper()
	r, err := ws.Commit(CommitRequest{Path: path, Author: "Charles Powell", Office: "No. 10", Message: msg, Labels: labels})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestStoreCommitLogResolve(t *testing.T) {
	ws := newTestWorkspace(t)
	p := writeDraft(t, ws, "sub/fco draft.md", "---\ntitle: Vienna\n---\nDear Ron,\n")
	r1 := commit(t, ws, p, "FCO draft", "fco-draft")
	if r1.Number != 1 || r1.Parent != 0 || r1.Draft != "sub/fco draft.md" {
		t.Fatalf("first revision = %+v", r1)
	}
	if _, err := ws.Commit(CommitRequest{Path: p, Author: "a", Office: "b"}); err == nil || !strings.Contains(err.Error(), "nothing to commit") {
		t.Fatalf("unchanged commit: %v", err)
	}
	writeDraft(t, ws, "sub/fco draft.md", "---\ntitle: Vienna\n---\nDear Mr President,\n")
	r2 := commit(t, ws, p, "No. 10 amendments", "no10")
	if r2.Number != 2 || r2.Parent != 1 {
		t.Fatalf("second revision = %+v", r2)
	}
	revs, err := ws.Log(p)
	if err != nil || len(revs) != 2 {
		t.Fatalf("log: %v %v", revs, err)
	}
	if revs[0].Labels[0] != "fco-draft" || revs[1].Labels[0] != "no10" {
		t.Fatalf("labels: %v %v", revs[0].Labels, revs[1].Labels)
	}
	for ref, want := range map[string]int{p + "@1": 1, p + "@no10": 2, p + "@latest": 2, p + "@fco-draft": 1} {
		v, err := Resolve(ws, ref, nil)
		if err != nil {
			t.Fatalf("%s: %v", ref, err)
		}
		if v.Revision == nil || v.Revision.Number != want || !bytes.Equal(v.Data, revs[want-1].Content) || v.Name != fmt.Sprintf("%s@%d", p, want) {
			t.Fatalf("%s resolved to %+v", ref, v.Revision)
		}
	}
	if v, _ := Resolve(ws, p+"@no10", nil); v.Label != "no10" {
		t.Errorf("Label = %q", v.Label)
	}
	if _, err := Resolve(ws, p+"@3", nil); err == nil || !strings.Contains(err.Error(), "1 to 2") {
		t.Fatalf("@3: %v", err)
	}
	if _, err := Resolve(nil, p+"@3", nil); err == nil || !strings.Contains(err.Error(), "redline init") {
		t.Fatalf("no workspace: %v", err)
	}
	// Labels move only with force.
	var taken *LabelTakenError
	if err := ws.Label(p, 2, "fco-draft", false); !errors.As(err, &taken) || taken.MoveTo != 2 || taken.Committing {
		t.Fatalf("move without force: %v", err)
	}
	if err := ws.Label(p, 2, "fco-draft", true); err != nil {
		t.Fatal(err)
	}
	v, err := Resolve(ws, p+"@fco-draft", nil)
	if err != nil || v.Revision.Number != 2 {
		t.Fatalf("moved label: %v %v", v, err)
	}
	if probs, err := ws.Fsck(); err != nil || len(probs.Problems) != 0 {
		t.Fatalf("fsck: %v %v", probs, err)
	}
}

func BenchmarkStoreCommit(b *testing.B) {
	dir := b.TempDir()
	ws, err := Init(dir)
	if err != nil {
		b.Fatal(err)
	}
	body := []byte(strings.Repeat("If the present Vienna CSCE meeting is to be concluded during your Administration. ", 100))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		content := append(append([]byte(nil), body...), fmt.Sprint(i)...)
		if _, err := ws.Commit(CommitRequest{Draft: "d.md", Content: content, Author: "a", Office: "b", Message: "m"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStoreLog100(b *testing.B) {
	dir := b.TempDir()
	ws, err := Init(dir)
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat("If the present Vienna CSCE meeting is to be concluded during your Administration. ", 100)
	for i := 0; i < 100; i++ {
		if _, err := ws.Commit(CommitRequest{Draft: "d.md", Content: []byte(body + fmt.Sprint(i)), Author: "a", Office: "b"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if revs, err := ws.LogDraft("d.md"); err != nil || len(revs) != 100 {
			b.Fatal(err)
		}
	}
}
