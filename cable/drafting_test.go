package cable

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The drafting block is read into fields wherever an archive copy prints
// it: after the text's NNN when the heading follows the text, above the
// heading otherwise; none of it is left in the text.
func TestDraftingBlockFields(t *testing.T) {
	for _, c := range []struct {
		file                      string
		origin, drafted, approved string
		distribution, clearances  []string
	}{
		{"state_1974_state_149165_header_after.txt", "EUR-25", "EUR/P:WJGEHRON:SS", "EUR/RPM - MR. STREATOR",
			[]string{"OCT-01", "ISO-00", "A-01", "M-02", "CIAE-00", "PM-07", "INR-10", "L-03", "ACDA-19", "NSAE-00",
				"PA-04", "RSC-01", "PRS-01", "SP-03", "USIA-15", "TRSE-00", "SAJ-01", "DODE-00"},
			[]string{"EUR/RPM - MR. REHFELD", "A - MR. WISNER"}},
		{"state_1973_london_10150_header_after.txt", "SS-25", "", "", []string{"OCT-01", "ADP-00"}, nil},
		{"state_1975_london_11682.txt", "EUR-12", "", "", []string{"OCT-01", "ISO-00", "PM-03", "CIAE-00", "INR-07",
			"L-03", "ACDA-05", "NSAE-00", "PA-01", "PRS-01", "SP-02", "USIA-06", "TRSE-00", "SAJ-01", "SS-15", "NSC-05"}, nil},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", "archive", c.file))
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		got := []any{m.Origin, m.DraftedBy, m.ApprovedBy, m.Distribution, m.Clearances}
		want := []any{c.origin, c.drafted, c.approved, c.distribution, c.clearances}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\ngot  %q\nwant %q", c.file, got, want)
		}
	}
}

// A block above the heading, as a rendered State telegram writes it, reads
// back with its clearances in order, and DESIRED DISTRIBUTION apart.
func TestDraftingBlockAboveHeading(t *testing.T) {
	in := "DRAFTED BY ARA/CEN:DCJOHNSON\nAPPROVED BY THE SECRETARY\nARA:TTODMAN\nP:PHABIB\n" +
		"DESIRED DISTRIBUTION\nARA, S/S\n------------------ 044391\nO 212130Z DEC 78\nFM SECSTATE WASHDC\n" +
		"TO AMEMBASSY MANAGUA IMMEDIATE\nBT\nC O N F I D E N T I A L STATE 296107\n1. TEXT.\nBT\n"
	m := mustParse(t, in)
	got := []any{m.DraftedBy, m.ApprovedBy, m.Clearances, m.DesiredDistribution, m.Text}
	want := []any{"ARA/CEN:DCJOHNSON", "THE SECRETARY", []string{"ARA:TTODMAN", "P:PHABIB"}, "ARA, S/S", "1. TEXT."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// An FCO telegram's subject line right after its INFO line is its subject,
// not an addressee; a line after an address line that ends with a comma
// still adds addressees.
func TestFCOSubjectAfterInfo(t *testing.T) {
	m := mustParse(t, "CONFIDENTIAL\nFM FCO\nTO IMMEDIATE WASHINGTON\nTELNO 1119\nOF 212300Z DEC 88\n"+
		"INFO PRIORITY PARIS, BONN,\nUKDEL NATO\nFALKLANDS: US ATTITUDE\n\n1. THE TEXT IS HERE.\n\nHOWE\n")
	got := []any{m.To, m.Info, m.Subject}
	want := []any{[]string{"WASHINGTON"}, []string{"PARIS", "BONN", "UKDEL NATO"}, "FALKLANDS: US ATTITUDE"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
