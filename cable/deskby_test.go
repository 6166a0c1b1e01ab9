package cable

import (
	"slices"
	"testing"
)

func TestParseDeskby(t *testing.T) {
	for in, want := range map[string]string{"170600Z": "170600Z", "170600z": "170600Z", " DESKBY 010000Z ": "010000Z", "312359A": "312359A"} {
		if got, err := ParseDeskby(in); err != nil || got != want {
			t.Errorf("ParseDeskby(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "170600", "17060Z", "000600Z", "322359Z", "172400Z", "171260Z", "1706001", "170600Z DEC 88"} {
		if _, err := ParseDeskby(in); err == nil {
			t.Errorf("ParseDeskby(%q) gave no error", in)
		}
	}
}

func TestFCODeskbyOnAddressLines(t *testing.T) {
	head := "CONFIDENTIAL\n\nFM WASHINGTON\n"
	tail := "TELNO 948\nOF 170356Z JULY 03\nINFO DESKBY 170800Z UKMIS NEW YORK\nINFO PRIORITY PARIS\n\n1. TEXT.\n\nMEYER\n"
	for _, to := range []string{"TO DESKBY 170600Z FCO\n", "TO IMMEDIATE FCO DESKBY 170600Z\n"} {
		m, err := Parse([]byte(head + to + tail))
		if err != nil {
			t.Fatalf("%q: %v", to, err)
		}
		if !slices.Equal(m.To, []string{"FCO"}) || m.Deskby != "170600Z" || m.DTG != "170356Z JUL 03" {
			t.Errorf("%q: to %q deskby %q dtg %q", to, m.To, m.Deskby, m.DTG)
		}
		if !slices.Equal(m.Info, []string{"UKMIS NEW YORK", "PARIS"}) ||
			!slices.Equal(m.InfoPrecedence, []string{"DESKBY 170800Z", "PRIORITY"}) {
			t.Errorf("%q: info %q %q", to, m.Info, m.InfoPrecedence)
		}
	}
	m, _ := Parse([]byte(head + "TO IMMEDIATE FCO\n" + tail))
	if m.Deskby != "" || !slices.Equal(m.ToPrecedence, []string{"IMMEDIATE"}) {
		t.Errorf("no deskby: %q %q", m.Deskby, m.ToPrecedence)
	}
}
