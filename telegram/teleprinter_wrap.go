package telegram

import (
	"fmt"
	"strings"

	"github.com/redline-dev/redline/cable"
)

// layout wraps the blocks into lines and checks each line.
func (tp *teleprinter) layout() ([]TeleprinterLine, error) {
	var out []TeleprinterLine
	for bi, b := range tp.blocks {
		// drop blocks with no words at all (an empty paragraph, say)
		empty := true
		for _, s := range b.segments {
			if len(s) > 0 {
				empty = false
			}
		}
		if empty && strings.TrimSpace(b.first) == "" {
			continue
		}
		if bi > 0 && len(out) > 0 && !b.tight {
			out = append(out, TeleprinterLine{Offset: -1})
		}
		prefix := b.first
		for _, seg := range b.segments {
			if len(seg) == 0 {
				if b.verbatim {
					out = append(out, TeleprinterLine{Offset: -1})
					continue
				}
				if strings.TrimSpace(prefix) != "" {
					out = append(out, TeleprinterLine{Text: strings.TrimRight(prefix, " "), Offset: tp.lastPos})
					prefix = b.rest
				}
				continue
			}
			lines, err := tp.wrap(seg, prefix, b.rest, b.verbatim)
			if err != nil {
				return nil, err
			}
			out = append(out, lines...)
			prefix = b.rest
		}
	}
	for i, l := range out {
		err := hazard(l.Text)
		if err == "" {
			err = cable.Furniture(l.Text)
		}
		if err != "" {
			return nil, fmt.Errorf("%s: line %d of the text would %s: reword the sentence or change its wrapping so that the word does not open a line", tp.position(l.Offset), i+1, err)
		}
	}
	return out, nil
}

// wrap lays one segment's words into lines within the width, the first
// after prefix and the others after rest. Where a line would open with
// what the reader of the cable takes for structure (a paragraph number, a
// list mark, a message signal, page furniture), it breaks a word or more
// earlier, so that the words stay words when the cable is read back.
func (tp *teleprinter) wrap(seg []word, prefix, rest string, verbatim bool) ([]TeleprinterLine, error) {
	w := tp.opts.Width
	starts := []int{0}                 // the index of each line's first word
	lead, start := prefix, 0           // the line being filled: its indent and first word
	length := func(from, to int) int { // the line's length with words [from, to]
		n := len(rest)
		if from == start {
			n = len(lead)
		}
		for k := from; k <= to; k++ {
			n += len(seg[k].text)
		}
		return n + to - from
	}
	for k, wd := range seg {
		if len(lead)+len(wd.text) > w && k == start || len(rest)+len(wd.text) > w && k > start {
			ind := lead
			if k > start {
				ind = rest
			}
			return nil, fmt.Errorf("%s: the word %s is %d characters, longer than a line of %d (less %d for the indent): words are never split, so break it with a space", tp.position(wd.offset), abbreviate(wd.text), len(wd.text), w, len(ind))
		}
		if k == start || verbatim || length(start, k) <= w {
			continue
		}
		brk := k
		for j := k; j > start+1; j-- {
			if length(j, k) > w {
				break
			}
			if !tp.opensStructure(seg, j, k, rest) {
				brk = j
				break
			}
		}
		starts = append(starts, brk)
		lead, start = rest, brk
	}
	if verbatim && length(0, len(seg)-1) > w {
		return nil, fmt.Errorf("%s: this line of a code block is %d characters, longer than %d: code blocks keep their lines, so shorten it", tp.position(seg[0].offset), length(0, len(seg)-1), w)
	}
	starts = append(starts, len(seg))
	// A whole line can read as a field (FOR ... FROM ..., TAGS ...) once
	// its last words are known: such a line takes the word before it.
	for l := 2; l < len(starts); l++ {
		a, b := starts[l-1], starts[l]
		to := b - 1 // with the next line: the reader joins a field's lines
		if l+1 < len(starts) {
			to = starts[l+1] - 1
		}
		if a-starts[l-2] < 2 || !tp.opensStructure(seg, a, to, rest) ||
			len(rest)+len(seg[a-1].text)+1+tp.lineLen(seg, a, b) > w || tp.opensStructure(seg, a-1, to, rest) {
			continue
		}
		starts[l-1]--
	}
	out := make([]TeleprinterLine, 0, len(starts)-1)
	for l := 1; l < len(starts); l++ {
		ind := rest
		if l == 1 {
			ind = prefix
		}
		out = append(out, tp.line(seg, starts[l-1], starts[l], ind))
	}
	return out, nil
}

// lineLen is the length of words [from, to) joined by spaces.
func (tp *teleprinter) lineLen(seg []word, from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		n += len(seg[k].text) + 1
	}
	return max(n-1, 0)
}

// opensStructure reports whether a line that starts with word j (and
// holds words j to k) would open with what the reader takes for
// structure. A field's label runs over a few words (MINISTER TELNO 2,
// UKMIS NEW YORK TELNO 12), so the opening is judged on the line's first
// five words even where the line is shorter so far.
func (tp *teleprinter) opensStructure(seg []word, j, k int, indent string) bool {
	l := tp.line(seg, j, k+1, indent).Text
	if j+1 < len(seg) && j == k {
		l += " " + seg[j+1].text
	}
	opening := tp.line(seg, j, min(len(seg), max(k+1, j+5)), indent).Text
	// The reader sees the line in capitals, as the teleprinter prints it.
	u, uo := strings.ToUpper(l), strings.ToUpper(opening)
	return cable.OpensStructure(l) || cable.OpensStructure(u) || cable.OpensStructure(uo) ||
		cable.Furniture(u) != "" || hazard(l) != "" || hazard(u) != ""
}

// line makes a line of words [from, to) after indent.
func (tp *teleprinter) line(seg []word, from, to int, indent string) TeleprinterLine {
	var b strings.Builder
	b.WriteString(indent)
	for k := from; k < to; k++ {
		if k > from {
			b.WriteByte(' ')
		}
		b.WriteString(seg[k].text)
	}
	at := -1
	if from < to {
		at = seg[from].offset
	}
	return TeleprinterLine{Text: b.String(), Offset: at}
}

// hazard says why a line of text would disturb the circuit ("" if it would
// not): NNNN ends a message and ZCZC starts one on switching equipment, and
// BT alone ends the text (ACP 127).
func hazard(line string) string {
	t := strings.TrimSpace(line)
	switch {
	case strings.HasPrefix(t, "NNNN"):
		return "begin NNNN, which ends a message on switching equipment"
	case strings.HasPrefix(t, "ZCZC"):
		return "begin ZCZC, which starts a new message on switching equipment"
	case t == "BT":
		return "be BT alone, which ends the text of a message"
	}
	return ""
}

func abbreviate(s string) string {
	if len(s) > 24 {
		return s[:20] + "..."
	}
	return s
}
