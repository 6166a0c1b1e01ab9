package draft

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStoreSealed(t *testing.T) {
	ws := newTestWorkspace(t)
	p := writeDraft(t, ws, "telegram.md", "Dear Ron,\n")
	commit(t, ws, p, "draft")
	if _, ok, err := ws.Sealed(p); ok || err != nil {
		t.Fatalf("sealed before sending: %v %v", ok, err)
	}
	cable := []byte("SECRET\nFM FCO\nTO WASHINGTON\nTELNO 123\n")
	var sent *Revision
	err := ws.Update(func(tx *Tx) error {
		var err error
		sent, err = tx.Commit(CommitRequest{Path: p, Content: []byte("Dear Ron,\n"), Author: "CRD", Office: "Cabinet Office",
			Message: "sent", Labels: []string{"as-sent"},
			Sent: &Sent{Series: "T", Serial: "T 123/88", DTG: "211930Z DEC 88", Precedence: "IMMEDIATE", To: []string{"WASHINGTON"}, Cable: cable}})
		if err != nil {
			return err
		}
		e, err := RegisterEntry(ws.Config, *sent)
		if err == nil {
			_, err = tx.Store().AppendRegister(e)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if sent.Number != 2 || sent.Sent.CableSHA256 == "" {
		t.Fatalf("as-sent revision = %+v", sent)
	}
	r, ok, err := ws.Sealed(p)
	if !ok || err != nil || r.Number != 2 || string(r.Sent.Cable) != string(cable) || r.Sent.Serial != "T 123/88" || r.Labels[0] != "as-sent" {
		t.Fatalf("Sealed = %+v %v %v", r, ok, err)
	}
	writeDraft(t, ws, "telegram.md", "Dear Ron, changed.\n")
	_, err = ws.Commit(CommitRequest{Path: p, Author: "a", Office: "b", Message: "after"})
	if err == nil || !strings.Contains(err.Error(), "telegram.md is sealed: revision 2 was sent as T 123/88 at 211930Z DEC 88") {
		t.Fatalf("commit to a sealed draft: %v", err)
	}
	// A reopened draft is a new draft that names where it came from.
	q := writeDraft(t, ws, "telegram-2.md", "Dear Ron, changed.\n")
	r2, err := ws.Commit(CommitRequest{Path: q, Author: "a", Office: "b", Message: "reopened", ReopenedFrom: "telegram.md@2"})
	if err != nil || r2.ReopenedFrom != "telegram.md@2" {
		t.Fatalf("reopen: %+v %v", r2, err)
	}
	rep, err := ws.Fsck()
	if err != nil || !rep.OK() {
		t.Fatalf("fsck: %+v %v", rep, err)
	}
}

func TestStoreUpdateRollsBack(t *testing.T) {
	ws := newTestWorkspace(t)
	p := writeDraft(t, ws, "a.md", "one\n")
	q := writeDraft(t, ws, "b.md", "two\n")
	boom := errors.New("boom")
	err := ws.Update(func(tx *Tx) error {
		if _, err := tx.Commit(CommitRequest{Path: p, Author: "a", Office: "b"}); err != nil {
			return err
		}
		revs, err := tx.Log(p)
		if err != nil || len(revs) != 1 {
			t.Errorf("tx.Log does not see the queued commit: %v %v", revs, err)
		}
		all, err := tx.AllRevisions()
		if err != nil || len(all) != 1 {
			t.Errorf("tx.AllRevisions does not see the queued commit: %v %v", all, err)
		}
		if _, err := tx.Commit(CommitRequest{Path: q, Author: "a", Office: "b"}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v", err)
	}
	all, err := ws.AllRevisions()
	if err != nil || len(all) != 0 {
		t.Fatalf("a failed transaction left %d revisions (%v)", len(all), err)
	}
	if names, _ := ws.Drafts(); len(names) != 0 {
		t.Fatalf("drafts after rollback: %v", names)
	}
	// Two commits to one draft in one transaction are numbered in order.
	err = ws.Update(func(tx *Tx) error {
		for _, c := range []string{"x\n", "y\n"} {
			if _, err := tx.Commit(CommitRequest{Path: p, Content: []byte(c), Author: "a", Office: "b"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	revs, _ := ws.Log(p)
	if len(revs) != 2 || string(revs[1].Content) != "y\n" || revs[1].Parent != 1 {
		t.Fatalf("revisions: %+v", revs)
	}
}

func TestStoreRefusals(t *testing.T) {
	ws := newTestWorkspace(t)
	p := writeDraft(t, ws, "a.md", "---\nprecedence: soon\n---\n")
	for _, tc := range []struct {
		req  CommitRequest
		want string
	}{
		{CommitRequest{Path: p, Author: "a", Office: "b"}, `a.md:2:13: precedence: unknown precedence "soon"`},
		{CommitRequest{Path: p, Content: []byte("x"), Office: "b"}, "no author"},
		{CommitRequest{Path: p, Content: []byte("x"), Author: "a"}, "no office"},
		{CommitRequest{Path: p, Content: []byte("x"), Author: "a", Office: "b", Labels: []string{"9"}}, `bad label "9"`},
		{CommitRequest{Path: filepath.Join(ws.Root, "..", "out.md"), Content: []byte("x"), Author: "a", Office: "b"}, "outside the workspace"},
		{CommitRequest{Path: filepath.Join(ws.Root, ".redline", "x.md"), Content: []byte("x"), Author: "a", Office: "b"}, "inside the store folder"},
		{CommitRequest{Draft: "../x.md", Content: []byte("x"), Author: "a", Office: "b"}, "bad draft name"},
		{CommitRequest{Path: filepath.Join(ws.Root, "none.md"), Author: "a", Office: "b"}, "no such file"},
	} {
		_, err := ws.Commit(tc.req)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want %q", tc.req, err, tc.want)
		}
	}
	if all, _ := ws.AllRevisions(); len(all) != 0 {
		t.Errorf("refused commits left %d revisions", len(all))
	}
	q := writeDraft(t, ws, "b.md", "b\n")
	commit(t, ws, q, "one", "x")
	writeDraft(t, ws, "b.md", "b2\n")
	if _, err := ws.Commit(CommitRequest{Path: q, Author: "a", Office: "b", Labels: []string{"x"}}); err == nil || !strings.Contains(err.Error(), `label "x" already names`) {
		t.Errorf("reused label: %v", err)
	}
	if err := ws.Label(q, 2, "y", false); err == nil || !strings.Contains(err.Error(), "no revision 2") {
		t.Errorf("label of a missing revision: %v", err)
	}
	if err := ws.Label(p, 1, "y", false); err == nil || !strings.Contains(err.Error(), "has no revisions") {
		t.Errorf("label of an uncommitted draft: %v", err)
	}
}

func TestStoreLabelOrder(t *testing.T) {
	ws := newTestWorkspace(t)
	p := writeDraft(t, ws, "a.md", "1\n")
	commit(t, ws, p, "1", "x")
	if err := ws.Unlabel(p, "x"); err != nil {
		t.Fatal(err)
	}
	if err := ws.Unlabel(p, "x"); err == nil || !strings.Contains(err.Error(), `has no label "x"`) {
		t.Fatalf("second unlabel: %v", err)
	}
	writeDraft(t, ws, "a.md", "2\n")
	commit(t, ws, p, "2", "x") // the name is free again
	if err := ws.Label(p, 1, "y", false); err != nil {
		t.Fatal(err)
	}
	writeDraft(t, ws, "a.md", "3\n")
	if _, err := ws.Commit(CommitRequest{Path: p, Author: "a", Office: "b", Labels: []string{"y"}}); err == nil {
		t.Fatal("a label set by `redline label` was taken again at commit")
	}
	revs, err := ws.Log(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs[0].Labels) != 1 || revs[0].Labels[0] != "y" || len(revs[1].Labels) != 1 || revs[1].Labels[0] != "x" {
		t.Errorf("labels: %v %v (the removal of x before revision 2 must not remove the later x)", revs[0].Labels, revs[1].Labels)
	}
	if rep, _ := ws.Fsck(); !rep.OK() {
		t.Errorf("fsck: %+v", rep.Problems)
	}
}

func TestEscapeName(t *testing.T) {
	for _, n := range []string{"a.md", "sub dir/ä b%.md", "x/y/z-1_2.md", ".hidden.md", "a%2Fb"} {
		e := escapeName(n)
		if strings.ContainsAny(e, "/ ") {
			t.Errorf("escapeName(%q) = %q", n, e)
		}
		back, err := unescapeName(e)
		if err != nil || back != n {
			t.Errorf("unescape(%q) = %q, %v", e, back, err)
		}
	}
	for _, bad := range []string{"a%2", "a%zz", "a%2fb", "a b"} {
		if _, err := unescapeName(bad); err == nil {
			t.Errorf("unescapeName(%q) accepted", bad)
		}
	}
}

func TestConfig(t *testing.T) {
	c, err := ParseConfig("c.yaml", DefaultConfig().Marshal())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Series) != 3 || c.Series[2] != (SerialSeries{"STATE", "STATE {n:06}", true}) {
		t.Errorf("default series: %+v", c.Series)
	}
	c = Config{Author: "Charles Powell", Office: "No. 10: Private Office", Series: []SerialSeries{{"X", "X {n}", false}}, Names: []string{"CSCE", "Reagan"}}
	back, err := ParseConfig("c.yaml", c.Marshal())
	if err != nil || back.Author != c.Author || back.Office != c.Office || len(back.Series) != 1 || back.Series[0] != c.Series[0] || strings.Join(back.Names, ",") != "CSCE,Reagan" {
		t.Errorf("round trip: %+v %v", back, err)
	}
	if s, ok := back.SeriesByName("x"); !ok || s.Format != "X {n}" {
		t.Errorf("SeriesByName: %+v %v", s, ok)
	}
	for src, want := range map[string]string{
		"auther: x\n":                        `c.yaml:1:1: unknown key "auther" in config: did you mean "author"?`,
		"series:\n  - name: T\n    fmt: x\n": `c.yaml:3:5: unknown key "fmt" in series[0]`,
		"series:\n  - name: T\n    format: T {n}\n    yearly: maybe\n":                `c.yaml:4:13: series[0].yearly must be true or false`,
		"series:\n  - {name: T, format: \"T {n}\"}\n  - {name: t, format: \"{n}\"}\n": `c.yaml:3:5: series "t" is given twice`,
		"names: CSCE\nnames: [x]\n": `c.yaml:2:1: key "names" is given twice`,
		"author: [\n":               `c.yaml:`,
	} {
		_, err := ParseConfig("c.yaml", []byte(src))
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: got %v, want %s", src, err, want)
		}
	}
}

func TestWorkspaceFindAndInit(t *testing.T) {
	dir := t.TempDir()
	if _, err := FindWorkspace(dir); !errors.Is(err, ErrNoWorkspace) {
		t.Fatalf("FindWorkspace outside = %v", err)
	}
	ws, err := Init(dir)
	if err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "a", "b")
	os.MkdirAll(sub, 0o755)
	found, err := FindWorkspace(sub)
	if err != nil || found.Root != ws.Root {
		t.Fatalf("FindWorkspace(sub) = %v, %v", found, err)
	}
	if _, err := Init(dir); err == nil || !strings.Contains(err.Error(), "already a redline workspace") {
		t.Fatalf("second Init: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "tmp") {
			t.Errorf("Init left %s", e.Name())
		}
	}
	name, err := ws.DraftName(filepath.Join(sub, "..", "x.md"))
	if err != nil || name != "a/x.md" {
		t.Errorf("DraftName = %q, %v", name, err)
	}
}

func TestResolveStdinAndFiles(t *testing.T) {
	v, err := Resolve(nil, "-", strings.NewReader("from stdin"))
	if err != nil || string(v.Data) != "from stdin" || v.Name != "<stdin>" || v.Revision != nil {
		t.Fatalf("stdin: %+v %v", v, err)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "x@2.md")
	os.WriteFile(p, []byte("at"), 0o644)
	v, err = Resolve(nil, p, nil)
	if err != nil || string(v.Data) != "at" || v.Path != p {
		t.Fatalf("file with @: %+v %v", v, err)
	}
	if _, err := Resolve(nil, filepath.Join(dir, "none.md"), nil); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Fatalf("missing file: %v", err)
	}
	if _, err := Resolve(nil, dir, nil); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Fatalf("folder: %v", err)
	}
}
