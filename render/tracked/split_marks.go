package tracked

import (
	"bytes"
	"regexp"
	"strings"
	"sync"

	"github.com/redline-dev/redline/critic"
)

var (
	blockPrefixRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))?(?:#{1,6}(?:[ \t]+|$))?`)
	})
	ruleLineRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$`)
	})
)

// splitMarks rewrites a parsed draft's source so that no mark crosses a
// line: a mark over several lines becomes one mark per line, a
// substitution a deletion and an insertion, a comment one line. It returns
// the new source and, for each change, the offset of its first delimiter.
func splitMarks(d *critic.Doc) ([]byte, map[int]int) {
	src := d.Source()
	changes := d.Changes()
	numbers := map[int]int{}
	var out bytes.Buffer
	pos := 0
	ci := 0
	lineStart, scanned := 0, 0 // where the output's last line begins, as far as scanned
	for _, m := range d.Marks() {
		out.Write(src[pos:m.Start])
		pos = m.End
		for ci < len(changes) && changes[ci].End <= m.Start {
			ci++
		}
		num := 0
		if ci < len(changes) && changes[ci].Start == m.Start {
			num = changes[ci].Number
		}
		ob := out.Bytes()
		if k := bytes.LastIndexByte(ob[scanned:], '\n'); k >= 0 {
			lineStart = scanned + k + 1
		}
		scanned = len(ob)
		atLineStart := isBlankBytes(ob[lineStart:])
		old, new := m.Content(src)
		switch m.Kind {
		case critic.KindComment:
			if num > 0 {
				numbers[out.Len()] = num
			}
			out.WriteString("{>>" + strings.Join(strings.Fields(old), " ") + "<<}")
		case critic.KindInsert:
			writeSplit(&out, d, "{++", "++}", new, m.Start+3, atLineStart, numbers, num)
		case critic.KindDelete:
			writeSplit(&out, d, "{--", "--}", old, m.Start+3, atLineStart, numbers, num)
		case critic.KindHighlight:
			writeSplit(&out, d, "{==", "==}", old, m.Start+3, atLineStart, numbers, num)
		case critic.KindSubstitute:
			// A line replaced by a line of the same kind ({~~## Old~>## New~~})
			// keeps its block prefix once, outside both marks.
			newOff, newStart := m.Mid+2, atLineStart && old == ""
			if atLineStart {
				first, _, _ := strings.Cut(old, "\n")
				if p := blockPrefixRe().FindString(strings.TrimRight(first, "\r")); p != "" && strings.HasPrefix(new, p) {
					new, newOff = new[len(p):], newOff+len(p)
				}
			}
			if old != "" {
				writeSplit(&out, d, "{--", "--}", old, m.Start+3, atLineStart, numbers, num)
				num = 0
			}
			if new != "" || num > 0 {
				writeSplit(&out, d, "{++", "++}", new, newOff, newStart, numbers, num)
			}
		}
	}
	out.Write(src[pos:])
	return out.Bytes(), numbers
}

// writeSplit writes content between open and close, one mark per line.
// offset is where content starts in the original source (to tell code);
// num, when not 0, is the change number the first delimiter carries.
func writeSplit(out *bytes.Buffer, d *critic.Doc, open, close, content string, offset int, atLineStart bool, numbers map[int]int, num int) {
	lines := strings.Split(content, "\n")
	for i, l := range lines {
		if i > 0 {
			out.WriteByte('\n')
		}
		lineOff := offset
		offset += len(l) + 1
		body := strings.TrimRight(l, "\r")
		cr := l[len(body):]
		if len(lines) > 1 && (strings.TrimSpace(body) == "" || d.InCode(lineOff) || ruleLineRe().MatchString(body) || isFence(body)) {
			out.WriteString(l)
			continue
		}
		prefix := ""
		if i > 0 || atLineStart {
			prefix = blockPrefixRe().FindString(body)
		}
		out.WriteString(prefix)
		if num > 0 {
			numbers[out.Len()] = num
			num = 0
		}
		out.WriteString(open + body[len(prefix):] + close + cr)
	}
	if num > 0 {
		// Nothing written could carry the number: put an empty mark.
		numbers[out.Len()] = num
		out.WriteString(open + close)
	}
}

func isFence(l string) bool {
	t := strings.TrimLeft(l, " \t>")
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
}

func isBlankBytes(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
