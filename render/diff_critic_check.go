package render

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/draft"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// The critic view is only useful if accept and reject read back the marks
// it wrote. Markdown decides what is code (marks in code are text), and
// the ways of making code are many: code spans, fences, indented lines,
// and all of these inside list items and block quotes ("-     code" is a
// list item whose content is an indented code block). So rather than
// guess, the writer parses what it wrote with the parser accept and
// reject use, and widens any change that does not read back as written to
// whole lines, then to whole blocks, until it does. What still does not
// read back is an error: a redline that silently resolves to the wrong
// text (QA "F20 remnant": accept --all left {~~human~>Moscow~~} in the
// text and said no changes remain) is worse than none.

// criticWidenings is how many times checkedCritic widens a change that does
// not read back: out of the line breaks it begins with, to whole lines,
// to its block, then a block more on each side each time.
const criticWidenings = 6

// checkedCritic writes the pieces after the new side's front matter and
// checks the result with draft.ParseCritic: every mark must be read where
// it was written, its "~>" included, and no other. (Then each change
// resolves to the text written in it; how accept and reject tidy the seam
// of a change that resolves to nothing is sealSeams' concern.)
func checkedCritic(c *diff.Comparison, pieces []criticPiece) (string, error) {
	fm := c.New.FrontMatter
	split := false
	line := 0
	for round := 0; ; round++ {
		var o criticOut
		pieces, o = widenOutOfCode(pieces)
		bad := criticMisread(fm, pieces, o)
		if bad < 0 {
			return fm + o.text, nil
		}
		if line == 0 { // the first change that did not read back, before widening
			line = 1 + strings.Count(fm, "\n")
			for _, p := range pieces[:bad] {
				line += strings.Count(p.new, "\n")
			}
			line += strings.Count(leadingWS(pieces[bad].new), "\n") // where its text starts
		}
		if round < criticWidenings {
			if wider, ok := widenMisread(pieces, o, bad, round); ok {
				pieces = wider
				continue
			}
		}
		if !split {
			// Widening did not help: the change's own sides make code of
			// its delimiters (an indented last line, a backtick on each
			// side). Marked finely instead, the text the sides share stands
			// between the marks, where it often breaks that code up.
			// Its smaller changes may be widened again (to whole lines,
			// say), but not split again.
			split, round = true, -1
			if finer, ok := splitChange(pieces, bad); ok {
				pieces = fixEdges(sealSeams(finer))
				continue
			}
		}
		name := c.New.Name
		if name == "" {
			name = "the new version"
		}
		return "", fmt.Errorf("%s:%d: the critic view cannot mark this change so that accept and reject read it back (its marks would fall in Markdown code, or a backtick on each side would pair across them): show this comparison with another --format, such as plain or html", name, line)
	}
}

// criticMark is where a mark was written: its opening, its "~>" (or -1)
// and the end of its closing, as output offsets.
type criticMark struct{ start, mid, end, piece int }

// writtenMarks lists the marks of the critic output in order.
func writtenMarks(o criticOut) []criticMark {
	var marks []criticMark
	for k, ds := range o.delims {
		cur := criticMark{mid: -1, piece: k}
		for _, d := range ds {
			switch {
			case o.text[d] == '{':
				cur.start = d
			case strings.HasPrefix(o.text[d:], "~>"):
				cur.mid = d
			default:
				cur.end = d + 3
				marks = append(marks, cur)
				cur = criticMark{mid: -1, piece: k}
			}
		}
	}
	return marks
}

// criticMisread parses the critic text (after the front matter fm) and
// returns the index of the first piece whose marks do not read back as
// written (or the piece holding a mark that was never written), or -1 when
// every mark does.
func criticMisread(fm string, pieces []criticPiece, o criticOut) int {
	src := fm + o.text
	base := len(fm)
	pieceAt := func(off int) int { // the piece holding output offset off
		off -= base
		k := 0
		for k+1 < len(o.starts) && o.starts[k+1] <= off {
			k++
		}
		return k
	}
	const name = "redline.md"
	doc, err := draft.ParseCritic(name, []byte(src))
	if err != nil {
		var line, col int
		if _, e := fmt.Sscanf(strings.TrimPrefix(err.Error(), name+":"), "%d:%d:", &line, &col); e == nil {
			return pieceAt(offsetOfPosition(src, line, col))
		}
		return firstChange(pieces)
	}
	want := writtenMarks(o)
	got := doc.Marks()
	for i := 0; i < len(want) || i < len(got); i++ {
		switch {
		case i >= len(got):
			return want[i].piece
		case i >= len(want):
			return pieceAt(got[i].Start)
		}
		w, g := want[i], got[i]
		mid := g.Mid
		if g.Kind != draft.KindSubstitute {
			mid = -1
		}
		if g.Start != w.start+base || g.End != w.end+base || (w.mid >= 0) != (mid >= 0) || (w.mid >= 0 && mid != w.mid+base) {
			if g.Start < w.start+base {
				return pieceAt(g.Start)
			}
			return w.piece
		}
	}
	return -1
}

// splitChange marks change k character by character (go-diff, tidied to
// whole words where it can): the text its two sides share becomes
// unchanged text between smaller changes. It reports false when that
// gives the same one change.
func splitChange(pieces []criticPiece, k int) ([]criticPiece, bool) {
	p := pieces[k]
	if !p.change || p.old == "" || p.new == "" {
		return pieces, false
	}
	dmp := diffmatchpatch.New()
	ds := dmp.DiffCleanupSemantic(dmp.DiffMain(p.old, p.new, false))
	var parts []criticPiece
	for _, d := range ds {
		n := len(parts)
		switch {
		case d.Type == diffmatchpatch.DiffEqual:
			parts = append(parts, criticPiece{old: d.Text, new: d.Text})
		case n == 0 || !parts[n-1].change:
			parts = append(parts, criticPiece{change: true})
			n++
			fallthrough
		default:
			if d.Type == diffmatchpatch.DiffDelete {
				parts[n-1].old += d.Text
			} else {
				parts[n-1].new += d.Text
			}
		}
	}
	changes := 0
	for i := range parts {
		if parts[i].change {
			changes++
		}
	}
	if changes == 0 || (changes == 1 && len(parts) == 1) {
		return pieces, false
	}
	for i := len(parts) - 1; i >= 0; i-- {
		if parts[i].change {
			parts[i].comment = p.comment
			break
		}
	}
	out := append(append(append([]criticPiece(nil), pieces[:k]...), parts...), pieces[k+1:]...)
	// Unchanged neighbours join into one piece.
	merged := out[:0]
	for _, q := range out {
		if n := len(merged); n > 0 && !q.change && !merged[n-1].change {
			merged[n-1].old += q.old
			merged[n-1].new += q.new
			continue
		}
		merged = append(merged, q)
	}
	return merged, true
}

func firstChange(pieces []criticPiece) int {
	for k, p := range pieces {
		if p.change {
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
func widenMisread(pieces []criticPiece, o criticOut, k, round int) ([]criticPiece, bool) {
	out := o.text
	end := len(out)
	if k+1 < len(o.starts) {
		end = o.starts[k+1]
	}
	cs, ce := o.starts[k], end
	for r := round; r <= criticWidenings; r++ {
		ncs, nce := cs, ce
		switch r {
		case 0:
			if shed, ok := shedLeadingBreaks(pieces, k); ok {
				return shed, true
			}
			continue
		case 1:
			ncs, nce = lineStartAt(out, cs), lineEndAfter(out, ce)
		case 2:
			ncs, nce = blockStartAt(out, cs), blockEndAfter(out, ce)
		default:
			ncs, nce = blockStartAt(out, skipBlankBack(out, blockStartAt(out, cs))), blockEndAfter(out, skipBlankForward(out, blockEndAfter(out, ce)))
		}
		if ncs < cs || nce > ce || (o.starts[k] == cs && end == ce && !pieces[k].change) {
			merged, _ := mergeRegion(pieces, o.starts, len(out), ncs, nce)
			return merged, true
		}
	}
	return pieces, false
}

// shedLeadingBreaks moves the white space up to the last line break that
// both sides of change k begin with out of the change, into the unchanged
// text before it.
func shedLeadingBreaks(pieces []criticPiece, k int) ([]criticPiece, bool) {
	p := pieces[k]
	if !p.change {
		return pieces, false
	}
	pre := commonPrefix(leadingWS(p.old), leadingWS(p.new))
	pre = pre[:strings.LastIndexByte(pre, '\n')+1]
	if pre == "" || (len(pre) == len(p.old) && len(pre) == len(p.new)) {
		return pieces, false
	}
	out := append([]criticPiece(nil), pieces[:k]...)
	if n := len(out); n > 0 && !out[n-1].change {
		out[n-1].old += pre
		out[n-1].new += pre
	} else {
		out = append(out, criticPiece{old: pre, new: pre})
	}
	out = append(out, criticPiece{change: true, old: p.old[len(pre):], new: p.new[len(pre):], comment: p.comment})
	return append(out, pieces[k+1:]...), true
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
