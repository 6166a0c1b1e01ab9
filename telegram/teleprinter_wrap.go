package telegram

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/redline-dev/redline/cable"
)

// lineLayout wraps blocks into lines as the walk of the document hands
// them over, and checks each line. It keeps the first wrapping error and
// the first line the reader would drop: a wrapping error anywhere is
// reported before any such line, as when every block is wrapped first.
type lineLayout struct {
	tp     *teleprinter
	out    []TeleprinterLine
	blocks int // blocks seen, empty ones included
	err    error
	drop   error
}

// add wraps blocks, the next in the document, unless an error has stopped
// the layout.
func (ll *lineLayout) add(blocks []tpBlock) {
	for _, b := range blocks {
		if ll.err != nil {
			return
		}
		from := len(ll.out)
		ll.err = ll.block(b)
		ll.blocks++
		for i := from; i < len(ll.out) && ll.drop == nil; i++ {
			err := hazard(ll.out[i].Text)
			if err == "" {
				err = cable.Furniture(ll.out[i].Text)
			}
			next := ""
			if i+1 < len(ll.out) {
				next = ll.out[i+1].Text
			}
			if err == "" && i == 0 && (cable.OpensField(ll.out[i].Text) || cable.OpensPassing(ll.out[i].Text, next)) {
				ll.drop = fmt.Errorf("%s: the text's first line would read as a field above the text (a subject, a reference such as WASHINGTON TELNO 1991, a passing line, E.O. or TAGS), which the reader takes out of the text: give it in the front matter (references:, subject:, passing:) or begin the text otherwise", ll.tp.position(ll.out[i].Offset))
				break
			}
			if err != "" {
				ll.drop = fmt.Errorf("%s: line %d of the text would %s: reword the sentence or change its wrapping so that the word does not open a line", ll.tp.position(ll.out[i].Offset), i+1, err)
			}
		}
	}
}

// block wraps one block into lines after those laid out so far.
func (ll *lineLayout) block(b tpBlock) error {
	tp := ll.tp
	// drop blocks with no words at all (an empty paragraph, say)
	empty := true
	for _, s := range b.segments {
		if len(s) > 0 {
			empty = false
		}
	}
	if empty && strings.TrimSpace(b.first) == "" {
		return nil
	}
	if ll.blocks > 0 && len(ll.out) > 0 && !b.tight {
		ll.out = append(ll.out, TeleprinterLine{Offset: -1})
	}
	prefix := b.first
	for _, seg := range b.segments {
		if len(seg) == 0 {
			if b.verbatim {
				ll.out = append(ll.out, TeleprinterLine{Offset: -1})
				continue
			}
			if strings.TrimSpace(prefix) != "" {
				ll.out = append(ll.out, TeleprinterLine{Text: strings.TrimRight(prefix, " "), Offset: b.at})
				prefix = b.rest
			}
			continue
		}
		lines, err := tp.wrap(seg, prefix, b.rest, b.verbatim)
		if err != nil {
			return err
		}
		ll.out = append(ll.out, lines...)
		prefix = b.rest
	}
	return nil
}

// result is the lines, or the error that stopped them.
func (ll *lineLayout) result() ([]TeleprinterLine, error) {
	if ll.err != nil {
		return nil, ll.err
	}
	if ll.drop != nil {
		return nil, ll.drop
	}
	return ll.out, nil
}

// wrap lays one segment's words into lines within the width, the first
// after prefix and the others after rest. Where a line would open with
// what the reader of the cable takes for structure (a paragraph number, a
// list mark, a message signal, page furniture), it breaks a word or more
// earlier, so that the words stay words when the cable is read back.
func (tp *teleprinter) wrap(seg []word, prefix, rest string, verbatim bool) ([]TeleprinterLine, error) {
	starts, err := tp.flow(seg, 0, prefix, rest, verbatim)
	if err != nil {
		return nil, err
	}
	if verbatim && tp.lineLen(seg, 0, len(seg))+len(prefix) > tp.opts.Width {
		return nil, fmt.Errorf("%s: this line of a code block is %d characters, longer than %d: code blocks keep their lines, so shorten it", tp.position(seg[0].offset), tp.lineLen(seg, 0, len(seg))+len(prefix), tp.opts.Width)
	}
	if !verbatim {
		starts = tp.unpassFirst(seg, starts, prefix, rest)
		starts = tp.unfield(seg, starts, rest)
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

// flow breaks words [from, len(seg)) into lines greedily, the first after
// lead and the others after rest, breaking a word or more earlier where a
// line would open with structure. It returns each line's first word and,
// last, len(seg).
func (tp *teleprinter) flow(seg []word, from int, lead, rest string, verbatim bool) ([]int, error) {
	w := tp.opts.Width
	starts := []int{from} // the index of each line's first word
	start := from         // the line being filled: its first word
	cur := 0              // the line's length with words [start, k]
	for k := from; k < len(seg); k++ {
		wd := seg[k]
		if len(lead)+len(wd.text) > w && k == start || len(rest)+len(wd.text) > w && k > start {
			ind := lead
			if k > start {
				ind = rest
			}
			return nil, fmt.Errorf("%s: the word %s is %d characters, longer than a line of %d (less %d for the indent): words are never split, so break it with a space", tp.position(wd.offset), abbreviate(wd.text), len(wd.text), w, len(ind))
		}
		if k == start {
			cur = len(lead) + len(wd.text)
			continue
		}
		cur += 1 + len(wd.text)
		if verbatim || cur <= w {
			continue
		}
		brk := k
		n := len(rest) + len(wd.text) // the length of a line of words [j, k]
		for j := k; j > start+1; j-- {
			if j < k {
				n += len(seg[j].text) + 1
			}
			if n > w {
				break
			}
			if !tp.opensStructure(seg, j, k, rest) {
				brk = j
				break
			}
		}
		starts = append(starts, brk)
		lead, start = rest, brk
		cur = len(rest) + tp.lineLen(seg, brk, k+1)
	}
	return append(starts, len(seg)), nil
}

// unpassFirst mends a first line that reads as a passing line (FOR
// REUNIFICATION ON FROM MOSCOW ...), which the reader would take out of
// the text at its top: the line ends before the word ahead of the first
// FROM, so that neither it nor the next line reads so.
func (tp *teleprinter) unpassFirst(seg []word, starts []int, prefix, rest string) []int {
	if len(starts) < 2 {
		return starts
	}
	up := func(from, to int, ind string) string { return strings.ToUpper(tp.line(seg, from, to, ind).Text) }
	next := ""
	if len(starts) > 2 {
		next = up(starts[1], starts[2], rest)
	}
	if !cable.OpensPassing(up(0, starts[1], prefix), next) {
		return starts
	}
	f := -1
	for k := 1; k < len(seg) && k <= starts[1]; k++ {
		if strings.EqualFold(seg[k].text, "FROM") {
			f = k
			break
		}
	}
	if f < 2 {
		return starts
	}
	again, err := tp.flow(seg, f-1, rest, rest, false)
	if err != nil {
		return starts
	}
	mended := append([]int{0}, again...)
	next = ""
	if len(mended) > 2 {
		next = up(mended[1], mended[2], rest)
	}
	if cable.OpensPassing(up(0, mended[1], prefix), next) || cable.OpensStructure(up(mended[1], mended[min(2, len(mended)-1)], rest)) {
		return starts
	}
	return mended
}

// unfield mends lines that read as a field (FOR ... FROM ..., TAGS ...)
// once their last words are known: such a line takes the word before it,
// and when that word does not fit, the lines from there are flowed again
// (the line's last words move down). Each mend moves a break earlier, so
// it ends.
func (tp *teleprinter) unfield(seg []word, starts []int, rest string) []int {
	for l := 2; l < len(starts); l++ {
		a, b := starts[l-1], starts[l]
		to := b - 1 // with the next line: the reader joins a field's lines
		if l+1 < len(starts) {
			to = starts[l+1] - 1
		}
		if a-starts[l-2] < 2 || !tp.opensStructure(seg, a, to, rest) {
			continue
		}
		j := a - 1 // the line's new first word: the nearest before that opens no structure
		for j > starts[l-2]+1 && tp.opensStructure(seg, j, to, rest) {
			j--
		}
		if tp.opensStructure(seg, j, to, rest) {
			continue
		}
		if j == a-1 && len(rest)+len(seg[a-1].text)+1+tp.lineLen(seg, a, b) <= tp.opts.Width {
			starts[l-1]--
			continue
		}
		again, err := tp.flow(seg, j, rest, rest, false)
		if err != nil {
			continue // a word too long for the line: flow reported it already
		}
		starts = append(starts[:l-1], again...)
	}
	return starts
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
	lEnd := k + 1
	if j+1 < len(seg) && j == k {
		lEnd = k + 2
	}
	// The line's opening holds the line, so the line is its prefix. Both
	// are written into a scratch buffer that the checks read and do not
	// keep (their messages copy what they quote).
	b := append(tp.scratch[:0], indent...)
	for w := j; w < min(len(seg), max(k+1, j+5)); w++ {
		if w > j {
			b = append(b, ' ')
		}
		b = append(b, seg[w].text...)
	}
	tp.scratch = b
	opening := unsafe.String(unsafe.SliceData(b), len(b))
	l := opening[:len(indent)+tp.lineLen(seg, j, lEnd)]
	// The reader sees the line in capitals, as the teleprinter prints it,
	// and so is it here: the mapper gives every word in capitals
	// (cable.Mapper.Map) and the markers are digits, capitals and marks.
	// Most lines open with ordinary words, which cable.PlainOpening sees
	// at a glance (for the opening and so for the line, its first words).
	if cable.PlainOpening(opening) {
		return hazard(l) != ""
	}
	return cable.OpensStructure(l) || len(opening) > len(l) && cable.OpensStructure(opening) ||
		cable.Furniture(l) != "" || hazard(l) != ""
}

// line makes a line of words [from, to) after indent.
func (tp *teleprinter) line(seg []word, from, to int, indent string) TeleprinterLine {
	var b strings.Builder
	b.Grow(len(indent) + tp.lineLen(seg, from, to))
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
