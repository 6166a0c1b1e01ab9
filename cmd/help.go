package cmd

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// HelpOptions holds what `redline help` needs.
type HelpOptions struct {
	IO *IOStreams
	// Topic is the command path or topic asked for (empty: redline's own
	// help).
	Topic []string
	// Root is the command tree to look the topic up in.
	Root *cobra.Command
}

// NewCmdHelp builds `redline help [COMMAND|TOPIC]`. It replaces cobra's
// own help command, which says "Unknown help topic" and exits 0: here an
// unknown topic is a usage error (exit 2) that lists the topics.
func NewCmdHelp(f *Factory, runF func(*HelpOptions) error) *cobra.Command {
	opts := &HelpOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "help [command|topic]",
		Short: "Help about any command or topic",
		Long: `Print the help of a command ('redline help diff') or of a topic:
` + topicList() + `.`,
		Example: `  redline help diff
  redline help environment
  redline help refs`,
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			var out []string
			cmd, _, err := c.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			for _, sub := range cmd.Commands() {
				if !sub.Hidden && strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, sub.Name()+"\t"+sub.Short)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.Topic = args
			opts.Root = c.Root()
			if runF != nil {
				return runF(opts)
			}
			return helpRun(opts)
		},
	}
	return c
}

func helpRun(opts *HelpOptions) error {
	target, rest, err := opts.Root.Find(opts.Topic)
	if err != nil || len(rest) > 0 || target == nil {
		return usageErrorf("unknown help topic %q: give a command (see 'redline --help') or one of %s",
			strings.Join(opts.Topic, " "), topicList())
	}
	target.InitDefaultHelpFlag()
	target.SetOut(opts.IO.Out)
	return target.Help()
}

func topicList() string {
	names := make([]string, len(helpTopics))
	for i, t := range helpTopics {
		names[i] = t.name
	}
	return strings.Join(append(names, "templates"), ", ")
}

// ManOptions holds what `redline man` needs.
type ManOptions struct {
	IO   *IOStreams
	Dir  string
	Root *cobra.Command
	// Now dates the pages (REDLINE_NOW makes them repeatable).
	Now func() time.Time
}

// NewCmdMan builds `redline man DIR`: a man page per command, from the
// same text as --help (cobra/doc).
func NewCmdMan(f *Factory, runF func(*ManOptions) error) *cobra.Command {
	opts := &ManOptions{IO: f.IO, Now: f.Now}
	return &cobra.Command{
		Use:   "man DIR",
		Short: "Write redline's man pages into a folder",
		Long: `Write a man page for redline and for each of its commands (redline.1,
redline-diff.1, ...) into DIR, made from the same text as --help.`,
		Example: `  redline man ./man && man ./man/redline-diff.1
  sudo redline man /usr/local/share/man/man1`,
		Args: exactArgs(1, "one folder"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = args[0]
			opts.Root = c.Root()
			if runF != nil {
				return runF(opts)
			}
			return manRun(opts)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
	}
}

func manRun(opts *ManOptions) error {
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return fmt.Errorf("cannot make %s: %w", opts.Dir, err)
	}
	opts.Root.DisableAutoGenTag = true
	date := opts.Now()
	header := &doc.GenManHeader{Title: "REDLINE", Section: "1", Source: "redline", Manual: "redline manual", Date: &date}
	if err := doc.GenManTree(opts.Root, header, opts.Dir); err != nil {
		return fmt.Errorf("cannot write the man pages into %s: %w", opts.Dir, err)
	}
	_, err := fmt.Fprintf(opts.IO.ErrOut, "man pages written to %s\n", opts.Dir)
	return err
}

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdMan(f, nil) })
	for _, t := range helpTopics {
		register(func(*Factory) *cobra.Command { return newTopicCommand(t) })
	}
}
