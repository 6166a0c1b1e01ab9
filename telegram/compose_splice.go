package telegram

import (
	"strings"
	"text/template"
	"text/template/parse"
)

// A template prints the message text with {{.Text}}, which for a long draft
// is megabytes: joining the lines into one string, printing it through the
// template, finding it again in the output and splitting it back into
// lines were several passes over all of it, for every section. A template
// whose only use of .Text is plain {{.Text}} actions is run instead with a
// marker line in its place, and the text's lines are put where the marker
// stands. The result is the same lines; any other use of .Text (a
// function of it, a condition on it) runs the template over the text as
// before.

// textMarker stands for the text while such a template runs: a line no
// draft can hold (a NUL byte never reaches a cable).
const textMarker = "\x00redline text\x00"

// printsTextPlainly reports whether every mention of .Text in the template
// and the templates it defines is a plain {{.Text}} action.
func printsTextPlainly(t *template.Template) bool {
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Root != nil && !plainTextUses(tt.Root) {
			return false
		}
	}
	return true
}

func plainTextUses(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return true
		}
		for _, c := range n.Nodes {
			if !plainTextUses(c) {
				return false
			}
		}
		return true
	case *parse.ActionNode:
		if p := n.Pipe; len(p.Decl) == 0 && len(p.Cmds) == 1 && len(p.Cmds[0].Args) == 1 {
			if f, ok := p.Cmds[0].Args[0].(*parse.FieldNode); ok && len(f.Ident) == 1 && f.Ident[0] == "Text" {
				return true
			}
		}
		return !mentionsText(n.Pipe)
	case *parse.IfNode:
		return !mentionsText(n.Pipe) && plainTextUses(n.List) && plainTextUses(n.ElseList)
	case *parse.RangeNode:
		return !mentionsText(n.Pipe) && plainTextUses(n.List) && plainTextUses(n.ElseList)
	case *parse.WithNode:
		return !mentionsText(n.Pipe) && plainTextUses(n.List) && plainTextUses(n.ElseList)
	case *parse.TemplateNode:
		return n.Pipe == nil || !mentionsText(n.Pipe)
	}
	return true
}

// mentionsText reports whether a pipeline names Text anywhere (as .Text,
// $.Text or a variable's field); when in doubt it says it does.
func mentionsText(p *parse.PipeNode) bool {
	if p == nil {
		return false
	}
	return strings.Contains(p.String(), "Text")
}

// splice puts the text's lines where the marker line stands in the
// template's output, as the lines of the output printed with the text
// would be, and reports whether it could (the marker stands once, alone
// on its line).
func splice(printed string, text []TeleprinterLine) ([]string, bool) {
	at := strings.Index(printed, textMarker)
	if at < 0 || strings.Contains(printed[at+len(textMarker):], textMarker) {
		return nil, false
	}
	head, tail := printed[:at], printed[at+len(textMarker):]
	if head != "" && !strings.HasSuffix(head, "\n") || tail != "" && !strings.HasPrefix(tail, "\n") {
		return nil, false
	}
	var h []string
	if head != "" {
		h = strings.Split(head, "\n")
		h = h[:len(h)-1] // the piece after head's last newline is the marker's line
	}
	out := append(make([]string, 0, len(h)+len(text)+8), h...)
	for _, l := range text {
		out = append(out, l.Text)
	}
	if tail != "" {
		out = append(out, strings.Split(tail, "\n")[1:]...)
	}
	// as strings.Split(strings.TrimRight(printed, "\n"), "\n") leaves it
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out, true
}
