package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/redline-dev/redline/diff"
)

func init() { RegisterFormat(Format{Name: "stat", Render: renderDiffStat}) }

// renderDiffStat writes the summary of a comparison alone, in the manner of
// wdiff -s: words on each side, how many are common, moved, deleted and
// inserted, the number of changes and the similarity, then the field
// changes and the notes.
func renderDiffStat(w io.Writer, c *diff.Comparison, _ DiffOptions) error {
	var b strings.Builder
	st := c.Stats
	oldCommon := st.OldWords - st.DeletedWords - st.MovedWords
	newCommon := st.NewWords - st.InsertedWords - st.MovedWords
	pct := func(n, of int) string {
		if of == 0 {
			return "0%"
		}
		return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(of))
	}
	on, nn := statName(c.Old, "old"), statName(c.New, "new")
	width := max(len(on), len(nn))
	fmt.Fprintf(&b, "%-*s  %6d words  %6d %4s common  %6d %4s moved  %6d %4s deleted\n", width, on,
		st.OldWords, oldCommon, pct(oldCommon, st.OldWords), st.MovedWords, pct(st.MovedWords, st.OldWords),
		st.DeletedWords, pct(st.DeletedWords, st.OldWords))
	fmt.Fprintf(&b, "%-*s  %6d words  %6d %4s common  %6d %4s moved  %6d %4s inserted\n", width, nn,
		st.NewWords, newCommon, pct(newCommon, st.NewWords), st.MovedWords, pct(st.MovedWords, st.NewWords),
		st.InsertedWords, pct(st.InsertedWords, st.NewWords))
	changes := "changes"
	if st.Changes == 1 {
		changes = "change"
	}
	fmt.Fprintf(&b, "%d %s, similarity %.1f%%\n", st.Changes, changes, 100*st.Similarity)
	for _, l := range changesBy(c) {
		fmt.Fprintf(&b, "  by %s: %d\n", l.by, l.n)
	}
	if len(c.Fields) > 0 {
		b.WriteString("fields changed:\n")
		for _, f := range c.Fields {
			fmt.Fprintf(&b, "  %s: %s -> %s\n", f.Name, quoteField(f.Old), quoteField(f.New))
		}
	}
	for _, n := range c.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func statName(s diff.Side, fallback string) string {
	switch s.Name {
	case "":
		return fallback
	case "-":
		return "(standard input)"
	}
	return s.Name
}

func quoteField(v string) string {
	if v == "" {
		return "(none)"
	}
	return fmt.Sprintf("%q", v)
}

type byCount struct {
	by string
	n  int
}

// changesBy counts the changes each label of diff --by names, in order of
// first appearance.
func changesBy(c *diff.Comparison) []byCount {
	var out []byCount
	idx := map[string]int{}
	seen := map[int]bool{}
	for _, s := range c.Segments {
		if s.By == "" || s.Change == 0 || seen[s.Change] {
			continue
		}
		seen[s.Change] = true
		i, ok := idx[s.By]
		if !ok {
			i = len(out)
			idx[s.By] = i
			out = append(out, byCount{by: s.By})
		}
		out[i].n++
	}
	return out
}
