// Command redline drafts, redlines and despatches diplomatic messages.
package main

import (
	"os"

	"github.com/redline-dev/redline/cmd"
)

func main() {
	os.Exit(cmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
