package telegram

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// A numbered dialect (State) numbers the cable's own paragraphs, and only
// those: the text of a letter or statement it quotes between BEGIN TEXT
// and END TEXT is written as the letter has it, and a drafter's own
// numbered paragraphs (a loose ordered list at the top of the draft, not
// introduced by a line ending in a colon) are numbered paragraphs of the
// cable, in the cable's sequence. An ordered or bullet list after a lead-in
// stays lettered (A., B.) under the paragraph it follows, as do lines a
// drafter typed a., b., c. inside a paragraph.

// numberPlan says which of the document's top-level blocks take a
// paragraph number: paragraphs outside a quoted text (talking points and
// lettered subparagraphs never do), and the items of a drafter's own
// numbered list. count is how many numbers the plan gives.
type numberPlan struct {
	numbered map[ast.Node]bool // paragraphs that take a number
	outer    map[ast.Node]bool // ordered lists whose items are numbered paragraphs
	count    int
}

func (tp *teleprinter) planNumbers(nodes []ast.Node) numberPlan {
	plan := numberPlan{numbered: map[ast.Node]bool{}, outer: map[ast.Node]bool{}}
	quoting := false
	leadIn := false // the block before ends with a colon
	var buf []byte  // each paragraph's text in lower case, in turn
	for _, n := range nodes {
		switch n := n.(type) {
		case *ast.Paragraph:
			buf = tp.lowerText(buf[:0], n)
			text := buf
			switch {
			case quoting:
				quoting = !closesQuote(text)
			case tp.isTalkingPoint(n) || tp.opensWithLetter(n):
			default:
				plan.numbered[n] = true
				plan.count++
				quoting = opensQuote(text)
			}
			leadIn = bytes.HasSuffix(bytes.TrimRight(text, " \n"), []byte(":"))
		case *ast.List:
			if !quoting && n.IsOrdered() && !n.IsTight && !leadIn {
				plan.outer[n] = true
				plan.count += n.ChildCount()
			}
			leadIn = false
		default:
			leadIn = false
		}
	}
	return plan
}

// lowerText appends a paragraph's source lines to b, each followed by a
// space, in lower case (ASCII letters only, which are all that the
// quote markers hold).
func (tp *teleprinter) lowerText(b []byte, p *ast.Paragraph) []byte {
	lines := p.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		for _, c := range seg.Value(tp.src) {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		b = append(b, ' ')
	}
	return b
}

// opensQuote reports whether a paragraph (in lower case) begins a quoted
// text it does not also end: "... the following letter. Begin text:",
// "Begin message:".
func opensQuote(text []byte) bool {
	if bytes.Index(text, []byte("begin ")) < 0 {
		return false // most paragraphs: one quick forward search
	}
	for _, w := range quoteOpeners {
		if i := lastWordIndex(text, w); i >= 0 && !closesQuote(text[i:]) {
			return true
		}
	}
	return false
}

// quoteOpeners and quoteClosers are the phrases, in lower case, that State
// telegrams put around a quoted letter, statement or message.
var (
	quoteOpeners = [][]byte{[]byte("begin text"), []byte("begin quote"), []byte("begin message")}
	quoteClosers = [][]byte{[]byte("end text"), []byte("end quote"), []byte("end message")}
)

// closesQuote reports whether a paragraph (in lower case) ends a quoted
// text: "End text." alone or after the letter's last words (and not "we
// recommend text", which holds the letters of "end text").
func closesQuote(text []byte) bool {
	for _, w := range quoteClosers {
		if lastWordIndex(text, w) >= 0 {
			return true
		}
	}
	return false
}

// lastWordIndex is the index of the last place where phrase stands in text
// as words (no letter just before or after it), or -1.
func lastWordIndex(text, phrase []byte) int {
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' }
	for end := len(text); ; {
		i := bytes.LastIndex(text[:end], phrase)
		if i < 0 {
			return -1
		}
		after := i + len(phrase)
		if (i == 0 || !isLetter(text[i-1])) && (after == len(text) || !isLetter(text[after])) {
			return i
		}
		end = i
	}
}

// letterItemAt reports whether the source line starting at i opens with
// a lettered subparagraph mark: a. or (a) followed by a space.
func (tp *teleprinter) letterItemAt(i int) (byte, bool) {
	for i < len(tp.src) && (tp.src[i] == ' ' || tp.src[i] == '\t') {
		i++
	}
	s := tp.src[i:]
	switch {
	case len(s) >= 3 && s[0] >= 'a' && s[0] <= 'z' && s[1] == '.' && (s[2] == ' ' || s[2] == '\t'):
		return s[0], true
	case len(s) >= 4 && s[0] == '(' && s[1] >= 'a' && s[1] <= 'z' && s[2] == ')' && (s[3] == ' ' || s[3] == '\t'):
		return s[1], true
	}
	return 0, false
}

// letteredLines finds the lines of a paragraph that are lettered
// subparagraphs: at least two lines opening a., b., … in sequence from a.
// It returns their starting offsets, or nil.
func (tp *teleprinter) letteredLines(p *ast.Paragraph) map[int]bool {
	lines := p.Lines()
	var starts map[int]bool
	want := byte('a')
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		c, ok := tp.letterItemAt(seg.Start)
		if !ok || c != want {
			if starts != nil || ok {
				break
			}
			continue
		}
		if starts == nil {
			starts = map[int]bool{}
		}
		starts[seg.Start] = true
		want++
	}
	if len(starts) < 2 {
		return nil
	}
	return starts
}

// opensWithLetter reports whether a paragraph is a run of lettered
// subparagraphs from its first line: it belongs to the numbered paragraph
// before it, and takes no number of its own.
func (tp *teleprinter) opensWithLetter(p *ast.Paragraph) bool {
	starts := tp.letteredLines(p)
	return starts != nil && p.Lines().Len() > 0 && starts[p.Lines().At(0).Start]
}

// letterFollows reports whether the source line after the line holding
// offset is one of the lettered subparagraphs of the paragraph being laid
// out, which starts a line of its own.
func (tp *teleprinter) letterFollows(offset int) bool {
	if tp.letterStarts == nil {
		return false
	}
	i := offset
	for i < len(tp.src) && tp.src[i] != '\n' {
		i++
	}
	return tp.letterStarts[i+1]
}

// outerList lays out the items of a drafter's own numbered list as the
// cable's numbered paragraphs, from number+1; it returns the last number
// given.
func (tp *teleprinter) outerList(l *ast.List, indent string, number int) (int, error) {
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		number++
		first := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			var err error
			switch c := c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				prefix := indent
				if first {
					prefix = indent + strconv.Itoa(number) + ". "
				}
				err = tp.inlineBlock(c, prefix, indent, false)
			case *ast.List:
				err = tp.list(c, 0, indent)
			default:
				err = tp.layBlocks([]ast.Node{c}, 1, indent, false)
			}
			if err != nil {
				return number, err
			}
			first = false
		}
	}
	return number, nil
}
