package tracked

import (
	"github.com/redline-dev/redline/critic"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// criticHTMLRenderer writes tracked changes as HTML.
type criticHTMLRenderer struct {
	numbers bool
}

func (r *criticHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCritic, r.renderCritic)
	reg.Register(KindCriticComment, r.renderComment)
	reg.Register(kindCriticMarker, func(w util.BufWriter, src []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(util.EscapeHTML(n.(*criticMarker).segment.Value(src)))
		}
		return gast.WalkSkipChildren, nil
	})
}

func (r *criticHTMLRenderer) number(w util.BufWriter, n int) {
	if r.numbers && n > 0 {
		_, _ = w.WriteString(`<sup class="critic-number" title="change ` + itoa(n) + `">` + itoa(n) + `</sup>`)
	}
}

func (r *criticHTMLRenderer) renderCritic(w util.BufWriter, src []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	n := node.(*Critic)
	tag := map[string]string{critic.KindInsert: "ins", critic.KindDelete: "del", critic.KindHighlight: "mark"}[n.ChangeKind]
	if entering {
		r.number(w, n.Number)
		_, _ = w.WriteString("<" + tag + ` class="critic critic-` + n.ChangeKind + `">`)
	} else {
		_, _ = w.WriteString("</" + tag + ">")
	}
	return gast.WalkContinue, nil
}

func (r *criticHTMLRenderer) renderComment(w util.BufWriter, src []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	if !entering {
		return gast.WalkContinue, nil
	}
	n := node.(*CriticComment)
	r.number(w, n.Number)
	_, _ = w.WriteString(`<span class="critic critic-comment" role="note">`)
	if n.Author != "" {
		_, _ = w.WriteString(`<span class="critic-author">`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.Author)))
		_, _ = w.WriteString(`</span>`)
		if n.Comment != "" {
			_, _ = w.WriteString(" ")
		}
	}
	_, _ = w.Write(util.EscapeHTML([]byte(n.Comment)))
	_, _ = w.WriteString(`</span>`)
	return gast.WalkSkipChildren, nil
}
