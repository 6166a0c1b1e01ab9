package draft

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeLegacy lays out a file-layout store (as releases before the
// database store wrote it) in a new workspace folder.
func writeLegacy(t *testing.T, recs []*record, events []*labelEvent) string {
	t.Helper()
	root := t.TempDir()
	ws := &Workspace{Root: root}
	if err := os.MkdirAll(ws.draftsDir(), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(ws.ConfigPath(), DefaultConfig().Marshal(), 0o644)
	for _, r := range recs {
		dir := ws.draftDir(r.Draft)
		os.MkdirAll(dir, 0o755)
		if err := os.WriteFile(filepath.Join(dir, sprintf6(r.Number)), r.encode(), 0o444); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range events {
		dir := filepath.Join(ws.draftDir(e.Draft), "labels")
		os.MkdirAll(dir, 0o755)
		if err := os.WriteFile(filepath.Join(dir, sprintf6(e.Seq)), e.encode(), 0o444); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func sprintf6(n int) string { return fmt.Sprintf("%06d.json", n) }

func legacyRecord(draft string, n int, content string, labels ...string) *record {
	c := content
	return &record{Format: storeFormat, Draft: draft, Number: n, Parent: n - 1, Author: "Percy Cradock", Office: "FCO",
		Time: time.Date(1988, 12, 20, 10, n, 0, 0, time.UTC).Format(time.RFC3339Nano), Message: "m",
		Labels: labels, SHA256: HexSHA256([]byte(c)), Content: &c, content: []byte(c)}
}

func TestImportFileStore(t *testing.T) {
	r1 := legacyRecord("d.md", 1, "one\n", "fco")
	r2 := legacyRecord("d.md", 2, "two\n")
	sent := legacyRecord("d.md", 3, "two\n", AsSentLabel)
	cable := "CABLE\n"
	sent.Sent = &sentRecord{Series: "T", Serial: "T 192/88", DTG: "212130Z DEC 88", From: "CABINET OFFICE LONDON", CableSHA256: HexSHA256([]byte(cable)), Cable: &cable}
	other := legacyRecord("sub/e.md", 1, "e\n")
	move := &labelEvent{Format: storeFormat, Seq: 1, Draft: "d.md", Label: "fco", Revision: 2, After: 2, Time: r2.Time}
	root := writeLegacy(t, []*record{r1, r2, sent, other}, []*labelEvent{move})

	ws, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	revs, err := ws.LogDraft("d.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ws.Imported, "2 draft(s), 4 revision(s), 1 label move(s), 1 serial(s)") {
		t.Errorf("Imported = %q", ws.Imported)
	}
	if len(revs) != 3 || string(revs[0].Content) != "one\n" || revs[0].Author != "Percy Cradock" || !revs[0].Time.Equal(time.Date(1988, 12, 20, 10, 1, 0, 0, time.UTC)) {
		t.Fatalf("revisions: %+v", revs)
	}
	if strings.Join(revs[1].Labels, ",") != "fco" || strings.Join(revs[2].Labels, ",") != AsSentLabel || revs[2].Sent.Serial != "T 192/88" {
		t.Errorf("labels or seal lost: %v %v %+v", revs[1].Labels, revs[2].Labels, revs[2].Sent)
	}
	if _, err := os.Stat(filepath.Join(root, StoreDir, ImportedDir, "d.md", "000003.json")); err != nil {
		t.Errorf("the old files were not kept aside: %v", err)
	}
	rep, err := ws.Fsck()
	if err != nil || !rep.OK() || rep.Register != 1 {
		t.Fatalf("fsck after the import: %+v %v", rep, err)
	}
	// A second open imports nothing again.
	ws2, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ws2.Close()
	if n, err := ws2.Drafts(); err != nil || len(n) != 2 || ws2.Imported != "" {
		t.Fatalf("reopen: %v %v %q", n, err, ws2.Imported)
	}
}

// A damaged file store is not carried over in part: the import stops
// naming the file, and nothing is moved.
func TestImportFileStoreRefusesDamage(t *testing.T) {
	r1 := legacyRecord("d.md", 1, "one\n")
	r2 := legacyRecord("d.md", 2, "two\n")
	root := writeLegacy(t, []*record{r1, r2}, nil)
	file := filepath.Join(root, StoreDir, "drafts", "d.md", "000002.json")
	os.Chmod(file, 0o644)
	if err := os.WriteFile(file, []byte(`{"format": 1`), 0o644); err != nil {
		t.Fatal(err)
	}
	ws, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if _, err := ws.Drafts(); err == nil || !strings.Contains(err.Error(), "000002.json") {
		t.Fatalf("import of a damaged store: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, StoreDir, "drafts", "d.md", "000001.json")); err != nil {
		t.Fatalf("the file store was moved although the import failed: %v", err)
	}
}
