package telegram

import (
	"fmt"
)

// layout renders the cable, splits it into ACP 127 sections when the
// template asks and the message is too long, and pages it.
func (c *cableRun) layout() (*Layout, error) {
	sections, err := c.sections()
	if err != nil {
		return nil, err
	}
	pageLines := c.opts.PageLines
	if pageLines == 0 {
		pageLines = c.set.PageLines
	}
	l := &Layout{Draft: c.draft, Template: c.tmpl.Name}
	if pageLines <= 0 {
		// Unpaged: one page, or one per ACP 127 section, since each
		// section goes out as a message of its own.
		for _, s := range sections {
			p := Page{Lines: s}
			if c.draft {
				p.Header = []string{DraftMark, ""}
				p.Footer = []string{"", DraftMark}
			}
			l.Pages = append(l.Pages, p)
		}
		return l, nil
	}
	l.Classification = c.banner
	l.HasPageLines = true // pages puts a page line in every header
	for _, s := range sections {
		pages, err := c.pages(s, pageLines)
		if err != nil {
			return nil, err
		}
		l.Pages = append(l.Pages, pages...)
	}
	return l, nil
}

// sections returns the cable's lines, split into sections when needed.
func (c *cableRun) sections() ([][]string, error) {
	whole, err := c.execute(c.text, "")
	if err != nil {
		return nil, err
	}
	tape, per := c.set.TapePageLines, c.set.SectionPages
	if tape <= 0 || per <= 0 || len(whole) <= tape*per {
		return [][]string{whole}, nil
	}
	// Measure the heading and ending every section repeats.
	frame, err := c.execute(nil, "FINAL SECTION OF 99")
	if err != nil {
		return nil, err
	}
	// Every tape page carries the classification at its top and bottom
	// and a page line (as pages lays them out), so a section holds per
	// pages of what is left of tape lines after them.
	head, foot := 2, 1
	if c.draft {
		head, foot = 3, 2
	}
	capacity := per*(tape-head-foot) - len(frame)
	if capacity < 5 {
		return nil, fmt.Errorf("template %s: sections of %d pages of %d lines leave no room for text after the heading (%d lines)", c.tmpl.Origin, per, tape, len(frame))
	}
	var chunks [][]TeleprinterLine
	rest := c.text
	for len(rest) > 0 {
		for len(rest) > 0 && rest[0].Text == "" {
			rest = rest[1:]
		}
		if len(rest) == 0 {
			break
		}
		n := min(capacity, len(rest))
		if n < len(rest) {
			// end the section at a paragraph break when one is near
			for k := n; k > capacity/2; k-- {
				if rest[k].Text == "" {
					n = k
					break
				}
			}
		}
		chunk := rest[:n]
		for len(chunk) > 0 && chunk[len(chunk)-1].Text == "" {
			chunk = chunk[:len(chunk)-1]
		}
		chunks = append(chunks, chunk)
		rest = rest[n:]
	}
	// The message is signed once, at the end of the final section: a
	// section ending with the principal's name would read as the end of
	// the message.
	sig := c.data["Signature"]
	defer func() { c.data["Signature"], c.midSection = sig, false }()
	out := make([][]string, len(chunks))
	for i, ch := range chunks {
		label := fmt.Sprintf("SECTION %d OF %d", i+1, len(chunks))
		c.data["Signature"], c.midSection = "", true
		if i == len(chunks)-1 {
			label = fmt.Sprintf("FINAL SECTION OF %d", len(chunks))
			c.data["Signature"], c.midSection = sig, false
		}
		if out[i], err = c.execute(ch, label); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// PageLinesError refuses a page too short to hold any text: Taken lines of
// every page go to the classification, page line and markings.
type PageLinesError struct{ Lines, Taken int }

func (e *PageLinesError) Error() string {
	return fmt.Sprintf("a page of %d lines is too small: the classification, page line and markings take %d lines of every page", e.Lines, e.Taken)
}

// pages cuts lines into pages with the classification at top and bottom
// and a page line under the top banner.
func (c *cableRun) pages(lines []string, pageLines int) ([]Page, error) {
	head, foot := 2, 1
	if c.draft {
		head, foot = 3, 2
	}
	room := pageLines - head - foot
	if room < 1 {
		return nil, &PageLinesError{Lines: pageLines, Taken: head + foot}
	}
	var bodies [][]string
	for i := 0; i < len(lines); {
		// A page opens with one blank line only where the page before
		// ended with text: the blank says a new paragraph starts here.
		if len(bodies) > 0 {
			prev := bodies[len(bodies)-1]
			for i < len(lines) && lines[i] == "" && (i+1 < len(lines) && lines[i+1] == "" || prev[len(prev)-1] == "") {
				i++
			}
		}
		if i >= len(lines) {
			break
		}
		j := pageEnd(lines, i, min(i+room, len(lines)))
		page := lines[i:j]
		// One blank line at the foot of a page is kept: it says that the
		// next page starts a new paragraph, which the reader (and a
		// person) could not tell otherwise.
		for len(page) > 2 && page[len(page)-1] == "" && page[len(page)-2] == "" {
			page = page[:len(page)-1]
		}
		bodies = append(bodies, page)
		i = j
	}
	if len(bodies) == 0 {
		bodies = [][]string{nil}
	}
	pages := make([]Page, len(bodies))
	for k, b := range bodies {
		pl, err := runBounded(c.pageLine, map[string]any{
			"Page": k + 1, "Pages": len(bodies), "Serial": c.data["Serial"],
			"Classification": c.banner, "DTG": c.data["DTG"],
			"Precedence": c.data["ActionPrecedence"], "From": c.data["From"],
		}, 0)
		if err != nil {
			return nil, fmt.Errorf("template %s: page_line: %v", c.tmpl.Origin, cleanExecError(err))
		}
		p := Page{Header: []string{c.banner, pl}, Lines: b, Footer: []string{c.banner}}
		if c.draft {
			p.Header = []string{c.banner, DraftMark, pl}
			p.Footer = []string{DraftMark, c.banner}
		}
		pages[k] = p
	}
	return pages, nil
}

// pageEnd moves the end j of a page that starts at line i so that no
// paragraph leaves a lone line behind: not its first line at the foot of
// the page (an orphan), nor its last line at the top of the next (a
// widow). Paragraphs are runs of lines between blank ones. The line goes
// over to the next page with its neighbour instead; a page is never cut
// to less than half its room, so a run of one-line paragraphs or a
// paragraph longer than a page still fills pages.
func pageEnd(lines []string, i, j int) int {
	if j >= len(lines) {
		return j
	}
	text := func(k int) bool { return k >= 0 && k < len(lines) && lines[k] != "" }
	floor := i + (j-i+1)/2
	if text(j-1) && text(j) && !text(j+1) && j-1 > floor {
		j-- // the last line would be a widow: take one more with it
	}
	if text(j-1) && !text(j-2) && text(j) && j-1 >= floor {
		j-- // the first line would be an orphan: it goes over too
	}
	return j
}
