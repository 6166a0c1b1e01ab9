package render

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
