package render

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// Glyph coverage. The embedded Go fonts cover Latin, Greek and Cyrillic but
// no CJK and no emoji, and fpdf cannot map a character above U+FFFF at all
// (it panics). So every string goes through pdfFonts before fpdf sees it:
// what the face has is drawn in it, and anything else is replaced by a
// visible U+FFFD and reported, never silently printed as an empty box.

// replacementChar is drawn for a character no font can print: the Go fonts
// have a glyph for it, so it is visible.
const replacementChar = "\uFFFD"

// faceTTF holds the embedded faces by family and style.
var faceTTF = func() map[string][]byte {
	m := map[string][]byte{}
	for _, f := range append(append([]pdfFace{}, cableFaces...), proseFaces...) {
		m[f.family+"/"+f.style] = f.ttf
	}
	return m
}()

var (
	parsedMu    sync.Mutex
	parsedFaces = map[string]*sfnt.Font{}
)

// parsedFace parses an embedded face once for the whole process; sfnt
// fonts are safe to share as long as each user has its own Buffer.
func parsedFace(family, style string) *sfnt.Font {
	key := family + "/" + style
	parsedMu.Lock()
	defer parsedMu.Unlock()
	if f, ok := parsedFaces[key]; ok {
		return f
	}
	ttf := faceTTF[key]
	if ttf == nil {
		ttf = faceTTF[family+"/"]
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		f = nil
	}
	parsedFaces[key] = f
	return f
}

// pdfFonts decides, for one document, which font draws each character and
// what replaces the characters none can draw; it keeps the list of
// replaced characters for the warnings.
type pdfFonts struct {
	pdf     *fpdf.Fpdf
	buf     sfnt.Buffer
	cover   map[string]map[rune]bool // by family/style
	missing map[rune]bool
}

func newPDFFonts(pdf *fpdf.Fpdf) *pdfFonts {
	return &pdfFonts{pdf: pdf, cover: map[string]map[rune]bool{}, missing: map[rune]bool{}}
}

// has reports whether the embedded face has a glyph for r.
func (pf *pdfFonts) has(family, style string, r rune) bool {
	if r >= 0x20 && r < 0x7f {
		return true // every Go face has ASCII
	}
	if r > 0xFFFF {
		return false // fpdf cannot map it
	}
	key := family + "/" + style
	m := pf.cover[key]
	if m == nil {
		m = map[rune]bool{}
		pf.cover[key] = m
	}
	if ok, seen := m[r]; seen {
		return ok
	}
	ok := false
	if f := parsedFace(family, style); f != nil {
		i, err := f.GlyphIndex(&pf.buf, r)
		ok = err == nil && i != 0
	}
	m[r] = ok
	return ok
}

// ignorable reports whether r is invisible formatting (zero-width spaces
// and joiners, variation selectors, the byte order mark, tags) that may be
// left out when no font has it, without changing what the text shows.
func ignorable(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, r >= 0x2060 && r <= 0x2064, r >= 0xFE00 && r <= 0xFE0F,
		r == 0xFEFF, r == 0x034F, r >= 0xE0000 && r <= 0xE0FFF, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// glyph is one character as printed: the character of the text and what
// is drawn for it.
type glyph struct {
	r   rune
	out string
}

// plainASCII reports whether s is printable ASCII only, the common case
// every face prints as it stands.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// glyphs decides how each character of s prints: in the face asked for,
// or as U+FFFD (a space, for white space) when it lacks it, remembered for
// the warnings. Invisible formatting characters no font
// has are left out.
func (pf *pdfFonts) glyphs(family, style, s string) []glyph {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s) // e + combining acute prints as é
	}
	out := make([]glyph, 0, len(s))
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			out = append(out, glyph{r, replacementChar})
		case pf.has(family, style, r):
			out = append(out, glyph{r, string(r)})
		case ignorable(r):
		case unicode.IsSpace(r):
			out = append(out, glyph{r, " "})
		default:
			pf.missing[r] = true
			out = append(out, glyph{r, replacementChar})
		}
	}
	return out
}

// printed is s as the document shows it, after replacements.
func (pf *pdfFonts) printed(family, style, s string) string {
	if plainASCII(s) {
		return s
	}
	var b strings.Builder
	for _, g := range pf.glyphs(family, style, s) {
		b.WriteString(g.out)
	}
	return b.String()
}

// width measures s in the given face and size as printed.
func (pf *pdfFonts) width(family, style string, size float64, s string) float64 {
	pf.pdf.SetFont(family, style, size)
	return pf.pdf.GetStringWidth(pf.printed(family, style, s))
}

// text draws s with its baseline at y from x, and leaves the face asked
// for selected.
func (pf *pdfFonts) text(family, style string, size, x, y float64, s string) {
	pf.pdf.SetFont(family, style, size)
	pf.pdf.Text(x, y, pf.printed(family, style, s))
}

// warnings says which characters could not be printed, and how to get a
// font for them; nil when every character printed.
func (pf *pdfFonts) warnings() []string {
	if len(pf.missing) == 0 {
		return nil
	}
	rs := pf.missingRunes()
	above := 0
	var list []string
	for i, r := range rs {
		if r > 0xFFFF {
			above++
		}
		if i == 20 {
			list = append(list, fmt.Sprintf("and %d more", len(rs)-i))
			continue
		} else if i > 20 {
			continue
		}
		if unicode.IsPrint(r) {
			list = append(list, fmt.Sprintf("%U %q", r, string(r)))
		} else {
			list = append(list, fmt.Sprintf("%U", r))
		}
	}
	msg := fmt.Sprintf("pdf: %d distinct character(s) have no glyph in the fonts and print as %s: %s", len(rs), replacementChar, strings.Join(list, ", "))
	if above > 0 {
		msg += "; characters above U+FFFF, such as emoji, cannot be embedded in the PDF"
	}
	return []string{msg}
}

func (pf *pdfFonts) missingRunes() []rune {
	rs := make([]rune, 0, len(pf.missing))
	for r := range pf.missing {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	return rs
}

// note is the warning as printed in the document itself, with character
// codes only, since the characters themselves cannot be printed.
func (pf *pdfFonts) note() string {
	if len(pf.missing) == 0 {
		return ""
	}
	rs := pf.missingRunes()
	var codes []string
	for i, r := range rs {
		if i == 12 {
			codes = append(codes, fmt.Sprintf("and %d more", len(rs)-i))
			break
		}
		codes = append(codes, fmt.Sprintf("%U", r))
	}
	return fmt.Sprintf("Printing note: no font had a glyph for %s; each is printed as %s.", strings.Join(codes, ", "), replacementChar)
}
