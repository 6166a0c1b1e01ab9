package cable

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestFormatAndParseSerial(t *testing.T) {
	for _, c := range []struct {
		format string
		n      int
		suffix string
		year   int
		want   string
	}{
		{"T {n}/{yy}", 192, "A", 1988, "T 192A/88"},
		{"T {n}/{yy}", 8, "", 1981, "T 8/81"},
		{"T {n}/{yy}", 3, "", 2005, "T 3/05"},
		{"TELNO {n}", 1119, "", 2003, "TELNO 1119"},
		{"STATE {n:06}", 1234, "", 1979, "STATE 001234"},
		{"STATE {n:06}", 153441, "", 1985, "STATE 153441"},
		{"LONDON {n:05}/{yyyy}", 7892, "B", 2010, "LONDON 07892B/2010"},
	} {
		got, err := FormatSerial(c.format, c.n, c.suffix, c.year)
		if err != nil || got != c.want {
			t.Errorf("FormatSerial(%q, %d, %q, %d) = %q, %v; want %q", c.format, c.n, c.suffix, c.year, got, err, c.want)
			continue
		}
		sn, err := ParseSerial(c.format, got)
		wantYear := 0
		switch {
		case strings.Contains(c.format, "{yyyy}"):
			wantYear = c.year
		case strings.Contains(c.format, "{yy}"):
			wantYear = c.year % 100
		}
		if err != nil || sn.N != c.n || sn.Suffix != c.suffix || sn.Year != wantYear {
			t.Errorf("ParseSerial(%q, %q) = %+v, %v", c.format, got, sn, err)
		}
	}
	// Spacing and case are forgiven when reading.
	if sn, err := ParseSerial("T {n}/{yy}", "t192a/88"); err != nil || sn.N != 192 || sn.Suffix != "A" || sn.Year != 88 {
		t.Errorf("ParseSerial(t192a/88) = %+v, %v", sn, err)
	}
	for _, bad := range []string{"TELNO", "T {n}/{n}", "T {x}", "T {n:abc}", "T {n}/{yy}/{yyyy}", "T {n} }"} {
		if err := CheckSerialFormat(bad); err == nil {
			t.Errorf("CheckSerialFormat(%q) accepted", bad)
		}
	}
	if _, err := ParseSerial("T {n}/{yy}", "TELNO 12"); err == nil {
		t.Error("ParseSerial accepted a serial of another format")
	}
	if _, err := FormatSerial("T {n}/{yy}", 1, "AB", 1988); err == nil {
		t.Error("two-letter suffix accepted")
	}
}

func TestNextSerial(t *testing.T) {
	issued := []IssuedSerial{{"T 190/88", 1988}, {"T 191/88", 1988}, {"T 191A/88", 1988}, {"T 4/89", 1989}}
	for _, c := range []struct {
		yearly bool
		year   int
		want   string
	}{
		{true, 1988, "T 192/88"},
		{true, 1989, "T 5/89"},
		{true, 1990, "T 1/90"},
		{false, 1990, "T 192/90"},
	} {
		got, err := NextSerial("T {n}/{yy}", c.yearly, c.year, issued)
		if err != nil || got != c.want {
			t.Errorf("NextSerial(yearly %v, %d) = %q, %v; want %q", c.yearly, c.year, got, err, c.want)
		}
	}
	// A series without a year in its format restarts by the DTG's year.
	got, _ := NextSerial("TELNO {n}", true, 2004, []IssuedSerial{{"TELNO 1119", 2003}, {"TELNO 3", 2004}})
	if got != "TELNO 4" {
		t.Errorf("TELNO next = %q", got)
	}
	got, _ = NextSerial("STATE {n:06}", true, 1979, nil)
	if got != "STATE 000001" {
		t.Errorf("first STATE = %q", got)
	}
	// A further message under a 1988 number sent in January 1989 belongs
	// to 1988: the 1989 numbering still starts at 1 (QA F25).
	for format, issued := range map[string][]IssuedSerial{
		"T {n}/{yy}":   {{"T 1/88", 1988}, {"T 1C/88", 1989}},
		"T {n}/{yyyy}": {{"T 1/1988", 1988}, {"T 1C/1988", 1989}},
	} {
		got, _ = NextSerial(format, true, 1989, issued)
		if want, _ := FormatSerial(format, 1, "", 1989); got != want {
			t.Errorf("%s: first of 1989 = %q, want %q", format, got, want)
		}
		got, _ = NextSerial(format, true, 1988, issued)
		if want, _ := FormatSerial(format, 2, "", 1988); got != want {
			t.Errorf("%s: next of 1988 = %q, want %q", format, got, want)
		}
	}
}

func TestNextSuffix(t *testing.T) {
	f := "T {n}/{yy}"
	issued := []IssuedSerial{{"T 192/88", 1988}}
	a, err := NextSuffix(f, true, "T 192/88", 1988, issued)
	if err != nil || a != "T 192A/88" {
		t.Fatalf("first suffix = %q, %v", a, err)
	}
	issued = append(issued, IssuedSerial{a, 1988})
	// The base may be given with its suffix or in other spacing.
	b, err := NextSuffix(f, true, "t 192a/88", 1988, issued)
	if err != nil || b != "T 192B/88" {
		t.Fatalf("second suffix = %q, %v", b, err)
	}
	// A number issued before the register was kept.
	if got, err := NextSuffix(f, true, "T 10/84", 1988, issued); err != nil || got != "T 10A/84" {
		t.Errorf("outside number = %q, %v", got, err)
	}
	// The same number in another year is another message.
	if got, _ := NextSuffix(f, true, "T 192/89", 1989, issued); got != "T 192A/89" {
		t.Errorf("other year = %q", got)
	}
	issued = append(issued, IssuedSerial{"T 192Z/88", 1988})
	if _, err := NextSuffix(f, true, "T 192/88", 1988, issued); err == nil {
		t.Error("suffix after Z accepted")
	}
	if _, err := NextSuffix(f, true, "TELNO 4", 1988, issued); err == nil {
		t.Error("base of another format accepted")
	}
	if _, err := NextSuffix("TELNO {n}", true, "TELNO 4", 1989, []IssuedSerial{{"TELNO 4", 1988}}); err != nil {
		t.Errorf("TELNO suffix: %v", err)
	}
}

func TestFreeDTGTime(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	now := at("1988-12-21T21:30:42Z")
	if got := FreeDTGTime(now, nil); !got.Equal(at("1988-12-21T21:30:00Z")) {
		t.Errorf("free = %v", got)
	}
	used := []time.Time{at("1988-12-21T21:30:00Z"), at("1988-12-21T21:31:00Z"), at("1988-12-20T21:32:00Z")}
	// 21:30 and 21:31 are taken; 21:32 was used more than 24 hours ago
	// (exactly 24 hours: DDHHMM repeats only after a day).
	if got := FreeDTGTime(now, used); !got.Equal(at("1988-12-21T21:32:00Z")) {
		t.Errorf("moved on to %v", got)
	}
	if got := FreeDTGTime(at("1988-12-21T23:59:10Z"), []time.Time{at("1988-12-21T23:59:00Z")}); !got.Equal(at("1988-12-22T00:01:00Z")) {
		t.Errorf("0000Z not skipped: %v", got)
	}
	// Many sends in one minute get distinct minutes.
	seen := map[time.Time]bool{}
	var all []time.Time
	for i := 0; i < 100; i++ {
		d := FreeDTGTime(now, all)
		if seen[d] {
			t.Fatalf("minute %v given twice", d)
		}
		seen[d] = true
		all = append(all, d)
	}
}

func TestSortSerials(t *testing.T) {
	s := []IssuedSerial{{"T 10/89", 1989}, {"T 2A/88", 1988}, {"odd", 1988}, {"T 2/88", 1988}, {"T 11/88", 1988}}
	SortSerials("T {n}/{yy}", s)
	if got := fmt.Sprint(s); got != "[{T 2/88 1988} {T 2A/88 1988} {T 11/88 1988} {T 10/89 1989} {odd 1988}]" {
		t.Errorf("sorted = %s", got)
	}
}

// FuzzSerialFormat checks that every usable format reads back what it
// writes, and that reading never panics.
func FuzzSerialFormat(f *testing.F) {
	f.Add("T {n}/{yy}", 192, uint8(1), 1988, "T 192A/88")
	f.Add("STATE {n:06}", 5, uint8(0), 1979, "STATE 000005")
	f.Add("{yyyy}-{n:03}", 7, uint8(2), 2010, "x")
	f.Fuzz(func(t *testing.T, format string, n int, letter uint8, year int, s string) {
		ParseSerial(format, s)
		if CheckSerialFormat(format) != nil || n < 1 || n > 1e9 || year < 1000 || year > 9999 {
			return
		}
		suffix := ""
		if letter%27 != 0 {
			suffix = string(rune('A' + letter%27 - 1))
		}
		out, err := FormatSerial(format, n, suffix, year)
		if err != nil {
			t.Fatalf("FormatSerial: %v", err)
		}
		sn, err := ParseSerial(format, out)
		if err != nil {
			t.Fatalf("%q: wrote %q, cannot read it: %v", format, out, err)
		}
		if sn.N != n || sn.Suffix != suffix {
			t.Errorf("%q: wrote %q, read number %d", format, out, sn.N)
		}
	})
}

// A base number above every ordinary number of its year is refused (a
// mistyped T 99/26 would otherwise push the series past 99 for good); with
// no ordinary number in the register, the series was numbered outside
// redline and any base is believed (the seed's T 192A/88).
func TestNextSuffixRefusesUnissuedBase(t *testing.T) {
	var issued []IssuedSerial
	for _, s := range []string{"T 1/26", "T 2/26", "T 3/26"} {
		issued = append(issued, IssuedSerial{Serial: s, Year: 2026})
	}
	if _, err := NextSuffix("T {n}/{yy}", true, "T 99/26", 2026, issued); err == nil || !strings.Contains(err.Error(), "the highest number in the register for 2026 is T 3/26") {
		t.Errorf("T 99/26 accepted or wrong error: %v", err)
	}
	if got, err := NextSuffix("T {n}/{yy}", true, "T 2/26", 2026, issued); err != nil || got != "T 2A/26" {
		t.Errorf("T 2/26: %q, %v", got, err)
	}
	if got, err := NextSuffix("T {n}/{yy}", true, "T 192/88", 1988, issued); err != nil || got != "T 192A/88" {
		t.Errorf("outside numbering: %q, %v", got, err)
	}
}
