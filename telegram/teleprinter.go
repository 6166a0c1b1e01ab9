package telegram

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"

	"github.com/redline-dev/redline/cable"
)

// TeleprinterOptions say how Markdown becomes teleprinter text.
type TeleprinterOptions struct {
	// Name names the draft in error messages; BodyLine is the line of the
	// file where the Markdown starts (after the front matter), 1 if zero.
	Name     string
	BodyLine int
	// Width is the longest line (default 69).
	Width int
	// Charset and Quotes map the text; nil Charset means ITA2.
	Charset *cable.Charset
	Quotes  cable.QuoteStyle
	// Numbered numbers top-level paragraphs 1., 2. when there is more
	// than one (talking points, -- lines, are not numbered).
	Numbered bool
	// Bullet is "dash" (- , the default) or "letter" (A. ) for the items of
	// bullet lists.
	Bullet string
	// NoHang leaves the lines after a list item's first at the margin
	// instead of under the item's text.
	NoHang bool
}

// TeleprinterLine is one line of teleprinter text and where in the draft
// its first word came from (Offset -1 for a blank line).
type TeleprinterLine struct {
	Text   string
	Offset int
}

// word is one word of output and the byte offset in the body of its first
// character.
type word struct {
	text   string
	offset int
}

// tpBlock is a laid-out block before wrapping: its segments are separated by
// hard line breaks; the first line begins with first, later lines with rest.
type tpBlock struct {
	first, rest string
	segments    [][]word
	// tight joins this block to the one before it without a blank line
	// (items of a tight list).
	tight bool
	// verbatim keeps each segment on one line (code blocks).
	verbatim bool
	// at is where the walk was when the block was made: the position of
	// a line that holds only the block's marker.
	at int
}

// teleprinter holds the state of one rendering.
type teleprinter struct {
	opts   TeleprinterOptions
	src    []byte
	mapper *cable.Mapper
	lines  []int // byte offsets of the starts of the body's lines
	blocks []tpBlock
	// pipe takes final blocks to the layout (see run).
	pipe chan []tpBlock
	// for the block being built
	cur [][]word
	// words holds the text of the words read, chunk by chunk: each word's
	// text is a string over its chunk, written once and never changed, so
	// that a word costs no allocation of its own. The word being read is
	// words[wordStart:].
	words     []byte
	wordStart int
	wordAt    int
	// scratch is opensStructure's buffer for the lines it asks about.
	scratch []byte
	lastPos int
	// wordRoom is the longest word the block being built can hold on
	// any of its lines; longWord is set when a longer word is read, and
	// the walk stops at the end of its block (layout reports it).
	wordRoom int
	longWord bool
	// unsendable are the characters read so far that have no mapping.
	unsendable []cable.Unsendable
	// letterStarts are the offsets of the lines of the paragraph being
	// laid out that open a lettered subparagraph (a., b.): each starts a
	// line of its own.
	letterStarts map[int]bool
}

// Teleprinter renders a draft's Markdown body as teleprinter text: upper
// case, mapped to the character set, wrapped within the width without
// splitting words, paragraphs separated by a blank line. It walks goldmark's
// syntax tree, so Markdown syntax (emphasis, links, list markers, headings)
// never reaches the cable as characters. Errors name the draft's
// line and column.
func Teleprinter(body []byte, opts TeleprinterOptions) ([]TeleprinterLine, error) {
	doc, too := parseTeleprinter(body)
	tp, err := newTeleprinter(body, opts)
	if err != nil {
		return nil, err
	}
	if too != nil {
		return nil, tp.nestingError(*too)
	}
	return tp.run(doc)
}

// teleprinterTree lays out a parsed tree; body is the source it was parsed
// from.
func teleprinterTree(doc ast.Node, body []byte, opts TeleprinterOptions) ([]TeleprinterLine, error) {
	tp, err := newTeleprinter(body, opts)
	if err != nil {
		return nil, err
	}
	return tp.run(doc)
}

// newTeleprinter sets up a rendering of body, filling in the options'
// defaults.
func newTeleprinter(body []byte, opts TeleprinterOptions) (*teleprinter, error) {
	if opts.Width <= 0 {
		opts.Width = 69
	}
	if opts.BodyLine <= 0 {
		opts.BodyLine = 1
	}
	if opts.Charset == nil {
		cs, err := cable.NewCharset("ita2", "")
		if err != nil {
			return nil, err
		}
		opts.Charset = cs
	}
	if opts.Quotes == (cable.QuoteStyle{}) {
		opts.Quotes, _ = cable.ParseQuoteStyle("apostrophes")
	}
	tp := &teleprinter{opts: opts, src: body, mapper: &cable.Mapper{Charset: opts.Charset, Quotes: opts.Quotes}}
	tp.lines = append(tp.lines, 0)
	for i, c := range body {
		if c == '\n' {
			tp.lines = append(tp.lines, i+1)
		}
	}
	return tp, nil
}

// errLongWord stops the walk of the document at the end of the first block
// holding a word longer than a line: layout reports it (or an error before
// it), so the rest of the document need not be read.
var errLongWord = errors.New("a word longer than a line")

// run lays out a parsed tree. The walk of the tree and the wrapping of
// its blocks into lines run side by side: the walk hands each top-level
// block's blocks over once they are final (handOff), so that the words of
// a block are let go once it is wrapped, and the two halves of the work
// share the machine's cores.
func (tp *teleprinter) run(doc ast.Node) ([]TeleprinterLine, error) {
	ll := &lineLayout{tp: tp}
	tp.pipe = make(chan []tpBlock, 16)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for blocks := range tp.pipe {
			ll.add(blocks)
		}
	}()
	err := tp.blocksOf(doc, 0, "", true)
	if err == nil || err == errLongWord {
		tp.handOff()
	}
	close(tp.pipe)
	<-done
	tp.pipe = nil
	if len(tp.unsendable) > 0 {
		return nil, &cable.UnsendableError{Name: tp.name(), Chars: tp.unsendable}
	}
	if err != nil && err != errLongWord {
		return nil, err
	}
	out, err := ll.result()
	if err == nil && tp.longWord {
		// cannot happen: layout refuses every word longer than the width
		return nil, errors.New("internal error: a word longer than a line was laid out")
	}
	return out, err
}

// handOffBlocks is how many final blocks the walk gathers before it hands
// them to the layout: enough that handing over costs little, few enough
// that the layout starts early and words are let go soon.
const handOffBlocks = 64

// handOff gives the blocks built so far, which are final, to the layout.
func (tp *teleprinter) handOff() {
	if len(tp.blocks) == 0 {
		return
	}
	tp.pipe <- tp.blocks
	tp.blocks = nil
}

// TeleprinterRenderer is Teleprinter as a goldmark renderer, for callers
// that parse Markdown themselves:
//
//	md := goldmark.New(goldmark.WithRenderer(render.TeleprinterRenderer(opts)))
//	err := md.Convert(source, w)
//
// It writes the lines, each ending in a newline.
func TeleprinterRenderer(opts TeleprinterOptions) renderer.Renderer {
	return &tpRenderer{opts: opts}
}

type tpRenderer struct{ opts TeleprinterOptions }

// Render implements renderer.Renderer.
func (r *tpRenderer) Render(w io.Writer, source []byte, n ast.Node) error {
	lines, err := teleprinterTree(n, source, r.opts)
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// AddOptions implements renderer.Renderer; the teleprinter renderer takes
// its options from TeleprinterOptions only.
func (r *tpRenderer) AddOptions(...renderer.Option) {}

// position turns a byte offset in the body into "NAME:LINE:COL".
func (tp *teleprinter) position(offset int) string {
	if offset < 0 {
		offset = 0
	}
	if offset > len(tp.src) {
		offset = len(tp.src)
	}
	i := 0
	for j := len(tp.lines) - 1; j >= 0; j-- {
		if tp.lines[j] <= offset {
			i = j
			break
		}
	}
	col := utf8.RuneCount(tp.src[tp.lines[i]:offset]) + 1
	return fmt.Sprintf("%s:%d:%d", tp.name(), tp.opts.BodyLine+i, col)
}

// name is the draft's name in messages.
func (tp *teleprinter) name() string {
	if tp.opts.Name == "" {
		return "draft"
	}
	return tp.opts.Name
}

// blocksOf lays out the block children of a container. indent is the
// margin of the container's content; top says whether these are the
// document's own blocks, which are numbered.
func (tp *teleprinter) blocksOf(parent ast.Node, depth int, indent string, top bool) error {
	var nodes []ast.Node
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		nodes = append(nodes, n)
	}
	return tp.layBlocks(nodes, depth, indent, top)
}

// layBlocks lays out a run of blocks.
func (tp *teleprinter) layBlocks(nodes []ast.Node, depth int, indent string, top bool) error {
	number := 0
	var plan numberPlan
	if top && tp.opts.Numbered {
		plan = tp.planNumbers(nodes)
	}
	numbering := plan.count > 1
	for _, n := range nodes {
		if top && len(tp.blocks) >= handOffBlocks {
			tp.handOff() // the blocks of the nodes before n are final
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			first := indent
			if numbering && plan.numbered[n] {
				number++
				first = indent + strconv.Itoa(number) + ". "
			}
			if p, ok := n.(*ast.Paragraph); ok {
				tp.letterStarts = tp.letteredLines(p)
			}
			err := tp.inlineBlock(n, first, indent, false)
			tp.letterStarts = nil
			if err != nil {
				return err
			}
		case *ast.Heading:
			if err := tp.inlineBlock(n, indent, indent, false); err != nil {
				return err
			}
		case *ast.ThematicBreak:
			// a rule has no words; the blank line between blocks stands for it
		case *ast.Blockquote:
			if nestingDepth(n, true) > maxQuoteNesting {
				// a tree parsed elsewhere (TeleprinterRenderer):
				// Teleprinter's own parser never opens so deep a quote
				return tp.nestingError(nested{offset: tp.nodeStart(n), quote: true})
			}
			if err := tp.blocksOf(n, depth, indent, false); err != nil {
				return err
			}
		case *ast.List:
			if numbering && plan.outer[n] {
				var err error
				if number, err = tp.outerList(n, indent, number); err != nil {
					return err
				}
			} else if err := tp.list(n, depth, indent); err != nil {
				return err
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			if err := tp.codeBlock(n, indent); err != nil {
				return err
			}
		case *ast.HTMLBlock:
			if n.HTMLBlockType == ast.HTMLBlockType2 { // <!-- comment -->: a note to the drafter, never sent
				continue
			}
			return fmt.Errorf("%s: raw HTML cannot be sent in a cable: remove it or write it as text", tp.position(tp.blockStart(n)))
		default:
			if n.Type() == ast.TypeBlock {
				if err := tp.blocksOf(n, depth, indent, false); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// blockStart returns the offset of a block's first line.
func (tp *teleprinter) blockStart(n ast.Node) int {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return l.At(0).Start
	}
	return tp.lastPos
}

// nodeStart returns the offset where a block begins: goldmark's position
// for containers, which have no lines of their own.
func (tp *teleprinter) nodeStart(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	return tp.blockStart(n)
}

// talkingPointFollows reports whether the source line after the line
// break at offset begins with "-- ": a talking point written on the line
// after another, with no blank line between, which keeps its own line.
func (tp *teleprinter) talkingPointFollows(offset int) bool {
	i := offset
	for i < len(tp.src) && tp.src[i] != '\n' {
		i++
	}
	i++
	for i < len(tp.src) && (tp.src[i] == ' ' || tp.src[i] == '\t') {
		i++
	}
	rest := tp.src[min(i, len(tp.src)):]
	return bytes.HasPrefix(rest, []byte("-- ")) || bytes.HasPrefix(rest, []byte("--\t"))
}

// isTalkingPoint reports whether a paragraph is a -- talking point.
func (tp *teleprinter) isTalkingPoint(p *ast.Paragraph) bool {
	l := p.Lines()
	if l == nil || l.Len() == 0 {
		return false
	}
	seg := l.At(0)
	return bytes.HasPrefix(bytes.TrimLeft(seg.Value(tp.src), " "), []byte("--"))
}

// inlines walks inline content: text is mapped, emphasis and links give
// their text, breaks become spaces or new lines.
func (tp *teleprinter) inlines(parent ast.Node) error {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			if err := tp.addText(n.Segment.Value(tp.src), n.Segment.Start, !n.IsRaw()); err != nil {
				return err
			}
			tp.lastPos = n.Segment.Stop
			if n.HardLineBreak() || n.SoftLineBreak() && (tp.talkingPointFollows(n.Segment.Stop) || tp.letterFollows(n.Segment.Stop)) {
				// a -- talking point on the next line is a line of its own
				tp.flushWord()
				tp.cur = append(tp.cur, nil)
			} else if n.SoftLineBreak() {
				tp.flushWord()
			}
		case *ast.String:
			if err := tp.addText(n.Value, tp.lastPos, false); err != nil {
				return err
			}
		case *ast.AutoLink:
			if err := tp.addText(n.Label(tp.src), tp.lastPos, false); err != nil {
				return err
			}
		case *ast.RawHTML:
			at := tp.lastPos
			var raw []byte
			for i := 0; i < n.Segments.Len(); i++ {
				s := n.Segments.At(i)
				if i == 0 {
					at = s.Start
				}
				raw = append(raw, s.Value(tp.src)...)
			}
			if bytes.HasPrefix(raw, []byte("<!--")) {
				continue // a comment to the drafter
			}
			return fmt.Errorf("%s: raw HTML %q cannot be sent in a cable: remove it or write it as text", tp.position(at), string(raw))
		default:
			// emphasis, links, images, code spans: their text only
			if err := tp.inlines(n); err != nil {
				return err
			}
		}
	}
	return nil
}
