package telegram

import "testing"

// Talking points written on consecutive lines, with no blank line between,
// keep a line each, as in the seed's State instruction; a "--" inside a
// line, or a line that only continues a point, does not start one.
func TestTeleprinterTalkingPointsOnConsecutiveLines(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		{"-- talking point kept as is\n-- another talking point\n", "-- TALKING POINT KEPT AS IS\n-- ANOTHER TALKING POINT"},
		{"Intro.\n-- first point\n  -- second point\ncontinues here\n", "INTRO.\n-- FIRST POINT\n-- SECOND POINT CONTINUES HERE"},
		{"Words -- with a dash\nand more.\n", "WORDS -- WITH A DASH AND MORE."},
		{"-- one\r\n-- two\r\n", "-- ONE\n-- TWO"},
	} {
		if got := tpText(t, c.md, TeleprinterOptions{}); got != c.want {
			t.Errorf("%q:\ngot  %q\nwant %q", c.md, got, c.want)
		}
	}
}

// Lettered lists follow State practice: A., then (1), then (A); and a code
// block keeps its lines' indentation.
func TestTeleprinterNestedLettersAndCodeIndent(t *testing.T) {
	md := "- Point one\n  - sub point a\n    - deeper\n  - sub point b\n- Point two\n\n```\nPRE-FORMATTED\n  TEXT\n\tTABBED\n```\n"
	want := "A. POINT ONE\n   (1) SUB POINT A\n       (A) DEEPER\n   (2) SUB POINT B\nB. POINT TWO\n\nPRE-FORMATTED\n  TEXT\n    TABBED"
	if got := tpText(t, md, TeleprinterOptions{Bullet: "letter"}); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
