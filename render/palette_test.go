package render

import (
	"fmt"
	"strings"
	"testing"
)

// Every view draws with the one palette: the HTML template's colour
// variables, the terminal styles and the PDF colours all come from hue.
func TestOnePalette(t *testing.T) {
	for name, h := range map[string]hue{"del": hueDelete, "ins": hueInsert, "move": hueMove} {
		for _, v := range []string{fmt.Sprintf("--%s: %s;", name, h.css), fmt.Sprintf("--%s-bg: %s;", name, h.cssB)} {
			if !strings.Contains(diffHTMLTemplate, v) {
				t.Errorf("the HTML template lacks %q", v)
			}
		}
	}
	if !strings.Contains(sgrDelete, "31") || !strings.Contains(sgrInsert, "34") || !strings.Contains(sgrMoveTo, "32") {
		t.Errorf("terminal styles %q %q %q: want red deleted, blue inserted, green moved", sgrDelete, sgrInsert, sgrMoveTo)
	}
	if blColorDel != hueDelete.rgb || blColorIns != hueInsert.rgb || blColorMove != hueMove.rgb {
		t.Errorf("PDF colours differ from the palette")
	}
	d, i, m := hueDelete.rgb, hueInsert.rgb, hueMove.rgb
	if !(d[0] > d[1] && d[0] > d[2] && i[2] > i[0] && i[2] > i[1] && m[1] > m[0] && m[1] > m[2]) {
		t.Errorf("palette %v %v %v: want red, blue and green", d, i, m)
	}
}
