package cmd

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdVersion(f, nil) })
}

// VersionOptions holds what `redline version` needs.
type VersionOptions struct {
	IO   *IOStreams
	JSON *jsonExporter
	// Build reads the binary's build information (debug.ReadBuildInfo).
	Build func() (*debug.BuildInfo, bool)
}

// versionInfo is what the binary knows about its own build.
type versionInfo struct {
	Version  string `json:"version"`
	Revision string `json:"revision,omitempty"`
	Dirty    bool   `json:"dirty,omitempty"`
	Time     string `json:"time,omitempty"`
	Go       string `json:"go"`
	Platform string `json:"platform"`
}

// NewCmdVersion builds `redline version`.
func NewCmdVersion(f *Factory, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{IO: f.IO, Build: debug.ReadBuildInfo}
	c := &cobra.Command{
		Use:   "version",
		Short: "Print redline's version",
		Long: `Print redline's version: the module version it was built as (or the one set
at build time), the version control revision and time of the source, whether
the source had uncommitted changes (dirty), and the Go release and platform.
'redline --version' prints the same line.`,
		Example: `  redline version
  redline version --json=version,revision`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return versionRun(opts)
		},
	}
	opts.JSON = addJSONFlags(c, versionInfo{})
	return c
}

func versionRun(opts *VersionOptions) error {
	info := buildVersion(opts.Build)
	if opts.JSON.Enabled() {
		return opts.JSON.Write(opts.IO.Out, info)
	}
	_, err := fmt.Fprintln(opts.IO.Out, info.String())
	return err
}

// buildVersion reads the version from the -ldflags value, else the build
// information Go records in every binary.
func buildVersion(read func() (*debug.BuildInfo, bool)) versionInfo {
	v := versionInfo{Version: Version, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	bi, ok := read()
	if !ok {
		return v
	}
	if v.Version == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.modified":
			v.Dirty = s.Value == "true"
		case "vcs.time":
			v.Time = s.Value
		}
	}
	return v
}

// String is the one-line form `version` and `--version` print:
// "redline v1.2.0 (rev 0123abcd4567, dirty, 2026-12-02T10:00:00Z; go1.26 linux/amd64)".
func (v versionInfo) String() string {
	var parts []string
	if v.Revision != "" {
		rev := v.Revision
		if len(rev) > 12 {
			rev = rev[:12]
		}
		parts = append(parts, "rev "+rev)
	}
	if v.Dirty {
		parts = append(parts, "dirty")
	}
	if v.Time != "" {
		parts = append(parts, v.Time)
	}
	build := v.Go + " " + v.Platform
	if len(parts) > 0 {
		build = strings.Join(parts, ", ") + "; " + build
	}
	return fmt.Sprintf("redline %s (%s)", v.Version, build)
}
