package render

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/redline-dev/redline/attrib"
)

// BlameOptions are the settings of the blame views.
type BlameOptions struct {
	// Color allows terminal escapes (ansi).
	Color bool
	// Title names the document (html, pdf).
	Title string
	// Paper is "a4" or "letter" (pdf).
	Paper string
	// PDF is the machine's setup for the pdf view.
	PDF PDFSetup
}

// BlameFormats lists the blame views.
func BlameFormats() []string { return []string{"ansi", "html", "pdf", "plain"} }

// Blame draws an attribution: the text coloured (ansi, html, pdf) or marked
// (plain) by the office of the revision that wrote each word, after a legend
// of the chain's revisions and offices.
func Blame(w io.Writer, b *attrib.Blame, format string, opts BlameOptions) error {
	switch format {
	case "plain":
		return blamePlain(w, b, false)
	case "ansi":
		return blamePlain(w, b, opts.Color)
	case "html":
		return blameHTML(w, b, opts)
	case "pdf":
		_, err := BlamePDFWithWarnings(w, b, opts)
		return err
	}
	return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(BlameFormats(), ", "))
}

// officeIndex numbers the chain's offices in the order they first appear,
// which picks each one's colour.
func officeIndex(b *attrib.Blame) map[string]int {
	idx := map[string]int{}
	for _, s := range b.Offices() {
		idx[s.Office] = len(idx)
	}
	return idx
}

// Terminal colours for offices, in order of first appearance.
var blameSGR = []string{"\x1b[34m", "\x1b[35m", "\x1b[32m", "\x1b[33m", "\x1b[36m", "\x1b[31m", "\x1b[94m", "\x1b[95m"}

func officeLabel(o string) string {
	if o == "" {
		return "(no office)"
	}
	return o
}

// revLabel names a revision in a legend: "3 (final)".
func revLabel(r attrib.Revision) string {
	s := fmt.Sprintf("%d", r.Number)
	if r.Number == 0 {
		s = "working copy"
	}
	if r.Label != "" {
		s += " (" + r.Label + ")"
	}
	return s
}

// blameLegend lists the revisions that wrote surviving words and the
// offices' shares.
func blameLegend(b *attrib.Blame) []string {
	var out []string
	for _, s := range b.ByRevision() {
		r := b.Revisions[s.Rev]
		line := fmt.Sprintf("revision %s  %s  %s", revLabel(r), officeLabel(r.Office), r.Author)
		if !r.Time.IsZero() {
			line += "  " + r.Time.UTC().Format("2006-01-02 15:04Z")
		}
		out = append(out, fmt.Sprintf("%s  %d word%s", line, s.Words, plural(s.Words)))
	}
	return out
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// blamePlain writes the legend, then the text. Without colour, each run of
// words from a revision other than the chain's first is marked
// {N:…} (N the revision's number); with colour, every run takes its
// office's colour.
func blamePlain(w io.Writer, b *attrib.Blame, color bool) error {
	var sb strings.Builder
	idx := officeIndex(b)
	for _, s := range b.Offices() {
		name := cleanText(officeLabel(s.Office))
		if color {
			name = blameSGR[idx[s.Office]%len(blameSGR)] + "\x1b[1m" + name + sgrReset
		}
		fmt.Fprintf(&sb, "office %s: %d word%s\n", name, s.Words, plural(s.Words))
	}
	for _, l := range blameLegend(b) {
		sb.WriteString(cleanText(l) + "\n")
	}
	sb.WriteString("\n")
	first := 0
	if len(b.Revisions) > 0 {
		first = b.Revisions[0].Number
	}
	for _, s := range b.Spans() {
		r := b.Revisions[s.Rev]
		text := cleanText(s.Text)
		switch {
		case color:
			body := strings.TrimRight(text, " \n")
			sb.WriteString(blameSGR[idx[r.Office]%len(blameSGR)] + body + sgrReset + text[len(body):])
		case r.Number == first:
			sb.WriteString(text)
		default:
			body := strings.TrimRight(text, " \n")
			fmt.Fprintf(&sb, "{%s:%s}%s", revNumber(r), body, text[len(body):])
		}
	}
	if t := sb.String(); !strings.HasSuffix(t, "\n") {
		sb.WriteString("\n")
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

func revNumber(r attrib.Revision) string {
	if r.Number == 0 {
		return "wc"
	}
	return fmt.Sprintf("%d", r.Number)
}

// Page colours for offices (html, pdf), in order of first appearance.
var blameRGB = [][3]int{{0x1f, 0x4e, 0xa8}, {0xa8, 0x1f, 0x7a}, {0x1d, 0x7a, 0x2c}, {0xa8, 0x6a, 0x00},
	{0x00, 0x7a, 0x80}, {0xb0, 0x20, 0x20}, {0x55, 0x3a, 0xa8}, {0x6a, 0x6a, 0x6a}}

func rgbHex(c [3]int) string { return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]) }

// blameHTML writes a self-contained page: a legend of offices and
// revisions, then the text with each run coloured by its office and titled
// with its revision, author and office.
func blameHTML(w io.Writer, b *attrib.Blame, opts BlameOptions) error {
	esc := html.EscapeString
	title := opts.Title
	if title == "" {
		title = "Attribution"
		if n := len(b.Revisions); n > 0 {
			title += " of " + b.Revisions[n-1].Name
		}
	}
	idx := officeIndex(b)
	var sb strings.Builder
	sb.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title) + "</title>\n<style>\n")
	sb.WriteString("body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.5}\n.text{white-space:pre-wrap}\n.legend span.sw{display:inline-block;width:1em;height:1em;margin-right:.4em;vertical-align:middle}\n")
	for o, i := range idx {
		fmt.Fprintf(&sb, ".office-%d{color:%s;border-bottom:2px solid %s}\n", i, rgbHex(blameRGB[i%len(blameRGB)]), rgbHex(blameRGB[i%len(blameRGB)]))
		_ = o
	}
	sb.WriteString("</style>\n</head>\n<body>\n<h1>" + esc(title) + "</h1>\n<ul class=\"legend\">\n")
	for _, s := range b.Offices() {
		i := idx[s.Office]
		fmt.Fprintf(&sb, "<li><span class=\"sw\" style=\"background:%s\"></span><span class=\"office-%d\">%s</span>: %d word%s</li>\n",
			rgbHex(blameRGB[i%len(blameRGB)]), i, esc(officeLabel(s.Office)), s.Words, plural(s.Words))
	}
	sb.WriteString("</ul>\n<ul class=\"revisions\">\n")
	for _, l := range blameLegend(b) {
		sb.WriteString("<li>" + esc(l) + "</li>\n")
	}
	sb.WriteString("</ul>\n<div class=\"text\">")
	for _, s := range b.Spans() {
		r := b.Revisions[s.Rev]
		fmt.Fprintf(&sb, "<span class=\"office-%d\" title=\"revision %s, %s, %s\">%s</span>",
			idx[r.Office], esc(revLabel(r)), esc(r.Author), esc(officeLabel(r.Office)), esc(s.Text))
	}
	sb.WriteString("</div>\n</body>\n</html>\n")
	_, err := io.WriteString(w, sb.String())
	return err
}
