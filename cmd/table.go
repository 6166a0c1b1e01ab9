package cmd

import (
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// Terminal styles for tables.
const (
	sgrBold   = "\x1b[1m"
	sgrRed    = "\x1b[31m"
	sgrGreen  = "\x1b[32m"
	sgrYellow = "\x1b[33m"
	sgrCyan   = "\x1b[36m"
)

// cell is one table cell with its terminal style.
type cell struct {
	text, sgr string
}

// writeTable writes rows in columns two spaces apart, padding by the
// cells' display width so that colour escapes do not upset alignment. The
// last column is not padded. It is writeTableWidth without a width limit.
func writeTable(w io.Writer, rows [][]cell, color bool) error {
	return writeTableWidth(w, rows, color, 0)
}

// writeTableWidth is the one table printer of listings (log, status,
// label, serial list). Every cell is made safe first (cellText): a tab,
// newline or other control character in stored text (a file name, an
// author, a message) shows as a visible symbol and can never start a row
// of its own or drive the terminal. With width > 0 (a terminal's), a row
// that would be wider is cut to fit: the last column first, then the
// widest, each ending in "…".
func writeTableWidth(w io.Writer, rows [][]cell, color bool, width int) error {
	texts := make([][]string, len(rows))
	var widths []int
	for r, row := range rows {
		texts[r] = make([]string, len(row))
		for i, c := range row {
			t := cellText(c.text)
			texts[r][i] = t
			for len(widths) <= i {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], runewidth.StringWidth(t))
		}
	}
	if width > 0 {
		widths = fitColumns(widths, width)
	}
	var b strings.Builder
	for r, row := range rows {
		for i, c := range row {
			text := texts[r][i]
			if runewidth.StringWidth(text) > widths[i] {
				text = runewidth.Truncate(text, widths[i], "…")
			}
			if color && c.sgr != "" {
				b.WriteString(c.sgr + text + "\x1b[0m")
			} else {
				b.WriteString(text)
			}
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", max(0, widths[i]-runewidth.StringWidth(text))+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// minColumn is the narrowest a column is cut to.
const minColumn = 6

// fitColumns narrows columns until a row (columns two spaces apart) fits
// in width: the last column first, down to minColumn, then the widest of
// the others, one column at a time.
func fitColumns(widths []int, width int) []int {
	out := append([]int(nil), widths...)
	total := func() int {
		n := 2 * (len(out) - 1)
		for _, w := range out {
			n += w
		}
		return n
	}
	for total() > width {
		last := len(out) - 1
		if out[last] > minColumn {
			out[last] = max(minColumn, out[last]-(total()-width))
			continue
		}
		widest := -1
		for i := 0; i < last; i++ {
			if out[i] > minColumn && (widest < 0 || out[i] > out[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break // as narrow as it goes
		}
		out[widest] = max(minColumn, out[widest]-(total()-width))
	}
	return out
}

// cellText is a cell's text made safe for one line of a table: tab,
// newline and carriage return as visible symbols (␉, ␊, ␍), as every other
// control character (visibleControls), so that stored text cannot forge a
// row or move the cursor.
func cellText(s string) string {
	s = strings.NewReplacer("\t", "\u2409", "\n", "\u240a", "\r", "\u240d").Replace(s)
	return visibleControls(s)
}
