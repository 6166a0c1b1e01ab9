package pdffont

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// span is a stretch of text drawn in one font.
type span struct {
	text string
	font string // the fallback family, or "" for the face asked for
}

// Glyph is one character as printed: the character of the text, what is
// drawn for it, and in which font.
type Glyph struct {
	Rune rune
	Out  string
	Font string // the fallback family, or "" for the face asked for
}

// PlainASCII reports whether s is printable ASCII only, the common case
// every face prints as it stands.
func PlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// Glyphs decides how each character of s prints: in the face asked for, in
// the fallback, or as U+FFFD (a space, for white space) when neither has
// it, remembered for the warnings. Invisible formatting characters no font
// has are left out.
func (pf *Fonts) Glyphs(family, style, s string) []Glyph {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s) // e + combining acute prints as é
	}
	out := make([]Glyph, 0, len(s))
	// An emoji sequence no font has (a family joined by zero-width
	// joiners, a skin tone, a flag's two letters) prints as one U+FFFD.
	joined, flagHalf := false, false
	lastReplaced := func() bool { return len(out) > 0 && out[len(out)-1].Out == ReplacementChar }
	for _, r := range s {
		if r == 0x200D && lastReplaced() {
			joined = true
			continue
		}
		fb := ""
		if r != utf8.RuneError && !pf.has(family, style, r) {
			fb = pf.FallbackFor(r)
		}
		switch {
		case r == utf8.RuneError:
			out = append(out, Glyph{r, ReplacementChar, ""})
		case fb != "":
			out = append(out, Glyph{r, string(r), fb})
		case pf.has(family, style, r):
			out = append(out, Glyph{r, string(r), ""})
		case ignorable(r):
			continue
		case unicode.IsSpace(r):
			out = append(out, Glyph{r, " ", ""})
		default:
			pf.missing[r] = true
			regional := r >= 0x1F1E6 && r <= 0x1F1FF
			if joined || flagHalf && regional || r >= 0x1F3FB && r <= 0x1F3FF && lastReplaced() {
				joined, flagHalf = false, false
				continue
			}
			out = append(out, Glyph{r, ReplacementChar, ""})
			joined, flagHalf = false, regional
			continue
		}
		joined, flagHalf = false, false
	}
	return out
}

// spans cuts s into runs each drawn in one font (see glyphs).
func (pf *Fonts) spans(family, style, s string) []span {
	if PlainASCII(s) {
		return []span{{text: s}}
	}
	var out []span
	var cur strings.Builder
	curFont := ""
	for _, g := range pf.Glyphs(family, style, s) {
		if g.Font != curFont && cur.Len() > 0 {
			out = append(out, span{text: cur.String(), font: curFont})
			cur.Reset()
		}
		curFont = g.Font
		cur.WriteString(g.Out)
	}
	if cur.Len() > 0 {
		out = append(out, span{text: cur.String(), font: curFont})
	}
	return out
}

// printed is s as the document shows it, after replacements.
func (pf *Fonts) printed(family, style, s string) string {
	var b strings.Builder
	for _, sp := range pf.spans(family, style, s) {
		b.WriteString(sp.text)
	}
	return b.String()
}

// setFont selects a face unless it is the one selected already: fpdf's
// SetFont writes a font selection into the page each time it is called,
// and the layout measures every word, so most calls changed nothing but
// the size of the page (and the time to compress it).
func (pf *Fonts) setFont(family, style string, size float64) {
	if pt, _ := pf.pdf.GetFontSize(); pt == size && pf.pdf.GetFontFamily() == family && pf.pdf.GetFontStyle() == style {
		return
	}
	pf.pdf.SetFont(family, style, size)
}

// SymWidth is the width of plain ASCII s in the face's glyph units, and
// the font size in page units: fpdf's GetStringWidth is the one times the
// other over 1000, and the glyph units of two texts add up to those of
// the two joined.
func (pf *Fonts) SymWidth(family, style string, size float64, s string) (sym int, unit float64) {
	pf.setFont(family, style, size)
	_, unit = pf.pdf.GetFontSize()
	return pf.pdf.GetStringSymbolWidth(s), unit
}

// Width measures s in the given face and size, each run in its own font.
func (pf *Fonts) Width(family, style string, size float64, s string) float64 {
	if PlainASCII(s) {
		pf.setFont(family, style, size)
		return pf.pdf.GetStringWidth(s)
	}
	w := 0.0
	for _, sp := range pf.spans(family, style, s) {
		w += pf.spanWidth(family, style, size, sp)
	}
	return w
}

func (pf *Fonts) spanWidth(family, style string, size float64, sp span) float64 {
	if sp.font != "" {
		pf.setFont(sp.font, "", size)
	} else {
		pf.setFont(family, style, size)
	}
	return pf.pdf.GetStringWidth(sp.text)
}

// Text draws s with its baseline at y from x, each run in its own font, and
// leaves the face asked for selected.
func (pf *Fonts) Text(family, style string, size, x, y float64, s string) {
	if PlainASCII(s) {
		pf.setFont(family, style, size)
		pf.pdf.Text(x, y, s)
		return
	}
	for _, sp := range pf.spans(family, style, s) {
		w := pf.spanWidth(family, style, size, sp)
		pf.pdf.Text(x, y, sp.text)
		x += w
	}
	pf.setFont(family, style, size)
}

// Warnings says which characters could not be printed, and how to get a
// font for them; nil when every character printed.
func (pf *Fonts) Warnings() []string {
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
	msg := fmt.Sprintf("pdf: %d distinct character(s) have no glyph in the fonts and print as %s: %s", len(rs), ReplacementChar, strings.Join(list, ", "))
	if above > 0 {
		msg += "; characters above U+FFFF, such as emoji, cannot be embedded in the PDF"
	}
	if above < len(rs) {
		if len(pf.fbs) == 0 {
			msg += fmt.Sprintf("; no fallback font was found: set %s to a TrueType .ttf font that has them, or install %s", FallbackFontEnv, FallbackFontPackage)
		} else {
			var paths []string
			for _, f := range pf.fbs {
				paths = append(paths, f.path)
			}
			msg += fmt.Sprintf("; the fallback fonts (%s) lack some: set %s to a TrueType .ttf font that has them", strings.Join(paths, ", "), FallbackFontEnv)
		}
	}
	return []string{msg}
}

func (pf *Fonts) missingRunes() []rune {
	rs := make([]rune, 0, len(pf.missing))
	for r := range pf.missing {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	return rs
}

// Note is the warning as printed in the document itself, with character
// codes only, since the characters themselves cannot be printed.
func (pf *Fonts) Note() string {
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
	return fmt.Sprintf("Printing note: no font had a glyph for %s; each is printed as %s.", strings.Join(codes, ", "), ReplacementChar)
}
