package cable

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// trPageRE is a page marker of the printed volume ([Page 52]).
var trPageRE = lazyRE(`\[Page \d{1,4}\]`)

// cleanText gives the telegram's own words: the lines between the editor's
// heading and the notes, without the volume's page markers, the editor's
// bracketed notes (which become notes) and, when the transcription has
// footnotes, the footnote digits glued to words.
func (t *transcript) cleanText() string {
	var out []string
	for i := t.textFrom; i < t.textTo; i++ {
		if i == t.textFrom {
			t.msg.TextLine = i + 1
		}
		l := t.takeBrackets(t.lines[i])
		if t.footnoted {
			l = t.stripMarks(l)
		}
		if strings.TrimSpace(l) == "" && strings.TrimSpace(t.lines[i]) != "" {
			continue // the line was only a note: no paragraph break of its own
		}
		if strings.TrimSpace(l) == "" && len(out) > 0 && out[len(out)-1] == "" {
			continue
		}
		out = append(out, l)
	}
	text := strings.Trim(strings.Join(out, "\n"), "\n")
	if !strings.Contains(text, "\n\n") {
		// Copied from a web page, a transcription with no blank line has
		// one paragraph a line (the page's paragraphs): write the breaks
		// as a cable's, a blank line between paragraphs.
		text = strings.ReplaceAll(text, "\n", "\n\n")
	}
	return text
}

// takeBrackets takes page markers and the editor's bracketed notes out of
// a line, keeping one space where they stood between words. A telegram as
// sent has no square brackets (a teleprinter has none), so every bracketed
// passage is the editor's.
func (t *transcript) takeBrackets(l string) string {
	for {
		open := strings.IndexByte(l, '[')
		if open < 0 {
			return l
		}
		n := strings.IndexAny(l[open+1:], "[]")
		if n < 0 || l[open+1+n] != ']' {
			return l
		}
		end := open + 1 + n + 1
		inner := l[open:end]
		if trPageRE.MatchString(inner) && len(trPageRE.FindString(inner)) == len(inner) {
			t.pages++
		} else {
			t.msg.Notes = append(t.msg.Notes, inner)
		}
		before, after := strings.TrimRight(l[:open], " "), strings.TrimLeft(l[end:], " ")
		switch {
		case before == "" || after == "":
			l = before + after
		case startsWithPunct(after):
			l = before + after
		default:
			l = before + " " + after
		}
	}
}

func startsWithPunct(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(".,;:)”’\"!?", r)
}

// markAbbreviations are words that a number follows with no space as part
// of the text (No.1628, para.25), not as a footnote mark.
var markAbbreviations = map[string]bool{"no": true, "nos": true, "p": true, "pp": true, "para": true,
	"paras": true, "art": true, "vol": true, "ch": true, "sec": true, "tel": true, "tels": true,
	"telno": true, "ref": true, "fig": true}

// stripMarks takes footnote digits off the words of a line: one to three
// digits glued to a word in lower case (Minister3), to an ordinal (7th31)
// or to punctuation after a letter (Secretary.2, p.m.31). Digits after
// capitals (B52, SS20) and after an abbreviation that takes a number
// (No.1628) are the text's own.
func (t *transcript) stripMarks(l string) string {
	var b strings.Builder
	start := 0
	for i := 0; i <= len(l); i++ {
		if i < len(l) && l[i] != ' ' && l[i] != '\t' {
			continue
		}
		if i > start {
			w := l[start:i]
			nw, took := stripMark(w)
			if !took {
				nw, took = t.sentenceEndMark(w, l[i:])
			}
			if took {
				t.marks++
				t.lastMark = markNumber(w, nw)
			}
			b.WriteString(nw)
		}
		if i < len(l) {
			b.WriteByte(l[i])
		}
		start = i + 1
	}
	return b.String()
}

// sentenceEndMark takes the footnote mark off a number that ends a
// sentence (June 5.1 If it became known), which a decimal (5.1) also
// looks like: it is taken as a mark only when its digits are the next
// footnote's number (marks run 1, 2, 3 through a document; one more when
// the editor's title has taken the first), there is such a footnote, and a
// sentence starts after it.
func (t *transcript) sentenceEndMark(w, rest string) (string, bool) {
	dot := strings.IndexByte(w, '.')
	if dot < 1 || dot > 4 || !allDigits(w[:dot]) || !allDigits(w[dot+1:]) || len(w)-dot-1 > 2 {
		return w, false
	}
	n := 0
	for _, c := range w[dot+1:] {
		n = 10*n + int(c-'0')
	}
	if n <= t.lastMark || n > t.lastMark+2 || n > t.noteLines {
		return w, false
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " \t"))
	if !unicode.IsUpper(next) {
		return w, false
	}
	return w[:dot+1], true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// markNumber is the number of the footnote mark that stripped lacks of w.
func markNumber(w, stripped string) int {
	k := 0
	for k < len(stripped) && w[k] == stripped[k] {
		k++
	}
	n := 0
	for _, c := range w[k : k+len(w)-len(stripped)] {
		n = 10*n + int(c-'0')
	}
	return n
}

// stripMark takes a footnote mark off one word, if it carries one.
func stripMark(w string) (string, bool) {
	if strings.ContainsAny(w, "/#@=") || strings.Contains(w, "://") {
		return w, false
	}
	tail := len(w)
	for tail > 0 {
		r, size := utf8.DecodeLastRuneInString(w[:tail])
		if !strings.ContainsRune(".,;:)”’\"!?", r) {
			break
		}
		tail -= size
	}
	d := tail
	for d > 0 && w[d-1] >= '0' && w[d-1] <= '9' {
		d--
	}
	if n := tail - d; n == 0 || n > 3 || d == 0 {
		return w, false
	}
	core := w[:d]
	if !markable(core) {
		return w, false
	}
	return core + w[tail:], true
}

// markable reports whether a footnote mark may follow core, the word
// before the digits.
func markable(core string) bool {
	last, size := utf8.DecodeLastRuneInString(core)
	rest := core[:len(core)-size]
	if strings.ContainsRune(".,;:)”’\"", last) {
		prev, _ := utf8.DecodeLastRuneInString(rest)
		word := strings.ToLower(strings.TrimRight(rest, "."))
		if k := strings.LastIndexAny(word, ".( "); k >= 0 {
			word = word[k+1:]
		}
		return unicode.IsLetter(prev) && !markAbbreviations[word]
	}
	if !unicode.IsLower(last) {
		return false
	}
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		if s, ok := strings.CutSuffix(core, suffix); ok && s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' {
			return true
		}
	}
	letters := 0
	for _, r := range core {
		if unicode.IsDigit(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3 && !markAbbreviations[strings.ToLower(core)]
}
