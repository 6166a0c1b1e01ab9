package pdffont

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
)

// Glyph coverage. The embedded Go fonts cover Latin, Greek and Cyrillic but
// no CJK and no emoji, and fpdf cannot map a character above U+FFFF at all
// (it panics). So every string goes through Fonts before fpdf sees it:
// runs the primary face has are drawn in it, runs a fallback TrueType font
// found on the machine has are drawn in that, and anything else is replaced
// by a visible U+FFFD and reported, never silently printed as an empty box.

// FallbackFontEnv names the environment variable that points at TrueType
// fonts (.ttf with TrueType outlines) for characters the embedded fonts
// lack: one path, or several separated as in PATH, tried in order before
// the well-known paths.
const FallbackFontEnv = "REDLINE_PDF_FALLBACK_FONT"

// FallbackFontPackage is the Debian package that installs fallback fonts
// redline finds by itself: DroidSansFallbackFull.ttf (CJK, kana) and
// DroidSansFallback.ttf (the same and all Hangul syllables).
const FallbackFontPackage = "fonts-droid-fallback"

// fallbackFontPaths are the places searched, in order, for fallback fonts,
// after those FallbackFontEnv names. A character is drawn in the first font
// that has it. Only plain TrueType files qualify: fpdf reads neither
// collections (.ttc) nor CFF-flavoured OpenType (.otf).
var fallbackFontPaths = []string{
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
	"/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
	"/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
	"/usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf",
	"/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
	"/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
	"/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
	"/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
	"/usr/share/fonts/TTF/DroidSansFallbackFull.ttf",
	"/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
	"/Library/Fonts/Arial Unicode.ttf",
	"/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
}

// FallbackFamily is the family name the first fallback font is registered
// under; the next are fallback2, fallback3 and so on. Each has one face:
// bold and italic text falls back to it upright.
const FallbackFamily = "fallback"

func fallbackFamily(i int) string {
	if i == 0 {
		return FallbackFamily
	}
	return fmt.Sprintf("%s%d", FallbackFamily, i+1)
}

// ReplacementChar is drawn for a character no font can print: the Go fonts
// have a glyph for it, so it is visible.
const ReplacementChar = "\uFFFD"

// faceTTF holds the embedded faces by family and style.
var faceTTF = func() map[string][]byte {
	m := map[string][]byte{}
	for _, f := range append(append([]Face{}, CableFaces...), ProseFaces...) {
		m[f.Family+"/"+f.Style] = f.TTF
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
	real string // the path with symbolic links resolved, to find duplicates
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
	if err := addFontSafely(scratch, FallbackFamily, ttf); err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		real = path
	}
	f := &fallbackFont{path: path, real: real, ttf: ttf, font: font}
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
	addFontCopy(pdf, family, "", ttf)
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

// fallbackCandidate is a font to try: named by FallbackFontEnv (so that it
// must be usable) or a well-known path (skipped when it is not).
type fallbackCandidate struct {
	path  string
	named bool
}

func fallbackCandidates(named []string, search bool) []fallbackCandidate {
	var out []fallbackCandidate
	for _, p := range named {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, fallbackCandidate{p, true})
		}
	}
	if !search {
		return out
	}
	for _, p := range fallbackFontPaths {
		out = append(out, fallbackCandidate{p, false})
	}
	return out
}

// docFallback is a fallback font as one document uses it.
type docFallback struct {
	*fallbackFont
	family string
	cover  map[rune]bool
	added  bool // registered with the document
}

// Fonts decides, for one document, which font draws each character and
// what replaces the characters none can draw; it keeps the list of
// replaced characters for the warnings. Fallback fonts are read only when
// a character needs one, and registered only when a character is drawn in
// it, so that a Latin document is the same with or without them.
type Fonts struct {
	pdf     *fpdf.Fpdf
	named   []string // fallback fonts the user named, tried first
	search  bool     // then the well-known places
	buf     sfnt.Buffer
	cover   map[string]map[rune]bool // by family/style
	cands   []fallbackCandidate      // nil until a character needs them
	next    int                      // the next candidate to read
	fbs     []*docFallback           // the fonts read so far, in order
	seen    map[string]bool          // their resolved paths
	fbErr   error                    // a named font that cannot be used
	missing map[rune]bool
}

// Config is what a document's fonts take from the caller.
type Config struct {
	// Named are fallback fonts the user named (from FallbackFontEnv, read
	// by the command), tried in order first; each must be usable.
	Named []string
	// NoSearch leaves out the well-known places fallback fonts are looked
	// for, as on a machine that has none.
	NoSearch bool
}

// New gives the fonts of one document.
func New(pdf *fpdf.Fpdf, cfg Config) *Fonts {
	return &Fonts{pdf: pdf, named: cfg.Named, search: !cfg.NoSearch, cover: map[string]map[rune]bool{}, missing: map[rune]bool{}, seen: map[string]bool{}}
}

// Err is why a font the user named cannot be used, once a character
// needed it; nil otherwise.
func (pf *Fonts) Err() error { return pf.fbErr }

// PDF is the document the fonts draw in.
func (pf *Fonts) PDF() *fpdf.Fpdf { return pf.pdf }

// WellKnownPaths gives the places searched for fallback fonts, in order,
// after the named ones.
func WellKnownPaths() []string { return append([]string(nil), fallbackFontPaths...) }

// has reports whether the embedded face has a glyph for r.
func (pf *Fonts) has(family, style string, r rune) bool {
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

// FallbackFor returns the family of the first fallback font that has a
// glyph for r, registering it with the document the first time; "" when
// none has.
func (pf *Fonts) FallbackFor(r rune) string {
	if r > 0xFFFF || pf.fbErr != nil {
		return ""
	}
	if pf.cands == nil {
		pf.cands = fallbackCandidates(pf.named, pf.search)
		// The fonts the user named are read at once, so that a bad
		// one is an error whichever character first needs a font.
		for pf.next < len(pf.cands) && pf.cands[pf.next].named {
			if !pf.readNext() {
				return ""
			}
		}
	}
	for i := 0; ; i++ {
		if i == len(pf.fbs) && !pf.readNext() {
			return ""
		}
		f := pf.fbs[i]
		ok, seen := f.cover[r]
		if !seen {
			g, err := f.font.GlyphIndex(&pf.buf, r)
			ok = err == nil && g != 0
			f.cover[r] = ok
		}
		if !ok {
			continue
		}
		if !f.added {
			if err := addFontSafely(pf.pdf, f.family, f.ttf); err != nil {
				pf.fbErr = fmt.Errorf("fallback font %s: %v", f.path, err)
				return ""
			}
			f.added = true
		}
		return f.family
	}
}

// readNext reads the next usable candidate font; false when none is left
// or a named one cannot be used (pf.fbErr says why).
func (pf *Fonts) readNext() bool {
	for pf.next < len(pf.cands) {
		c := pf.cands[pf.next]
		pf.next++
		f, err := loadFallback(c.path)
		if err != nil {
			if c.named {
				pf.fbErr = fmt.Errorf("%s: %s cannot be used: %v; name TrueType .ttf fonts or unset it", FallbackFontEnv, c.path, err)
				return false
			}
			continue
		}
		if pf.seen[f.real] {
			continue
		}
		pf.seen[f.real] = true
		pf.fbs = append(pf.fbs, &docFallback{fallbackFont: f, family: fallbackFamily(len(pf.fbs)), cover: map[rune]bool{}})
		return true
	}
	return false
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
