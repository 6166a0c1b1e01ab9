package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/templates"
	"github.com/spf13/cobra"
)

func init() { register(func(f *Factory) *cobra.Command { return NewCmdNew(f, nil) }) }

// NewOptions holds what `redline new` needs.
type NewOptions struct {
	IO *IOStreams
	// TemplateDir returns the workspace's template override folder.
	TemplateDir func() (string, error)

	File           string
	Template       string
	Title          string
	Classification string
	Force          bool
}

// NewCmdNew builds `redline new`; runF, when not nil, runs instead of
// newRun (a test's capture of the parsed options).
func NewCmdNew(f *Factory, runF func(*NewOptions) error) *cobra.Command {
	opts := &NewOptions{IO: f.IO, TemplateDir: f.templateDir}
	c := &cobra.Command{
		Use:   "new FILE [--template NAME]",
		Short: "Start a new draft with the front matter its cable template needs",
		Long: `Write a new draft: YAML front matter with the fields the cable template
prints (classification, precedence, originator, addressees, and the
template's own: passing line and heading lines for a personal message,
subject and references for an FCO telegram, captions, E.O., TAGS and subject
for a State cable), each with a comment saying what goes there, and a body
to replace with the message. The draft reads back as a valid draft at once,
so 'redline render FILE' shows the cable it will make.

The template is a built-in one (see 'redline templates') or one of the
workspace's own in .redline/templates/. An existing FILE is not replaced
without --force.`,
		Example: `  redline new reply.md
  redline new instruction.md --template state-cable --classification CONFIDENTIAL
  redline new tel.md --template fco-telegram --title "CSCE: Moscow conference"`,
		Args: exactArgs(1, "one FILE to create"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return newRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.Template, "template", "t", "personal-message", "cable template the draft is for")
	c.Flags().StringVar(&opts.Title, "title", "", "the message's title")
	c.Flags().StringVar(&opts.Classification, "classification", "SECRET", "classification: UNCLASSIFIED, RESTRICTED, CONFIDENTIAL, SECRET or TOP SECRET")
	c.Flags().BoolVarP(&opts.Force, "force", "f", false, "replace FILE if it exists")
	return c
}

func newRun(opts *NewOptions) error {
	dir, err := opts.TemplateDir()
	if err != nil {
		return err
	}
	if templates.IsPath(opts.Template) {
		return usageErrorf("--template takes a template's name (see 'redline templates'), not a path: a draft names its template, and a path would not travel with it")
	}
	tmpl, err := templates.Load(opts.Template, dir)
	if err != nil {
		return usageErrorf("--template: %v", err)
	}
	data := newDraftSkeleton(opts.Template, tmpl.Dialect(), opts.Title, opts.Classification)
	// What is written must read back: this also checks --classification.
	if _, err := draft.Parse(opts.File, data); err != nil {
		return usageErrorf("%v", err)
	}
	if !opts.Force {
		if _, err := os.Stat(opts.File); err == nil {
			return fmt.Errorf("%s exists: give --force to replace it, or another name", opts.File)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := draft.WriteFileAtomic(opts.File, data, 0o644); err != nil {
		return err
	}
	_, err = fmt.Fprintf(opts.IO.Out, "%s: new %s draft; fill in its fields and text, then 'redline render %s' and 'redline commit %s -m MESSAGE'\n", opts.File, opts.Template, opts.File, opts.File)
	return err
}

// newDraftSkeleton writes the starting text of a draft for a template
// of dialect d (nil when the template names none).
func newDraftSkeleton(template string, d *cable.Dialect, title, classification string) []byte {
	if title == "" {
		title = skeletonTitle
	}
	var b strings.Builder
	line := func(key, value, comment string) {
		fmt.Fprintf(&b, "%-15s %-30s # %s\n", key+":", value, comment)
	}
	b.WriteString("---\n")
	line("title", yamlString(title), "for the register and the file; not sent")
	line("template", template, "see 'redline templates'")
	line("classification", strings.ToUpper(classification), "UNCLASSIFIED, RESTRICTED, CONFIDENTIAL, SECRET or TOP SECRET")
	line("caveats", "[]", "handling words printed with the classification, e.g. [UK EYES ONLY]")
	line("precedence", "IMMEDIATE", "FLASH, IMMEDIATE, PRIORITY or ROUTINE")
	fields := []cable.SkeletonField{
		{Key: "from", Value: `""`, Comment: "the originator"},
		{Key: "to", Value: "[]", Comment: "action addressees"},
		{Key: "info", Value: "[]", Comment: "information addressees"},
		{Key: "subject", Value: `""`, Comment: "the subject line"},
	}
	body := skeletonBody
	if d != nil {
		fields, body = d.Skeleton, d.SkeletonBody
	}
	for _, f := range fields {
		line(f.Key, f.Value, f.Comment)
	}
	b.WriteString("---\n")
	b.WriteString(body)
	return []byte(b.String())
}

// yamlString quotes a value for YAML when it needs it.
func yamlString(s string) string {
	if s == "" || strings.ContainsAny(s, ":#{}[]&*!|>'\"%@`,") || strings.TrimSpace(s) != s {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
	}
	return s
}

// skeletonTitle is the placeholder title of a new draft, which send
// refuses: the register and the file would name the message by it.
const skeletonTitle = "Title of the message"

// skeletonBody is the placeholder text of a new draft, which send refuses.
const skeletonBody = "Write the message here, in paragraphs separated by a blank line.\n"
