package cmd

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// changeRange is a run of change numbers given on the command line, lo to
// hi inclusive.
type changeRange struct{ lo, hi int }

// parseChangeRanges reads arguments such as 3, 3-7 and 3,5,9. Ranges stay
// ranges until the number of changes is known, so that 1-100000000 costs
// nothing.
func parseChangeRanges(args []string) ([]changeRange, error) {
	var out []changeRange
	for _, arg := range args {
		for _, part := range strings.Split(arg, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			lo, hi, isRange := strings.Cut(part, "-")
			a, err1 := strconv.Atoi(lo)
			b := a
			var err2 error
			if isRange {
				b, err2 = strconv.Atoi(hi)
			}
			if err1 != nil || err2 != nil || a < 1 || b < a {
				return nil, usageErrorf("%q is not a change number or range: give numbers such as 3, 3-7 or 3,5 as 'redline changes' lists them", part)
			}
			out = append(out, changeRange{a, b})
		}
	}
	return out, nil
}

// expandChangeRanges lists the numbers the ranges name, sorted and without
// repeats, refusing any above total (the document's number of changes).
func expandChangeRanges(rs []changeRange, total int) ([]int, error) {
	for _, r := range rs {
		if r.hi > total {
			missing := strconv.Itoa(max(r.lo, total+1))
			if r.hi > max(r.lo, total+1) {
				missing += "-" + strconv.Itoa(r.hi)
			}
			return nil, fmt.Errorf("no change %s", missing)
		}
	}
	seen := make(map[int]bool)
	var out []int
	for _, r := range rs {
		for n := r.lo; n <= r.hi; n++ {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sort.Ints(out)
	return out, nil
}

// formatNumbers writes 1, 2, 3, 5 as "1-3, 5".
func formatNumbers(ns []int) string {
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, strconv.Itoa(ns[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", ns[i], ns[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
