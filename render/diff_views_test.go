package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-dev/redline/diff"
)

// moveCase is a small comparison made by hand: a paragraph moved to the top
// with edits inside it, a deletion, a substitution and a field change.
func moveCase() *diff.Comparison {
	seg := func(op diff.Op, a, b string, change, move int) diff.Segment {
		return diff.Segment{Op: op, A: a, B: b, Change: change, Move: move}
	}
	return &diff.Comparison{
		Old: diff.Side{Name: "fco-draft.md", Kind: "markdown", Revision: 1, Label: "fco-draft",
			Author: "R. Parsons", Office: "FCO", Time: "1988-12-21T18:00:00Z", Classification: "CONFIDENTIAL"},
		New: diff.Side{Name: "no10.md", Kind: "markdown", Revision: 2, Label: "no10",
			Author: "C. D. Powell", Office: "No. 10", Time: "1988-12-21T20:15:00Z", Classification: "SECRET"},
		Notes:  []string{"a note on how the comparison was made"},
		Fields: []diff.FieldChange{{Name: "precedence", Old: "PRIORITY", New: "IMMEDIATE"}},
		Stats: diff.Stats{OldWords: 34, NewWords: 35, DeletedWords: 6, InsertedWords: 8,
			MovedWords: 8, Changes: 3, Similarity: 0.8},
		Segments: []diff.Segment{
			seg(diff.OpEqual, "Dear Ron,\n\n", "Dear Ron,\n\n", 0, 0),
			seg(diff.OpMoveTo, "", "We ", 1, 1),
			seg(diff.OpInsert, "", "shall have to reach ", 1, 1),
			seg(diff.OpMoveTo, "", "a decision on the conference", 1, 1),
			seg(diff.OpInsert, "", " very soon", 1, 1),
			seg(diff.OpMoveTo, "", ".\n\n", 1, 1),
			seg(diff.OpEqual, "The meeting will consider the proposal on Tuesday ", "The meeting will consider the proposal on Tuesday ", 0, 0),
			seg(diff.OpDelete, "next week ", "", 2, 0),
			seg(diff.OpEqual, "in Vienna.\n\n", "in Vienna.\n\n", 0, 0),
			seg(diff.OpMoveFrom, "We ", "", 1, 1),
			seg(diff.OpDelete, "can no longer delay ", "", 1, 1),
			seg(diff.OpMoveFrom, "a decision on the conference.\n\n", "", 1, 1),
			seg(diff.OpEqual, "With ", "With ", 0, 0),
			seg(diff.OpDelete, "warm regards", "", 3, 0),
			seg(diff.OpInsert, "", "best wishes", 3, 0),
			seg(diff.OpEqual, ",", ",", 0, 0),
		},
	}
}

// joinSides rebuilds both sides' texts from the segments.
func joinSides(c *diff.Comparison) (old, new string) {
	var a, b strings.Builder
	for _, s := range c.Segments {
		a.WriteString(s.A)
		b.WriteString(s.B)
	}
	return a.String(), b.String()
}

// visible makes terminal escapes readable in golden files.
func visible(s string) string { return strings.ReplaceAll(s, "\x1b", "␛") }

// checkGolden compares got with testdata/views/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "views", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./render -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func renderString(t *testing.T, format string, c *diff.Comparison, opts DiffOptions) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Diff(&buf, c, format, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
