package cmd

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func TestTableCellsCannotForgeRows(t *testing.T) {
	var b strings.Builder
	rows := [][]cell{{{"NAME", ""}, {"NOTE", ""}}, {{"a\nT 999/88  FORGED", ""}, {"x\x1b[2Jy\tz\r", ""}}}
	if err := writeTable(&b, rows, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], "a␊T 999/88  FORGED") || !strings.Contains(lines[1], "x␛[2Jy␉z␍") {
		t.Fatalf("got %q", b.String())
	}
}

func TestTableFitsWidth(t *testing.T) {
	rows := [][]cell{{{"REV", ""}, {"AUTHOR", ""}, {"MESSAGE", ""}}}
	for i := 0; i < 3; i++ {
		rows = append(rows, []cell{{"12", ""}, {"Sir Percy Cradock, of the Cabinet Office", ""}, {strings.Repeat("a long message ", 10), sgrBold}})
	}
	for _, width := range []int{40, 60, 80} {
		var b strings.Builder
		if err := writeTableWidth(&b, rows, true, width); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			plain := strings.NewReplacer(sgrBold, "", "\x1b[0m", "").Replace(line)
			if w := runewidth.StringWidth(plain); w > width {
				t.Errorf("width %d: line of %d columns: %q", width, w, plain)
			}
		}
		if !strings.Contains(b.String(), "…") {
			t.Errorf("width %d: nothing was cut", width)
		}
	}
	var b strings.Builder
	writeTableWidth(&b, rows, false, 0)
	if strings.Contains(b.String(), "…") {
		t.Error("without a width nothing is cut")
	}
}

// An error naming a file whose name holds an escape sequence shows it as
// symbols on a terminal.
func TestErrorsOnTerminalShowControls(t *testing.T) {
	out, code := runOnTerminal(t, t.TempDir(), nil, "diff", "evil\x1b[2J.txt", "other.txt")
	if code != 2 || strings.Contains(out, "\x1b[2J") || !strings.Contains(out, "evil␛[2J.txt") {
		t.Fatalf("exit %d, terminal showed %q", code, out)
	}
}
