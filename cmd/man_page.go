package cmd

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The man pages are written here rather than by cobra/doc: that package
// links in a Markdown library (blackfriday) whose package initialisation
// ran in every redline process, about a millisecond of each start-up,
// for a command almost nobody runs.

// writeManTree writes one page for c and one for each of its available
// commands below it into dir, named by the command path with dashes
// (redline-serial-list.1). Each page is written whole or not at all.
func writeManTree(c *cobra.Command, dir string, date time.Time) error {
	for _, sub := range c.Commands() {
		if !sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
			continue
		}
		if err := writeManTree(sub, dir, date); err != nil {
			return err
		}
	}
	name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
	return draft.WriteFileAtomic(filepath.Join(dir, name), manPage(c, date), 0o644)
}

// manPage is the roff text of c's page: name, synopsis, description,
// options (its own, then those it inherits), examples and related pages.
func manPage(c *cobra.Command, date time.Time) []byte {
	var b bytes.Buffer
	dashed := strings.ReplaceAll(c.CommandPath(), " ", "-")
	fmt.Fprintf(&b, ".TH %q \"1\" %q \"redline\" \"redline manual\"\n", strings.ToUpper(dashed), date.Format("Jan 2006"))
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", dashed, roffEscape(c.Short))
	fmt.Fprintf(&b, ".SH SYNOPSIS\n\\fB%s\\fP\n", roffEscape(c.UseLine()))
	description := c.Long
	if description == "" {
		description = c.Short
	}
	fmt.Fprintf(&b, ".SH DESCRIPTION\n%s\n", roffText(description))
	writeManFlags(&b, "OPTIONS", c.NonInheritedFlags())
	writeManFlags(&b, "OPTIONS INHERITED FROM PARENT COMMANDS", c.InheritedFlags())
	if c.Example != "" {
		fmt.Fprintf(&b, ".SH EXAMPLE\n.PP\n.RS\n.nf\n%s\n.fi\n.RE\n", roffText(c.Example))
	}
	var related []string
	if c.HasParent() {
		related = append(related, strings.ReplaceAll(c.Parent().CommandPath(), " ", "-"))
	}
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
			related = append(related, dashed+"-"+sub.Name())
		}
	}
	sort.Strings(related)
	if len(related) > 0 {
		b.WriteString(".SH SEE ALSO\n")
		for i, r := range related {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "\\fB%s(1)\\fP", roffEscape(r))
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

// writeManFlags lists the visible flags of set under a section heading,
// each with its shorthand, value placeholder, default and usage.
func writeManFlags(b *bytes.Buffer, heading string, set *pflag.FlagSet) {
	first := true
	set.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Deprecated != "" {
			return
		}
		if first {
			fmt.Fprintf(b, ".SH %s\n", heading)
			first = false
		}
		b.WriteString(".TP\n")
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			fmt.Fprintf(b, "\\fB\\-%s\\fP, ", f.Shorthand)
		}
		fmt.Fprintf(b, "\\fB\\-\\-%s\\fP", roffEscape(f.Name))
		if f.Value.Type() != "bool" {
			fmt.Fprintf(b, "=%s", roffEscape(fmt.Sprintf("%q", f.DefValue)))
		}
		fmt.Fprintf(b, "\n%s\n", roffText(f.Usage))
	})
}

// roffEscape makes s safe inside a roff line: backslashes escaped.
func roffEscape(s string) string { return strings.ReplaceAll(s, `\`, `\e`) }

// roffText escapes a block of text line by line: a line that starts with
// a dot or an apostrophe would be read as a request, so it is prefixed
// with the zero-width \&; an empty line becomes a paragraph break.
func roffText(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		l = roffEscape(l)
		switch {
		case l == "":
			l = ".PP"
		case l[0] == '.' || l[0] == '\'':
			l = `\&` + l
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}
