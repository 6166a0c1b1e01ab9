package telegram

import (
	"bytes"
	"errors"
	"fmt"
	"text/template"
	"text/template/parse"
	"time"
)

// A template is a user's file (a workspace override or a path), so its
// execution is bounded: a cable needs neither a loop of millions of
// turns nor megabytes of heading.
const (
	// maxTemplateOutput is the most one execution may write.
	maxTemplateOutput = 4 << 20
	// maxRangeTurns is the most turns that ranges over numbers written in
	// the template, nested ones multiplied, may take.
	maxRangeTurns = 100_000
)

// templateDeadline is how long one execution may run; a variable so that
// tests can shorten it.
var templateDeadline = 5 * time.Second

// errTooLarge is returned by boundedWriter once the limit is passed.
var errTooLarge = fmt.Errorf("it wrote more than %d MiB beyond twice the message text, far more than any cable", maxTemplateOutput>>20)

// boundedWriter is a buffer that refuses to grow past a limit; the
// template stops at the first refused write.
type boundedWriter struct {
	buf   bytes.Buffer
	limit int
}

func (w *boundedWriter) Write(p []byte) (int, error) {
	if w.buf.Len()+len(p) > w.limit {
		return 0, errTooLarge
	}
	return w.buf.Write(p)
}

// checkRanges refuses a template whose ranges over numbers it writes
// itself ({{range 3000000000}}) would take more than maxRangeTurns turns.
func checkRanges(t *template.Template) error {
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Root == nil {
			continue
		}
		if err := rangeTurns(tt.Tree, tt.Root, 1); err != nil {
			return err
		}
	}
	return nil
}

func rangeTurns(tree *parse.Tree, n parse.Node, outer int64) error {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return nil
		}
		for _, c := range n.Nodes {
			if err := rangeTurns(tree, c, outer); err != nil {
				return err
			}
		}
	case *parse.IfNode:
		return branchTurns(tree, &n.BranchNode, outer)
	case *parse.WithNode:
		return branchTurns(tree, &n.BranchNode, outer)
	case *parse.RangeNode:
		turns := outer
		if k, ok := rangeCount(n.Pipe); ok {
			if k > maxRangeTurns || outer*k > maxRangeTurns {
				loc, _ := tree.ErrorContext(n)
				around := ""
				if outer > 1 {
					around = " with the ranges around it"
				}
				return fmt.Errorf("%s: {{range %d}} would repeat %d times%s, more than the %d a cable can need: use a smaller number", loc, k, outer*k, around, maxRangeTurns)
			}
			turns = outer * max(k, 1)
		}
		return branchTurns(tree, &n.BranchNode, turns)
	}
	return nil
}

func branchTurns(tree *parse.Tree, b *parse.BranchNode, outer int64) error {
	if err := rangeTurns(tree, b.List, outer); err != nil {
		return err
	}
	return rangeTurns(tree, b.ElseList, outer)
}

// rangeCount returns the number a range's pipeline is, when it is a
// number written in the template.
func rangeCount(p *parse.PipeNode) (int64, bool) {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return 0, false
	}
	num, ok := p.Cmds[0].Args[0].(*parse.NumberNode)
	if !ok || !num.IsInt {
		return 0, false
	}
	return num.Int64, true
}

// runBounded executes t with data, within maxTemplateOutput bytes more
// than twice the text it is given to print (text, the message's lines:
// a long message is not a runaway template) and templateDeadline. A
// template past its deadline is left to finish on its own goroutine; its
// output is thrown away.
func runBounded(t *template.Template, data any, text int) (string, error) {
	done := make(chan struct{})
	w := &boundedWriter{limit: maxTemplateOutput + 2*text}
	w.buf.Grow(text + 4096) // the text and its furniture, without regrowing
	var err error
	go func() {
		defer close(done)
		err = t.Execute(w, data)
	}()
	timer := time.NewTimer(templateDeadline)
	defer timer.Stop()
	select {
	case <-done:
	case <-timer.C:
		return "", fmt.Errorf("it ran for more than %s without finishing: look for a loop that does not end", templateDeadline)
	}
	if errors.Is(err, errTooLarge) {
		return "", errTooLarge
	}
	return w.buf.String(), err
}
