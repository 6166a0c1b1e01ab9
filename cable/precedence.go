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
// any case.
func ParsePrecedence(s string) (Precedence, error) {
	v := strings.ToUpper(strings.Join(strings.Fields(s), " "))
	for _, p := range Precedences {
		if v == p.Word || v == p.Letter {
			return p, nil
		}
	}
	return Precedence{}, fmt.Errorf("unknown precedence %q: use one of %s (or the letters Z, O, P, R, Y)", s, strings.Join(PrecedenceWords(), ", "))
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
