package cmd

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// deprecatedAlias keeps old as a hidden spelling of the flag now called
// name: both set the same value, and --help shows only the new one. Used
// where a flag was renamed so that each flag name has one meaning.
func deprecatedAlias(c *cobra.Command, old, name string) {
	fl := c.Flags().Lookup(name)
	c.Flags().AddFlag(&pflag.Flag{Name: old, Usage: "deprecated: use --" + name, Value: fl.Value, DefValue: fl.DefValue})
	c.Flags().MarkDeprecated(old, "use --"+name)
}
