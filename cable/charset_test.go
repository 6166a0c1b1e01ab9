package cable

import (
	"strings"
	"testing"
)

func TestCharsets(t *testing.T) {
	ita2, err := NewCharset("ita2", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := ita2.Chars(); got != " '(),-./:?" {
		t.Errorf("ITA2 punctuation = %q", got)
	}
	for _, r := range "az;\"!&*" {
		if ita2.Allows(r) {
			t.Errorf("ITA2 allows %q", r)
		}
	}
	ascii, _ := NewCharset("ascii", "")
	if !ascii.Allows(';') || !ascii.Allows('"') || ascii.Allows('a') || ascii.Allows('é') {
		t.Error("ascii set wrong")
	}
	withSemi, _ := NewCharset("ita2", `;"`)
	if !withSemi.Allows(';') || !withSemi.Allows('"') {
		t.Error("extra characters not added")
	}
	for _, bad := range []string{"a", "é", "\t"} {
		if _, err := NewCharset("ita2", bad); err == nil {
			t.Errorf("extra %q accepted", bad)
		}
	}
	if _, err := NewCharset("baudot", ""); err == nil {
		t.Error("unknown charset accepted")
	}
}

func TestMapper(t *testing.T) {
	ita2, _ := NewCharset("ita2", "")
	apos, _ := ParseQuoteStyle("apostrophes")
	words, _ := ParseQuoteStyle("words")
	for _, c := range []struct {
		in   string
		q    QuoteStyle
		want string
	}{
		{"Café naïve Zürich Łódź Øresund straße Æsir", apos, "CAFE NAIVE ZURICH LODZ ORESUND STRASSE AESIR"},
		{"“Dear Ron” and \"so\" ‘quoted’ it’s", apos, "''DEAR RON'' AND ''SO'' 'QUOTED' IT'S"},
		{"“Dear Ron” and \"so\"", words, "QUOTE DEAR RON UNQUOTE AND QUOTE SO UNQUOTE"},
		{"A—B – C … D&E 5%", apos, "A-B - C ... D AND E 5 PERCENT"},
		{"soft\u00adhyphen non\u00a0breaking", apos, "SOFTHYPHEN NON BREAKING"},
		{"[bracketed]", apos, "(BRACKETED)"},
	} {
		m := &Mapper{Charset: ita2, Quotes: c.q}
		got, err := m.MapString(c.in)
		if err != nil || got != c.want {
			t.Errorf("MapString(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	m := &Mapper{Charset: ita2, Quotes: apos}
	for _, bad := range []string{"£5", "a;b", "wow!", "x+y", "日本", "🙂"} {
		_, err := m.MapString(bad)
		if err == nil || !strings.Contains(err.Error(), "cannot be sent in the ita2 character set") {
			t.Errorf("MapString(%q) error = %v", bad, err)
		}
	}
	if _, err := ParseQuoteStyle("guillemets"); err == nil {
		t.Error("unknown quote style accepted")
	}
}
