package cable

import (
	"reflect"
	"strings"
	"testing"
)

// Portion marks are read where a paragraph opens, with or without its
// number, and a mark above the overall classification is refused with
// its line; the marks inside a sentence are not portion marks.
func TestPortionMarks(t *testing.T) {
	text := "1. (C - ENTIRE TEXT).\n2. (S) THE SECRET PART.\nIT GOES ON (U) HERE.\n\n(LOU) A PARAGRAPH.\n\n(C) A LETTERED SUBPARAGRAPH.\n"
	var got []string
	for _, pm := range PortionMarks(text) {
		got = append(got, pm.Mark+":"+pm.Level)
	}
	want := []string{"C:CONFIDENTIAL", "S:SECRET", "LOU:LIMITED OFFICIAL USE"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	err := CheckPortionMarks("d.md", 10, "CONFIDENTIAL", PortionMarks(text))
	if err == nil || !strings.Contains(err.Error(), "d.md:11: the paragraph is marked (S), SECRET, above the message's classification CONFIDENTIAL") {
		t.Errorf("err = %v", err)
	}
	for _, ok := range []string{"SECRET", "TOP SECRET"} {
		if err := CheckPortionMarks("d.md", 1, ok, PortionMarks(text)); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}

// In a draft the template numbers the paragraphs, so (C) opening one is
// its portion mark.
func TestDraftPortionMarks(t *testing.T) {
	marks := DraftPortionMarks("(C) The first paragraph.\n\n(S) The second.\n")
	if len(marks) != 2 || marks[1].Level != "SECRET" || marks[1].Line != 3 {
		t.Fatalf("marks %+v", marks)
	}
	if err := CheckPortionMarks("d.md", 8, "CONFIDENTIAL", marks); err == nil || !strings.HasPrefix(err.Error(), "d.md:10: ") {
		t.Errorf("err = %v", err)
	}
}
