package critic

import (
	"strings"
)

// codeOf finds the code spans and blocks of the critic text as the
// CriticMarkup parser sees them, on a copy whose delimiters are blanked
// out (so that a delimiter caught in code cannot stop the parse).
func codeOf(o Printed) (*Doc, error) {
	blank := []byte(o.Text)
	for _, ds := range o.Delims {
		for _, d := range ds {
			n := 3
			if o.Text[d:d+2] == "~>" {
				n = 2
			}
			for k := d; k < d+n; k++ {
				blank[k] = 'Z'
			}
		}
	}
	return Parse("redline.md", blank)
}

// widenOutOfCode writes the pieces. In Markdown, marks inside a code span
// or code block are plain text; a change with a delimiter inside code
// becomes a change of the whole code span or block (with the line breaks
// around a block, so that the marks stand on lines of their own), so that
// accepting and rejecting still give each side's text exactly. A change
// whose own two sides make code of its delimiters (an unmatched backtick
// in each) cannot be helped and is left as it is.
func widenOutOfCode(pieces []Piece) ([]Piece, Printed) {
	o := Print(pieces)
	out := o.Text
	if !mayHoldCode(out) {
		return pieces, o
	}
	for round := 0; round < 16; round++ {
		doc, err := codeOf(o)
		if err != nil {
			return pieces, o
		}
		// The code regions that hold a delimiter of a change, in order.
		var regions [][2]int
		for k := range pieces {
			for _, d := range o.Delims[k] {
				if !doc.InCode(d) {
					continue
				}
				if n := len(regions); n > 0 && d < regions[n-1][1] {
					continue
				}
				cs, ce := d, d
				for cs > 0 && doc.InCode(cs-1) {
					cs--
				}
				for ce < len(out) && doc.InCode(ce) {
					ce++
				}
				if strings.Contains(out[cs:ce], "\n") { // a block: take the line breaks around it
					if cs > 0 && out[cs-1] == '\n' {
						cs--
					}
					if out[ce-1] != '\n' && ce < len(out) && out[ce] == '\n' {
						ce++
					}
				}
				if n := len(regions); n > 0 && cs <= regions[n-1][1] {
					regions[n-1][1] = max(regions[n-1][1], ce)
					continue
				}
				regions = append(regions, [2]int{cs, ce})
			}
		}
		if len(regions) == 0 {
			return pieces, o
		}
		before := len(pieces)
		starts := o.Starts

		for j := len(regions) - 1; j >= 0; j-- {
			pieces, starts = mergeRegion(pieces, starts, len(out), regions[j][0], regions[j][1])
		}
		o = Print(pieces)
		if o.Text == out && len(pieces) == before {
			return pieces, o // nothing more can be done here (checkedMarks tries more)
		}
		out = o.Text
	}
	return pieces, o
}

// mayHoldCode reports whether Markdown could find code in s. Code needs a
// backtick (a code span or fence), "~~~" (a fence), or an indentation of
// four columns past its container's content: four spaces in a row or a
// tab, wherever the line's list markers and block quote markers leave
// them ("-     code" is a list item holding indented code). Text without
// any of these has no code; the parser decides for the rest.
func mayHoldCode[T ~string | ~[]byte](s T) bool {
	tildes, spaces := 0, 0 // the run of each ending here
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '`', '\t':
			return true
		case '~':
			if tildes++; tildes == 3 {
				return true
			}
			spaces = 0
			continue
		case ' ':
			if spaces++; spaces == 4 {
				return true
			}
			tildes = 0
			continue
		}
		tildes, spaces = 0, 0
	}
	return false
}

// mergeRegion makes one change of the pieces that the output range
// [cs, ce) covers, cutting unchanged pieces at the range's ends. It returns
// the pieces and their output offsets, which stay right for the pieces
// before the range (regions are merged from the last to the first).
func mergeRegion(pieces []Piece, starts []int, total, cs, ce int) ([]Piece, []int) {
	end := func(k int) int {
		if k+1 < len(starts) {
			return starts[k+1]
		}
		return total
	}
	a := 0
	for a < len(pieces)-1 && end(a) <= cs {
		a++
	}
	b := a
	for b < len(pieces)-1 && end(b) < ce {
		b++
	}
	var before, after []Piece
	mid := append([]Piece(nil), pieces[a:b+1]...)
	// Cut unchanged text at the range's ends (output and text offsets
	// agree when the text needed no escapes).
	if p := mid[0]; !p.Change && starts[a] < cs && Escape(p.New) == p.New {

		k := cs - starts[a]
		before = []Piece{{Old: p.New[:k], New: p.New[:k]}}
		mid[0] = Piece{Old: p.New[k:], New: p.New[k:]}
	}
	if p := mid[len(mid)-1]; !p.Change && end(b) > ce && Escape(p.New) == p.New {
		k := len(p.New) - (end(b) - ce)
		if k >= 0 && k <= len(p.New) {
			after = []Piece{{Old: p.New[k:], New: p.New[k:]}}
			mid[len(mid)-1] = Piece{Old: p.New[:k], New: p.New[:k]}
		}
	}
	merged := Piece{Change: true}
	for _, p := range mid {
		merged.Old += p.Old
		merged.New += p.New
		if p.Comment != "" {
			merged.Comment = p.Comment
		}
	}
	out := append([]Piece(nil), pieces[:a]...)
	st := append([]int(nil), starts[:a]...)
	if before != nil {
		out = append(out, before...)
		st = append(st, starts[a])
	}
	out = append(out, merged)
	if before != nil {
		st = append(st, cs)
	} else {
		st = append(st, starts[a])
	}
	if after != nil {
		out = append(out, after...)
		st = append(st, ce)
	}
	out = append(out, pieces[b+1:]...)
	st = append(st, starts[b+1:]...)
	return out, st
}
