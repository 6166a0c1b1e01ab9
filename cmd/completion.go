package cmd

import (
	"github.com/spf13/cobra"
)

func init() { register(NewCmdCompletion) }

// NewCmdCompletion builds `redline completion bash|zsh|fish|powershell`.
func NewCmdCompletion(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print a shell completion script",
		Long: `Print a script that teaches your shell to complete redline's commands and flags.

  bash:  source <(redline completion bash)
  zsh:   redline completion zsh > "${fpath[1]}/_redline"
  fish:  redline completion fish > ~/.config/fish/completions/redline.fish`,
		Example:   "  redline completion bash > /etc/bash_completion.d/redline",
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args:      exactArgs(1, "one shell name: bash, zsh, fish or powershell"),
		RunE: func(c *cobra.Command, args []string) error {
			root := c.Root()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(f.IO.Out, true)
			case "zsh":
				return root.GenZshCompletion(f.IO.Out)
			case "fish":
				return root.GenFishCompletion(f.IO.Out, true)
			case "powershell":
				return root.GenPowerShellCompletionWithDesc(f.IO.Out)
			}
			return usageErrorf("unknown shell %q: use bash, zsh, fish or powershell", args[0])
		},
	}
}
