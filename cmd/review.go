package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/render"
	"github.com/redline-dev/redline/review"
	"github.com/spf13/cobra"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdReview(f, nil) })
}

// ReviewOptions are the settings of `redline review`.
type ReviewOptions struct {
	IO      *IOStreams
	Factory *Factory

	File    string
	Old     string
	Port    int
	Open    bool
	Commit  bool
	Message string
	Author  string
	Office  string
	JSON    bool

	// Context is cancelled to stop the server (Ctrl-C by default).
	Context func() (context.Context, context.CancelFunc)
	// OpenBrowser shows the page's address in a browser (--open).
	OpenBrowser func(url string) error
}

// NewCmdReview builds `redline review`; runF, when not nil, is called with
// the parsed options instead of serving (for tests).
func NewCmdReview(f *Factory, runF func(*ReviewOptions) error) *cobra.Command {
	opts := &ReviewOptions{IO: f.IO, Factory: f, Context: interruptContext, OpenBrowser: openBrowser}
	c := &cobra.Command{
		Use:   "review FILE [OLD]",
		Short: "Review a draft's tracked changes on a local web page",
		Long: `Serve a page, on this computer only, that shows FILE's tracked changes
(CriticMarkup) as a redline, each change numbered with its author and
office, comments and replies; a list of the changes with filters by author,
office and kind; and the draft as it was and as amended side by side,
scrolling together. Accept or reject one change, the ticked ones, an
author's, an office's or all of them; add a comment or a reply, which is
written into the draft as {>>@NAME (OFFICE): text<<}. Keys: j and k move to
the next and previous change, a accepts it, r rejects it. The page works
without JavaScript too.

With OLD (a file or FILE@REV), the page shows FILE's changes since OLD,
found by the comparison engine as 'redline diff OLD FILE' finds them:
accepting a change leaves FILE as it is, rejecting one brings OLD's text
back into FILE. Comments need a draft with tracked changes: write the
redline into one with 'redline diff OLD FILE --format critic -o DRAFT'.

Every decision rewrites FILE exactly as 'redline accept' and 'reject' do,
under the same lock, so the page, other browsers and the command line can be
used at once. A decision made on a page built from a version of FILE that
has changed since is refused, and the page shows the draft as it now is.

The server listens on 127.0.0.1 (a free port, or --port) and prints its
address, which carries a random token: only a browser given that address
can use it, and pages of other sites cannot. It stops on Ctrl-C. With
--commit the page offers "Finish review", which records a revision of FILE
(as 'redline commit' does) and stops the server.

Comments are signed with --author and --office, then REDLINE_AUTHOR and
REDLINE_OFFICE, then the workspace's config.yaml.`,
		Example: `  redline review examples/moscow-1988/no10-amended.md --open
  redline review draft.md --port 8088 --author "Charles Powell" --office "No. 10"
  redline review draft.md --commit -m "No. 10 review"
  redline review draft.md draft.md@fco-draft`,
		Args: rangeArgs(1, 2, "one draft FILE with tracked changes, or FILE and an earlier version OLD"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			if len(args) == 2 {
				opts.Old = args[1]
			}
			if c.Flags().Changed("message") && !opts.Commit {
				return usageErrorf("-m is the message of the revision --commit records: give --commit too")
			}
			if opts.Port < 0 || opts.Port > 65535 {
				return usageErrorf("--port %d is not a port: give 1-65535, or 0 for a free one", opts.Port)
			}
			if runF != nil {
				return runF(opts)
			}
			return reviewRun(opts)
		},
	}
	c.Flags().IntVar(&opts.Port, "port", 0, "listen on `PORT` of 127.0.0.1 (default: a free port)")
	c.Flags().BoolVar(&opts.Open, "open", false, "open the page in the browser")
	c.Flags().BoolVar(&opts.Commit, "commit", false, "offer \"Finish review\", which records a revision of FILE")
	c.Flags().StringVarP(&opts.Message, "message", "m", "review", "the message of the revision --commit records")
	c.Flags().StringVar(&opts.Author, "author", "", "sign comments and the revision as `NAME` (default REDLINE_AUTHOR, then config.yaml)")
	c.Flags().StringVar(&opts.Office, "office", "", "sign comments and the revision as of `OFFICE` (default REDLINE_OFFICE, then config.yaml)")
	c.Flags().BoolVar(&opts.JSON, "json", false, "print the page's address as JSON ({\"url\", \"file\"})")
	return c
}

func reviewRun(opts *ReviewOptions) error {
	f := opts.Factory
	fi, err := os.Stat(opts.File)
	if err != nil || !fi.Mode().IsRegular() {
		return usageErrorf("%s is not a draft file: review takes a working copy (not FILE@REV or -)", opts.File)
	}
	data, err := os.ReadFile(opts.File)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", opts.File, err)
	}
	if _, err := critic.Parse(opts.File, data); err != nil {
		return err
	}
	ws, err := f.OptionalWorkspace()
	if err != nil {
		return err
	}
	if ws != nil {
		if _, err := ws.DraftName(opts.File); err == nil {
			if rev, sealed, err := ws.Sealed(opts.File); err != nil {
				return err
			} else if sealed {
				return usageErrorf("%s was sent as revision %d and is sealed, so no decision could be written into it: review a copy", visibleControls(opts.File), rev.Number)
			}
		}
	}
	author, office := reviewerIdentity(f, ws, opts.Author, opts.Office)
	name := opts.File
	if filepath.IsAbs(name) {
		name = f.relToCwd(name)
	}
	ro := review.Options{
		Path: opts.File, Name: name, Reviewer: author, Office: office,
		Check: func(path string) error { return refuseSealed(f, path) },
	}
	if opts.Old != "" {
		if ro.Tracked, ro.OldName, err = reviewRedline(f, ws, opts, name, data); err != nil {
			return err
		}
	}
	if opts.Commit {
		if ro.Finish, err = reviewFinisher(f, ws, opts); err != nil {
			return err
		}
	}
	srv, err := review.New(ro)
	if err != nil {
		return usageErrorf("%v", err)
	}
	ln, err := review.Listen(opts.Port)
	if err != nil {
		return usageErrorf("%v: give another --port, or none for a free one", err)
	}
	url := srv.URL(ln)
	if opts.JSON {
		b, _ := json.Marshal(map[string]string{"url": url, "file": opts.File})
		fmt.Fprintln(opts.IO.Out, string(b))
	} else {
		fmt.Fprintf(opts.IO.Out, "reviewing %s at %s\n", visibleControls(opts.File), url)
		fmt.Fprintln(opts.IO.ErrOut, "open that address in a browser on this computer; press Ctrl-C to stop")
	}
	if opts.Open {
		if err := opts.OpenBrowser(url); err != nil {
			fmt.Fprintf(opts.IO.ErrOut, "redline: cannot open a browser (%v): open the address yourself\n", err)
		}
	}
	ctx, cancel := opts.Context()
	defer cancel()
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	if line := srv.Finished(); line != "" {
		fmt.Fprintf(opts.IO.ErrOut, "review finished: %s\n", visibleControls(line))
	} else if !opts.JSON {
		fmt.Fprintln(opts.IO.ErrOut, "review stopped")
	}
	return nil
}

// reviewRedline is FILE's changes since OLD as CriticMarkup, the critic
// view of 'redline diff OLD FILE'.
func reviewRedline(f *Factory, ws *draft.Workspace, opts *ReviewOptions, name string, data []byte) ([]byte, string, error) {
	if critic.HasOpening(string(data)) {
		return nil, "", usageErrorf("%s has tracked changes of its own: resolve them first, or review them without OLD", name)
	}
	ov, err := draft.Resolve(ws, opts.Old, opts.IO.In)
	if err != nil {
		return nil, "", err
	}
	if critic.HasOpening(string(ov.Data)) {
		return nil, "", usageErrorf("%s has tracked changes of its own: resolve them first, then compare", ov.Name)
	}
	c, err := diff.Compare(versionInput(ov, ""), diff.Input{Name: name, Data: data}, diff.Options{})
	if err != nil {
		return nil, "", kindHint(err)
	}
	view, _ := render.LookupFormat("critic")
	var b bytes.Buffer
	if err := view.Render(&b, c, render.DiffOptions{}); err != nil {
		return nil, "", err
	}
	return b.Bytes(), ov.Name, nil
}

// reviewerIdentity is who signs comments: the flags, the environment, the
// workspace's config, or "reviewer" with no office.
func reviewerIdentity(f *Factory, ws *draft.Workspace, author, office string) (string, string) {
	if a, o, err := f.Identity(ws, author, office); err == nil {
		return a, o
	}
	a, o := strings.TrimSpace(author), strings.TrimSpace(office)
	if a == "" {
		a = strings.TrimSpace(f.IO.Getenv("REDLINE_AUTHOR"))
	}
	if o == "" {
		o = strings.TrimSpace(f.IO.Getenv("REDLINE_OFFICE"))
	}
	if ws != nil {
		a, o = cmpOr(a, strings.TrimSpace(ws.Config.Author)), cmpOr(o, strings.TrimSpace(ws.Config.Office))
	}
	return a, o
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// reviewFinisher records a revision of the reviewed draft through the
// workspace's commit, as 'redline commit' does.
func reviewFinisher(f *Factory, ws *draft.Workspace, opts *ReviewOptions) (func([]byte) (string, error), error) {
	if ws == nil {
		return nil, usageErrorf("--commit records a revision in a workspace, and %s is in none: run 'redline init' first", opts.File)
	}
	if _, err := ws.DraftName(opts.File); err != nil {
		return nil, err
	}
	author, office, err := f.Identity(ws, opts.Author, opts.Office)
	if err != nil {
		return nil, err
	}
	return func(content []byte) (string, error) {
		var rev *draft.Revision
		err := ws.Update(func(tx *draft.Tx) error {
			var err error
			rev, err = tx.Commit(draft.CommitRequest{Path: opts.File, Content: content, Author: author, Office: office, Message: opts.Message})
			return err
		})
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%s: revision %d by %s, %s", opts.File, rev.Number, rev.Author, rev.Office), nil
	}, nil
}

func interruptContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// openBrowser hands the address to the desktop's opener ($BROWSER first).
func openBrowser(url string) error {
	if b := os.Getenv("BROWSER"); b != "" {
		return exec.Command(b, url).Start()
	}
	switch runtime.GOOS {
	case "darwin":
		return exec.Command("open", url).Start()
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", url).Start()
	}
	return exec.Command("xdg-open", url).Start()
}
