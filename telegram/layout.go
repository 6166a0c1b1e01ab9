package telegram

// Layout is a cable laid out in pages, as the text output prints it and
// as the PDF output draws it. The cable renderer makes it; the text and PDF
// writers only draw it.
type Layout struct {
	// Classification is the banner printed at the top and bottom of every
	// page when the cable is laid out for printing ("" for none).
	Classification string `json:"classification,omitempty"`
	// Pages holds the pages in order; a cable not laid out in pages has one
	// (or one for each ACP 127 section).
	Pages []Page `json:"pages"`
	// Draft is set when the cable has no serial or no date-time group yet
	// and is marked DRAFT - NOT FOR TRANSMISSION.
	Draft bool `json:"draft"`
	// HasPageLines is set when every page carries its own page line (the
	// template's, such as "PAGE 02 STATE 153441", or "PAGE 2 OF 3") in its
	// Header: a writer that draws pages (the PDF) must not add a page
	// number of its own, or the sheet shows two.
	HasPageLines bool `json:"has_page_lines,omitempty"`
	// Template names the template that made the cable.
	Template string `json:"template,omitempty"`
}

// Page is one page: banner and page lines at the top, the cable's own
// lines, and banner lines at the bottom.
type Page struct {
	Header []string `json:"header"`
	Lines  []string `json:"lines"`
	Footer []string `json:"footer"`
}

// Text joins the layout as teleprinter text: lines end with "\n" and pages
// are separated by a form feed.
func (l *Layout) Text() []byte {
	// The size first, so that the text is written once into a slice of
	// its own size (a long message is tens of megabytes).
	n := 0
	for i, p := range l.Pages {
		if i > 0 {
			n++
		}
		for _, part := range [][]string{p.Header, p.Lines, p.Footer} {
			for _, line := range part {
				n += len(line) + 1
			}
		}
	}
	b := make([]byte, 0, n)
	for i, p := range l.Pages {
		if i > 0 {
			b = append(b, '\f')
		}
		for _, part := range [][]string{p.Header, p.Lines, p.Footer} {
			for _, line := range part {
				b = append(b, line...)
				b = append(b, '\n')
			}
		}
	}
	return b
}
