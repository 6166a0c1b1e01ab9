package cable

import "strings"

// A published transcription of an older telegram (FRUS's volumes of the
// 1940s and 1950s) prints the telegram's handling under the editor's
// title, in small capitals that a copy of the page gives in lower case:
// "confidential", "us urgent", "secret   niact". Such a line is the
// telegram's heading, not its text.

// handlingWords are the phrases a handling line is made of, longest
// first, with what each gives: a classification, a precedence letter, a
// caption (a distribution limit), night action, or nothing that a field
// holds (the State Department's old URGENT and US URGENT, which match no
// ACP 127 precedence: the line is kept in the notes).
var handlingWords = []struct {
	phrase, classification, precedence, caption string
	niact                                       bool // night action: IMMEDIATE, written NIACT IMMEDIATE
}{
	{phrase: "limited official use", classification: "LIMITED OFFICIAL USE"},
	{phrase: "operational immediate", precedence: "O"},
	{phrase: "niact immediate", precedence: "O", niact: true},
	{phrase: "most immediate", precedence: "O"},
	{phrase: "top secret", classification: "TOP SECRET"},
	{phrase: "eyes only", caption: "EYES ONLY"},
	{phrase: "us urgent"},
	{phrase: "secret", classification: "SECRET"},
	{phrase: "confidential", classification: "CONFIDENTIAL"},
	{phrase: "restricted", classification: "RESTRICTED"},
	{phrase: "unclassified", classification: "UNCLASSIFIED"},
	{phrase: "flash", precedence: "Z"},
	{phrase: "niact", precedence: "O", niact: true},
	{phrase: "immediate", precedence: "O"},
	{phrase: "priority", precedence: "P"},
	{phrase: "routine", precedence: "R"},
	{phrase: "urgent"},
	{phrase: "nodis", caption: "NODIS"},
	{phrase: "exdis", caption: "EXDIS"},
	{phrase: "limdis", caption: "LIMDIS"},
	{phrase: "personal", caption: "PERSONAL"},
}

// maxHandlingLine is the longest line read as a handling line.
const maxHandlingLine = 60

// readHandling reads l as a handling line and reports whether it is one:
// nothing but handling phrases, in lower case as the copy gives small
// capitals (a line of the text in capitals, SECRET, is the text's). It
// fills the classification, precedence and captions it names, where not
// yet known, and keeps the line in the notes.
func (t *transcript) readHandling(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" || len(l) > maxHandlingLine || strings.ToLower(l) != l {
		return false
	}
	var got []int
	for rest := strings.Join(strings.Fields(l), " "); rest != ""; rest = strings.TrimPrefix(rest, " ") {
		k := -1
		for j, w := range handlingWords {
			if p, ok := strings.CutPrefix(rest, w.phrase); ok && (p == "" || p[0] == ' ') {
				k, rest = j, p
				break
			}
		}
		if k < 0 {
			return false
		}
		got = append(got, k)
	}
	m := &t.msg
	for _, k := range got {
		f := handlingWords[k]
		t.niact = t.niact || f.niact
		if f.classification != "" && m.Classification == "" {
			m.Classification = f.classification
		}
		if f.precedence != "" && len(m.Precedence) == 0 {
			m.Precedence = []string{f.precedence}
		}
		if f.caption != "" {
			m.Captions = append(m.Captions, f.caption)
		}
	}
	m.Notes = append(m.Notes, l)
	return true
}
