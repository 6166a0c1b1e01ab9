package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdChanges(f, nil) })
}

// ChangesOptions holds what `redline changes` needs.
type ChangesOptions struct {
	IO        *IOStreams
	Resolve   func(ref string) (*draft.Version, error)
	ColorMode func() (ColorMode, error)

	Ref  string
	JSON *jsonExporter
}

// NewCmdChanges builds `redline changes`. runF, when not nil, runs instead
// of changesRun.
func NewCmdChanges(f *Factory, runF func(*ChangesOptions) error) *cobra.Command {
	opts := &ChangesOptions{IO: f.IO, Resolve: f.Resolve, ColorMode: f.ColorMode}
	c := &cobra.Command{
		Use:   "changes FILE[@REV]",
		Short: "List a draft's tracked changes (CriticMarkup), numbered",
		Long: `List the tracked changes written in a draft as CriticMarkup, numbered in
document order, with their kind, line and column, the old and the new text,
and the author and comment attached. The numbers are the ones accept and
reject take.

The marks are {++inserted++}, {--deleted--}, {~~old~>new~~},
{==highlighted==} and {>>comment<<}. A deletion directly followed by an
insertion is one substitution. A comment written directly after a change
belongs to it; a comment beginning with @ names the author, up to the
first colon: {>>@CDP No. 10: more precise<<} is by "CDP No. 10" and says
"more precise". Marks inside code are plain text; a backslash before a
mark's opening makes it plain text too.

With --json, prints an array of objects with the keys number, kind, line,
column, old, new, author and comment.`,
		Example: `  redline changes examples/moscow-1988/no10-amended.md
  redline diff draft.md@fco-draft draft.md@no10 --by office --format critic -o review.md
  redline changes review.md --json | jq '.[] | select(.author == "No. 10")'
  redline changes draft.md@no10`,
		Args: exactArgs(1, "one draft: FILE or FILE@REV"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if runF != nil {
				return runF(opts)
			}
			return changesRun(opts)
		},
	}
	opts.JSON = addJSONFlags(c, []critic.Change{})
	opts.JSON.rawHTML = true
	return c
}

func changesRun(opts *ChangesOptions) error {
	v, err := opts.Resolve(opts.Ref)
	if err != nil {
		return err
	}
	d, err := critic.Parse(v.Name, v.Data)
	if err != nil {
		return err
	}
	changes := d.Changes()
	if opts.JSON.Enabled() {
		return opts.JSON.Write(opts.IO.Out, changes)
	}
	mode, err := opts.ColorMode()
	if err != nil {
		return err
	}
	color := opts.IO.ColorEnabled(mode, false)
	if len(changes) == 0 {
		fmt.Fprintf(opts.IO.Out, "no tracked changes in %s\n", v.Name)
		return nil
	}
	writeChangeList(opts.IO.Out, changes, color, opts.IO.TerminalWidth(100))
	fmt.Fprintf(opts.IO.Out, "%s in %s\n", changeCount(len(changes)), v.Name)
	return nil
}

// writeChangeList prints one line per change (the texts shortened to fit
// the width), then its comment on the next line.
func writeChangeList(w io.Writer, changes []critic.Change, color bool, width int) {
	numW, posW, kindW := 1, 1, len("substitute")
	for _, c := range changes {
		numW = max(numW, len(fmt.Sprint(c.Number)))
		posW = max(posW, len(fmt.Sprintf("%d:%d", c.Line, c.Column)))
	}
	paint := func(sgr, s string) string {
		if !color || s == "" {
			return s
		}
		return sgr + s + "\x1b[0m"
	}
	lead := numW + 2 + posW + 2 + kindW + 2
	room := max(width-lead, 20)
	for _, c := range changes {
		pos := fmt.Sprintf("%d:%d", c.Line, c.Column)
		var text string
		switch c.Kind {
		case critic.KindInsert:
			text = paint("\x1b[32m", "+ "+shorten(c.New, room-2))
		case critic.KindDelete:
			text = paint("\x1b[31m", "- "+shorten(c.Old, room-2))
		case critic.KindSubstitute:
			half := max((room-4)/2, 8)
			text = paint("\x1b[31m", shorten(c.Old, half)) + " → " + paint("\x1b[32m", shorten(c.New, half))
		case critic.KindHighlight:
			text = paint("\x1b[33m", shorten(c.Old, room))
		}
		line := fmt.Sprintf("%*d  %-*s  %-*s  %s", numW, c.Number, posW, pos, kindW, c.Kind, text)
		fmt.Fprintln(w, strings.TrimRight(line, " "))
		if c.Author != "" || c.Comment != "" {
			note := c.Comment
			if c.Author != "" {
				note = strings.TrimSpace(c.Author + ": " + c.Comment)
				if c.Comment == "" {
					note = c.Author
				}
			}
			fmt.Fprintf(w, "%*s%s\n", lead, "", paint("\x1b[36m", "» "+shorten(note, room-2)))
		}
	}
}

// shorten puts a text on one line and cuts it to width columns.
func shorten(s string, width int) string {
	s = visibleControls(strings.Join(strings.Fields(paragraphBreaks.Replace(s)), " "))
	if s == "" {
		return "(nothing)"
	}
	if runewidth.StringWidth(s) <= width {
		return s
	}
	return runewidth.Truncate(s, width, "…")
}

// paragraphBreaks shows where a change's text crosses paragraphs.
var paragraphBreaks = strings.NewReplacer("\r\n\r\n", " ¶ ", "\n\n", " ¶ ")

func changeCount(n int) string {
	if n == 1 {
		return "1 change"
	}
	return fmt.Sprintf("%d changes", n)
}
