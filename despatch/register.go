package despatch

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/store"
)

// Listed is one register entry with the as-sent revision it records.
type Listed struct {
	Entry store.Entry
	// Sent is the as-sent record, nil when the revision cannot be read
	// (Problem says why).
	Sent    *store.Sent
	Problem string
}

// List reads the register, ordered by series, year, number and suffix.
// series "" means every series. An entry whose revision cannot be read is
// listed with its Problem, so one damaged draft hides no other.
func List(ws *draft.Workspace, series string) ([]Listed, error) {
	s, err := ws.Store()
	if err != nil {
		return nil, err
	}
	var out []Listed
	err = s.View(context.Background(), func(tx store.Tx) error {
		entries, err := tx.Register(series)
		if err != nil {
			return err
		}
		for _, e := range entries {
			l := Listed{Entry: e}
			r, err := tx.Revision(e.Draft, e.Rev)
			switch {
			case err != nil:
				l.Problem = fmt.Sprintf("%s@%d cannot be read: %v", e.Draft, e.Rev, err)
			case r.Sent == nil:
				l.Problem = fmt.Sprintf("%s@%d is not an as-sent revision", e.Draft, e.Rev)
			default:
				l.Sent = r.Sent
			}
			out = append(out, l)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Entry, out[j].Entry
		if !strings.EqualFold(a.Series, b.Series) {
			return strings.ToUpper(a.Series) < strings.ToUpper(b.Series)
		}
		if a.YearKey != b.YearKey {
			return a.YearKey < b.YearKey
		}
		if a.Number != b.Number {
			return a.Number < b.Number
		}
		return a.Suffix < b.Suffix
	})
	return out, err
}

// Report is what Verify found.
type Report struct {
	Checked  int      `json:"checked"`
	Problems []string `json:"problems"`
	Notes    []string `json:"notes"`
}

// Verify re-reads every register entry's as-sent revision and checks the
// cable against its SHA-256, that the entry and the revision agree, that
// every as-sent revision is in the register, that no serial is entered
// twice by SerialKey, and notes the gaps in each series and year.
func Verify(ws *draft.Workspace) (*Report, error) {
	rep := &Report{Problems: []string{}, Notes: []string{}}
	listed, err := List(ws, "")
	if err != nil {
		return nil, err
	}
	inRegister := map[string]bool{}
	type key struct {
		series  string
		year, n int
		suffix  string
	}
	seen := map[key]store.Entry{}
	for _, l := range listed {
		e := l.Entry
		inRegister[fmt.Sprintf("%s@%d", e.Draft, e.Rev)] = true
		rep.Checked++
		if l.Problem != "" {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: %s", e.Serial, l.Problem))
			continue
		}
		if got := store.HexSHA256(l.Sent.Cable); got != l.Sent.CableSHA256 {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s@%d (%s): the cable's SHA-256 is %s, the register says %s", e.Draft, e.Rev, e.Serial, got, l.Sent.CableSHA256))
		}
		if l.Sent.Serial != e.Serial || l.Sent.DTG != e.DTG {
			rep.Problems = append(rep.Problems, fmt.Sprintf("register #%d says %s at %s, but %s@%d says %s at %s", e.Seq, e.Serial, e.DTG, e.Draft, e.Rev, l.Sent.Serial, l.Sent.DTG))
		}
		yk, n, suffix, err := draft.SerialKey(ws.Config, e.Series, e.Serial, e.Year)
		if err != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("register #%d: %v", e.Seq, err))
			continue
		}
		k := key{strings.ToUpper(e.Series), yk, n, suffix}
		if prev, ok := seen[k]; ok {
			rep.Problems = append(rep.Problems, fmt.Sprintf("serial %s was issued twice: %s@%d at %s and %s@%d at %s", e.Serial, prev.Draft, prev.Rev, prev.DTG, e.Draft, e.Rev, e.DTG))
		}
		seen[k] = e
	}
	sent, err := ws.SentRevisions()
	if err != nil {
		rep.Problems = append(rep.Problems, fmt.Sprintf("the as-sent revisions cannot all be read: %v", err))
	}
	for _, r := range sent {
		if !inRegister[fmt.Sprintf("%s@%d", r.Draft, r.Number)] {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s@%d was sent as %s but is not in the register: run `redline fsck`", r.Draft, r.Number, r.Sent.Serial))
		}
	}
	rep.Notes = append(rep.Notes, Gaps(listed)...)
	return rep, nil
}

// Gaps notes the numbers missing between the lowest and the highest of
// each series and year in the register (a register may start part-way
// through a year; numbers issued outside redline make gaps).
func Gaps(listed []Listed) []string {
	type key struct {
		series string
		year   int
	}
	nums := map[key]map[int]bool{}
	var keys []key
	for _, l := range listed {
		k := key{strings.ToUpper(l.Entry.Series), l.Entry.YearKey}
		if nums[k] == nil {
			nums[k] = map[int]bool{}
			keys = append(keys, k)
		}
		nums[k][l.Entry.Number] = true
	}
	var notes []string
	for _, k := range keys {
		lowest, highest := 0, 0
		for n := range nums[k] {
			if lowest == 0 || n < lowest {
				lowest = n
			}
			highest = max(highest, n)
		}
		var missing []string
		for n := lowest + 1; n < highest; n++ {
			if !nums[k][n] {
				missing = append(missing, fmt.Sprint(n))
			}
		}
		if len(missing) == 0 {
			continue
		}
		where := k.series
		if k.year != 0 {
			where += fmt.Sprintf(" in %d", k.year)
		}
		if len(missing) > 10 {
			missing = append(missing[:10], fmt.Sprintf("and %d more", len(missing)-10))
		}
		notes = append(notes, fmt.Sprintf("series %s: numbers not in the register: %s", where, strings.Join(missing, ", ")))
	}
	return notes
}
