package render

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
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
// runs the primary face has are drawn in it, runs a fallback TrueType font
// found on the machine has are drawn in that, and anything else is replaced
// by a visible U+FFFD and reported, never silently printed as an empty box.

// FallbackFontEnv names the environment variable that points at a TrueType
// font (.ttf with TrueType outlines) for characters the embedded fonts lack.
const FallbackFontEnv = "REDLINE_PDF_FALLBACK_FONT"

// FallbackFontPackage is the Debian package that installs a fallback font
// redline finds by itself.
const FallbackFontPackage = "fonts-droid-fallback"

// fallbackFontPaths are the places searched, in order, for a fallback font
// when FallbackFontEnv is not set. Only plain TrueType files qualify: fpdf
// reads neither collections (.ttc) nor CFF-flavoured OpenType (.otf).
var fallbackFontPaths = []string{
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
	"/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
	"/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
	"/usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf",
	"/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
	"/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
	"/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
	"/usr/share/fonts/TTF/DroidSansFallbackFull.ttf",
	"/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
	"/Library/Fonts/Arial Unicode.ttf",
	"/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
}

// fontFallback is the family name the fallback font is registered under.
// It has one face; bold and italic text falls back to it upright.
const fontFallback = "fallback"

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

// fallbackFont is a TrueType font read from the machine.
type fallbackFont struct {
	path string
	ttf  []byte
	font *sfnt.Font
}

type fallbackKey struct {
	path string
	size int64
	mod  int64
}

var (
	fallbackMu    sync.Mutex
	fallbackCache = map[fallbackKey]*fallbackFont{}
)

// loadFallback reads and checks the font at path: it must be a single
// TrueType font with TrueType outlines that fpdf can embed.
func loadFallback(path string) (*fallbackFont, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	key := fallbackKey{path, st.Size(), st.ModTime().UnixNano()}
	fallbackMu.Lock()
	defer fallbackMu.Unlock()
	if f, ok := fallbackCache[key]; ok {
		return f, nil
	}
	ttf, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if err := checkTrueType(ttf); err != nil {
		return nil, err
	}
	font, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("not a font: %v", err)
	}
	// fpdf's own reader is stricter than sfnt's; a font it rejects would
	// spoil the whole document, so try it on a scratch one first.
	scratch := fpdf.New("P", "pt", "A4", "")
	if err := addFontSafely(scratch, fontFallback, ttf); err != nil {
		return nil, err
	}
	f := &fallbackFont{path: path, ttf: ttf, font: font}
	fallbackCache[key] = f
	return f, nil
}

// addFontSafely registers a TrueType font, turning a panic in fpdf's font
// reader into an error.
func addFontSafely(pdf *fpdf.Fpdf, family string, ttf []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("fpdf cannot read it: %v", r)
		}
	}()
	pdf.AddUTF8FontFromBytes(family, "", ttf)
	if e := pdf.Error(); e != nil {
		return fmt.Errorf("fpdf cannot read it: %v", e)
	}
	return nil
}

// checkTrueType accepts a single font with TrueType outlines (a glyf
// table); collections and CFF OpenType fonts are refused with a reason.
func checkTrueType(b []byte) error {
	if len(b) < 12 {
		return fmt.Errorf("not a font file")
	}
	switch string(b[:4]) {
	case "ttcf":
		return fmt.Errorf("a font collection (.ttc), which fpdf cannot embed: give a single .ttf")
	case "OTTO":
		return fmt.Errorf("an OpenType font with CFF outlines, which fpdf cannot embed: give a TrueType .ttf")
	case "\x00\x01\x00\x00", "true":
	default:
		return fmt.Errorf("not a TrueType font file")
	}
	n := int(binary.BigEndian.Uint16(b[4:6]))
	if len(b) < 12+16*n {
		return fmt.Errorf("a truncated font file")
	}
	for i := range n {
		if bytes.Equal(b[12+16*i:16+16*i], []byte("glyf")) {
			return nil
		}
	}
	return fmt.Errorf("a font without TrueType outlines, which fpdf cannot embed")
}

// findFallback locates the fallback font: the one FallbackFontEnv names
// (an error when it cannot be used, since the user asked for it), else the
// first usable one on the well-known paths, else none.
func findFallback() (*fallbackFont, error) {
	if p := strings.TrimSpace(os.Getenv(FallbackFontEnv)); p != "" {
		f, err := loadFallback(p)
		if err != nil {
			return nil, fmt.Errorf("%s=%s cannot be used: %v; name a TrueType .ttf font or unset it", FallbackFontEnv, p, err)
		}
		return f, nil
	}
	for _, p := range fallbackFontPaths {
		if f, err := loadFallback(p); err == nil {
			return f, nil
		}
	}
	return nil, nil
}

// pdfFonts decides, for one document, which font draws each character and
// what replaces the characters none can draw; it keeps the list of
// replaced characters for the warnings.
type pdfFonts struct {
	pdf      *fpdf.Fpdf
	buf      sfnt.Buffer
	cover    map[string]map[rune]bool // by family/style
	fb       *fallbackFont
	fbCover  map[rune]bool
	fbTried  bool
	fbAdded  bool
	fbErr    error
	missing  map[rune]bool
	fallback map[rune]bool // characters drawn in the fallback font
}

func newPDFFonts(pdf *fpdf.Fpdf) *pdfFonts {
	return &pdfFonts{pdf: pdf, cover: map[string]map[rune]bool{}, missing: map[rune]bool{}, fallback: map[rune]bool{}}
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

// fallbackHas reports whether the fallback font (found on first need) has
// a glyph for r, registering it with the document the first time.
func (pf *pdfFonts) fallbackHas(r rune) bool {
	if r > 0xFFFF {
		return false
	}
	if !pf.fbTried {
		pf.fbTried = true
		pf.fb, pf.fbErr = findFallback()
		pf.fbCover = map[rune]bool{}
	}
	if pf.fb == nil {
		return false
	}
	if ok, seen := pf.fbCover[r]; seen {
		return ok
	}
	i, err := pf.fb.font.GlyphIndex(&pf.buf, r)
	ok := err == nil && i != 0
	if ok && !pf.fbAdded {
		if err := addFontSafely(pf.pdf, fontFallback, pf.fb.ttf); err != nil {
			pf.fbErr = fmt.Errorf("fallback font %s: %v", pf.fb.path, err)
			pf.fb = nil
			return false
		}
		pf.fbAdded = true
	}
	pf.fbCover[r] = ok
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

// pdfSpan is a stretch of text drawn in one font.
type pdfSpan struct {
	text     string
	fallback bool // drawn in the fallback font
}

// glyph is one character as printed: the character of the text, what is
// drawn for it, and in which font.
type glyph struct {
	r        rune
	out      string
	fallback bool
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

// glyphs decides how each character of s prints: in the face asked for, in
// the fallback, or as U+FFFD (a space, for white space) when neither has
// it, remembered for the warnings. Invisible formatting characters no font
// has are left out.
func (pf *pdfFonts) glyphs(family, style, s string) []glyph {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s) // e + combining acute prints as é
	}
	out := make([]glyph, 0, len(s))
	// An emoji sequence no font has (a family joined by zero-width
	// joiners, a skin tone, a flag's two letters) prints as one U+FFFD.
	joined, flagHalf := false, false
	lastReplaced := func() bool { return len(out) > 0 && out[len(out)-1].out == replacementChar }
	for _, r := range s {
		if r == 0x200D && lastReplaced() {
			joined = true
			continue
		}
		switch {
		case r == utf8.RuneError:
			out = append(out, glyph{r, replacementChar, false})
		case pf.has(family, style, r):
			out = append(out, glyph{r, string(r), false})
		case pf.fallbackHas(r):
			pf.fallback[r] = true
			out = append(out, glyph{r, string(r), true})
		case ignorable(r):
			continue
		case unicode.IsSpace(r):
			out = append(out, glyph{r, " ", false})
		default:
			pf.missing[r] = true
			regional := r >= 0x1F1E6 && r <= 0x1F1FF
			if joined || flagHalf && regional || r >= 0x1F3FB && r <= 0x1F3FF && lastReplaced() {
				joined, flagHalf = false, false
				continue
			}
			out = append(out, glyph{r, replacementChar, false})
			joined, flagHalf = false, regional
			continue
		}
		joined, flagHalf = false, false
	}
	return out
}

// spans cuts s into runs each drawn in one font (see glyphs).
func (pf *pdfFonts) spans(family, style, s string) []pdfSpan {
	if plainASCII(s) {
		return []pdfSpan{{text: s}}
	}
	var out []pdfSpan
	var cur strings.Builder
	curFB := false
	for _, g := range pf.glyphs(family, style, s) {
		if g.fallback != curFB && cur.Len() > 0 {
			out = append(out, pdfSpan{text: cur.String(), fallback: curFB})
			cur.Reset()
		}
		curFB = g.fallback
		cur.WriteString(g.out)
	}
	if cur.Len() > 0 {
		out = append(out, pdfSpan{text: cur.String(), fallback: curFB})
	}
	return out
}

// printed is s as the document shows it, after replacements.
func (pf *pdfFonts) printed(family, style, s string) string {
	var b strings.Builder
	for _, sp := range pf.spans(family, style, s) {
		b.WriteString(sp.text)
	}
	return b.String()
}

// width measures s in the given face and size, each run in its own font.
func (pf *pdfFonts) width(family, style string, size float64, s string) float64 {
	if plainASCII(s) {
		pf.pdf.SetFont(family, style, size)
		return pf.pdf.GetStringWidth(s)
	}
	w := 0.0
	for _, sp := range pf.spans(family, style, s) {
		w += pf.spanWidth(family, style, size, sp)
	}
	return w
}

func (pf *pdfFonts) spanWidth(family, style string, size float64, sp pdfSpan) float64 {
	if sp.fallback {
		pf.pdf.SetFont(fontFallback, "", size)
	} else {
		pf.pdf.SetFont(family, style, size)
	}
	return pf.pdf.GetStringWidth(sp.text)
}

// text draws s with its baseline at y from x, each run in its own font, and
// leaves the face asked for selected.
func (pf *pdfFonts) text(family, style string, size, x, y float64, s string) {
	if plainASCII(s) {
		pf.pdf.SetFont(family, style, size)
		pf.pdf.Text(x, y, s)
		return
	}
	for _, sp := range pf.spans(family, style, s) {
		w := pf.spanWidth(family, style, size, sp)
		pf.pdf.Text(x, y, sp.text)
		x += w
	}
	pf.pdf.SetFont(family, style, size)
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
	if above < len(rs) {
		if pf.fb == nil {
			msg += fmt.Sprintf("; no fallback font was found: set %s to a TrueType .ttf font that has them, or install %s", FallbackFontEnv, FallbackFontPackage)
		} else {
			msg += fmt.Sprintf("; the fallback font %s lacks some: set %s to a TrueType .ttf font that has them", pf.fb.path, FallbackFontEnv)
		}
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
