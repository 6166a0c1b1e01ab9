package critic

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// widenings is how many times checkedMarks widens a change that does
// not read back: out of the line breaks it begins with, to whole lines,
// to its block, then a block more on each side each time.
const widenings = 6

// ErrUnmarkable is the error for a change Redline cannot mark so that
// accept and reject read it back; another view can show the comparison.
var ErrUnmarkable = errors.New("cannot mark this change in CriticMarkup so that accept and reject read it back")

// checkedMarks writes the pieces after head and checks the result
// with Parse: every mark must be read where
// it was written, its "~>" included, and no other. (Then each change
// resolves to the text written in it; how accept and reject tidy the seam
// of a change that resolves to nothing is sealSeams' concern.)
func checkedMarks(name, fm string, pieces []Piece) (string, error) {
	split := false
	line, level := 0, 0
	for iter := 0; iter < 4*widenings; iter++ {
		var o Printed
		pieces, o = widenOutOfCode(pieces)
		bads := misread(fm, pieces, o)
		if len(bads) == 0 {
			return fm + o.Text, nil
		}
		{ // the first change that still does not read back, as widened
			bad := bads[0]
			line = 1 + strings.Count(fm, "\n")
			for _, p := range pieces[:bad] {
				line += strings.Count(p.New, "\n")
			}
			line += strings.Count(leadingWS(pieces[bad].New), "\n") // where its text starts
		}
		// Every change that did not read back is widened a step, the last
		// first (so that the output offsets of those before stay right).
		if level < widenings {
			if wider, ok := widenAll(pieces, o, bads, level); ok {
				pieces = wider
				level++
				continue
			}
		}
		if split {
			break
		}
		// Widening did not help: the change's own sides make code of its
		// delimiters (an indented last line, a backtick on each side).
		// Marked finely instead, the text the sides share stands between
		// the marks, where it often breaks that code up. The smaller
		// changes may be widened again (to whole lines, say), but not
		// split again.
		split, level = true, 0
		didSplit := false
		for i := len(bads) - 1; i >= 0; i-- {
			if finer, ok := splitChange(pieces, bads[i]); ok {
				pieces, didSplit = finer, true
			}
		}
		if !didSplit {
			break
		}
		pieces = fixEdges(sealSeams(pieces))
	}
	if name == "" {
		name = "the new version"
	}
	return "", fmt.Errorf("%s:%d: %w (its marks would fall in Markdown code, or a backtick on each side would pair across them)", name, line, ErrUnmarkable)
}

// widenAll widens each of the pieces bads (in order) that did not read
// back, from the last, with widenMisread at the given level or the first
// one after it that takes more text. A piece whose wider region would
// reach into one widened already waits for the next round. It reports
// false when none could be widened.
func widenAll(pieces []Piece, o Printed, bads []int, level int) ([]Piece, bool) {
	starts := o.Starts
	limit := len(o.Text)
	changed := false
	for i := len(bads) - 1; i >= 0; i-- {
		k := bads[i]
		if k >= len(starts) {
			continue
		}
		next, nstarts, from, ok := widenMisread(pieces, starts, o.Text, k, level, limit)
		if !ok {
			continue
		}
		pieces, starts, limit, changed = next, nstarts, from, true
	}
	return pieces, changed
}

// writtenMark is where a mark was written: its opening, its "~>" (or -1)
// and the end of its closing, as output offsets.
type writtenMark struct{ start, mid, end, piece int }

// writtenMarks lists the marks of the critic output in order.
func writtenMarks(o Printed) []writtenMark {
	var marks []writtenMark
	for k, ds := range o.Delims {
		cur := writtenMark{mid: -1, piece: k}
		for _, d := range ds {
			switch {
			case o.Text[d] == '{':
				cur.start = d
			case strings.HasPrefix(o.Text[d:], "~>"):
				cur.mid = d
			default:
				cur.end = d + 3
				marks = append(marks, cur)
				cur = writtenMark{mid: -1, piece: k}
			}
		}
	}
	return marks
}

// misread parses the critic text (after the front matter fm) and
// returns the indexes (in order) of the pieces whose marks do not read back as
// written (or that hold a mark never written); none when
// every mark does.
func misread(fm string, pieces []Piece, o Printed) []int {
	src := fm + o.Text
	base := len(fm)
	pieceAt := func(off int) int { // the piece holding output offset off
		off -= base
		return max(sort.SearchInts(o.Starts, off+1)-1, 0)
	}
	const name = "redline.md"
	doc, err := Parse(name, []byte(src))
	if err != nil {
		var line, col int
		first := firstChange(pieces)
		if _, e := fmt.Sscanf(strings.TrimPrefix(err.Error(), name+":"), "%d:%d:", &line, &col); e == nil {
			first = pieceAt(offsetOfPosition(src, line, col))
		}
		// The parse stops at the first error; the others are found as
		// widenOutOfCode finds code, with the delimiters blanked out, so
		// that a long text is not widened one change per parse.
		bads := []int{first}
		if code, err := codeOf(o); err == nil {
			for k, ds := range o.Delims {
				for _, d := range ds {
					if k != first && code.InCode(d) {
						bads = append(bads, k)
						break
					}
				}
			}
		}
		sort.Ints(bads)
		return bads
	}
	type pos struct{ start, mid, end int }
	want := writtenMarks(o)
	got := doc.Marks()
	// at places a written mark where the file holds it; an insertion or
	// deletion has no middle (-1) whatever the front matter's length.
	at := func(w writtenMark) pos {
		mid := -1
		if w.mid >= 0 {
			mid = w.mid + base
		}
		return pos{w.start + base, mid, w.end + base}
	}
	wantAt := make(map[pos]bool, len(want))
	for _, w := range want {
		wantAt[at(w)] = true
	}
	gotAt := make(map[pos]bool, len(got))
	bad := map[int]bool{}
	for _, g := range got {
		mid := g.Mid
		if g.Kind != KindSubstitute {
			mid = -1
		}
		p := pos{g.Start, mid, g.End}
		gotAt[p] = true
		if !wantAt[p] {
			bad[pieceAt(g.Start)] = true
		}
	}
	for _, w := range want {
		if !gotAt[at(w)] {
			bad[w.piece] = true
		}
	}
	out := make([]int, 0, len(bad))
	for k := range bad {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

func firstChange(pieces []Piece) int {
	for k, p := range pieces {
		if p.Change {
			return k
		}
	}
	return 0
}

// offsetOfPosition turns a 1-based line and column (in characters) into
// a byte offset of s.
func offsetOfPosition(s string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(s[off:], '\n')
		if i < 0 {
			return len(s)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(s); c++ {
		_, n := utf8.DecodeRuneInString(s[off:])
		off += n
	}
	return off
}

// widenMisread makes piece k, which did not read back, part of a wider
// change: round 0 gives the line breaks both its sides begin with back
// to the text before it (so that its opening stands at the start of a
// line, where it turns a list item or an indented line into plain
// paragraph text), round 1 takes its whole lines (the line breaks after
// them included, so that each delimiter stands where no line of code can
// hold it), round 2 its whole block (up to the blank lines around it), and
// each round after a block more on each side. It reports false when there
// is nothing left to take.
func widenMisread(pieces []Piece, starts []int, out string, k, level, limit int) ([]Piece, []int, int, bool) {
	end := len(out)
	if k+1 < len(starts) {
		end = starts[k+1]
	}
	cs, ce := starts[k], end
	if ce > limit {
		return pieces, starts, limit, false // widened with a later piece already
	}
	for r := level; r <= widenings; r++ {
		ncs, nce := cs, ce
		switch r {
		case 0:
			shed, inserted, ok := shedLeadingBreaks(pieces, k)
			if !ok {
				continue
			}
			if inserted {
				st := append(append(append([]int(nil), starts[:k+1]...), starts[k]), starts[k+1:]...)
				return shed, st, starts[k], true
			}
			return shed, starts, starts[k-1], true
		case 1:
			ncs, nce = lineStartAt(out, cs), lineEndAfter(out, ce)
		case 2:
			ncs, nce = blockStartAt(out, cs), blockEndAfter(out, ce)
		default:
			ncs, nce = blockStartAt(out, skipBlankBack(out, blockStartAt(out, cs))), blockEndAfter(out, skipBlankForward(out, blockEndAfter(out, ce)))
		}
		if nce > limit {
			return pieces, starts, limit, false
		}
		if ncs < cs || nce > ce || !pieces[k].Change {
			merged, st := mergeRegion(pieces, starts, len(out), ncs, nce)
			return merged, st, ncs, true
		}
	}
	return pieces, starts, limit, false
}

// shedLeadingBreaks moves the white space up to the last line break that
// both sides of change k begin with out of the change, into the unchanged
// text before it.
func shedLeadingBreaks(pieces []Piece, k int) (out []Piece, inserted, ok bool) {
	p := pieces[k]
	if !p.Change {
		return pieces, false, false
	}
	pre := commonPrefix(leadingWS(p.Old), leadingWS(p.New))
	pre = pre[:strings.LastIndexByte(pre, '\n')+1]
	if pre == "" || (len(pre) == len(p.Old) && len(pre) == len(p.New)) {
		return pieces, false, false
	}
	out = append([]Piece(nil), pieces[:k]...)
	if n := len(out); n > 0 && !out[n-1].Change {
		out[n-1].Old += pre
		out[n-1].New += pre
	} else {
		out = append(out, Piece{Old: pre, New: pre})
		inserted = true
	}
	out = append(out, Piece{Change: true, Old: p.Old[len(pre):], New: p.New[len(pre):], Comment: p.Comment})
	return append(out, pieces[k+1:]...), inserted, true
}

// lineStartAt is the start of the line holding offset i.
func lineStartAt(s string, i int) int { return strings.LastIndexByte(s[:i], '\n') + 1 }

// lineEndAfter is the offset after the line break ending the line that
// holds the byte before i (i itself when that byte is a line break).
func lineEndAfter(s string, i int) int {
	if i > 0 && s[i-1] == '\n' {
		return i
	}
	j := strings.IndexByte(s[i:], '\n')
	if j < 0 {
		return len(s)
	}
	return i + j + 1
}

func blankLine(l string) bool { return strings.Trim(l, " \t\r\n") == "" }

// blockStartAt is the start of the first line of the block (lines up to a
// blank line) holding offset i.
func blockStartAt(s string, i int) int {
	st := lineStartAt(s, i)
	for st > 0 {
		ps := lineStartAt(s, st-1)
		if blankLine(s[ps:st]) {
			break
		}
		st = ps
	}
	return st
}

// blockEndAfter is the end (after its line break) of the block holding the
// byte before i.
func blockEndAfter(s string, i int) int {
	e := lineEndAfter(s, i)
	for e < len(s) {
		ne := lineEndAfter(s, e+1)
		if blankLine(s[e:ne]) {
			break
		}
		e = ne
	}
	return e
}

// skipBlankBack moves from a line start over the blank lines before it.
func skipBlankBack(s string, i int) int {
	for i > 0 {
		ps := lineStartAt(s, i-1)
		if !blankLine(s[ps:i]) {
			break
		}
		i = ps
	}
	return i
}

// skipBlankForward moves from a line start over the blank lines after it.
func skipBlankForward(s string, i int) int {
	for i < len(s) {
		ne := lineEndAfter(s, i+1)
		if !blankLine(s[i:ne]) {
			break
		}
		i = ne
	}
	return i
}
