package cable

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// A TO or INFO list that runs on across a page break (the page's banner
// and PAGE 02 line between two addressees) is read whole, wherever the
// break falls, and the text still starts at the classification line.
func TestAddressListAcrossPageBreak(t *testing.T) {
	to := []string{"AMEMBASSY ANKARA", "AMEMBASSY BONN", "AMEMBASSY LA PAZ", "AMEMBASSY THE HAGUE", "USMISSION USUN NEW YORK"}
	info := []string{"USMISSION GENEVA", "AMCONSUL LOURENCO MARQUES", "USMISSION NATO"}
	all := append(append([]string{}, to...), info...)
	for brk := 1; brk < len(all); brk++ {
		var b strings.Builder
		b.WriteString("R 112249Z FEB 74\nFM SECSTATE WASHDC\n")
		for k, a := range all {
			if k == brk {
				b.WriteString("CONFIDENTIAL\nPAGE 02 STATE 027792\n")
			}
			switch k {
			case 0:
				a = "TO " + a
			case len(to):
				a = "INFO " + a
			}
			b.WriteString(a + "\n")
		}
		b.WriteString("C O N F I D E N T I A L STATE 027792\nE.O. 11652: GDS\nSUBJECT: A TEST\n\n1. TEXT HERE.\nKISSINGER\n")
		m, err := Parse([]byte(b.String()))
		if err != nil {
			t.Fatalf("break before %d: %v", brk, err)
		}
		if !reflect.DeepEqual(m.To, to) || !reflect.DeepEqual(m.Info, info) {
			t.Errorf("break before %d: to %q info %q", brk, m.To, m.Info)
		}
		if m.EO != "11652: GDS" || m.Subject != "A TEST" || m.Text != "1. TEXT HERE." || len(m.Heading) != 0 {
			t.Errorf("break before %d: eo %q subject %q heading %q text %q", brk, m.EO, m.Subject, m.Heading, m.Text)
		}
	}
}

// After a page break in the heading, lines that are not shaped like
// addresses, or that run into a blank line rather than the classification
// line, are not taken for addressees.
func TestAddressRunNeedsAddressShapes(t *testing.T) {
	for _, after := range []string{"THE MINISTER ARRIVES, WE HOPE.\n", "AMEMBASSY MADRID\n\n"} {
		in := "R 112249Z FEB 74\nFM SECSTATE WASHDC\nTO AMEMBASSY ANKARA\nCONFIDENTIAL\nPAGE 02 STATE 027792\n" + after +
			"C O N F I D E N T I A L STATE 027792\n\n1. TEXT.\n"
		m, err := Parse([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(m.To); got != "[AMEMBASSY ANKARA]" {
			t.Errorf("after %q: to %s", after, got)
		}
	}
}

// An E.O. line whose E the copy lost (.O. 11652: GDS) is still the E.O.
// field, and a SUMMARY: paragraph under a REF line is text, not more of
// the reference.
func TestEOAndRefEdges(t *testing.T) {
	in := "R 311455Z JUL 74\nFM USMISSION USUN NY\nTO SECSTATE WASHDC\nC O N F I D E N T I A L USUN 2648\n" +
		".O. 11652: GDS\nREF: (A) USUN 2642; (B) STATE 1234;\n(C) LISBON 2831\nSUMMARY: THEY WILL WAIT. END SUMMARY.\n1. ARAUJO CALLED.\nSCALI\n"
	m, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if m.EO != "11652: GDS" || !reflect.DeepEqual(m.References, []string{"USUN 2642", "STATE 1234", "LISBON 2831"}) ||
		!strings.HasPrefix(m.Text, "SUMMARY: THEY WILL WAIT.") {
		t.Errorf("eo %q refs %q text %q", m.EO, m.References, m.Text)
	}
}
