package telegram

import (
	"regexp"
	"strings"
	"sync"

	"github.com/redline-dev/redline/cable"
)

// The reference lines and addressees a template prints from the draft's
// references, to and info.

// refLine writes the references as one REF line, lettering them (A), (B)
// when there are several and the draft has not lettered them itself.
func refLine(refs []string) string {
	switch len(refs) {
	case 0:
		return ""
	case 1:
		return "REF: " + refs[0]
	}
	parts := make([]string, len(refs))
	for i, r := range refs {
		if letteredRef().MatchString(r) {
			parts[i] = r // the draft letters it already: A) or (A)
		} else {
			parts[i] = "(" + letters(i) + ") " + r
		}
	}
	return "REFS: " + strings.Join(parts, " ")
}

// refLines writes the references as the FCO did: a reference to a
// telegram (MY TELNO 3126, MIPT, YOUR TELEGRAM 478) on a line of its own
// with no label, the others on a REF: line after them.
func refLines(refs []string) []string {
	var out, rest []string
	for _, r := range refs {
		if cable.IsTelegramRef(r) {
			out = append(out, r)
		} else {
			rest = append(rest, r)
		}
	}
	if l := refLine(rest); l != "" {
		out = append(out, l)
	}
	return out
}

// letteredRef matches a reference the draft has lettered itself:
// "A) STATE 387403" or "(A) STATE 387403".
var letteredRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\(?[A-Z]{1,2}\) `) })

// addressees maps the addressees of the list field key, without the
// precedence an entry may name for itself (AMEMBASSY MOSCOW (NIACT
// IMMEDIATE)), and gives beside each the precedence word to write with
// it: its own, or the draft's for all of them (def). Those it cannot map
// are left out of both.
func (fm *fieldMapper) addressees(key string, list []string, def string) (names, words []string) {
	for _, a := range list {
		name, p := cable.SplitAddressee(a)
		if name = fm.field(key, name); name == "" {
			continue
		}
		if p == "" {
			p = def
		}
		names, words = append(names, name), append(words, p)
	}
	return names, words
}
