package cable

import "testing"

func TestSplitFiledTo(t *testing.T) {
	cases := []struct {
		line string
		want cpFiledTo
		ok   bool
	}{
		{"TO PRIORITY FCO TELNO 539 OF 16 MAY/INFO PEKING.", cpFiledTo{"PRIORITY FCO", "539", "16 MAY", "PEKING"}, true},
		{"TO ROUTINE PEKING TELNO 299 OF 5 MAY,", cpFiledTo{"ROUTINE PEKING", "299", "5 MAY", ""}, true},
		{"TO PRIORITY F C O TELEGRAM NUMBER 1465 OF 17 DECEMBER INFO PRIORITY PEKING.", cpFiledTo{"PRIORITY FCO", "1465", "17 DECEMBER", "PRIORITY PEKING"}, true},
		{"TO PRIORITY PEKING TELNO 1176 OF 29 DECEMBER/INFO GOVERNOR HONG KONG (PERSONAL) -", cpFiledTo{"PRIORITY PEKING", "1176", "29 DECEMBER", "GOVERNOR HONG KONG (PERSONAL)"}, true},
		{"TO IMMEDIATE WASHINGTON TELEGRAM NO. 12 OF 15 MAY 1973", cpFiledTo{"IMMEDIATE WASHINGTON", "12", "15 MAY 1973", ""}, true},
		{"TO PRIORITY WASHINGTON", cpFiledTo{}, false},
		{"TO THE WHITE HOUSE", cpFiledTo{}, false},
		{"TOTAL TELNO 5", cpFiledTo{}, false},
	}
	for _, c := range cases {
		got, ok := cpSplitFiledTo(c.line)
		if ok != c.ok || got != c.want {
			t.Errorf("cpSplitFiledTo(%q) = %+v, %v; want %+v, %v", c.line, got, ok, c.want, c.ok)
		}
	}
}

func TestInitialism(t *testing.T) {
	cases := map[string]string{
		"F C O":          "FCO",
		"F C 0":          "FCO",
		"F.C.O.":         "FCO",
		"F.C.0.":         "FCO",
		"PRIORITY F C O": "PRIORITY FCO",
		"HONG KONG":      "HONG KONG",
		"CABINET OFFICE": "CABINET OFFICE",
		"A 0":            "A 0", // one letter is no initialism
		"U.K. MISSION":   "U.K. MISSION",
	}
	for in, want := range cases {
		if got := cpInitialism(in); got != want {
			t.Errorf("cpInitialism(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFiledTime(t *testing.T) {
	cases := []struct{ in, from, group string }{
		{"HONG KONG 160925Z", "HONG KONG", "160925Z"},
		{"HONG KONG 1609252", "HONG KONG", "160925Z"}, // Z read as 2
		{"F C O 291841Z", "F C O", "291841Z"},
		{"HONG KONG 1699252", "HONG KONG 1699252", ""}, // no such time
		{"CABINET OFFICE LONDON", "CABINET OFFICE LONDON", ""},
		{"POST 1234567", "POST 1234567", ""},
	}
	for _, c := range cases {
		from, group := cpFiledTime(c.in)
		if from != c.from || group != c.group {
			t.Errorf("cpFiledTime(%q) = %q, %q; want %q, %q", c.in, from, group, c.from, c.group)
		}
	}
}

// A file copy's heading is found with its lines between FM and TO, and an
// FM line followed by prose is not one.
func TestFiledHeadingFound(t *testing.T) {
	copyText := "CYPHER/CAT A\nFM F C O 291841Z\nCONFIDENTIAL\n1972\nTO PRIORITY PEKING TELNO 1176 OF 29 DECEMBER/INFO HONG KONG\nMIPT.\n1. THE TEXT.\nDOUGLAS-HOME\nFILES\nFED\nCONFIDENTIAL\n"
	m, err := Parse([]byte(copyText))
	if err != nil {
		t.Fatal(err)
	}
	if m.From != "FCO" || m.DTG != "291841Z DEC" || m.Serial != "TELNO 1176" || m.Classification != "CONFIDENTIAL" ||
		m.Signature != "DOUGLAS-HOME" || len(m.Distribution) != 2 || m.Text != "1. THE TEXT." {
		t.Errorf("parsed %+v", m)
	}
	// A day the month does not have is refused, with the line.
	if _, err := Parse([]byte("FM HONG KONG 310925Z\nTO PRIORITY FCO TELNO 5 OF 31 APRIL\n1. TEXT.\n")); err == nil {
		t.Error("31 APRIL accepted")
	}
	// Prose between FM and TO is no file copy's heading.
	if _, err := Parse([]byte("FM HONG KONG 160925Z\nWE HAVE HAD A LONG TALK WITH THE MINISTER TODAY ABOUT IT\nTO PRIORITY FCO TELNO 5 OF 16 MAY\n")); err == nil {
		t.Error("prose between FM and TO read as a heading")
	}
}
