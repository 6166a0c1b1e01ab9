package diff

import (
	"fmt"
	"strings"

	"github.com/redline-dev/redline/cable"
)

// placeholderDTG stands in for a date-time group that cannot be read, so
// that the rest of the heading and the message text can be: the form the
// tool's own unsent drafts carry.
const placeholderDTG = "DDHHMMZ MON YY"

// findFM finds the first FM line followed by a TO line, and the precedence
// line right above it if there is one (-1 if not).
func findFM(lines []string) (fm, prec int) {
	prev := -1
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if guessKeyword(t, "FM") {
			j := i + 1
			for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
				j++
			}
			if j < len(lines) && guessKeyword(strings.TrimSpace(lines[j]), "TO") {
				if prev >= 0 && guessPrecRE().MatchString(strings.TrimSpace(lines[prev])) {
					return i, prev
				}
				return i, -1
			}
		}
		prev = i
	}
	return -1, -1
}

// parseCableTolerant reads a cable whose heading cable.Parse refuses
// because its date-time group line is misread (an archive copy's OCR slip,
// O 2I2130Z DEC 88) or missing, on the strength of its FM and TO lines: the
// line is replaced by a placeholder, the cable read, and the group as
// written kept as the date-time group. Where even that fails, the text
// between the first and the last BT line is taken. The note says what was
// done and names the line.
func parseCableTolerant(name string, data []byte, perr error) (*cable.Message, string, error) {
	lines := splitLines(data)
	fm, prec := findFM(lines)
	if fm < 0 {
		return nil, "", perr
	}
	var fixed []string
	raw, note := "", ""
	if prec >= 0 {
		t := strings.Fields(lines[prec])
		letters := []string{t[0]}
		rest := t[1:]
		if len(rest) > 0 && len(rest[0]) == 1 && strings.ContainsAny(rest[0], "ZOPRY") {
			letters, rest = append(letters, rest[0]), rest[1:]
		}
		raw = strings.Join(rest, " ")
		fixed = append(append([]string{}, lines[:prec]...), strings.Join(letters, " ")+" "+placeholderDTG)
		fixed = append(fixed, lines[prec+1:]...)
		note = fmt.Sprintf("%s: the date-time group on line %d (%q) cannot be read; read as a cable on the strength of its FM, TO and BT lines", displayName(name), prec+1, strings.TrimSpace(lines[prec]))
	} else {
		fixed = append(append([]string{}, lines[:fm]...), "R "+placeholderDTG)
		fixed = append(fixed, lines[fm:]...)
		note = fmt.Sprintf("%s: no precedence and date-time group line above the FM line (line %d); read as a cable on the strength of its FM, TO and BT lines", displayName(name), fm+1)
	}
	if msg, err := cable.Parse([]byte(strings.Join(fixed, "\n"))); err == nil {
		msg.DTG = raw
		if prec < 0 {
			msg.Precedence = nil
		}
		return msg, note, nil
	}
	return betweenBT(name, lines, fm, raw, perr)
}

// betweenBT is the last resort: the message text between the first and the
// last BT line after the FM line, without the classification line that
// opens it.
func betweenBT(name string, lines []string, fm int, raw string, perr error) (*cable.Message, string, error) {
	first, last := -1, -1
	for i := fm; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "BT" {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || last == first {
		return nil, "", perr
	}
	body := lines[first+1 : last]
	msg := &cable.Message{DTG: raw, From: strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(lines[fm]), "FM"))}
	// The classification line that opens the text is a field.
	for len(body) > 0 && strings.TrimSpace(body[0]) == "" {
		body = body[1:]
	}
	if len(body) > 0 {
		if c, err := cable.ParseClassification(strings.TrimSpace(body[0])); err == nil {
			msg.Classification = c
			body = body[1:]
		}
	}
	msg.Text = strings.Join(body, "\n")
	note := fmt.Sprintf("%s: the cable's heading cannot be read (%v); compared the text between its BT lines (lines %d and %d)", displayName(name), perr, first+1, last+1)
	return msg, note, nil
}
