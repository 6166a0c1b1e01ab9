package docx

import (
	"github.com/redline-dev/redline/render"
	"sort"
	"strings"
)

// docxPiece is text with its revision, or (with no text) a comment anchor,
// in the order the document reads: what the DOCX views hand to
// docxParagraphs, which lays them out as Word paragraphs.
type docxPiece struct {
	text   string
	rev    Revision
	anchor Run // CommentStart or CommentEnd set: an anchor
}

type revAt struct {
	off int
	rev Revision
}

type anchorAt struct {
	off int
	run Run
}

// docxFlow is the pieces' text joined, with where each revision starts and
// where the anchors stand.
type docxFlow struct {
	text    string
	revs    []revAt
	anchors []anchorAt
	next    int // the first anchor not yet placed
	cur     int // the revision revOf found last
}

// revOf is the revision of the byte at i. Calls come in increasing order
// of i, so it walks on from the last answer, and searches only when asked
// about an earlier byte.
func (f *docxFlow) revOf(i int) Revision {
	k := f.cur
	if k >= len(f.revs) || f.revs[k].off > i {
		k = sort.Search(len(f.revs), func(k int) bool { return f.revs[k].off > i }) - 1
	}
	for k+1 < len(f.revs) && f.revs[k+1].off <= i {
		k++
	}
	if k < 0 {
		return Revision{}
	}
	f.cur = k
	return f.revs[k].rev
}

// docxParagraphs lays pieces of Markdown (or plain text) out as
// paragraphs: a blank line, or a line break before a list item, heading or
// block quote, ends a paragraph, and its revision is that of the line
// break (a paragraph split or joined is the paragraph mark inserted or
// deleted). Other line breaks are spaces. Headings (#), bullets (-, *, +)
// and quotes (>) become paragraph styles without their marker; a numbered
// item keeps its number. Emphasis (*a*, **b**, _c_) becomes italic and
// bold. Nothing is lost but those markers and white space.
func docxParagraphs(pieces []docxPiece) []Paragraph {
	f := &docxFlow{}
	var b strings.Builder
	for _, p := range pieces {
		if p.anchor.CommentStart > 0 || p.anchor.CommentEnd > 0 {
			f.anchors = append(f.anchors, anchorAt{b.Len(), p.anchor})
			continue
		}
		t := render.CleanText(p.text)
		if t == "" {
			continue
		}
		f.revs = append(f.revs, revAt{b.Len(), p.rev})
		b.WriteString(t)
	}
	f.text = b.String()
	text := f.text
	var out []Paragraph
	for i := 0; ; {
		for i < len(text) && isBlank(text[i]) {
			i++
		}
		if i >= len(text) {
			break
		}
		style, hide := blockPrefix(text[i:])
		j := i
		for j < len(text) && !(text[j] == '\n' && paraBreakAt(text, j)) {
			j++
		}
		p := Paragraph{Style: style}
		p.Runs = f.runs(i, i+hide, j)
		if j < len(text) {
			p.Mark = f.revOf(j)
		}
		out = append(out, p)
		i = j
	}
	if n := len(out); n > 0 {
		// The document's last paragraph mark cannot be inserted or
		// deleted (what follows it is white space only).
		out[n-1].Mark = Revision{}
	}
	if rest := f.pendingAnchors(len(text) + 1); len(rest) > 0 {
		if len(out) == 0 {
			out = append(out, Paragraph{})
		}
		last := &out[len(out)-1]
		last.Runs = append(last.Runs, rest...)
	}
	return out
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// paraBreakAt reports whether the line break at j ends a paragraph.
func paraBreakAt(text string, j int) bool {
	k := j + 1
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	if k >= len(text) || text[k] == '\n' {
		return true
	}
	style, _ := blockPrefix(text[k:])
	return style != StyleNormal
}

// blockPrefix recognises a block marker at the start of a line: the style
// it gives and how many bytes of it are not shown.
func blockPrefix(s string) (style string, hide int) {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n >= 1 && n <= 6 && n < len(s) && s[n] == ' ' {
		return Heading(n), n + 1
	}
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ' {
		return StyleBullet, 2
	}
	if len(s) >= 2 && s[0] == '>' && (s[1] == ' ' || s[1] == '\n') {
		return StyleQuote, 2
	}
	d := 0
	for d < len(s) && d < 3 && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	if d > 0 && d+1 < len(s) && (s[d] == '.' || s[d] == ')') && s[d+1] == ' ' {
		return StyleNumber, 0
	}
	return StyleNormal, 0
}

// pendingAnchors takes the anchors standing before offset off.
func (f *docxFlow) pendingAnchors(off int) []Run {
	var out []Run
	for f.next < len(f.anchors) && f.anchors[f.next].off < off {
		out = append(out, f.anchors[f.next].run)
		f.next++
	}
	return out
}

// runs turns text[from:to] into runs, leaving out text[from:shown] (a
// block marker) and emphasis markers.
func (f *docxFlow) runs(from, shown, to int) []Run {
	out := f.pendingAnchors(from + 1)
	seg := f.text[shown:to]
	flags := emphasis(seg)
	var cur Run
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			cur.Text = b.String()
			out = append(out, cur)
			b.Reset()
		}
	}
	for k := 0; k < len(seg); k++ {
		off := shown + k
		if f.next < len(f.anchors) && f.anchors[f.next].off <= off {
			flush()
			out = append(out, f.pendingAnchors(off+1)...)
		}
		if flags[k]&emHide != 0 {
			continue
		}
		r := Run{Rev: f.revOf(off), Bold: flags[k]&emBold != 0, Italic: flags[k]&emItalic != 0}
		if r != cur || b.Len() == 0 {
			flush()
			cur = r
		}
		c := seg[k]
		if c == '\n' {
			c = ' '
		}
		b.WriteByte(c)
	}
	flush()
	// Anchors right after the paragraph's last character end it (a
	// comment on no text there stays with the text before it); those in
	// the break after it go to the next paragraph.
	return append(out, f.pendingAnchors(to+1)...)
}

const (
	emHide = 1 << iota
	emBold
	emItalic
)

// emphasis finds Markdown emphasis in one paragraph: runs of one to three
// * or _ that can open (followed by a non-space) matched with a later run
// of the same character and length that can close (preceded by a
// non-space); _ only outside words. Code spans are left alone. It returns
// flags per byte.
func emphasis(s string) []uint8 {
	flags := make([]uint8, len(s))
	type opener struct{ at, n int }
	var open []opener
	inCode := false
	for i := 0; i < len(s); {
		c := s[i]
		if c == '`' {
			inCode = !inCode
			i++
			continue
		}
		if inCode || (c != '*' && c != '_') || (i > 0 && s[i-1] == '\\') {
			i++
			continue
		}
		n := 1
		for i+n < len(s) && s[i+n] == c {
			n++
		}
		prev, next := byte(' '), byte(' ')
		if i > 0 {
			prev = s[i-1]
		}
		if i+n < len(s) {
			next = s[i+n]
		}
		canOpen := !isBlank(next) && (c == '*' || !isWordByte(prev))
		canClose := !isBlank(prev) && (c == '*' || !isWordByte(next))
		matched := false
		if canClose && n <= 3 {
			for k := len(open) - 1; k >= 0; k-- {
				o := open[k]
				if s[o.at] == c && o.n == n {
					markEmphasis(flags, o.at, i, n)
					open = open[:k]
					matched = true
					break
				}
			}
		}
		if !matched && canOpen && n <= 3 {
			open = append(open, opener{i, n})
		}
		i += n
	}
	return flags
}

func markEmphasis(flags []uint8, at, closeAt, n int) {
	var f uint8
	if n != 2 {
		f |= emItalic
	}
	if n >= 2 {
		f |= emBold
	}
	for k := at; k < at+n; k++ {
		flags[k] |= emHide
	}
	for k := closeAt; k < closeAt+n; k++ {
		flags[k] |= emHide
	}
	for k := at + n; k < closeAt; k++ {
		flags[k] |= f
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
