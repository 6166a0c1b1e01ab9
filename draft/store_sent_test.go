package draft

import (
	"fmt"
	"reflect"
	"testing"
)

func sentOf(all []Revision) []Revision {
	var out []Revision
	for _, r := range all {
		if r.Sent != nil {
			out = append(out, r)
		}
	}
	return out
}

func TestSentRevisionsReadsTheLastOfEachDraft(t *testing.T) {
	ws := newTestWorkspace(t)
	for i, name := range []string{"b.md", "a.md", "sub/c.md", "unsent.md"} {
		p := writeDraft(t, ws, name, "v1\n")
		commit(t, ws, p, "1")
		for v := 2; v <= 3+i; v++ {
			writeDraft(t, ws, name, fmt.Sprintf("v%d\n", v))
			commit(t, ws, p, "next")
		}
		if name != "unsent.md" {
			sendForTest(t, ws, p, fmt.Sprintf("v%d\n", 3+i), fmt.Sprintf("TELNO %d", i+1), "211830Z DEC 88")
		}
	}
	all, err := ws.AllRevisions()
	if err != nil {
		t.Fatal(err)
	}
	want := sentOf(all)
	got, err := ws.SentRevisions()
	if err != nil || len(got) != 3 || !reflect.DeepEqual(got, want) {
		t.Fatalf("SentRevisions = %+v, %v\nwant %+v", got, err, want)
	}
	// Inside a transaction, a revision sent in it counts.
	err = ws.Update(func(tx *Tx) error {
		_, err := tx.Commit(CommitRequest{Path: writeDraft(t, ws, "unsent.md", "v6\n"), Author: "a", Office: "b", Message: "despatched",
			Labels: []string{AsSentLabel}, Sent: &Sent{Series: "TELNO", Serial: "TELNO 9", DTG: "221830Z DEC 88", Cable: []byte("x\n")}})
		if err != nil {
			return err
		}
		sent, err := tx.SentRevisions()
		if err != nil {
			return err
		}
		all, err := tx.AllRevisions()
		if err != nil {
			return err
		}
		if len(sent) != 4 || !reflect.DeepEqual(sent, sentOf(all)) {
			t.Errorf("tx.SentRevisions = %+v", sent)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func BenchmarkSentRevisions(b *testing.B) {
	ws, err := Init(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	for d := 0; d < 20; d++ {
		name := fmt.Sprintf("d%02d.md", d)
		for v := 1; v <= 20; v++ {
			if _, err := ws.Commit(CommitRequest{Draft: name, Content: []byte(fmt.Sprintf("v%d\n", v)), Author: "a", Office: "b"}); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := ws.Commit(CommitRequest{Draft: name, Content: []byte("v20\n"), Author: "a", Office: "b", Labels: []string{AsSentLabel},
			Sent: &Sent{Series: "TELNO", Serial: fmt.Sprintf("TELNO %d", d+1), DTG: "211830Z DEC 88", Cable: []byte("c\n")}}); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("SentRevisions", func(b *testing.B) {
		for b.Loop() {
			if _, err := ws.SentRevisions(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("AllRevisions", func(b *testing.B) {
		for b.Loop() {
			if _, err := ws.AllRevisions(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
