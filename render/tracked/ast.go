package tracked

import (
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// KindCritic is the node kind of a tracked change (insertion, deletion or
// highlight) holding inline content.
var KindCritic = gast.NewNodeKind("Critic")

// KindCriticComment is the node kind of a CriticMarkup comment.
var KindCriticComment = gast.NewNodeKind("CriticComment")

var kindCriticMarker = gast.NewNodeKind("CriticMarker")

// Critic is an insertion, deletion or highlight.
type Critic struct {
	gast.BaseInline
	// ChangeKind is critic.KindInsert, critic.KindDelete or
	// critic.KindHighlight.
	ChangeKind string
	// Number is the change's number when this node starts the change, 0
	// otherwise.
	Number int
}

// Kind implements ast.Node.
func (n *Critic) Kind() gast.NodeKind { return KindCritic }

// Dump implements ast.Node.
func (n *Critic) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"ChangeKind": n.ChangeKind}, nil)
}

// CriticComment is a comment, with the author it names.
type CriticComment struct {
	gast.BaseInline
	Author, Comment string
	Number          int
}

// Kind implements ast.Node.
func (n *CriticComment) Kind() gast.NodeKind { return KindCriticComment }

// Dump implements ast.Node.
func (n *CriticComment) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"Author": n.Author, "Comment": n.Comment}, nil)
}

// criticMarker is an opening ({++ {-- {~~ {==), middle (~>) or closing
// delimiter met while parsing a block; a transformer pairs them up when the
// block is done.
type criticMarker struct {
	gast.BaseInline
	mark    byte // '+', '-', '~', '='
	role    byte // 'o' open, 'm' middle, 'c' close
	number  int
	segment text.Segment
}

func (n *criticMarker) Kind() gast.NodeKind { return kindCriticMarker }
func (n *criticMarker) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"mark": string(n.mark), "role": string(n.role)}, nil)
}
