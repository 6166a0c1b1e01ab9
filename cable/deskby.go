package cable

import (
	"fmt"
	"strings"
)

// A DESKBY is the FCO's instruction that a telegram be on the addressee's
// desk by a time (DESKBY 170600Z), written in place of the precedence on
// the TO line: TO DESKBY 170600Z FCO.

// ParseDeskby reads a DESKBY time, DDHHMMZ (day, hour, minute and zone
// letter), in any case, and returns it in capitals.
func ParseDeskby(s string) (string, error) {
	v := strings.ToUpper(strings.TrimSpace(s))
	v = strings.TrimSpace(strings.TrimPrefix(v, "DESKBY"))
	if !isDeskbyTime(v) {
		return "", fmt.Errorf("deskby %q is not a time DDHHMMZ (day, hour and minute, then the zone letter): write it as 170600Z", s)
	}
	return v, nil
}

// isDeskbyTime reports whether v is DDHHMM and a zone letter, each number
// in range.
func isDeskbyTime(v string) bool {
	if len(v) != 7 || !AllDigits(v[:6]) || v[6] < 'A' || v[6] > 'Z' {
		return false
	}
	num := func(i int) int { return int(v[i]-'0')*10 + int(v[i+1]-'0') }
	return num(0) >= 1 && num(0) <= 31 && num(2) <= 23 && num(4) <= 59
}

// cpTakeDeskby takes DESKBY and its time off the words of an FCO address
// line, before the addressee (TO DESKBY 170600Z FCO) or after it (TO
// IMMEDIATE FCO DESKBY 170600Z), and returns the time and the other words.
func cpTakeDeskby(words []string) (deskby string, rest []string) {
	for k := 0; k+1 < len(words); k++ {
		if words[k] == "DESKBY" && isDeskbyTime(words[k+1]) {
			rest = append(append(rest, words[:k]...), words[k+2:]...)
			return words[k+1], rest
		}
	}
	return "", words
}

// AddresseePrecedence is the precedence word an address line writes with
// an addressee (to_precedence, info_precedence: IMMEDIATE, NIACT
// IMMEDIATE), in its canonical form and without a DESKBY beside it; ""
// when the line gives none (TO DESKBY 170600Z FCO).
func AddresseePrecedence(word string) string {
	if k := strings.Index(word, "DESKBY"); k >= 0 {
		word = strings.TrimSpace(word[:k])
	}
	if p, err := ParsePrecedence(word); err == nil && word != "" {
		return p.Word
	}
	return ""
}
