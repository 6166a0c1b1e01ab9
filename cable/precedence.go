// Package cable knows the formats of telegrams: precedence, date-time
// groups, classification, serial numbers, the text model of a cable and its
// parser. It prints nothing and imports nothing else of redline's.
package cable

import (
	"fmt"
	"strings"
)

// Precedence is the handling priority of a message (ACP 127 §150–152).
type Precedence struct {
	Letter string // Z, O, P, R or Y
	Word   string // FLASH, IMMEDIATE, PRIORITY, ROUTINE, EMERGENCY COMMAND PRECEDENCE
}

// Precedences lists the precedences from the highest to the lowest.
var Precedences = []Precedence{
	{"Z", "FLASH"},
	{"O", "IMMEDIATE"},
	{"P", "PRIORITY"},
	{"R", "ROUTINE"},
	{"Y", "EMERGENCY COMMAND PRECEDENCE"},
}

// PrecedenceWords lists the words accepted in a draft's front matter.
func PrecedenceWords() []string {
	out := make([]string, 0, len(Precedences))
	for _, p := range Precedences {
		out = append(out, p.Word)
	}
	return out
}

// ParsePrecedence accepts a precedence word (IMMEDIATE) or letter (O), in
// any case, and the US State NIACT IMMEDIATE (night action: IMMEDIATE,
// with the addressee woken for it), which keeps its word.
func ParsePrecedence(s string) (Precedence, error) {
	v := strings.ToUpper(strings.Join(strings.Fields(s), " "))
	if v == Niact.Word || v == "NIACT" {
		return Niact, nil
	}
	for _, p := range Precedences {
		if v == p.Word || v == p.Letter {
			return p, nil
		}
	}
	return Precedence{}, fmt.Errorf("unknown precedence %q: use one of %s (or the letters Z, O, P, R, Y)", s, strings.Join(PrecedenceWords(), ", "))
}

// Niact is NIACT IMMEDIATE: sent as IMMEDIATE (O), written after the
// addressee in full (TO AMEMBASSY MOSCOW NIACT IMMEDIATE).
var Niact = Precedence{"O", "NIACT IMMEDIATE"}

// ActionPrecedence is the word of the message's action precedence: NIACT
// IMMEDIATE when its action addressees are all marked so, else the word of
// its precedence letter ("" when it has none, the letter when it is
// unknown).
func (m *Message) ActionPrecedence() string {
	if len(m.ToPrecedence) > 0 {
		niact := true
		for _, w := range m.ToPrecedence {
			niact = niact && w == Niact.Word
		}
		if niact {
			return Niact.Word
		}
	}
	if len(m.Precedence) == 0 {
		return ""
	}
	if p, ok := PrecedenceByLetter(m.Precedence[0]); ok {
		return p.Word
	}
	return m.Precedence[0]
}

// PrecedenceByLetter returns the precedence with the given letter.
func PrecedenceByLetter(letter string) (Precedence, bool) {
	for _, p := range Precedences {
		if p.Letter == letter {
			return p, true
		}
	}
	return Precedence{}, false
}

// String returns the precedence word.
func (p Precedence) String() string { return p.Word }

// SplitAddressee splits a draft's addressee that names its own precedence
// in brackets after it, as cable parse shows one (AMEMBASSY MOSCOW (NIACT
// IMMEDIATE), MOSCOW (ROUTINE)), into the addressee and the precedence
// word; precedence is "" when the entry names none (brackets that hold no
// precedence are part of the name).
func SplitAddressee(entry string) (name, precedence string) {
	name, inner, ok := AddresseeBracket(entry)
	if !ok {
		return strings.TrimSpace(entry), ""
	}
	p, err := ParsePrecedence(inner)
	if err != nil {
		return strings.TrimSpace(entry), ""
	}
	return name, p.Word
}

// AddresseeBracket splits an addressee that ends with words in brackets
// (MOSCOW (ROUTINE), USMISSION USUN NEW YORK (NOTAL)) into the name before
// them and what they hold; ok is false when the entry ends with none.
func AddresseeBracket(entry string) (name, inner string, ok bool) {
	s := strings.TrimSpace(entry)
	i := strings.LastIndex(s, " (")
	if i <= 0 || !strings.HasSuffix(s, ")") {
		return s, "", false
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+2 : len(s)-1]), true
}
