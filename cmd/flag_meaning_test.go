package cmd

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagMeanings says what a flag name means wherever it appears: every
// visible flag of that name, on every command, must have a usage string
// that matches. A name on two or more commands that is not listed here
// must have the same usage string on each. Hidden flags are the old
// spellings kept as deprecated aliases, and are left out.
var flagMeanings = map[string]*regexp.Regexp{
	// who acts: the author and office a command records
	"author": regexp.MustCompile(`REDLINE_AUTHOR|config\.yaml`),
	"office": regexp.MustCompile(`REDLINE_OFFICE|config\.yaml`),
	// the new file a command makes
	"to":  regexp.MustCompile(`^the new draft's file`),
	"all": regexp.MustCompile(`every change`),
	// a filter on who made a change
	"by-author": regexp.MustCompile(`whose comment names`),
	"by-office": regexp.MustCompile(`made by the office`),
	// how to read an input
	"as": regexp.MustCompile(`^read .* as `),
	// what to write and where
	"output": regexp.MustCompile(`^write .* to`),
	"force":  regexp.MustCompile(`(replace|overwrite|move the label)`),
	"format": regexp.MustCompile(`^output format: `),
	"json":   regexp.MustCompile(`(?i)json|array`),
	"jq":     regexp.MustCompile(`jq`),
	"title":  regexp.MustCompile(`title`),
	"paper":  regexp.MustCompile(`^paper size .*a4 or letter`),
	// cable settings
	"template":    regexp.MustCompile(`template`),
	"dtg":         regexp.MustCompile(`date-time group`),
	"zone":        regexp.MustCompile(`zone letter`),
	"series":      regexp.MustCompile(`series`),
	"year":        regexp.MustCompile(`year of the message's date-time group|date-time group falls in this year`),
	"year-digits": regexp.MustCompile(`write the year with 2 or 4 digits`),
	"message":     regexp.MustCompile(`^(what this revision is|the message of the revision)`),
}

func TestEachFlagNameHasOneMeaning(t *testing.T) {
	f, _, _ := testFactory(t)
	root := NewRootCmd(f)
	type use struct{ cmd, usage string }
	byName := map[string][]use{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalNonPersistentFlags().VisitAll(func(fl *pflag.Flag) {
			if !fl.Hidden {
				byName[fl.Name] = append(byName[fl.Name], use{commandPath(c), fl.Usage})
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		uses := byName[name]
		if re, ok := flagMeanings[name]; ok {
			for _, u := range uses {
				if !re.MatchString(u.usage) {
					t.Errorf("--%s on %q says %q, which is not what --%s means (%s): rename the flag, or word its usage so",
						name, u.cmd, u.usage, name, re)
				}
			}
			continue
		}
		for _, u := range uses[1:] {
			if u.usage != uses[0].usage {
				var where []string
				for _, u := range uses {
					where = append(where, u.cmd+": "+u.usage)
				}
				t.Errorf("--%s has different usage strings (%s): give it one meaning, or add it to flagMeanings", name, strings.Join(where, "; "))
				break
			}
		}
	}
}
