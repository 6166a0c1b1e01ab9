package telegram

import (
	"fmt"
	"reflect"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The Markdown parser the teleprinter uses is goldmark's own, with two
// guards against drafts built to be slow (QA F33):
//
//   - goldmark asks every open list, list item and block quote to continue
//     on every line, and a list asks by scanning the whole line, so a list
//     nested n levels deep (each line indented two spaces more) costs n³:
//     2000 levels took over a minute. A list nested deeper than maxListNesting
//     or a quote deeper than maxQuoteNesting is not opened but reported
//     (nestingError), and the parse ends at that line: nothing after it is
//     read.
//   - on every ] goldmark walks everything written since the innermost open
//     [, so a word of 50,000 [ then 50,000 ] costs n². At most maxBrackets
//     [ are open at once in a paragraph; a [ beyond them is plain text, as
//     an unmatched bracket is anyway.

// maxListNesting is how deep lists may nest. Each level indents its text
// by at least two columns (the "- " of a dash bullet), so in a 69-column
// cable the 33rd level leaves no room for a word of four letters; no real
// draft needs more.
const maxListNesting = 32

// maxQuoteNesting is how deep block quotes may nest. A cable does not show
// quotation levels (the quote is the text, at the margin), so the bound is
// only against drafts built to be slow; a long reply chain pasted in stays
// far below it.
const maxQuoteNesting = 100

// maxBrackets is how many link brackets may be open at once in a
// paragraph. Links do not nest, so a real draft has one or two.
const maxBrackets = 32

// nested is where the first list or block quote nested too deep begins.
type nested struct {
	offset int
	quote  bool
}

var (
	// nestingKey holds the nested of the first list or block quote
	// refused for nesting too deep.
	nestingKey = parser.NewContextKey()
	// bracketsKey holds the number of [ (and ![) that may be open in the
	// paragraph being parsed: never fewer than are open.
	bracketsKey = parser.NewContextKey()
)

// tpParser is goldmark's default parser with the guards. (A goldmark
// parser keeps no state between parses: it may be shared.)
var tpParser = sync.OnceValue(newTPParser)

func newTPParser() parser.Parser {
	blocks := parser.DefaultBlockParsers()
	for i, b := range blocks {
		switch reflect.TypeOf(b.Value) {
		case reflect.TypeOf(parser.NewListParser()):
			blocks[i].Value = nestingGuard{BlockParser: b.Value.(parser.BlockParser)}
		case reflect.TypeOf(parser.NewBlockquoteParser()):
			blocks[i].Value = nestingGuard{BlockParser: b.Value.(parser.BlockParser), quote: true}
		}
	}
	inlines := parser.DefaultInlineParsers()
	for i, p := range inlines {
		if reflect.TypeOf(p.Value) == reflect.TypeOf(parser.NewLinkParser()) {
			inlines[i].Value = bracketGuard{p.Value.(parser.InlineParser)}
		}
	}
	return parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
}

// parseTeleprinter parses a draft's body with the guards. too is the first
// list or block quote nested too deep, nil when there is none; the tree
// then ends at its line.
func parseTeleprinter(body []byte) (doc ast.Node, too *nested) {
	pc := parser.NewContext()
	r := &stopReader{Reader: text.NewReader(body), stopAt: -1}
	doc = tpParser().Parse(r, parser.WithContext(pc))
	too, _ = pc.Get(nestingKey).(*nested)
	return doc, too
}

// nestingGuard is a list or block-quote parser that opens nothing nested
// deeper than its bound.
type nestingGuard struct {
	parser.BlockParser
	quote bool
}

func (g nestingGuard) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if nestingDepth(parent, g.quote) < nestingLimit(g.quote) {
		return g.BlockParser.Open(parent, reader, pc)
	}
	line, pos := reader.Position()
	node, state := g.BlockParser.Open(parent, reader, pc)
	if node == nil {
		return node, state
	}
	// It would open here: refuse, and leave the line as it was for the
	// other parsers.
	reader.SetPosition(line, pos)
	if pc.Get(nestingKey) == nil {
		l, seg := reader.PeekLine()
		at := seg.Start
		for _, c := range l {
			if c != ' ' && c != '\t' {
				break
			}
			at++
		}
		pc.Set(nestingKey, &nested{offset: at, quote: g.quote})
		if r, ok := reader.(*stopReader); ok {
			r.stopAt = seg.Stop // the end of this line
		}
	}
	return nil, parser.NoChildren
}

func nestingLimit(quote bool) int {
	if quote {
		return maxQuoteNesting
	}
	return maxListNesting
}

// nestingDepth counts the lists (or, with quote, the block quotes) n is
// in, n included.
func nestingDepth(n ast.Node, quote bool) int {
	d := 0
	for ; n != nil; n = n.Parent() {
		switch n.(type) {
		case *ast.List:
			if !quote {
				d++
			}
		case *ast.Blockquote:
			if quote {
				d++
			}
		}
	}
	return d
}

// nestingError is the error for a list or block quote nested too deep.
func (tp *teleprinter) nestingError(too nested) error {
	if too.quote {
		return fmt.Errorf("%s: block quotes are nested more than %d levels deep here: a cable does not show quotation levels, so write the quote with one > (or none)", tp.position(too.offset), maxQuoteNesting)
	}
	return fmt.Errorf("%s: lists are nested more than %d levels deep here: a cable cannot lay out so many levels in a line of %d characters; flatten the list", tp.position(too.offset), maxListNesting, tp.opts.Width)
}

// stopReader is a text reader that ends at stopAt (when not -1): goldmark
// takes the line there for the end of the draft, closes what is open and
// returns. Stopping at the start of a line rather than in the middle of one
// keeps every parser's view of the line it is reading whole.
type stopReader struct {
	text.Reader
	stopAt int
}

func (r *stopReader) PeekLine() ([]byte, text.Segment) {
	line, seg := r.Reader.PeekLine()
	if r.stopAt >= 0 && seg.Start >= r.stopAt {
		return nil, seg
	}
	return line, seg
}

func (r *stopReader) SkipBlankLines() (text.Segment, int, bool) {
	seg, n, ok := r.Reader.SkipBlankLines()
	if _, pos := r.Reader.Position(); r.stopAt >= 0 && pos.Start >= r.stopAt {
		return seg, n, false
	}
	return seg, n, ok
}

// bracketGuard is the link parser with at most maxBrackets [ open.
type bracketGuard struct{ parser.InlineParser }

func (g bracketGuard) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	open, _ := pc.Get(bracketsKey).(int)
	line, _ := block.PeekLine()
	opening := len(line) > 0 && line[0] == '[' || len(line) > 1 && line[0] == '!' && line[1] == '['
	if opening {
		if open >= maxBrackets {
			return nil // plain text
		}
		pc.Set(bracketsKey, open+1)
	} else if len(line) > 0 && line[0] == ']' && open > 0 {
		// a ] closes the innermost [ if there is one, link or not
		pc.Set(bracketsKey, open-1)
	}
	return g.InlineParser.Parse(parent, block, pc)
}

// CloseBlock ends a paragraph: its brackets are closed (goldmark turns
// those still open into text).
func (g bracketGuard) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	pc.Set(bracketsKey, 0)
	if cb, ok := g.InlineParser.(parser.CloseBlocker); ok {
		cb.CloseBlock(parent, block, pc)
	}
}
