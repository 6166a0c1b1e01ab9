package cmd

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

func init() { register(func(f *Factory) *cobra.Command { return NewCmdLog(f, nil) }) }

// LogOptions holds what `redline log` needs: its streams, the workspace,
// the colour mode, how to write a path as the user would type it, and the
// parsed arguments and flags.
type LogOptions struct {
	IO        *IOStreams
	Workspace func() (*draft.Workspace, error)
	ColorMode func() (ColorMode, error)
	RelToCwd  func(string) string

	File string // empty: every draft
	JSON *jsonExporter
}

// NewCmdLog builds `redline log`. runF, when not nil, receives the parsed
// options instead of logRun.
func NewCmdLog(f *Factory, runF func(*LogOptions) error) *cobra.Command {
	opts := &LogOptions{IO: f.IO, Workspace: f.Workspace, ColorMode: f.ColorMode, RelToCwd: f.relToCwd}
	c := &cobra.Command{
		Use:   "log [FILE]",
		Short: "List a draft's revisions",
		Long: `List a draft's revisions, oldest first: number, time (UTC), author, office,
words added and removed against the previous revision, labels and message.
A sent revision shows its serial and date-time group. Without FILE, list the
revisions of every draft in the workspace in the order they were made.`,
		Example: `  redline log fco-draft.md
  redline log fco-draft.md --json | jq '.[] | {number, author, labels}'
  redline log`,
		Args: rangeArgs(0, 1, "one draft file, or none for every draft"),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return logRun(opts)
		},
	}
	opts.JSON = addJSONFlags(c, []logEntry{})
	return c
}

// logEntry is a revision as `log --json` and `show --json` print it.
type logEntry struct {
	Draft        string       `json:"draft"`
	Number       int          `json:"number"`
	Parent       int          `json:"parent"`
	Time         string       `json:"time"`
	Author       string       `json:"author"`
	Office       string       `json:"office"`
	Message      string       `json:"message"`
	Labels       []string     `json:"labels"`
	SHA256       string       `json:"sha256"`
	WordsAdded   *int         `json:"words_added,omitempty"`
	WordsRemoved *int         `json:"words_removed,omitempty"`
	Sent         *draft.Sent  `json:"sent,omitempty"`
	ReopenedFrom string       `json:"reopened_from,omitempty"`
	Size         int          `json:"size"`
	Stats        *wordChanges `json:"-"`
}

type wordChanges struct{ Added, Removed int }

func newLogEntry(r draft.Revision, wc *wordChanges) logEntry {
	labels := r.Labels
	if labels == nil {
		labels = []string{}
	}
	e := logEntry{
		Draft: r.Draft, Number: r.Number, Parent: r.Parent, Time: r.Time.UTC().Format(time.RFC3339),
		Author: r.Author, Office: r.Office, Message: r.Message, Labels: labels, SHA256: r.SHA256,
		Sent: r.Sent, ReopenedFrom: r.ReopenedFrom, Size: len(r.Content), Stats: wc,
	}
	if wc != nil {
		a, d := wc.Added, wc.Removed
		e.WordsAdded, e.WordsRemoved = &a, &d
	}
	return e
}

func logRun(opts *LogOptions) error {
	ws, err := opts.Workspace()
	if err != nil {
		return err
	}
	drafts, err := logDraftNames(ws, opts.File)
	if err != nil {
		return err
	}
	entries, revs, err := logEntries(ws, drafts, opts.File)
	if err != nil {
		return err
	}
	all := opts.File == ""
	if all {
		entries, revs = inTimeOrder(entries, revs)
	}
	if opts.JSON.Enabled() {
		return opts.JSON.Write(opts.IO.Out, entries)
	}
	mode, err := opts.ColorMode()
	if err != nil {
		return err
	}
	var paths []string
	if all {
		for _, r := range revs {
			paths = append(paths, opts.RelToCwd(ws.WorkingPath(r.Draft)))
		}
	}
	rows := logTable(entries, revs, paths)
	out, wait := startPager(opts.IO, false)
	defer wait()
	return writeTableWidth(out, rows, opts.IO.ColorEnabled(mode, false), opts.IO.TableWidth())
}

// logDraftNames names the drafts to list: file's, or every draft's when
// file is empty.
func logDraftNames(ws *draft.Workspace, file string) ([]string, error) {
	if file == "" {
		drafts, err := ws.Drafts()
		if err != nil {
			return nil, err
		}
		if len(drafts) == 0 {
			return nil, fmt.Errorf("no draft has revisions yet: commit one with `redline commit FILE -m MESSAGE`")
		}
		return drafts, nil
	}
	if strings.Contains(file, "@") {
		if _, serr := os.Stat(file); serr != nil {
			return nil, usageErrorf("log takes a draft file, not a revision: redline log %s", file[:strings.LastIndex(file, "@")])
		}
	}
	name, err := ws.DraftName(file)
	if err != nil {
		return nil, err
	}
	return []string{name}, nil
}

// logEntries reads the drafts' revisions, each with the words added and
// removed against its parent. file is what the user named, for errors.
func logEntries(ws *draft.Workspace, drafts []string, file string) ([]logEntry, []draft.Revision, error) {
	var entries []logEntry
	var revs []draft.Revision
	for _, name := range drafts {
		dr, err := ws.LogDraft(name)
		if err != nil {
			return nil, nil, err
		}
		if len(dr) == 0 {
			if _, serr := os.Stat(file); serr != nil {
				return nil, nil, fmt.Errorf("%s: no such file and no stored revisions", file)
			}
			return nil, nil, fmt.Errorf("%s has no revisions yet: commit it with `redline commit %s -m MESSAGE`", file, file)
		}
		var parent []byte
		for _, r := range dr {
			wc := countWordChanges(parent, r.Content)
			entries = append(entries, newLogEntry(r, &wc))
			revs = append(revs, r)
			parent = r.Content
		}
	}
	return entries, revs, nil
}

// inTimeOrder sorts entries and their revisions together by the time each
// revision was made, keeping a draft's own order among equal times.
func inTimeOrder(entries []logEntry, revs []draft.Revision) ([]logEntry, []draft.Revision) {
	idx := make([]int, len(revs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return revs[idx[a]].Time.Before(revs[idx[b]].Time) })
	e2, r2 := make([]logEntry, len(idx)), make([]draft.Revision, len(idx))
	for i, k := range idx {
		e2[i], r2[i] = entries[k], revs[k]
	}
	return e2, r2
}

// logTable lays the entries out as table rows under a header; paths, when
// given (one per entry), fill a DRAFT column first.
func logTable(entries []logEntry, revs []draft.Revision, paths []string) [][]cell {
	header := []cell{{"REV", sgrBold}, {"TIME", sgrBold}, {"AUTHOR", sgrBold}, {"OFFICE", sgrBold}, {"WORDS", sgrBold}, {"LABELS", sgrBold}, {"MESSAGE", sgrBold}}
	if paths != nil {
		header = append([]cell{{"DRAFT", sgrBold}}, header...)
	}
	rows := [][]cell{header}
	for i, e := range entries {
		r := revs[i]
		labels := strings.Join(e.Labels, ",")
		if labels == "" {
			labels = "-"
		}
		msg := firstLine(e.Message)
		if r.Sent != nil {
			msg = fmt.Sprintf("[sent %s %s] %s", r.Sent.Serial, r.Sent.DTG, msg)
		}
		var row []cell
		if paths != nil {
			row = append(row, cell{paths[i], ""})
		}
		rows = append(rows, append(row,
			cell{strconv.Itoa(e.Number), sgrBold},
			cell{r.Time.UTC().Format("2006-01-02 15:04Z"), ""},
			cell{e.Author, ""},
			cell{e.Office, ""},
			cell{fmt.Sprintf("+%d -%d", *e.WordsAdded, *e.WordsRemoved), ""},
			cell{labels, sgrYellow},
			cell{msg, ""},
		))
	}
	return rows
}

// oneLine keeps a table cell on one line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// countWordChanges counts words added and removed between two revisions
// with the comparison engine (the text's words; front-matter fields are
// not words). If the engine fails, a plain count of words is used.
func countWordChanges(old, new []byte) wordChanges {
	c, err := diff.Compare(diff.Input{Name: "old", Data: old, Kind: "markdown"}, diff.Input{Name: "new", Data: new, Kind: "markdown"}, diff.Options{})
	if err == nil {
		return wordChanges{Added: c.Stats.InsertedWords, Removed: c.Stats.DeletedWords}
	}
	return countWordsPlain(old, new)
}

// countWordsPlain counts words added and removed as a multiset difference.
func countWordsPlain(old, new []byte) wordChanges {
	counts := map[string]int{}
	for _, w := range strings.Fields(string(old)) {
		counts[w]++
	}
	var wc wordChanges
	for _, w := range strings.Fields(string(new)) {
		if counts[w] > 0 {
			counts[w]--
		} else {
			wc.Added++
		}
	}
	for _, n := range counts {
		wc.Removed += n
	}
	return wc
}
