package telegram

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/templates"
)

// This file turns a cable read back into a draft: the other way of the
// composer, which `redline import cable` uses.

var (
	importParaNumberRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d+)\.\s+`) })
	importListItemRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:-\s|--\s|[A-Z]\.\s|\([A-Z0-9]{1,3}\)\s)`) })
	importLetterItemRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Z]\.\s+(.*)$`) })
	// an unnumbered section heading in capitals, lettered or not (SUMMARY,
	// SUMMARY AND COMMENT, A. LETTERS)
	importSectionRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:[A-Z]\. )?[A-Z][A-Z &/-]{2,40}$`) })
	// a letter's salutation on a line of its own (DEAR MR. PRESIDENT:)
	importSalutationRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^DEAR [A-Z][A-Z .'-]{1,40}[:,]$`) })
)

// NameCase writes a name in capitals (VANCE, VAN HOLLEN) with
// capital initials (Vance, Van Hollen), or as the names list writes it.
func NameCase(s string, names []string) string {
	if s == "" || s != strings.ToUpper(s) {
		return s
	}
	for _, n := range names {
		if strings.EqualFold(strings.TrimSpace(n), s) {
			return strings.TrimSpace(n)
		}
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// FromCable makes a draft's fields and Markdown body from a parsed
// cable. The fields are the parsed cable's (cable.Parse already takes the
// precedence off the addressees, the label off the E.O. line and the
// signature off the text), so that import and 'cable parse' agree.
// A template given by name is looked up in templateDir first.
func FromCable(m *cable.Message, series []draft.SerialSeries, template, templateDir string) (draft.Fields, string) {
	var fl draft.Fields
	fl.Classification = m.Classification
	fl.Caveats = m.Caveats
	fl.Captions = m.Captions
	if len(m.Precedence) > 0 {
		if p := m.ActionPrecedence(); p != m.Precedence[0] {
			fl.Precedence = p
		}
		if len(m.Precedence) > 1 {
			if p, ok := cable.PrecedenceByLetter(m.Precedence[1]); ok {
				fl.InfoPrecedence = p.Word
			}
		}
	}
	if fl.Deskby = m.Deskby; fl.Deskby != "" && len(m.Precedence) == 0 {
		fl.Precedence = deskbyPrecedence(m)
	}
	fl.From = m.From
	fl.To = ownPrecedences(m.To, m.ToPrecedence, fl.Precedence)
	fl.Info = ownPrecedences(m.Info, m.InfoPrecedence, cmp.Or(fl.InfoPrecedence, fl.Precedence))
	fl.XMT = m.XMT
	for _, s := range series {
		if _, err := cable.ParseSerial(s.Format, m.Serial); err == nil && m.Serial != "" {
			fl.Series = s.Name
			break
		}
	}
	fl.Passing.For, fl.Passing.From = cable.PassingParts(m.Passing)
	fl.Subject = m.Subject
	fl.References = m.References
	fl.EO = m.EO
	fl.Tags = m.Tags
	fl.Signature = m.Signature

	// The template that writes this dialect of cable, and the dialect it
	// writes (a template given names its own).
	d := m.Dialect()
	fl.Template = templates.ForDialect(d)
	numbered := d != nil && d.Writer().Numbered
	if template != "" {
		fl.Template = template
		numbered = false
		if t, err := templates.Load(template, templateDir); err == nil {
			d, numbered = t.Dialect(), t.Settings.Numbered
		}
	} else if t, err := templates.Load(fl.Template, templateDir); err == nil && fl.Template != "" {
		numbered = t.Settings.Numbered
	}
	// Title lines, without those the template writes itself.
	for _, h := range m.Heading {
		if d != nil && d.Writer().IsFixedHeading(h) {
			continue
		}
		fl.Heading = append(fl.Heading, h)
	}
	switch {
	case fl.Subject != "":
		fl.Title = fl.Subject
	case len(fl.Heading) > 0:
		fl.Title = joinHeadingLines(fl.Heading)
	}

	paras := importParagraphs(m.Text)
	if numbered {
		paras = sectionHeadings(paras, stripParaNumbers(paras))
	}
	for _, l := range []*[]string{&fl.To, &fl.Info, &fl.XMT, &fl.Caveats, &fl.Captions, &fl.References, &fl.Tags, &fl.Heading} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	body := strings.Join(paras, "\n\n") + "\n"
	// UK teleprinters wrote a closing double quote as two apostrophes.
	body = strings.ReplaceAll(body, "''", "\"")
	return fl, body
}

// ownPrecedences gives the addressees for a draft: each written with the
// precedence the cable gives it in brackets (MOSCOW (ROUTINE)) where that
// is not held, the precedence the draft gives all of them.
func ownPrecedences(names, words []string, held string) []string {
	if len(names) == 0 {
		return names
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if i >= len(words) {
			continue
		}
		// a DESKBY is the draft's deskby, or lost (ImportLosses)
		if p := cable.AddresseePrecedence(words[i]); p != "" && p != held {
			out[i] = n + " (" + p + ")"
		}
	}
	return out
}

// ImportLosses says what of cable m a draft cannot hold, so that import
// can say so: a DESKBY on an information line (INFO DESKBY 170800Z UKMIS
// NEW YORK), which the FCO form writes only for the action addressees.
func ImportLosses(m *cable.Message) []string {
	var out []string
	for _, w := range m.InfoPrecedence {
		if i := strings.Index(w, "DESKBY"); i >= 0 {
			out = append(out, fmt.Sprintf("the copy gives an INFO addressee %s, which a draft cannot hold; the draft leaves it out", w[i:]))
		}
	}
	return out
}

// deskbyPrecedence is the precedence a draft imported from a TO DESKBY
// telegram takes, which gives no action precedence (the FCO form writes
// none beside a DESKBY): the information addressees' precedence, or
// IMMEDIATE, so that the draft renders.
func deskbyPrecedence(m *cable.Message) string {
	for _, w := range m.InfoPrecedence {
		if p := cable.AddresseePrecedence(w); p != "" {
			return p
		}
	}
	return cable.Precedences[1].Word
}

// importParagraphs turns teleprinter text into Markdown paragraphs: lines
// wrapped within a paragraph are joined, list items keep a line each with
// their continuation lines joined to them.
func importParagraphs(text string) []string {
	var paras []string
	// the current paragraph's items, each its lines, joined at flush (a
	// paragraph of many lines is not copied again at each)
	var lines [][]string
	bullet, lastWasList := "-", false
	flush := func() {
		items := make([]string, len(lines))
		for i, l := range lines {
			items[i] = strings.Join(l, " ")
		}
		if len(items) > 0 {
			isList := false
			if lastWasList {
				// Two lists one after the other: a new bullet character
				// keeps Markdown from merging them into one.
				bullet = map[string]string{"-": "*", "*": "-"}[bullet]
			}
			for i, it := range items {
				// A lettered item (A. TEXT) is a Markdown list item, which
				// a letter-bullet template letters again; left as it is,
				// Markdown would run the items together into one paragraph.
				if m := importLetterItemRE().FindStringSubmatch(it); m != nil && (len(items) > 1 || i > 0) {
					items[i] = bullet + " " + m[1]
					isList = isList || i == 0
				}
			}
			lastWasList = isList
			paras = append(paras, strings.Join(items, "\n"))
		}
		lines = nil
	}
	blocks := strings.Split(strings.ReplaceAll(text, "\r", ""), "\n\n")
	for bi, block := range blocks {
		blockLines := strings.Split(block, "\n")
		for li, l := range blockLines {
			t := strings.TrimSpace(l)
			if t == "" {
				continue
			}
			lastLine := bi == len(blocks)-1 && li == len(blockLines)-1
			prev := ""
			if li > 0 {
				prev = strings.TrimSpace(blockLines[li-1])
			}
			switch {
			case len(lines) == 0:
				lines = append(lines, []string{t})
			case importParaNumberRE().MatchString(t):
				// Cables without blank lines number their paragraphs.
				flush()
				lines = append(lines, []string{t})
			case standsAlone(prev) || importSalutationRE().MatchString(t):
				// A quoted letter's opening (BEGIN MESSAGE:, DEAR MR.
				// PRESIDENT:) is a paragraph of its own in a copy with no
				// blank lines too.
				flush()
				lines = append(lines, []string{t})
			case lastLine && len(strings.Fields(t)) <= 2 && importEndsSentence(prevLine(lines)):
				// The signature or surname standing alone at the end.
				flush()
				lines = append(lines, []string{t})
			case importListItemRE().MatchString(t):
				lines = append(lines, []string{t})
			default:
				lines[len(lines)-1] = append(lines[len(lines)-1], t)
			}
		}
		flush()
	}
	return paras
}

// prevLine is the last line of the last item in lines, whose end is the
// paragraph's so far.
func prevLine(lines [][]string) string {
	item := lines[len(lines)-1]
	return item[len(item)-1]
}

// standsAlone reports whether a line of a copy with no blank lines is a
// paragraph by itself: the line that opens a quoted text (BEGIN TEXT:,
// BEGIN MESSAGE:) or a letter's salutation.
func standsAlone(line string) bool {
	if importSalutationRE().MatchString(line) {
		return true
	}
	if !strings.HasSuffix(line, ":") {
		return false
	}
	for _, w := range []string{"BEGIN TEXT:", "BEGIN MESSAGE:", "BEGIN QUOTE:"} {
		if strings.HasSuffix(strings.ToUpper(line), w) {
			return true
		}
	}
	return false
}

func importEndsSentence(s string) bool {
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") ||
		strings.HasSuffix(s, ".''") || strings.HasSuffix(s, ".\"") || strings.HasSuffix(s, ")")
}

// stripParaNumbers removes paragraph numbers 1., 2., ... when every
// numbered paragraph follows the one before, since a numbering template
// writes them again. The numbering may open at n with n-1 paragraphs
// before it that have no number: a telegram whose first paragraph went
// unnumbered, or whose copy lost the 1. (the archive's OCR often does),
// and which the template numbers 1., 2. as the rest go on. Left in the
// body, a 2. would open a Markdown list, which a cable template letters.
func stripParaNumbers(paras []string) []string {
	next := 1
	for i, p := range paras {
		if m := importParaNumberRE().FindStringSubmatch(p); m != nil {
			if next == 1 && m[1] == fmt.Sprint(i+1) {
				next = i + 1
			}
			if m[1] != fmt.Sprint(next) {
				return paras
			}
			next++
		}
	}
	if next == 1 {
		return paras
	}
	out := make([]string, len(paras))
	for i, p := range paras {
		out[i] = importParaNumberRE().ReplaceAllString(p, "")
	}
	return out
}

// sectionHeadings makes the unnumbered section headings of a numbered
// cable (SUMMARY, DETAIL, COMMENT over numbered paragraphs) Markdown
// headings, which a numbering template writes without a number, as the
// cable did. It does so only when the numbers were taken off (stripped
// differs from paras), and gives stripped.
func sectionHeadings(paras, stripped []string) []string {
	if slices.Equal(paras, stripped) {
		return stripped
	}
	for i, p := range paras {
		if i+1 < len(paras) && importSectionRE().MatchString(p) && len(strings.Fields(p)) <= 4 {
			stripped[i] = "## " + p
		}
	}
	return stripped
}

// SentenceCase lower-cases upper-case text except the first letter of each
// sentence, paragraph and list item, the pronoun I, and the given names.
func SentenceCase(s string, names []string) string {
	rs := []rune(strings.ToLower(s))
	start := true
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r):
			if start {
				rs[i] = unicode.ToUpper(r)
			}
			start = false
		case unicode.IsDigit(r):
			start = false
		case r == '.' || r == '?' || r == '!':
			// A sentence ends at the stop when a space or line end follows
			// (not in 1.5), and the word is not an abbreviation with stops
			// inside it (U.S., E.O.).
			if i+1 == len(rs) || rs[i+1] == ' ' || rs[i+1] == '\n' {
				start = true
				for k := i - 1; k >= 0 && rs[k] != ' ' && rs[k] != '\n'; k-- {
					if rs[k] == '.' {
						start = false
						break
					}
				}
			}
		case r == '\n':
			if i+1 < len(rs) && rs[i+1] == '\n' {
				start = true
			}
			if i+1 < len(rs) && (rs[i+1] == '-' || importListItemRE().MatchString(strings.ToUpper(string(rs[i+1:min(len(rs), i+6)])))) {
				start = true
			}
		}
	}
	out := importPronounRE().ReplaceAllStringFunc(string(rs), func(w string) string { return "I" + w[1:] })
	// Names, longest first so that SOVIET UNION wins over SOVIET.
	sorted := append(append([]string(nil), names...), importCalendarNames...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	for _, n := range sorted {
		out = replaceName(out, strings.TrimSpace(n))
	}
	return out
}

// replaceName writes every whole-word occurrence of name, in any case, as
// name is written.
func replaceName(s, name string) string {
	if name == "" {
		return s
	}
	rs, nr := []rune(s), []rune(name)
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i+len(nr) <= len(rs); i++ {
		match := true
		for k, r := range nr {
			if unicode.ToLower(rs[i+k]) != unicode.ToLower(r) {
				match = false
				break
			}
		}
		if !match || (i > 0 && isWord(rs[i-1]) && isWord(nr[0])) ||
			(i+len(nr) < len(rs) && isWord(rs[i+len(nr)]) && isWord(nr[len(nr)-1])) {
			continue
		}
		copy(rs[i:], nr)
		i += len(nr) - 1
	}
	return string(rs)
}

// importCalendarNames are always capitalised.
var importCalendarNames = []string{"January", "February", "March", "April", "June", "July", "August",
	"September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday", "Sunday", "Christmas", "Easter"}

// importPronounRE finds the pronoun I and its contractions (I'M, I'LL,
// I'VE, I'D).
var importPronounRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bi\b(?:'(?:m|ll|ve|d)\b)?`) })

// joinHeadingLines joins title lines into one title. A teleprinter heading
// broken after a word repeats that word at the start of the next line
// ("... PRIME MINISTER TO" / "TO THE PRESIDENT"): the repeat is dropped.
func joinHeadingLines(lines []string) string {
	var words []string
	for _, l := range lines {
		w := strings.Fields(l)
		if len(words) > 0 && len(w) > 0 && strings.EqualFold(words[len(words)-1], w[0]) {
			w = w[1:]
		}
		words = append(words, w...)
	}
	return strings.Join(words, " ")
}
