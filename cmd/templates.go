package cmd

import (
	"fmt"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/templates"
)

func init() { register(func(f *Factory) *cobra.Command { return NewCmdTemplates(f, nil, nil) }) }

// TemplatesOptions holds what `redline templates` needs.
type TemplatesOptions struct {
	IO *IOStreams
	// TemplateDir returns the workspace's template override folder;
	// RelToCwd writes a path as the user would type it.
	TemplateDir func() (string, error)
	RelToCwd    func(string) string

	JSON *jsonExporter
}

// TemplatesShowOptions holds what `redline templates show` needs.
type TemplatesShowOptions struct {
	IO          *IOStreams
	TemplateDir func() (string, error)

	Name     string
	Embedded bool
}

type templateJSON struct {
	Name        string             `json:"name"`
	Description string             `json:"description"`
	Origin      string             `json:"origin"`
	Settings    templates.Settings `json:"settings"`
}

// NewCmdTemplates builds `redline templates` and `redline templates show`;
// runF and showF, when not nil, run instead of templatesRun and
// templatesShowRun (a test's capture of the parsed options).
func NewCmdTemplates(f *Factory, runF func(*TemplatesOptions) error, showF func(*TemplatesShowOptions) error) *cobra.Command {
	opts := &TemplatesOptions{IO: f.IO, TemplateDir: f.templateDir, RelToCwd: f.relToCwd}
	c := &cobra.Command{
		Use:   "templates",
		Short: "List the cable templates",
		Long: `List the cable templates that 'redline render' and 'redline send' use, one a
line: the built-in ones and any in the workspace's .redline/templates folder,
where a file NAME.tmpl overrides the built-in template of that name.

A template is a Go text/template. It opens with a comment holding its
settings in YAML (dialect: the cable dialect it writes, state, fco or
personal; width, charset, extra, quotes, open_quote, close_quote,
numbered, bullet, hang, classification, page_lines, page_line,
tape_page_lines, section_pages, serial_placeholder); 'redline templates show
NAME' prints one to start your own from.`,
		Example: `  redline templates
  redline templates show state-cable
  redline templates show --embedded personal-message > pm.tmpl && mv pm.tmpl .redline/templates/personal-message.tmpl`,
		Args: exactArgs(0, "no arguments (or 'show NAME')"),
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return templatesRun(opts)
		},
	}
	opts.JSON = addJSONFlags(c, []templateJSON{})
	c.AddCommand(newCmdTemplatesShow(f, showF))
	return c
}

// templateDir returns the workspace's override folder, or "" outside a
// workspace.
func (f *Factory) templateDir() (string, error) {
	ws, err := f.OptionalWorkspace()
	if err != nil || ws == nil {
		return "", err
	}
	return filepath.Join(ws.Dir(), templates.OverrideDir), nil
}

func templatesRun(opts *TemplatesOptions) error {
	dir, err := opts.TemplateDir()
	if err != nil {
		return err
	}
	list, errs := templates.List(dir)
	if len(errs) > 0 {
		// List the templates that load, then fail naming the one that
		// does not.
		defer func() {
			for _, e := range errs[1:] {
				fmt.Fprintf(opts.IO.ErrOut, "redline: %v\n", e)
			}
		}()
	}
	if opts.JSON.Enabled() {
		out := make([]templateJSON, 0, len(list))
		for _, t := range list {
			out = append(out, templateJSON{Name: t.Name, Description: t.Settings.Description, Origin: t.Origin, Settings: t.Settings})
		}
		return opts.JSON.Write(opts.IO.Out, out)
	}
	tw := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
	for _, t := range list {
		desc := t.Settings.Description
		if t.Origin != "built-in" {
			desc += " [" + opts.RelToCwd(t.Origin) + "]"
		}
		fmt.Fprintf(tw, "%s\t%s\n", t.Name, desc)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

func newCmdTemplatesShow(f *Factory, runF func(*TemplatesShowOptions) error) *cobra.Command {
	opts := &TemplatesShowOptions{IO: f.IO, TemplateDir: f.templateDir}
	c := &cobra.Command{
		Use:   "show NAME|PATH",
		Short: "Print a cable template",
		Long: `Print a cable template's source: the workspace's override when there is one,
else the built-in template, or the file at PATH. --embedded prints the
built-in template whatever overrides it.

An override that is empty or cannot be read as a template (for instance one
that a shell redirection has just truncated) is reported on standard error
and the built-in template is printed instead.`,
		Example: `  redline templates show personal-message
  redline templates show --embedded fco-telegram > my-telegram.tmpl`,
		Args: exactArgs(1, "a template name (see 'redline templates')"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Name = args[0]
			if runF != nil {
				return runF(opts)
			}
			return templatesShowRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.Embedded, "embedded", false, "print the built-in template, not the workspace's override")
	return c
}

func templatesShowRun(opts *TemplatesShowOptions) error {
	name := opts.Name
	if opts.Embedded {
		t, err := templates.Embedded(name)
		if err != nil {
			return err
		}
		_, err = opts.IO.Out.Write(t.Source)
		return err
	}
	dir, err := opts.TemplateDir()
	if err != nil {
		return err
	}
	t, err := templates.Load(name, dir)
	if err != nil && !templates.IsPath(name) {
		if b, berr := templates.Embedded(name); berr == nil {
			fmt.Fprintf(opts.IO.ErrOut, "redline: %v; showing the built-in %s\n", err, name)
			t, err = b, nil
		}
	}
	if err != nil {
		return err
	}
	_, err = opts.IO.Out.Write(t.Source)
	return err
}
