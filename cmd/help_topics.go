package cmd

import (
	"strings"

	"github.com/redline-dev/redline/render"
	"github.com/spf13/cobra"
)

// helpTopic is a page of `redline help TOPIC` that is not a command.
type helpTopic struct {
	name, short string
	long        func() string
}

// helpTopics are the pages beside the commands' own help, as gh has
// `gh help environment`. `redline help templates` is the templates
// command's own help.
var helpTopics = []helpTopic{
	{"environment", "Environment variables that redline reads", func() string { return environmentHelp }},
	{"refs", "How to name a version: FILE, FILE@N, FILE@label, FILE@latest, -", func() string { return refsHelp }},
	{"exit-codes", "What redline's exit status means", func() string { return exitCodesHelp }},
	{"formats", "The output formats of diff and render", formatsHelp},
}

// newTopicCommand makes a help topic into a command without a run
// function, which cobra lists under "Additional help topics".
func newTopicCommand(t helpTopic) *cobra.Command {
	return &cobra.Command{Use: t.name, Short: t.short, Long: t.long()}
}

const environmentHelp = `redline reads these environment variables. Flags win over the environment, and
the environment over the configuration files.

  REDLINE_AUTHOR, REDLINE_OFFICE
      who commits, when --author and --office are not given; else author and
      office from .redline/config.yaml, then from the per-user
      $XDG_CONFIG_HOME/redline/config.yaml (~/.config/redline/config.yaml)

  REDLINE_STORE
      the PostgreSQL store (postgres://USER@HOST/DB) 'redline init' writes to
      config.yaml when --store is not given; PGPASSWORD, PGUSER and the other
      PG* variables and ~/.pgpass give its credentials

  REDLINE_PAGER, PAGER
      the pager for long output on a terminal (REDLINE_PAGER first, as git
      has GIT_PAGER); "" or cat for none; the default is less -R. less gets
      LESS=FRX and lv gets LV=-c unless they are set. --no-pager (-P) skips
      the pager for one command.

  NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM
      colour with --color=auto (the default): NO_COLOR (any value) or
      CLICOLOR=0 turns it off, TERM=dumb too; CLICOLOR_FORCE (not 0) turns it
      on off a terminal. --color=always and --color=never win over all.

  COLUMNS
      the width of the output when standard output is not a terminal that
      says its own width

  REDLINE_NOW
      a fixed current time (RFC 3339), for repeatable tests and examples

  SOURCE_DATE_EPOCH
      the creation date written into PDFs (seconds since 1970)

  BROWSER
      the program 'redline review' opens the review page with

  REDLINE_REQUIRE_BROWSER, REDLINE_REQUIRE_PDFTOOLS, REDLINE_REQUIRE_PANDOC,
  REDLINE_REQUIRE_POSTGRES
      for the test suite: tests that need chromium, pdftotext, pandoc or
      PostgreSQL fail instead of skipping when the tool is missing`

const refsHelp = `Commands that read a version of a draft (diff, changes, render, log, accept,
reject, send, show, restore) take a reference:

  FILE            the working copy: the file as it is on disk
  FILE@N          stored revision N (1 is the first commit)
  FILE@LABEL      the revision a label names (redline label FILE@N LABEL)
  FILE@latest     the newest stored revision
  FILE@as-sent    the revision that was sent, once 'redline send' has run
  -               standard input (one side of a diff at most)

Stored revisions need a workspace ('redline init'). FILE is a path relative
to the current folder; shells complete FILE@ with the draft's revisions and
labels once completion is installed ('redline completion --help').

  redline diff draft.md@fco-draft draft.md
  redline diff draft.md                     # draft.md@latest against draft.md
  redline render telegram.md@as-sent`

const exitCodesHelp = `redline exits with:

  0   success (for diff: also when the versions differ, unless --exit-code
      or --quiet is given)
  1   differences found, with diff --exit-code or --quiet (as git diff
      --exit-code), and the like for commands that check
  2   a usage error (an unknown flag or value, a wrong number of
      arguments) or an input error (a file that is missing or does not
      parse, a refusal to overwrite); nothing was changed on disk

An error is printed on standard error as "redline: WHAT WAS WRONG", followed by
"redline: hint: ..." lines where there is something to type to fix it.`

func formatsHelp() string {
	var b strings.Builder
	b.WriteString("redline diff --format takes:\n\n")
	for _, f := range render.Formats() {
		kind := "text"
		if f.Binary {
			kind = "binary: needs -o FILE or a pipe"
		}
		name := f.Name
		if len(f.Aliases) > 0 {
			name += " (" + strings.Join(f.Aliases, ", ") + ")"
		}
		b.WriteString("  " + name + strings.Repeat(" ", max(1, 24-len(name))) + kind + "\n")
	}
	b.WriteString(`
Without --format, diff writes ansi on a terminal and plain elsewhere. stat
(or --stat) is the summary alone; json is the comparison itself, the value
every other view renders.

redline render --format takes cable (the teleprinter text, the default),
json (the laid-out pages), pdf (the printed cable; binary), html and ansi (the
draft with its tracked changes), and docx (the draft as a Word document, its
marks tracked changes and its comments Word comments; binary).

Listings (status, log, serial list, templates, version, ...) take --json, or
--json=FIELDS for some fields, --jq EXPRESSION to filter, and
--json-template TEMPLATE for a Go template over the JSON.`)
	return b.String()
}
