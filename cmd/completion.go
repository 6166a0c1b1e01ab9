package cmd

import (
	"github.com/spf13/cobra"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdCompletion(f, nil) })
}

// CompletionOptions holds what `redline completion` needs.
type CompletionOptions struct {
	IO    *IOStreams
	Shell string
	// NoDescriptions leaves out the description beside each candidate,
	// as cobra's own completion command does.
	NoDescriptions bool
	// Root is the command tree the script completes.
	Root *cobra.Command
}

// NewCmdCompletion builds `redline completion bash|zsh|fish|powershell`.
func NewCmdCompletion(f *Factory, runF func(*CompletionOptions) error) *cobra.Command {
	opts := &CompletionOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print a shell completion script",
		Long: `Print a script that teaches your shell to complete redline's commands, flags,
flag values (formats, templates, series, zones, precedences, classifications)
and references (FILE@ offers the draft's revisions and labels).

  bash:  source <(redline completion bash)
  zsh:   redline completion zsh > "${fpath[1]}/_redline"
  fish:  redline completion fish > ~/.config/fish/completions/redline.fish`,
		Example:   "  redline completion bash > /etc/bash_completion.d/redline",
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args:      exactArgs(1, "one shell name: bash, zsh, fish or powershell"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Shell = args[0]
			opts.Root = c.Root()
			if runF != nil {
				return runF(opts)
			}
			return completionRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.NoDescriptions, "no-descriptions", false, "leave out the descriptions of the candidates")
	return c
}

func completionRun(opts *CompletionOptions) error {
	out, desc := opts.IO.Out, !opts.NoDescriptions
	switch opts.Shell {
	case "bash":
		return opts.Root.GenBashCompletionV2(out, desc)
	case "zsh":
		if desc {
			return opts.Root.GenZshCompletion(out)
		}
		return opts.Root.GenZshCompletionNoDesc(out)
	case "fish":
		return opts.Root.GenFishCompletion(out, desc)
	case "powershell":
		if desc {
			return opts.Root.GenPowerShellCompletionWithDesc(out)
		}
		return opts.Root.GenPowerShellCompletion(out)
	}
	return usageErrorf("unknown shell %q: use bash, zsh, fish or powershell", opts.Shell)
}
