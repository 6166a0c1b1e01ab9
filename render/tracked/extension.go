// Package tracked renders drafts with their tracked changes, built on
// package critic: a goldmark inline extension that reads
// CriticMarkup and writes <ins>, <del>, <mark> and comments with their
// authors, the self-contained HTML page of a draft built on it, and a
// terminal rendering in colour.
//
// goldmark parses inline syntax one block at a time, while a CriticMarkup
// mark may span paragraphs and lists. DraftHTML therefore first cuts each
// mark that crosses lines into one mark per line (keeping list markers,
// quote markers and heading hashes outside the mark so that the blocks stay
// what they are); the inline extension then only meets marks inside a block.
package tracked

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// criticExtension is the goldmark extension: the inline parser, the
// transformer that pairs delimiters, and the HTML renderer.
type criticExtension struct {
	numbers map[int]int
	showNum bool
}

// CriticMarkup returns a goldmark extension that renders CriticMarkup
// marks written inside one block as <ins>, <del>, <mark> and comment spans.
func CriticMarkup() goldmark.Extender { return &criticExtension{} }

func (e *criticExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(&criticParser{numbers: e.numbers}, 150)),
		parser.WithASTTransformers(util.Prioritized(criticTransformer{}, 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&criticHTMLRenderer{numbers: e.showNum}, 100)))
}
