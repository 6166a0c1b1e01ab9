// Package markdown is the one goldmark configuration redline reads
// Markdown with: CommonMark with GitHub's tables and strikethrough, the
// dialect drafts are written in. The CriticMarkup parser finds code with
// it and the tracked-draft page renders with it, so the two agree on what
// is code. Nothing is built at package init (redline version starts
// without goldmark's tables): the parser is built on first use.
//
// Two readers stand apart, for reasons they state: the teleprinter
// (package telegram) wraps the list, block-quote and link parsers in
// nesting guards, and the comparison engine (package diff) masks Markdown
// syntax with a scanner of its own, about three times faster than a
// goldmark parse of the same text and without its allocations.
package markdown

import (
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Extensions are the Markdown extensions every reader uses.
func Extensions() []goldmark.Extender {
	return []goldmark.Extender{extension.Table, extension.Strikethrough}
}

// New returns a goldmark.Markdown on the configuration, with extra
// extensions (a renderer's own nodes) after the shared ones.
func New(extra ...goldmark.Extender) goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(append(Extensions(), extra...)...))
}

// shared is the parser Parse uses; goldmark's parser keeps no state
// between parses, so one serves every caller.
var shared = sync.OnceValue(func() parser.Parser { return New().Parser() })

// Parse parses a Markdown text with the configuration.
func Parse(src []byte) ast.Node { return shared().Parse(text.NewReader(src)) }
