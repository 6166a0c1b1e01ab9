package cable

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// DTG is a date-time group (ACP 127 §113): the day, hour and minute in the
// zone named by a letter, the month and the year, written DDHHMMZ MON YY
// (212130Z DEC 88) or, from 2006, with four year digits (011500Z JAN 2006).
type DTG struct {
	Day, Hour, Minute int
	// Zone is the zone letter: Z for UTC, A–M (no J) for UTC+1 … +12, N–Y
	// for UTC−1 … −12, J for the observer's local time.
	Zone  byte
	Month time.Month
	Year  int
	// YearDigits is how many digits the year was written with (2 or 4).
	YearDigits int
	// Local is the time zone that J stands for; nil unless the DTG was
	// parsed with DTGOptions.LocalZone.
	Local *time.Location
}

// DTGOptions adjust ParseDTG.
type DTGOptions struct {
	// LocalZone is the zone that the letter J (local time) stands for.
	// Without it a DTG in zone J parses but cannot be converted to UTC.
	LocalZone *time.Location
	// DefaultYear is used when the DTG has no year (DDHHMMZ MON). Zero
	// makes a missing year an error.
	DefaultYear int
}

var monthAbbrev = [13]string{"", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}

// monthLong lists the longer forms offices wrote: four letters (170356Z
// JULY 03) and the full names of the FCO's OF lines (OF 212300Z DECEMBER
// 88).
var monthLong = map[string]time.Month{"JUNE": time.June, "JULY": time.July, "SEPT": time.September,
	"JANUARY": time.January, "FEBRUARY": time.February, "MARCH": time.March, "APRIL": time.April,
	"AUGUST": time.August, "SEPTEMBER": time.September, "OCTOBER": time.October, "NOVEMBER": time.November,
	"DECEMBER": time.December}

// MonthNumber returns the month a DTG's month word names, in three
// letters, a four-letter form or in full, in any case; 0 when it names
// none.
func MonthNumber(word string) time.Month {
	u := strings.ToUpper(word)
	for i := 1; i <= 12; i++ {
		if u == monthAbbrev[i] {
			return time.Month(i)
		}
	}
	return monthLong[u]
}

// MonthAbbrev returns the three-letter month of a DTG (JAN … DEC).
func MonthAbbrev(m time.Month) string {
	if m < 1 || m > 12 {
		return "???"
	}
	return monthAbbrev[m]
}

// ZoneOffset returns the offset from UTC in hours that a zone letter stands
// for. ok is false for J (local time, no fixed offset) and for letters that
// are not zones.
func ZoneOffset(letter byte) (hours int, ok bool) {
	switch {
	case letter == 'Z':
		return 0, true
	case letter >= 'A' && letter <= 'I':
		return int(letter-'A') + 1, true
	case letter >= 'K' && letter <= 'M':
		return int(letter-'K') + 10, true
	case letter >= 'N' && letter <= 'Y':
		return -(int(letter-'N') + 1), true
	}
	return 0, false
}

// ZoneLetter returns the letter for a whole-hour offset from UTC between −12
// and +12.
func ZoneLetter(hours int) (byte, bool) {
	switch {
	case hours == 0:
		return 'Z', true
	case hours >= 1 && hours <= 9:
		return byte('A' + hours - 1), true
	case hours >= 10 && hours <= 12:
		return byte('K' + hours - 10), true
	case hours <= -1 && hours >= -12:
		return byte('N' - hours - 1), true
	}
	return 0, false
}

// ZoneLetters lists every zone letter, Z first, then A–M, N–Y and J.
const ZoneLetters = "ZABCDEFGHIKLMNOPQRSTUVWXYJ"

// ValidZone reports whether letter is a zone letter (J included).
func ValidZone(letter byte) bool {
	if letter == 'J' {
		return true
	}
	_, ok := ZoneOffset(letter)
	return ok
}

// ZoneName describes a zone letter for people: "Z (UTC)", "A (UTC+1)",
// "J (local time)".
func ZoneName(letter byte) string {
	if letter == 'J' {
		return "J (local time)"
	}
	h, ok := ZoneOffset(letter)
	if !ok {
		return string(letter) + " (unknown)"
	}
	if h == 0 {
		return "Z (UTC)"
	}
	return fmt.Sprintf("%c (UTC%+d)", letter, h)
}

var fixedZones = func() (z [26]*time.Location) {
	for l := byte('A'); l <= 'Z'; l++ {
		if h, ok := ZoneOffset(l); ok {
			if h == 0 {
				z[l-'A'] = time.UTC
			} else {
				z[l-'A'] = time.FixedZone(fmt.Sprintf("%c", l), h*3600)
			}
		}
	}
	return
}()

// ErrLocalZoneNeeded is the error for zone letter J without a local zone.
var ErrLocalZoneNeeded = errors.New("zone letter J needs a local time zone: J is the observer's local time, which has no fixed offset")

// ZoneLocation returns the time zone a letter stands for; local is used for
// J and may be nil, which is an error for J.
func ZoneLocation(letter byte, local *time.Location) (*time.Location, error) {
	if letter == 'J' {
		if local == nil {
			return nil, ErrLocalZoneNeeded
		}
		return local, nil
	}
	if letter < 'A' || letter > 'Z' || fixedZones[letter-'A'] == nil {
		return nil, fmt.Errorf("unknown zone letter %q: use Z for UTC, A-M (no J) for UTC+1 to +12, N-Y for UTC-1 to -12, J for local time", string(letter))
	}
	return fixedZones[letter-'A'], nil
}

// DefaultYearDigits is the year rule of ACP 127 §113: two digits for years
// up to 2005, four from 2006.
func DefaultYearDigits(year int) int {
	if year >= 2006 {
		return 4
	}
	return 2
}

// FormatDTG writes the date-time group of t in the zone given by its letter.
// For J the zone is t's own location. yearDigits is 2 or 4; 0 applies the
// rule (two digits up to 2005, four from 2006).
func FormatDTG(t time.Time, zone byte, yearDigits int) (string, error) {
	if yearDigits != 0 && yearDigits != 2 && yearDigits != 4 {
		return "", fmt.Errorf("year digits must be 2 or 4, not %d", yearDigits)
	}
	d, err := DTGAt(t, zone)
	if err != nil {
		return "", err
	}
	if d.Year < 1000 || d.Year > 9999 {
		return "", fmt.Errorf("year %d cannot be written in a date-time group", d.Year)
	}
	d.YearDigits = yearDigits
	return d.String(), nil
}

// DTGAt returns the date-time group of t in the zone given by its letter;
// for J the zone is t's own location. Seconds are dropped.
func DTGAt(t time.Time, zone byte) (DTG, error) {
	if zone == 'J' {
		lt := t
		y, m, day := lt.Date()
		h, mi, _ := lt.Clock()
		return DTG{Day: day, Hour: h, Minute: mi, Zone: 'J', Month: m, Year: y, Local: t.Location()}, nil
	}
	off, ok := ZoneOffset(zone)
	if !ok {
		_, err := ZoneLocation(zone, nil)
		return DTG{}, err
	}
	// Whole-hour fixed offsets: work on the Unix clock directly, which is
	// much cheaper than time.In and keeps formatting allocation-free.
	secs := t.Unix() + int64(off)*3600
	days := secs / 86400
	rem := secs % 86400
	if rem < 0 {
		rem += 86400
		days--
	}
	y, m, day := civilFromDays(days)
	return DTG{Day: day, Hour: int(rem / 3600), Minute: int(rem % 3600 / 60), Zone: zone, Month: m, Year: y}, nil
}

// civilFromDays converts a count of days since 1970-01-01 to a proleptic
// Gregorian date, counting in 400-year eras that start on 1 March so that the
// leap day falls at the end of the era's year.
func civilFromDays(z int64) (int, time.Month, int) {
	z += 719468 // days from 0000-03-01 to 1970-01-01
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097                                  // day of era, 0..146096
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of era, 0..399
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of the March-based year
	mp := (5*doy + 2) / 153                                // March = 0
	day := int(doy - (153*mp+2)/5 + 1)
	month := int(mp + 3)
	if month > 12 {
		month -= 12
	}
	year := int(yoe + era*400)
	if month <= 2 {
		year++
	}
	return year, time.Month(month), day
}

// daysFromCivil is the inverse of civilFromDays.
func daysFromCivil(year int, month time.Month, day int) int64 {
	y := int64(year)
	if month <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	m := int64(month)
	if m > 2 {
		m -= 3
	} else {
		m += 9
	}
	doy := (153*m+2)/5 + int64(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// String writes the DTG as DDHHMMZ MON YY (or YYYY). YearDigits 0 applies
// the rule of DefaultYearDigits.
func (d DTG) String() string {
	b := make([]byte, 0, 16)
	b = append2(b, d.Day)
	b = append2(b, d.Hour)
	b = append2(b, d.Minute)
	b = append(b, d.Zone, ' ')
	b = append(b, MonthAbbrev(d.Month)...)
	digits := d.YearDigits
	if digits == 0 {
		digits = DefaultYearDigits(d.Year)
	}
	b = append(b, ' ')
	if digits == 2 {
		b = append2(b, d.Year%100)
	} else {
		b = append2(b, d.Year/100%100)
		b = append2(b, d.Year%100)
	}
	return string(b)
}

// Short writes the DTG without month and year (DDHHMMZ), as a DESKBY does.
func (d DTG) Short() string {
	b := make([]byte, 0, 7)
	b = append2(b, d.Day)
	b = append2(b, d.Hour)
	b = append2(b, d.Minute)
	return string(append(b, d.Zone))
}

func append2(b []byte, n int) []byte {
	if n < 0 {
		n = -n
	}
	return append(b, byte('0'+n/10%10), byte('0'+n%10))
}

// UTC returns the instant the DTG names.
func (d DTG) UTC() (time.Time, error) {
	if off, ok := ZoneOffset(d.Zone); ok {
		secs := daysFromCivil(d.Year, d.Month, d.Day)*86400 + int64(d.Hour*3600+d.Minute*60-off*3600)
		return time.Unix(secs, 0).UTC(), nil
	}
	loc, err := ZoneLocation(d.Zone, d.Local)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(d.Year, d.Month, d.Day, d.Hour, d.Minute, 0, 0, loc).UTC(), nil
}

// In returns the same instant as a DTG in another zone, keeping the number
// of year digits when it fits the rule.
func (d DTG) In(zone byte, local *time.Location) (DTG, error) {
	t, err := d.UTC()
	if err != nil {
		return DTG{}, err
	}
	loc, err := ZoneLocation(zone, local)
	if err != nil {
		return DTG{}, err
	}
	lt := t.In(loc)
	y, m, day := lt.Date()
	h, mi, _ := lt.Clock()
	out := DTG{Day: day, Hour: h, Minute: mi, Zone: zone, Month: m, Year: y, Local: d.Local}
	if zone == 'J' {
		out.Local = loc
	}
	return out, nil
}

// daysIn returns the number of days of a month.
func daysIn(year int, m time.Month) int {
	switch m {
	case time.April, time.June, time.September, time.November:
		return 30
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// ParseDTG reads a date-time group: DDHHMMZ MON YY or DDHHMMZ MON YYYY, in
// any case, with the month in three letters, the four-letter forms JUNE,
// JULY and SEPT, or in full (DECEMBER). Two-digit years 06–99 are 1906–1999 and 00–05 are
// 2000–2005 (ACP 127 §113). Errors name the part that is wrong.
func ParseDTG(s string, opts DTGOptions) (DTG, error) {
	var d DTG
	var fb [4]string
	f := fieldsUpTo(s, fb[:0])
	if len(f) == 0 {
		return d, fmt.Errorf("empty date-time group: write DDHHMMZ MON YY, e.g. 212130Z DEC 88")
	}
	if len(f) > 3 {
		return d, fmt.Errorf("date-time group %q has %d or more parts: write DDHHMMZ MON YY, e.g. 212130Z DEC 88", s, len(f))
	}
	if err := d.readGroup(s, f[0]); err != nil {
		return d, err
	}
	if len(f) < 2 {
		return d, fmt.Errorf("date-time group %q has no month: write DDHHMMZ MON YY, e.g. 212130Z DEC 88", s)
	}
	if d.Month = dtgMonth(f[1]); d.Month == 0 {
		return d, fmt.Errorf("date-time group %q: unknown month %q: use JAN, FEB, MAR, APR, MAY, JUN, JUL, AUG, SEP, OCT, NOV or DEC", s, f[1])
	}
	if len(f) < 3 {
		if opts.DefaultYear == 0 {
			return d, fmt.Errorf("date-time group %q has no year: write DDHHMMZ MON YY, e.g. 212130Z DEC 88", s)
		}
		d.Year = opts.DefaultYear
		d.YearDigits = DefaultYearDigits(d.Year)
	} else if err := d.readYear(s, f[2]); err != nil {
		return d, err
	}
	if d.Day > daysIn(d.Year, d.Month) {
		return d, fmt.Errorf("date-time group %q: day %d does not exist in %s %d", s, d.Day, monthAbbrev[d.Month], d.Year)
	}
	if d.Zone == 'J' {
		d.Local = opts.LocalZone
	}
	return d, nil
}

// readGroup reads the DDHHMMZ part g of the date-time group s.
func (d *DTG) readGroup(s, g string) error {
	if len(g) != 7 {
		return fmt.Errorf("date-time group %q: the first part %q must be 7 characters, DDHHMMZ (day, hour, minute, zone letter)", s, g)
	}
	for i := 0; i < 6; i++ {
		if g[i] < '0' || g[i] > '9' {
			return fmt.Errorf("date-time group %q: %q must be six digits DDHHMM followed by a zone letter", s, g)
		}
	}
	d.Day = int(g[0]-'0')*10 + int(g[1]-'0')
	d.Hour = int(g[2]-'0')*10 + int(g[3]-'0')
	d.Minute = int(g[4]-'0')*10 + int(g[5]-'0')
	z := g[6]
	if z >= 'a' && z <= 'z' {
		z -= 'a' - 'A'
	}
	if !ValidZone(z) {
		return fmt.Errorf("date-time group %q: unknown zone letter %q: use Z for UTC, A-M (no J) for UTC+1 to +12, N-Y for UTC-1 to -12, J for local time", s, string(g[6]))
	}
	d.Zone = z
	switch {
	case d.Hour > 23:
		return fmt.Errorf("date-time group %q: hour %02d is out of range 00-23", s, d.Hour)
	case d.Minute > 59:
		return fmt.Errorf("date-time group %q: minute %02d is out of range 00-59", s, d.Minute)
	case d.Day < 1:
		return fmt.Errorf("date-time group %q: day 00 does not exist", s)
	}
	return nil
}

// dtgMonth is the month a date-time group names in three letters or in
// full (DEC, DECEMBER), in any case; 0 when it names none.
func dtgMonth(mon string) time.Month {
	if len(mon) == 3 {
		u := [3]byte{upper(mon[0]), upper(mon[1]), upper(mon[2])}
		for i := 1; i <= 12; i++ {
			a := monthAbbrev[i]
			if u[0] == a[0] && u[1] == a[1] && u[2] == a[2] {
				return time.Month(i)
			}
		}
	}
	return monthLong[strings.ToUpper(mon)]
}

// readYear reads the year y of the date-time group s: two digits (06-99
// in the 1900s, 00-05 in the 2000s, ACP 127 §113) or four.
func (d *DTG) readYear(s, y string) error {
	if len(y) != 2 && len(y) != 4 {
		return fmt.Errorf("date-time group %q: year %q must have 2 or 4 digits", s, y)
	}
	for i := 0; i < len(y); i++ {
		if y[i] < '0' || y[i] > '9' {
			return fmt.Errorf("date-time group %q: year %q must have 2 or 4 digits", s, y)
		}
		d.Year = d.Year*10 + int(y[i]-'0')
	}
	d.YearDigits = len(y)
	switch {
	case len(y) == 2 && d.Year <= 5:
		d.Year += 2000
	case len(y) == 2:
		d.Year += 1900
	case d.Year < 1000:
		return fmt.Errorf("date-time group %q: year %q is not a year", s, y)
	}
	return nil
}

// fieldsUpTo splits s at runs of spaces and tabs like strings.Fields, but
// into a caller's buffer and stopping after four fields, so that parsing a
// valid DTG does not allocate.
func fieldsUpTo(s string, buf []string) []string {
	i := 0
	for i < len(s) && len(buf) < cap(buf) {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		if j > i {
			buf = append(buf, s[i:j])
		}
		i = j
	}
	return buf
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
