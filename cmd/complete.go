package cmd

import (
	"fmt"
	"strings"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/render"
	"github.com/redline-dev/redline/templates"
	"github.com/spf13/cobra"
)

type completeFunc = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective)

// fixedCompletion offers a fixed list of values ("value\tdescription").
func fixedCompletion(values ...string) completeFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// refArgCommands are the commands whose first arguments are references
// (FILE, FILE@N, FILE@label), and how many: -1 for all of them.
var refArgCommands = map[string]int{
	"diff": 2, "changes": 1, "render": 1, "log": 1, "accept": 1, "reject": 1, "send": 1,
	"blame": 1, "review": 1, "verify": 1, "commit": -1, "reopen": 1, "show": 1, "restore": 1, "label": 1,
	"clear": 1, "approve": 1, "clearances": 1,
}

// addCompletions gives every command of the tree, once it is built, the
// completions that depend on what a flag or argument means rather than on
// the command: references for the arguments of the commands above, and the
// values of --format, --template, --as, --series, --zone, --precedence and
// --classification. A command that registered its own keeps it.
func (f *Factory) addCompletions(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := commandPath(c)
		if n, ok := refArgCommands[path]; ok && c.ValidArgsFunction == nil {
			if n < 0 {
				n = 1 << 20
			}
			c.ValidArgsFunction = f.refArgsCompletion(n)
		}
		for name, fn := range f.flagCompletions(path) {
			if c.Flags().Lookup(name) == nil {
				continue
			}
			if _, has := c.GetFlagCompletionFunc(name); !has {
				c.RegisterFlagCompletionFunc(name, fn)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if show := findCommand(root, "templates", "show"); show != nil && show.ValidArgsFunction == nil {
		show.ValidArgsFunction = f.templateNameCompletion
	}
	if show := findCommand(root, "serial", "show"); show != nil && show.ValidArgsFunction == nil {
		show.ValidArgsFunction = f.serialCompletion
	}
}

func findCommand(root *cobra.Command, path ...string) *cobra.Command {
	c, rest, err := root.Find(path)
	if err != nil || len(rest) > 0 || c == root {
		return nil
	}
	return c
}

// flagCompletions are the value completions by flag name for a command.
func (f *Factory) flagCompletions(path string) map[string]completeFunc {
	out := map[string]completeFunc{
		"template":       f.templateFlagCompletion,
		"series":         f.seriesCompletion,
		"zone":           zoneCompletion,
		"precedence":     fixedCompletion(cable.PrecedenceWords()...),
		"classification": fixedCompletion(cable.Classifications...),
	}
	switch path {
	case "diff":
		out["format"] = fixedCompletion(render.DiffFormats()...)
		kinds := fixedCompletion("text", "markdown", "cable")
		out["as"], out["old-as"], out["new-as"] = kinds, kinds, kinds
	case "render":
		out["format"] = fixedCompletion("cable\tteleprinter text", "json\tthe laid-out pages", "pdf\tthe printed cable", "html\tthe draft with its tracked changes", "ansi\tthe draft with its tracked changes, for a terminal")
	case "blame":
		out["format"] = fixedCompletion(render.BlameFormats()...)
	}
	return out
}

func (f *Factory) templateNameCompletion(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return f.templateNames(), cobra.ShellCompDirectiveNoFileComp
}

// templateFlagCompletion offers template names; a path is completed as a
// file by the shell (the directive allows files).
func (f *Factory) templateFlagCompletion(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if strings.ContainsAny(toComplete, "/.") {
		return []string{"tmpl"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return f.templateNames(), cobra.ShellCompDirectiveNoFileComp
}

// templateNames lists the built-in templates and the workspace's own.
func (f *Factory) templateNames() []string {
	dir, err := f.templateDir()
	if err != nil {
		return templates.Names()
	}
	list, _ := templates.List(dir)
	if len(list) == 0 {
		return templates.Names()
	}
	out := make([]string, 0, len(list))
	for _, t := range list {
		out = append(out, t.Name)
	}
	return out
}

func (f *Factory) seriesCompletion(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	ws, err := f.Workspace()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, s := range ws.Config.Series {
		out = append(out, s.Name+"\t"+s.Format)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func (f *Factory) serialCompletion(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	ws, err := f.Workspace()
	if err != nil || len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	reg, err := loadSerialRegister(ws)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, e := range reg {
		out = append(out, fmt.Sprintf("%s\t%s %s", e.Serial, e.DTG, e.Draft))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func zoneCompletion(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for l := byte('A'); l <= 'Z'; l++ {
		if cable.ValidZone(l) {
			out = append(out, string(l)+"\t"+cable.ZoneName(l))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
