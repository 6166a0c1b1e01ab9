package cable

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestZoneLetters(t *testing.T) {
	seen := map[int]byte{}
	for i := 0; i < len(ZoneLetters); i++ {
		l := ZoneLetters[i]
		h, ok := ZoneOffset(l)
		if l == 'J' {
			if ok {
				t.Errorf("J has a fixed offset %d", h)
			}
			continue
		}
		if !ok {
			t.Fatalf("zone %c has no offset", l)
		}
		if prev, dup := seen[h]; dup {
			t.Errorf("offset %d for both %c and %c", h, prev, l)
		}
		seen[h] = l
		back, ok := ZoneLetter(h)
		if !ok || back != l {
			t.Errorf("ZoneLetter(%d) = %c, want %c", h, back, l)
		}
	}
	if len(seen) != 25 {
		t.Errorf("%d fixed zones, want 25", len(seen))
	}
	for l, want := range map[byte]int{'A': 1, 'I': 9, 'K': 10, 'M': 12, 'N': -1, 'R': -5, 'Y': -12, 'Z': 0} {
		if h, _ := ZoneOffset(l); h != want {
			t.Errorf("ZoneOffset(%c) = %d, want %d", l, h, want)
		}
	}
}

func TestParseDTGSeed(t *testing.T) {
	d, err := ParseDTG("212130Z DEC 88", DTGOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := DTG{Day: 21, Hour: 21, Minute: 30, Zone: 'Z', Month: time.December, Year: 1988, YearDigits: 2}
	if d != want {
		t.Errorf("got %+v, want %+v", d, want)
	}
	u, err := d.UTC()
	if err != nil || !u.Equal(time.Date(1988, 12, 21, 21, 30, 0, 0, time.UTC)) {
		t.Errorf("UTC = %v, %v", u, err)
	}
	if d.String() != "212130Z DEC 88" {
		t.Errorf("String = %q", d.String())
	}
}

func TestParseDTGForms(t *testing.T) {
	for in, want := range map[string]string{
		"170356Z JULY 03":       "2003-07-17T03:56:00Z",
		"212300Z DECEMBER 88":   "1988-12-21T23:00:00Z",
		"150930Z september 87":  "1987-09-15T09:30:00Z",
		"010000Z February 89":   "1989-02-01T00:00:00Z",
		"170356z jul 03":        "2003-07-17T03:56:00Z",
		"011500Z JAN 2006":      "2006-01-01T15:00:00Z",
		"010000Z JAN 06":        "1906-01-01T00:00:00Z",
		"311159Z DEC 05":        "2005-12-31T11:59:00Z",
		"010000Z JAN 00":        "2000-01-01T00:00:00Z",
		"291200Z FEB 88":        "1988-02-29T12:00:00Z",
		"291200Z FEB 2000":      "2000-02-29T12:00:00Z",
		"010100A JAN 89":        "1989-01-01T00:00:00Z",
		"312300Y DEC 88":        "1989-01-01T11:00:00Z",
		"212130R DEC 88":        "1988-12-22T02:30:00Z",
		"011200M JUN 2010":      "2010-06-01T00:00:00Z",
		"  212130Z   DEC   88 ": "1988-12-21T21:30:00Z",
	} {
		d, err := ParseDTG(in, DTGOptions{})
		if err != nil {
			t.Errorf("ParseDTG(%q): %v", in, err)
			continue
		}
		u, err := d.UTC()
		if err != nil || u.Format(time.RFC3339) != want {
			t.Errorf("ParseDTG(%q).UTC() = %v, %v; want %s", in, u, err, want)
		}
	}
}

func TestParseDTGErrors(t *testing.T) {
	for in, want := range map[string]string{
		"310000Z APR 88":   "day 31 does not exist in APR 1988",
		"290000Z FEB 1900": "day 29 does not exist in FEB 1900",
		"290000Z FEB 89":   "day 29 does not exist in FEB 1989",
		"000000Z JAN 88":   "day 00 does not exist",
		"012400Z JAN 88":   "hour 24 is out of range",
		"010060Z JAN 88":   "minute 60 is out of range",
		"010000J JAN 88x":  "year",
		"010000Z DCE 88":   `unknown month "DCE"`,
		"010000Z JAN":      "has no year",
		"010000Z":          "has no month",
		"010000 JAN 88":    "must be 7 characters",
		"01000AZ JAN 88":   "six digits",
		"010000! JAN 88":   "unknown zone letter",
		"010000Z JAN 123":  "2 or 4 digits",
		"":                 "empty",
		"010000Z JAN 88 X": "4 or more parts",
	} {
		_, err := ParseDTG(in, DTGOptions{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDTG(%q) error = %v, want it to say %q", in, err, want)
		}
	}
}

func TestDTGLocalZone(t *testing.T) {
	d, err := ParseDTG("212130J DEC 88", DTGOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.UTC(); !errors.Is(err, ErrLocalZoneNeeded) {
		t.Errorf("UTC of J without local zone: %v", err)
	}
	ny := time.FixedZone("EST", -5*3600)
	d, err = ParseDTG("212130J DEC 88", DTGOptions{LocalZone: ny})
	if err != nil {
		t.Fatal(err)
	}
	u, err := d.UTC()
	if err != nil || !u.Equal(time.Date(1988, 12, 22, 2, 30, 0, 0, time.UTC)) {
		t.Errorf("UTC = %v, %v", u, err)
	}
	s, err := FormatDTG(u.In(ny), 'J', 0)
	if err != nil || s != "212130J DEC 88" {
		t.Errorf("FormatDTG J = %q, %v", s, err)
	}
}

func TestDTGIn(t *testing.T) {
	d, _ := ParseDTG("212130Z DEC 88", DTGOptions{})
	for zone, want := range map[byte]string{'A': "212230A DEC 88", 'M': "220930M DEC 88", 'R': "211630R DEC 88", 'Y': "210930Y DEC 88"} {
		o, err := d.In(zone, nil)
		if err != nil || o.String() != want {
			t.Errorf("In(%c) = %q, %v; want %s", zone, o.String(), err, want)
		}
	}
}

func TestYearRule(t *testing.T) {
	last := time.Date(2005, 12, 31, 23, 59, 0, 0, time.UTC)
	first := last.Add(time.Minute)
	for _, c := range []struct {
		t      time.Time
		zone   byte
		digits int
		want   string
	}{
		{last, 'Z', 0, "312359Z DEC 05"},
		{first, 'Z', 0, "010000Z JAN 2006"},
		{first, 'Z', 2, "010000Z JAN 06"},
		{last, 'Z', 4, "312359Z DEC 2005"},
		// the year is the year of the date as written in its zone
		{last, 'A', 0, "010059A JAN 2006"},
		{first, 'N', 0, "312300N DEC 05"},
	} {
		got, err := FormatDTG(c.t, c.zone, c.digits)
		if err != nil || got != c.want {
			t.Errorf("FormatDTG(%v, %c, %d) = %q, %v; want %q", c.t, c.zone, c.digits, got, err, c.want)
		}
	}
	if _, err := FormatDTG(first, 'Z', 3); err == nil {
		t.Error("3 year digits accepted")
	}
	if _, err := FormatDTG(first, 'j'+0, 0); err == nil {
		t.Error("lower-case zone accepted by FormatDTG")
	}
}

// TestDTGRoundTrip formats and parses every minute of the leap year 1988
// (two year digits) in every fixed zone letter, one parallel subtest per
// zone, and checks that the instant and the text come back. The same is done
// for every 61st minute of 2024 (four year digits), a stride that walks
// through every minute of the hour and every hour of the day.
func TestDTGRoundTrip(t *testing.T) {
	for _, c := range []struct {
		year, stride int
	}{{1988, 1}, {2024, 61}} {
		start := time.Date(c.year, 1, 1, 0, 0, 0, 0, time.UTC)
		end := time.Date(c.year+1, 1, 1, 0, 0, 0, 0, time.UTC)
		n := int(end.Sub(start) / time.Minute)
		if n != 366*24*60 {
			t.Fatalf("%d is not a leap year", c.year)
		}
		for _, z := range []byte("ZABCDEFGHIKLMNOPQRSTUVWXY") {
			t.Run(fmt.Sprintf("%d/%c", c.year, z), func(t *testing.T) {
				t.Parallel()
				loc, _ := ZoneLocation(z, nil)
				off, _ := ZoneOffset(z)
				for m := 0; m < n; m += c.stride {
					tm := start.Add(time.Duration(m) * time.Minute)
					s, err := FormatDTG(tm, z, 0)
					if err != nil {
						t.Fatal(err)
					}
					d, err := ParseDTG(s, DTGOptions{})
					if err != nil {
						t.Fatalf("%s: %v", s, err)
					}
					back, err := d.UTC()
					if err != nil || !back.Equal(tm) {
						t.Fatalf("%v in %c -> %s -> %v, %v", tm, z, s, back, err)
					}
					// Check the wall clock against the time package on
					// a sample, and at every day's first minute.
					if m%1440 == 0 || m%997 == 0 {
						lt := tm.In(loc)
						if lt.Day() != d.Day || lt.Month() != d.Month || lt.Year() != d.Year || lt.Hour() != d.Hour || lt.Minute() != d.Minute {
							t.Fatalf("%v at UTC%+d is %v, DTG says %s", tm, off, lt, s)
						}
					}
				}
			})
		}
	}
}

func FuzzParseDTG(f *testing.F) {
	for _, s := range []string{"212130Z DEC 88", "170356Z JULY 03", "011500Z JAN 2006", "310000Z APR 88", "212130J DEC 88", "", "9", "999999Z XXX 99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDTG(s, DTGOptions{LocalZone: time.UTC})
		if err != nil {
			return
		}
		u, err := d.UTC()
		if err != nil {
			t.Fatalf("%q parsed but has no instant: %v", s, err)
		}
		again, err := ParseDTG(d.String(), DTGOptions{LocalZone: time.UTC})
		if err != nil {
			t.Fatalf("%q printed as %q which does not parse: %v", s, d.String(), err)
		}
		u2, _ := again.UTC()
		if !u.Equal(u2) {
			t.Fatalf("%q -> %q: %v != %v", s, d.String(), u, u2)
		}
	})
}

func BenchmarkDTGRoundTrip(b *testing.B) {
	tm := time.Date(1988, 12, 21, 21, 30, 0, 0, time.UTC)
	for i := 0; i < b.N; i++ {
		s, _ := FormatDTG(tm, 'R', 0)
		d, _ := ParseDTG(s, DTGOptions{})
		d.UTC()
	}
}
