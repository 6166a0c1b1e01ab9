package cmd

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// replacedBy is the annotation that names the flag replacing an old
// spelling; warnDeprecatedFlags reads it.
const replacedBy = "redline-replaced-by"

// deprecatedAlias keeps old as a hidden spelling of the flag now called
// name: both set the same value, and --help shows only the new one. Used
// where a flag was renamed so that each flag name has one meaning.
//
// pflag's own MarkDeprecated is not used: it writes its notice to the flag
// set's output, which cobra leaves pointing at standard output or at a
// buffer nobody reads, so the notice either mixed into the command's
// output (`-o -`) or was lost. warnDeprecatedFlags says it on stderr.
func deprecatedAlias(c *cobra.Command, old, name string) {
	fl := c.Flags().Lookup(name)
	c.Flags().AddFlag(&pflag.Flag{
		Name: old, Usage: "deprecated: use --" + name, Value: fl.Value, DefValue: fl.DefValue,
		Hidden: true, Annotations: map[string][]string{replacedBy: {name}},
	})
}

// warnDeprecatedFlags says once on w, for each old spelling used on the
// command line, which flag replaces it.
func warnDeprecatedFlags(c *cobra.Command, w io.Writer) {
	c.Flags().Visit(func(fl *pflag.Flag) {
		if by := fl.Annotations[replacedBy]; len(by) > 0 {
			fmt.Fprintf(w, "redline: warning: --%s is deprecated: use --%s\n", fl.Name, by[0])
		}
	})
}
