package draft

import (
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/redline-dev/redline/cable"
)

var serialDigitsRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[0-9]+`) })

// SerialKey is the one rule for what makes a serial unique, used by send,
// serial verify, fsck and the import of a file store: a serial is its
// series, the year it counts in, its number and its suffix letter, and the
// register's unique constraint is on those four.
//
// For a series that never restarts the year is 0. For a yearly series it
// is the one written in the serial (T 192/88 counts in 1988, even when
// T 192A/88 goes out in January 1989), or, when its serials carry no year
// (TELNO {n}), the calendar year of the date-time group, since TELNO 1 is
// issued again each year. A serial written before its series' format
// changed is read by its first run of digits.
func SerialKey(cfg Config, seriesName, serial string, dtgYear int) (yearKey, number int, suffix string, err error) {
	series, known := cfg.SeriesByName(seriesName)
	if known {
		if sn, perr := cable.ParseSerial(series.Format, serial); perr == nil {
			switch {
			case !series.Yearly:
			case sn.YearDigits == 4:
				yearKey = sn.Year
			case sn.YearDigits == 2:
				yearKey = nearestYear(sn.Year, dtgYear)
			case series.Yearly:
				yearKey = dtgYear
			}
			return yearKey, sn.N, sn.Suffix, nil
		}
	}
	d := serialDigitsRE().FindString(serial)
	n, aerr := strconv.Atoi(d)
	if aerr != nil || n < 1 {
		return 0, 0, "", fmt.Errorf("serial %q has no number", serial)
	}
	if known && series.Yearly {
		yearKey = dtgYear
	}
	return yearKey, n, "", nil
}

// nearestYear turns a two-digit year into the four-digit year nearest ref
// (ref 0: 1900 + yy, as ACP 127 reads archive cables).
func nearestYear(yy, ref int) int {
	if ref == 0 {
		return 1900 + yy
	}
	return cable.NearestYear(yy, ref)
}
