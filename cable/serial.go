package cable

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// A serial series numbers the messages an office sends: T 192/88 for the
// Prime Minister's personal messages, TELNO 1119 for a post's telegrams,
// STATE 153441 for the Department of State. Its format holds the
// placeholders {n} (the number), {n:06} (the number padded with zeros to
// six digits), {yy} and {yyyy} (the year). A further message issued under
// an existing number carries a suffix letter after the number: T 192A/88,
// then T 192B/88.

// SerialNumber is a serial read back with its series' format.
type SerialNumber struct {
	N      int    // the number
	Suffix string // "" or the suffix letter A, B, ...
	// Year is the year written in the serial: two digits (88) when
	// YearDigits is 2, four when 4; YearDigits is 0 when the format has no
	// year.
	Year       int
	YearDigits int
}

// IssuedSerial is a serial already issued in a series, with the calendar
// year of the date-time group it went out under.
type IssuedSerial struct {
	Serial string
	Year   int
}

var (
	serialPlaceholderRE = lazyRE(`\{[^{}]*\}`)
	serialDigitsRE      = lazyRE(`\d+`)
)

type serialFormat struct {
	re        *regexp.Regexp
	pad       int  // zero padding of {n}
	yearDigit int  // 0, 2 or 4
	yearFirst bool // the year's group comes before the number's
	parts     []string
}

// CheckSerialFormat reports whether a series format is usable: exactly one
// {n} or {n:0W}, at most one year, no other placeholder.
func CheckSerialFormat(format string) error {
	_, err := compileSerialFormat(format)
	return err
}

func compileSerialFormat(format string) (*serialFormat, error) {
	f := &serialFormat{}
	var re strings.Builder
	re.WriteString(`(?i)^\s*`)
	numbers := 0
	last := 0
	literal := func(s string) {
		f.parts = append(f.parts, s)
		for i, w := range strings.Split(s, " ") {
			if i > 0 {
				re.WriteString(`\s*`)
			}
			re.WriteString(regexp.QuoteMeta(w))
		}
	}
	for _, loc := range serialPlaceholderRE.FindAllStringIndex(format, -1) {
		literal(format[last:loc[0]])
		ph := format[loc[0]:loc[1]]
		f.parts = append(f.parts, ph)
		last = loc[1]
		switch {
		case ph == "{n}":
			numbers++
			re.WriteString(`(\d+)([A-Z]?)`)
		case strings.HasPrefix(ph, "{n:0"):
			w, err := strconv.Atoi(ph[4 : len(ph)-1])
			if err != nil || w < 1 || w > 12 {
				return nil, fmt.Errorf("serial format %q: %s is not a padding: write {n:06} for six digits", format, ph)
			}
			numbers++
			f.pad = w
			re.WriteString(`(\d+)([A-Z]?)`)
		case ph == "{yy}" || ph == "{yyyy}":
			if f.yearDigit != 0 {
				return nil, fmt.Errorf("serial format %q has two years", format)
			}
			f.yearDigit = len(ph) - 2
			f.yearFirst = numbers == 0
			fmt.Fprintf(&re, `(\d{%d})`, f.yearDigit)
		default:
			return nil, fmt.Errorf("serial format %q: unknown placeholder %s: use {n}, {n:06}, {yy} or {yyyy}", format, ph)
		}
	}
	literal(format[last:])
	if numbers != 1 {
		return nil, fmt.Errorf("serial format %q must hold the number once, as {n} or {n:06}: write it like \"T {n}/{yy}\"", format)
	}
	// The number must be set off from what surrounds it, so that a serial
	// reads back as it was written: no digit or placeholder just before
	// it, no letter, digit or placeholder just after it (a letter there
	// would read as a suffix).
	for i, p := range f.parts {
		if p != "{n}" && !strings.HasPrefix(p, "{n:") {
			continue
		}
		before, after := f.parts[i-1], f.parts[i+1]
		if (before == "" && i >= 2 && f.parts[i-2] != "") || (before != "" && isASCIIDigit(before[len(before)-1])) ||
			(after == "" && i+2 < len(f.parts)) || (after != "" && isASCIIAlnum(after[0])) {
			return nil, fmt.Errorf("serial format %q: put a space or a / between the number and what is next to it", format)
		}
	}
	if strings.ContainsAny(serialPlaceholderRE.ReplaceAllString(format, ""), "{}") {
		return nil, fmt.Errorf("serial format %q has an unmatched brace", format)
	}
	re.WriteString(`\s*$`)
	r, err := regexp.Compile(re.String())
	if err != nil {
		return nil, fmt.Errorf("serial format %q: %v", format, err)
	}
	f.re = r
	return f, nil
}

// FormatSerial writes serial number n (with an optional suffix letter) of
// the given year in a series' format.
func FormatSerial(format string, n int, suffix string, year int) (string, error) {
	f, err := compileSerialFormat(format)
	if err != nil {
		return "", err
	}
	if n < 1 {
		return "", fmt.Errorf("serial number %d: numbers start at 1", n)
	}
	if suffix != "" && (len(suffix) != 1 || suffix[0] < 'A' || suffix[0] > 'Z') {
		return "", fmt.Errorf("serial suffix %q: use one letter A to Z", suffix)
	}
	var b strings.Builder
	for _, p := range f.parts {
		switch {
		case p == "{n}":
			b.WriteString(strconv.Itoa(n) + suffix)
		case strings.HasPrefix(p, "{n:0"):
			fmt.Fprintf(&b, "%0*d%s", f.pad, n, suffix)
		case p == "{yy}":
			fmt.Fprintf(&b, "%02d", ((year%100)+100)%100)
		case p == "{yyyy}":
			fmt.Fprintf(&b, "%04d", year)
		default:
			b.WriteString(p)
		}
	}
	return b.String(), nil
}

// ParseSerial reads a serial written in a series' format, in any case and
// with or without the format's spaces (T 192A/88, t192a/88).
func ParseSerial(format, s string) (SerialNumber, error) {
	f, err := compileSerialFormat(format)
	if err != nil {
		return SerialNumber{}, err
	}
	return f.parse(format, s)
}

func (f *serialFormat) parse(format, s string) (SerialNumber, error) {
	m := f.re.FindStringSubmatch(s)
	if m == nil {
		return SerialNumber{}, fmt.Errorf("serial %q is not in the series' format %q", s, format)
	}
	num, suffix, year := m[1], m[2], ""
	if f.yearDigit != 0 {
		if f.yearFirst {
			year, num, suffix = m[1], m[2], m[3]
		} else {
			year = m[3]
		}
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 {
		return SerialNumber{}, fmt.Errorf("serial %q: the number must be 1 or more", s)
	}
	sn := SerialNumber{N: n, Suffix: strings.ToUpper(suffix), YearDigits: f.yearDigit}
	if year != "" {
		sn.Year, _ = strconv.Atoi(year)
	}
	return sn, nil
}

// sameYear reports whether a serial's written year is the calendar year y.
func (sn SerialNumber) sameYear(y int) bool {
	switch sn.YearDigits {
	case 2:
		return sn.Year == y%100
	case 4:
		return sn.Year == y
	}
	return true
}

// issuedNumber reads an issued serial; a serial written before the format
// changed falls back to its first run of digits.
func (f *serialFormat) issuedNumber(format string, is IssuedSerial) (SerialNumber, bool) {
	if sn, err := f.parse(format, is.Serial); err == nil {
		return sn, true
	}
	d := serialDigitsRE.FindString(is.Serial)
	n, err := strconv.Atoi(d)
	if err != nil || n < 1 {
		return SerialNumber{}, false
	}
	return SerialNumber{N: n}, true
}

// NextSerial returns the next serial of a series for a message whose
// date-time group falls in year: one more than the highest number issued
// (in that year when the series is yearly), so that the numbers have no
// gaps.
func NextSerial(format string, yearly bool, year int, issued []IssuedSerial) (string, error) {
	f, err := compileSerialFormat(format)
	if err != nil {
		return "", err
	}
	return FormatSerial(format, highestNumber(f, format, yearly, year, issued, false)+1, "", year)
}

// NextSuffix returns the serial of a further message issued under the
// number of base (T 192/88 gives T 192A/88, then T 192B/88): the letter
// after the highest one already issued under that number in that year. The
// number may have been issued outside the register (before redline kept
// it); year is the calendar year of the new message's date-time group.
func NextSuffix(format string, yearly bool, base string, year int, issued []IssuedSerial) (string, error) {
	f, err := compileSerialFormat(format)
	if err != nil {
		return "", err
	}
	b, err := f.parse(format, base)
	if err != nil {
		return "", err
	}
	// The year the base number belongs to: the one written in it, else
	// the new message's.
	baseYear := year
	if b.YearDigits == 4 {
		baseYear = b.Year
	} else if b.YearDigits == 2 {
		baseYear = NearestYear(b.Year, year)
	}
	if yearly && f.yearDigit == 0 && baseYear != year {
		return "", fmt.Errorf("serial %q has no year: a further message under it must go out in the same year", base)
	}
	// A base number above every ordinary number the register holds for its
	// year is a slip of the keyboard (T 99/26 for T 9/26): issuing under it
	// would make the next ordinary serial jump past it for good. A register
	// with no ordinary number that year is a series numbered outside redline
	// until now, so any base is believed.
	if top := highestNumber(f, format, yearly, baseYear, issued, true); top > 0 && b.N > top {
		return "", fmt.Errorf("%s has not been issued: the highest number in the register for %d is %s; check the number", base, baseYear, mustFormat(format, top, baseYear))
	}
	used := map[string]bool{}
	highest := ""
	for _, is := range issued {
		sn, err := f.parse(format, is.Serial)
		if err != nil || sn.N != b.N {
			continue
		}
		if yearly && ((sn.YearDigits != 0 && !sn.sameYear(baseYear)) || (sn.YearDigits == 0 && is.Year != baseYear)) {
			continue
		}
		used[sn.Suffix] = true
		if sn.Suffix > highest {
			highest = sn.Suffix
		}
	}
	next := "A"
	if highest != "" {
		if highest == "Z" {
			return "", fmt.Errorf("every suffix letter A to Z has been issued under %s: send it under a new number", base)
		}
		next = string(rune(highest[0] + 1))
	}
	return FormatSerial(format, b.N, next, baseYear)
}

// NearestYear turns a two-digit year into the four-digit year nearest ref
// (read in 2026, 88 is 1988 and 30 is 2030).
func NearestYear(yy, ref int) int {
	y := ref - ref%100 + yy
	switch {
	case y > ref+50:
		y -= 100
	case y < ref-50:
		y += 100
	}
	return y
}

// FreeDTGTime returns the time to stamp on a message sent at now by an
// originator who has already used the date-time groups at the instants in
// used: now to the minute, moved on a minute at a time past any minute the
// originator used within the last 24 hours (or later, when earlier sends
// have already moved on), and past 0000Z, which naval practice avoids.
func FreeDTGTime(now time.Time, used []time.Time) time.Time {
	cand := now.UTC().Truncate(time.Minute)
	taken := map[int64]bool{}
	for _, u := range used {
		u = u.UTC().Truncate(time.Minute)
		if u.After(cand.Add(-24 * time.Hour)) {
			taken[u.Unix()] = true
		}
	}
	for taken[cand.Unix()] || (cand.Hour() == 0 && cand.Minute() == 0) {
		cand = cand.Add(time.Minute)
	}
	return cand
}

// SortSerials orders serials of one series by year, number and suffix;
// serials that do not fit the format go last, in text order.
func SortSerials(format string, issued []IssuedSerial) {
	f, err := compileSerialFormat(format)
	key := func(is IssuedSerial) (int, int, string, bool) {
		if err != nil {
			return 0, 0, "", false
		}
		sn, perr := f.parse(format, is.Serial)
		return is.Year, sn.N, sn.Suffix, perr == nil
	}
	sort.SliceStable(issued, func(i, j int) bool {
		yi, ni, si, oki := key(issued[i])
		yj, nj, sj, okj := key(issued[j])
		switch {
		case oki != okj:
			return oki
		case !oki:
			return issued[i].Serial < issued[j].Serial
		case yi != yj:
			return yi < yj
		case ni != nj:
			return ni < nj
		}
		return si < sj
	})
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIIAlnum(c byte) bool {
	return isASCIIDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
}

// highestNumber is the highest number issued in the given year (in any
// year for a series that does not restart), 0 for none; with plainOnly,
// numbers issued with a suffix letter do not count. A serial that writes its
// year belongs to that year, whenever it went out: T 1C/88 sent in January
// 1989 is a number of 1988.
func highestNumber(f *serialFormat, format string, yearly bool, year int, issued []IssuedSerial, plainOnly bool) int {
	top := 0
	for _, is := range issued {
		sn, ok := f.issuedNumber(format, is)
		if !ok || (plainOnly && sn.Suffix != "") {
			continue
		}
		y := is.Year
		switch sn.YearDigits {
		case 4:
			y = sn.Year
		case 2:
			y = NearestYear(sn.Year, is.Year)
		}
		if yearly && y != year {
			continue
		}
		if sn.N > top {
			top = sn.N
		}
	}
	return top
}

// mustFormat writes serial n of a format already known to be valid.
func mustFormat(format string, n, year int) string {
	s, err := FormatSerial(format, n, "", year)
	if err != nil {
		return fmt.Sprint(n)
	}
	return s
}
