package telegram

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// list lays out a list's items with their markers and a hanging indent.
func (tp *teleprinter) list(l *ast.List, depth int, indent string) error {
	if nestingDepth(l, false) > maxListNesting {
		// a tree parsed elsewhere (TeleprinterRenderer)
		return tp.nestingError(nested{offset: tp.nodeStart(l)})
	}
	i := 0
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		marker := tp.marker(l, depth, i)
		i++
		hang := indent + strings.Repeat(" ", len(marker))
		if tp.opts.NoHang {
			hang = indent
		}
		first := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			tight := first && i > 1 && l.IsTight
			switch c := c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				prefix := hang
				if first {
					prefix = indent + marker
				}
				if err := tp.inlineBlock(c, prefix, hang, tight); err != nil {
					return err
				}
			case *ast.List:
				if first {
					// an item that opens with a list: its marker stands alone
					tp.blocks = append(tp.blocks, tpBlock{first: indent + strings.TrimRight(marker, " "), rest: hang, segments: [][]word{{}}, tight: tight, at: tp.nodeStart(item)})
				}
				// (the blocks are adjusted even when the walk stops at
				// a long word: layout reports it with its real indent)
				n0 := len(tp.blocks)
				err := tp.list(c, depth+1, hang)
				if l.IsTight && len(tp.blocks) > n0 {
					tp.blocks[n0].tight = true
				}
				if err != nil {
					return err
				}
			default:
				n0 := len(tp.blocks)
				err := tp.layBlocks([]ast.Node{c}, depth+1, hang, false)
				if first && len(tp.blocks) > n0 {
					tp.blocks[n0].first = indent + marker + strings.TrimLeft(tp.blocks[n0].first, " ")
					tp.blocks[n0].tight = tight
				}
				if err != nil {
					return err
				}
			}
			first = false
		}
		if first { // an empty item
			tp.blocks = append(tp.blocks, tpBlock{first: indent + strings.TrimRight(marker, " "), rest: hang, segments: [][]word{{}}, tight: i > 1 && l.IsTight, at: tp.nodeStart(item)})
		}
	}
	return nil
}

// marker returns the marker of the i-th item (from 0) of a list, with its
// trailing space.
func (tp *teleprinter) marker(l *ast.List, depth, i int) string {
	if l.IsOrdered() {
		if tp.opts.Numbered && depth == 0 {
			return letters(i) + ". "
		}
		if tp.opts.Numbered {
			return "(" + strconv.Itoa(l.Start+i) + ") "
		}
		return strconv.Itoa(l.Start+i) + ". "
	}
	if tp.opts.Bullet == "letter" {
		// State practice: A., then (1), then (A), so that a reference
		// such as PARA 2.B.(1) names one item.
		switch depth % 3 {
		case 1:
			return "(" + strconv.Itoa(i+1) + ") "
		case 2:
			return "(" + letters(i) + ") "
		}
		return letters(i) + ". "
	}
	return "- "
}

// letters numbers with letters: A … Z, AA, AB …
func letters(i int) string {
	s := ""
	for i >= 0 {
		s = string(rune('A'+i%26)) + s
		i = i/26 - 1
	}
	return s
}

// codeBlock keeps a code block's lines as lines.
func (tp *teleprinter) codeBlock(n ast.Node, indent string) error {
	lines := n.Lines()
	tp.wordRoom = tp.opts.Width - len(indent)
	var segs [][]word
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		tp.cur = [][]word{nil}
		if err := tp.addText(seg.Value(tp.src), seg.Start, false); err != nil {
			return err
		}
		tp.flushWord()
		seg0 := tp.cur[0]
		if len(seg0) > 0 {
			// a code block keeps its lines' indentation (a tab as four
			// spaces: teleprinters have none)
			v := seg.Value(tp.src)
			lead := 0
			for _, b := range v {
				if b == ' ' {
					lead++
				} else if b == '\t' {
					lead += 4
				} else {
					break
				}
			}
			seg0[0].text = strings.Repeat(" ", lead) + seg0[0].text
		}
		segs = append(segs, seg0)
	}
	tp.cur = nil
	tp.blocks = append(tp.blocks, tpBlock{first: indent, rest: indent, segments: segs, verbatim: true, at: tp.lastPos})
	if tp.longWord {
		return errLongWord
	}
	return nil
}

// inlineBlock lays out a block of inline content (paragraph, heading,
// list item text) as one block.
func (tp *teleprinter) inlineBlock(n ast.Node, first, rest string, tight bool) error {
	// The words' room is guessed from the block's length (a word and its
	// space come to about six bytes of English), so that a long paragraph
	// does not grow its list of words a doubling at a time.
	size := 0
	if l := n.Lines(); l != nil {
		for i := 0; i < l.Len(); i++ {
			seg := l.At(i)
			size += seg.Stop - seg.Start
		}
	}
	tp.cur = [][]word{make([]word, 0, size/6+1)}
	// (list may lengthen first later, never shorten it)
	tp.wordRoom = tp.opts.Width - min(len(first), len(rest))
	if l := n.Lines(); l != nil && l.Len() > 0 {
		tp.lastPos = l.At(0).Start
	}
	if err := tp.inlines(n); err != nil {
		return err
	}
	tp.flushWord()
	tp.blocks = append(tp.blocks, tpBlock{first: first, rest: rest, segments: tp.cur, tight: tight, at: tp.lastPos})
	tp.cur = nil
	if tp.longWord {
		return errLongWord
	}
	return nil
}
