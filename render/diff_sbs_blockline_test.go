package render

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// startsBlockLine is hand-written for speed; it must say what the pattern
// it replaced says, on generated line starts and on a few chosen ones.
func TestStartsBlockLineMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`^[ ]*(?:[-*+•] |\d{1,3}[.)] |\(?[A-Za-z0-9]{1,4}\) |#|>|\|)`)
	check := func(s string) {
		b := []byte(s)
		w := b
		if len(w) > 24 {
			w = w[:24]
		}
		if got, want := startsBlockLine(b), re.Match(w); got != want {
			t.Fatalf("startsBlockLine(%q) = %v, the pattern says %v", s, got, want)
		}
	}
	for _, s := range []string{"", " ", "- a", "-a", "• x", "•x", "1. a", "123) a", "1234. a", "(a) x", "(abcd) x", "(abcde) x",
		"abcd) x", "a)x", "#", "   > q", "|a|", strings.Repeat(" ", 22) + "- ", strings.Repeat(" ", 23) + "- ", "\xe2\x80", "(", "12", "1.", "(1)"} {
		check(s)
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{" ", "-", "*", "+", "•", "1", "9", "0", ".", ")", "(", "a", "Z", "#", ">", "|", "x", "\n", "é", "\xe2"}
	for range 200000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		if r.IntN(8) == 0 {
			b.WriteString(strings.Repeat(" ", 18+r.IntN(6)))
			b.WriteString(alphabet[r.IntN(len(alphabet))] + " ")
		}
		check(b.String())
	}
}
