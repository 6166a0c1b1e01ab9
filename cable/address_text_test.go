package cable

import (
	"slices"
	"strings"
	"testing"
)

// An FCO telegram writes its TO lines above TELNO and OF: a paragraph of
// the text that opens with TO after the heading and a blank line is text,
// not one more action addressee (the read-back property found both).
func TestFCOTextOpeningWithTo(t *testing.T) {
	for _, head := range []string{
		"SECRET\n\nFM CABINET OFFICE LONDON\nTO DESKBY 220800Z THE WHITE HOUSE\nTELNO 1119\nOF 212130Z DEC 88\n\n",
		"SECRET\n\nFM CABINET OFFICE LONDON\nTO PRIORITY THE WHITE HOUSE\nTELNO 1119\nOF 212130Z DEC 88\nINFO PRIORITY PARIS\n\n",
		"SECRET\n\nFM CABINET OFFICE LONDON\nTO PRIORITY THE WHITE HOUSE\nTELNO 1119 OF 212130Z DEC 88\n\n",
	} {
		m, err := Parse([]byte(head + "TO MOSCOW THE MINISTER SAID THAT HE WOULD COME.\n\nSHULTZ\n"))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(m.To, []string{"THE WHITE HOUSE"}) || !strings.HasPrefix(m.Text, "TO MOSCOW THE MINISTER") {
			t.Errorf("%q: to %q, text %q", head, m.To, m.Text)
		}
	}
}

// A State cable with no fields under its heading may still have a passing
// line that names no sender (FOR JOHNSON), a paragraph of its own with no
// full stop; a short first paragraph that ends a sentence is text.
func TestStatePassingAloneAboveText(t *testing.T) {
	head := "R 010101Z JAN 76\nFM SECSTATE WASHDC\nTO AMEMBASSY GENEVA\nBT\nS E C R E T STATE 123456\n"
	for body, want := range map[string][2]string{
		"FOR JOHNSON\n\nRE YOUR 1135.\n":                                       {"FOR JOHNSON", "RE YOUR 1135."},
		"FOR JOHNSON\nSECRET\nSECRET\nPAGE 02 STATE 123456\n\nRE YOUR 1135.\n": {"FOR JOHNSON", "RE YOUR 1135."},
		"FOR YOUR INFORMATION.\n\nRE YOUR 1135.\n":                             {"", "FOR YOUR INFORMATION."},
	} {
		m, err := Parse([]byte(head + body + "BT\nNNNN\n"))
		if err != nil {
			t.Fatal(err)
		}
		if m.Passing != want[0] || !strings.HasPrefix(m.Text, want[1]) {
			t.Errorf("%q: passing %q, text %q", body, m.Passing, m.Text)
		}
	}
}

// A first line that ends a sentence after a year (IN 1991. BEGIN TEXT:)
// has begun the text, so a line below it shaped like a field (TO TELNO
// 1991 ...) does not make the lines above it heading lines.
func TestTextBegunAfterAYear(t *testing.T) {
	in := "P 212130Z DEC 88\nFM CABINET OFFICE LONDON\nTO THE WHITE HOUSE\nBT\nSECRET\n\nPRIME MINISTER'S\nPERSONAL MESSAGE\nSERIAL No. T 192A/88\n\n" +
		"CASES THE ONLY PROGRESS MOSCOW IN 1991. BEGIN TEXT:\n\nTO TELNO 1991 FAMILY REUNIFICATION ONLY.\n\nEND TEXT.\n\nHOWE\nBT\n"
	m, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(m.Text, "CASES THE ONLY PROGRESS") || len(m.References) != 0 {
		t.Errorf("text %q, references %q", m.Text, m.References)
	}
}

// A line that announces a quoted text has begun the text: the lines below
// it are the letter's, even one shaped like a field (THE TELNO 1 ...).
func TestTextBegunWithBeginText(t *testing.T) {
	in := "P 212130Z DEC 88\nFM CABINET OFFICE LONDON\nTO THE WHITE HOUSE\nBT\nSECRET\n\nPRIME MINISTER'S\nPERSONAL MESSAGE\nSERIAL No. T 192A/88\n\n" +
		"PLEASE PASS THIS TO BT. BEGIN TEXT:\n\nTHE TELNO 1 SETTLEMENT.\n\nEND TEXT.\n\nHOWE\nBT\n"
	m, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(m.Text, "PLEASE PASS THIS") || len(m.References) != 0 || len(m.Heading) > 2 {
		t.Errorf("text %q, references %q, heading %q", m.Text, m.References, m.Heading)
	}
}

// A paragraph of one line reads as a passing line when it is FOLLOWING
// FOR X. or FOR X with nothing that ends a sentence; with a line after it
// in the same paragraph, only when that line opens FROM.
func TestOpensPassingOneLineParagraph(t *testing.T) {
	for _, c := range []struct {
		line, next string
		want       bool
	}{
		{"FOLLOWING FOR OADR OF AGREE.", "", true},
		{"FOR JOHNSON", "", true},
		{"FOR JOHNSON", "FROM THE SECRETARY", true},
		{"FOR JOHNSON", "AND THE OTHERS", false},
		{"FOR YOUR INFORMATION.", "", false},
		{"FOR MOSCOW PROGRESS. BEGIN TEXT:", "", false},
		{"THE MINISTER SAID", "", false},
	} {
		if got := OpensPassing(c.line, c.next); got != c.want {
			t.Errorf("OpensPassing(%q, %q) = %v", c.line, c.next, got)
		}
	}
}
