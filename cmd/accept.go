package cmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
)

func init() {
	register(func(f *Factory) *cobra.Command { return NewCmdAccept(f, nil) })
	register(func(f *Factory) *cobra.Command { return NewCmdReject(f, nil) })
}

// ResolveOptions holds what `redline accept` and `redline reject` need.
type ResolveOptions struct {
	IO      *IOStreams
	Resolve func(ref string) (*draft.Version, error)
	// Sealed refuses to write a draft that has been sent.
	Sealed func(path string) error
	// WhileUnsealed runs a rewrite of the working copy at path inside the
	// store transaction that checks the draft is not sealed.
	WhileUnsealed func(path string, write func() error) error

	Accept bool
	Ref    string
	Args   []string
	All    bool
	Author string
	Office string
	Output string
	DryRun bool
	JSON   bool
	Force  bool
}

// NewCmdAccept builds `redline accept`. runF, when not nil, runs instead
// of resolveRun.
func NewCmdAccept(f *Factory, runF func(*ResolveOptions) error) *cobra.Command {
	return newResolveCmd(f, true, runF)
}

// NewCmdReject builds `redline reject`. runF, when not nil, runs instead
// of resolveRun.
func NewCmdReject(f *Factory, runF func(*ResolveOptions) error) *cobra.Command {
	return newResolveCmd(f, false, runF)
}

func newResolveCmd(f *Factory, accept bool, runF func(*ResolveOptions) error) *cobra.Command {
	opts := &ResolveOptions{IO: f.IO, Resolve: f.Resolve, Accept: accept,
		Sealed:        func(path string) error { return refuseSealed(f, path) },
		WhileUnsealed: func(path string, write func() error) error { return whileUnsealed(f, path, write) }}
	verb, what, example := "accept", "Accepting keeps an insertion's or a substitution's new text and drops\na deletion's text", "telegram.md"
	if !accept {
		verb, what, example = "reject", "Rejecting drops an insertion and keeps a deletion's or a substitution's\nold text", "fco-draft.md"
	}
	title := strings.ToUpper(verb[:1]) + verb[1:]
	c := &cobra.Command{
		Use:   verb + " FILE [N|N-M ...] [--all|--by-author NAME|--by-office NAME]",
		Short: title + " tracked changes in a draft and rewrite it",
		Long: fmt.Sprintf(`%s the tracked changes numbered N (as 'redline changes' lists them; ranges
such as 3-7 and lists such as 3,5 too), every change with --all, or every
change whose comment names an author with --by-author NAME, and rewrite the
draft. %s; either way a highlight keeps its text and a comment goes, together
with any comment attached to a change.

Text a change resolves to is kept exactly as written, white space and all.
Where a change resolves to nothing, no doubled space or empty paragraph is
left behind: where two runs of white space now meet one stays (a line
break over spaces, so a hard line break stays), and a space left before
punctuation or after an opening bracket goes. The critic view of 'redline
diff' keeps such white space inside its marks, so accepting or rejecting
all of it gives the new or the old text byte for byte. The other
changes stay as they are, so their numbers change: run 'redline changes'
again before the next round. The file is replaced atomically; a draft with
a mark that is not closed or badly nested is refused and left unchanged.
A draft that has been sent (sealed) is not rewritten: write the result
elsewhere with -o.`, title, what),
		Example: fmt.Sprintf(`  redline %[1]s draft.md 2 5-7
  redline %[1]s draft.md --all
  redline diff draft.md@fco-draft draft.md@no10 --by office --format critic -o review.md
  redline %[1]s review.md --by-office "No. 10"
  redline %[1]s draft.md 1 --dry-run | less
  redline %[1]s examples/moscow-1988/no10-amended.md --all -o %[2]s`, verb, example),
		Args: minArgs(1, "a draft FILE, then change numbers or --all"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Ref, opts.Args = args[0], args[1:]
			if err := checkResolveFlags(opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return resolveRun(opts)
		},
	}
	c.Flags().BoolVarP(&opts.All, "all", "a", false, verb+" every change")
	// --by-author and --by-office are filters: --author and --office mean
	// who acts everywhere else (commit, send, review). The old spellings
	// stay as hidden deprecated aliases.
	c.Flags().StringVar(&opts.Author, "by-author", "", verb+" every change whose comment names `NAME` as its author ({>>@NAME: ...<<})")
	c.Flags().StringVar(&opts.Office, "by-office", "", verb+" every change made by the office `NAME`, as 'redline diff --by' names it ({>>@NAME<<}, {>>@revision 2 (NAME)<<})")
	deprecatedAlias(c, "author", "by-author")
	deprecatedAlias(c, "office", "by-office")
	c.Flags().StringVarP(&opts.Output, "output", "o", "", "write the result to `OUT` (- for standard output) and leave FILE as it is")
	c.Flags().BoolVarP(&opts.DryRun, "dry-run", "n", false, "print the result on standard output and change nothing")
	c.Flags().BoolVar(&opts.JSON, "json", false, "report what was done as JSON")
	c.Flags().BoolVarP(&opts.Force, "force", "f", false, "let -o replace an existing file")
	return c
}

type resolveReport struct {
	File      string `json:"file"`
	Output    string `json:"output"`
	Action    string `json:"action"`
	Changes   []int  `json:"changes"`
	Remaining int    `json:"remaining"`
	// Renumbered says that changes left have new numbers.
	Renumbered bool `json:"renumbered"`
	Written    bool `json:"written"`
	// MarksInCode counts mark-like text left inside code, which is text,
	// not a change (FirstMarkInCode is where the first one is, LINE:COL).
	MarksInCode     int    `json:"marks_in_code,omitempty"`
	FirstMarkInCode string `json:"first_mark_in_code,omitempty"`
}

// checkResolveFlags refuses flags that do not go together, before any
// file is read.
func checkResolveFlags(opts *ResolveOptions) error {
	selectors := 0
	for _, set := range []bool{opts.All, len(opts.Args) > 0, opts.Author != "", opts.Office != ""} {
		if set {
			selectors++
		}
	}
	if selectors > 1 {
		return usageErrorf("give change numbers, --all, --by-author or --by-office, only one of them")
	}
	if selectors == 0 {
		return usageErrorf("which changes? give their numbers (see 'redline changes %s'), --all, --by-author NAME or --by-office NAME", opts.Ref)
	}
	if opts.DryRun && opts.Output != "" {
		return usageErrorf("--dry-run prints the result and -o writes it: give one of them")
	}
	_, err := parseChangeRanges(opts.Args)
	return err
}

// errNothingToResolve stops a rewrite in place of a draft with no changes.
var errNothingToResolve = errors.New("no tracked changes")

// selection returns the Select function of the decision the options ask
// for; inPlace refuses a draft with no changes (there is nothing to write).
func (opts *ResolveOptions) selection(inPlace bool) func(d *critic.Doc) ([]int, error) {
	return func(d *critic.Doc) ([]int, error) {
		ranges, err := parseChangeRanges(opts.Args)
		if err != nil {
			return nil, err
		}
		total := len(d.Changes())
		nums, err := expandChangeRanges(ranges, total)
		if err != nil {
			return nil, fmt.Errorf("%s has %s: %v: run 'redline changes %s' to see them", d.Name, changeCount(total), err, opts.Ref)
		}
		if opts.All {
			for i := 1; i <= total; i++ {
				nums = append(nums, i)
			}
		}
		if opts.Author != "" || opts.Office != "" {
			byWho, err := changesByWho(d.Changes(), opts, d.Name)
			if err != nil {
				return nil, err
			}
			nums = append(nums, byWho...)
		}
		if total == 0 && len(nums) == 0 && inPlace {
			return nil, errNothingToResolve
		}
		return nums, nil
	}
}

func resolveRun(opts *ResolveOptions) error {
	verb, done := "accept", "accepted"
	if !opts.Accept {
		verb, done = "reject", "rejected"
	}
	v, err := opts.Resolve(opts.Ref)
	if err != nil {
		return err
	}
	inPlace := opts.Output == "" && !opts.DryRun
	if inPlace && (v.Revision != nil || v.Path == "") {
		return usageErrorf("%s is not a working copy and cannot be rewritten: write the result with -o OUT or see it with --dry-run", v.Name)
	}
	dec := critic.Decision{Accept: opts.Accept, Select: opts.selection(inPlace)}
	var o critic.Outcome
	if inPlace {
		// Under the working copy's lock, as the review page decides: no
		// decision made at the same time is lost.
		err = opts.WhileUnsealed(v.Path, func() error {
			var err error
			o, err = critic.ResolveFile(v.Path, v.Name, dec)
			return err
		})
		if errors.Is(err, errNothingToResolve) {
			fmt.Fprintf(opts.IO.Out, "no tracked changes in %s: nothing to %s\n", v.Name, verb)
			return nil
		}
		if err != nil {
			return err
		}
	} else {
		if o, err = critic.ResolveData(v.Name, v.Data, dec); err != nil {
			return err
		}
		if err := opts.checkOutput(v); err != nil {
			return err
		}
	}
	target := v.Path
	if opts.Output != "" {
		target = opts.Output
	}
	rep := newResolveReport(v.Name, target, verb, o)
	status := opts.IO.Out
	switch {
	case inPlace:
		rep.Written = true
	case opts.DryRun || opts.Output == "-":
		if _, err := opts.IO.DocOut().Write(o.Result); err != nil {
			return err
		}
		status = opts.IO.ErrOut
		rep.Output = "-"
	default:
		if err := draft.WriteFileAtomic(target, o.Result, 0o644); err != nil {
			return err
		}
		rep.Written = true
	}
	if opts.JSON {
		enc := json.NewEncoder(status)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	writeResolveReport(status, rep, done, opts.DryRun)
	return nil
}

// checkOutput refuses -o onto a sent draft, and onto an existing file
// (perhaps a draft with uncommitted work) unless --force, as the
// importers do.
func (opts *ResolveOptions) checkOutput(v *draft.Version) error {
	if opts.Output == "-" || opts.DryRun {
		return nil
	}
	if v.Path != "" && sameFile(opts.Output, v.Path) {
		return opts.Sealed(v.Path)
	}
	if _, err := os.Stat(opts.Output); err == nil {
		if err := opts.Sealed(opts.Output); err != nil {
			return err
		}
		if !opts.Force {
			return fmt.Errorf("%s exists: give --force to replace it, or another -o", opts.Output)
		}
	}
	return nil
}

func newResolveReport(name, target, verb string, o critic.Outcome) resolveReport {
	rep := resolveReport{File: name, Output: target, Action: verb, Changes: o.Numbers, Remaining: o.Total - len(o.Numbers)}
	if rd, err := critic.Parse(name, o.Result); err == nil {
		if mc := rd.MarksInCode(); len(mc) > 0 {
			rep.MarksInCode = len(mc)
			rep.FirstMarkInCode = fmt.Sprintf("line %d, column %d", mc[0].Line, mc[0].Column)
		}
	}
	// The changes left are renumbered when one numbered after the first
	// resolved is left (a set, not a search of the list for each number:
	// 100,000 changes on one line took seconds).
	resolved := make([]bool, o.Total+1)
	for _, n := range o.Numbers {
		if n >= 0 && n <= o.Total {
			resolved[n] = true
		}
	}
	for n := o.Total; len(o.Numbers) > 0 && n > o.Numbers[0]; n-- {
		if !resolved[n] {
			rep.Renumbered = true
			break
		}
	}
	if rep.Changes == nil {
		rep.Changes = []int{}
	}
	return rep
}

func writeResolveReport(w io.Writer, rep resolveReport, done string, dryRun bool) {
	what := "no changes"
	switch len(rep.Changes) {
	case 0:
	case 1:
		what = "change " + formatNumbers(rep.Changes)
	default:
		what = fmt.Sprintf("%d changes (%s)", len(rep.Changes), formatNumbers(rep.Changes))
	}
	where := "in " + rep.File
	if rep.Written && rep.Output != rep.File {
		where = fmt.Sprintf("of %s into %s", rep.File, rep.Output)
	}
	remain := "no changes remain"
	if rep.Remaining > 0 {
		remain = changeCount(rep.Remaining) + " remain"
		if rep.Remaining == 1 {
			remain = "1 change remains"
		}
		if rep.Renumbered && rep.Written {
			remain += fmt.Sprintf(", renumbered (see 'redline changes %s')", rep.Output)
		} else if rep.Renumbered {
			remain += ", renumbered"
		}
	}
	would := ""
	if dryRun {
		would = " (dry run: nothing written)"
	}
	if rep.MarksInCode > 0 {
		// Not changes (marks in code are text), but a reader who expects
		// none should know they are there.
		remain += fmt.Sprintf("; %d mark-like text(s) inside code left as text, the first at %s of the result", rep.MarksInCode, rep.FirstMarkInCode)
	}
	fmt.Fprintf(w, "%s %s %s; %s%s\n", done, what, where, remain, would)
}

// sameFile reports whether two paths name one existing file.
func sameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// refuseSealed refuses to rewrite a draft that has been sent, when it is in
// a workspace.
func refuseSealed(f *Factory, path string) error {
	ws, err := f.OptionalWorkspace()
	if err != nil || ws == nil {
		return err
	}
	if _, err := ws.DraftName(path); err != nil {
		return nil // outside the workspace: not a tracked draft
	}
	rev, sealed, err := ws.Sealed(path)
	if err != nil {
		return err
	}
	if sealed {
		return fmt.Errorf("%s was sent as revision %d and is sealed: write the result elsewhere with -o OUT", path, rev.Number)
	}
	return nil
}

// whileUnsealed runs write, a rewrite of the working copy at path, inside
// the store transaction that checks the draft is not sealed, so that a send
// cannot seal it in between; outside a workspace, or for a file that is no
// draft of it, write just runs.
func whileUnsealed(f *Factory, path string, write func() error) error {
	ws, err := f.OptionalWorkspace()
	if err != nil {
		return err
	}
	if ws == nil {
		return write()
	}
	if _, err := ws.DraftName(path); err != nil {
		return write() // outside the workspace: not a tracked draft
	}
	err = ws.WriteUnsealed(path, func(*draft.Revision) error { return write() })
	var se *draft.SealedError
	if errors.As(err, &se) {
		return fmt.Errorf("%s was sent as revision %d and is sealed: write the result elsewhere with -o OUT", path, se.Rev.Number)
	}
	return err
}

// byOffice reports whether a change's author, as 'redline diff --by' writes
// it, names the office: the office itself ("No. 10"), a revision of it
// ("revision 2 (No. 10)"), or a list of them (", " between).
func byOffice(author, office string) bool {
	office = strings.TrimSpace(office)
	for _, part := range strings.Split(author, ", ") {
		part = strings.TrimSpace(part)
		if strings.EqualFold(part, office) {
			return true
		}
		if i := strings.LastIndex(part, " ("); i >= 0 && strings.HasSuffix(part, ")") && strings.EqualFold(part[i+2:len(part)-1], office) {
			return true
		}
	}
	return false
}

// changesByWho numbers the changes whose author is --by-author NAME, or
// that the office --by-office NAME made.
func changesByWho(changes []critic.Change, opts *ResolveOptions, name string) ([]int, error) {
	who, match := opts.Author, func(a string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(opts.Author)) }
	if opts.Office != "" {
		who, match = opts.Office, func(a string) bool { return byOffice(a, opts.Office) }
	}
	var nums []int
	authors := map[string]bool{}
	var names []string
	for _, c := range changes {
		if match(c.Author) {
			nums = append(nums, c.Number)
		}
		if c.Author != "" && !authors[c.Author] {
			authors[c.Author] = true
			names = append(names, fmt.Sprintf("%q", c.Author))
		}
	}
	if len(nums) == 0 {
		if len(names) == 0 {
			return nil, fmt.Errorf("no change in %s names an author: authors are named in a comment after the change, {>>@NAME: ...<<}", name)
		}
		return nil, fmt.Errorf("no change in %s is by %q: the authors are %s", name, who, strings.Join(names, ", "))
	}
	return nums, nil
}
