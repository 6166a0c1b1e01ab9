package critic

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// ImportHandwritten turns a draft transcribed from a hand-amended copy into
// CriticMarkup. The transcription writes struck words as ~~struck~~ and
// words written above the line as <sup>inserted</sup>:
//
//   - a struck run followed by a superscript (directly, or after spaces)
//     becomes a substitution {~~struck~>inserted~~};
//   - a struck run on its own becomes a deletion {--struck--};
//   - a superscript on its own becomes an insertion {++inserted++};
//   - superscripts separated only by spaces are one insertion, their texts
//     joined by a space.
//
// Runs may cross lines and blank lines. Everything else, the front matter,
// code, and CriticMarkup already present, is left as it is. A run whose
// text holds CriticMarkup delimiters is left as it is too, since it cannot
// be written as a mark.
func ImportHandwritten(src []byte) ([]byte, error) { return ImportHandwrittenFile("input", src) }

// ImportHandwrittenFile is ImportHandwritten with the file's name for
// messages.
func ImportHandwrittenFile(name string, src []byte) ([]byte, error) {
	body, err := criticBodyOffset(name, src)
	if err != nil {
		return nil, err
	}
	// Regions to leave alone: code, and marks already written.
	skip := codeSpans(src[body:], body)
	if d, err := Parse(name, src); err == nil {
		for _, m := range d.marks {
			skip = append(skip, span{m.Start, m.End})
		}
	} else {
		return nil, err
	}
	sort.Slice(skip, func(i, j int) bool { return skip[i].start < skip[j].start })

	runs := handRuns(src, body, skip)
	var out bytes.Buffer
	out.Write(src[:body])
	pos := body
	for i := 0; i < len(runs); i++ {
		r := runs[i]
		out.Write(src[pos:r.start])
		pos = r.end
		// Gather the superscripts that follow, separated only by spaces.
		var newText strings.Builder
		found := r.sup
		if r.sup {
			newText.WriteString(r.text)
		}
		j := i + 1
		if !r.sup && j < len(runs) && runs[j].sup && isSpaces(src[r.end:runs[j].start]) {
			newText.WriteString(runs[j].text)
			pos = runs[j].end
			found = true
			j++
		}
		for found && j < len(runs) && runs[j].sup && isSpaces(src[pos:runs[j].start]) {
			newText.Write(src[pos:runs[j].start])
			newText.WriteString(runs[j].text)
			pos = runs[j].end
			j++
		}
		i = j - 1
		switch {
		case r.sup:
			out.WriteString("{++" + newText.String() + "++}")
		case found:
			out.WriteString("{~~" + r.text + "~>" + newText.String() + "~~}")
		default:
			out.WriteString("{--" + r.text + "--}")
		}
	}
	out.Write(src[pos:])
	res := out.Bytes()
	if _, err := Parse(name, res); err != nil {
		return nil, fmt.Errorf("%s: the imported text would not be valid CriticMarkup (%v): escape the stray delimiters in the input with a backslash", name, err)
	}
	return res, nil
}

type handRun struct {
	start, end int // the whole run with its delimiters
	text       string
	sup        bool
}

func isSpaces(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// handRuns finds the ~~struck~~ and <sup>inserted</sup> runs outside the
// skipped regions.
func handRuns(src []byte, body int, skip []span) []handRun {
	var runs []handRun
	si := 0
	inSkip := func(i int) (int, bool) {
		for si < len(skip) && skip[si].end <= i {
			si++
		}
		if si < len(skip) && skip[si].start <= i {
			return skip[si].end, true
		}
		return i, false
	}
	// find returns the offset of the next unescaped, unskipped delim at or
	// after i, without moving the caller's skip cursor.
	find := func(i int, delim string, fold bool) int {
		k := si
		for i < len(src) {
			for k < len(skip) && skip[k].end <= i {
				k++
			}
			if k < len(skip) && skip[k].start <= i {
				i = skip[k].end
				continue
			}
			if hasPrefixFold(src[i:], delim, fold) && !escaped(src, i, body) {
				return i
			}
			i++
		}
		return -1
	}
	for i := body; i < len(src); {
		if e, ok := inSkip(i); ok {
			i = e
			continue
		}
		switch {
		case bytes.HasPrefix(src[i:], []byte("~~")) && !escaped(src, i, body):
			if bytes.HasPrefix(src[i:], []byte("~~~")) {
				// Three or more tildes: not a strike.
				for i < len(src) && src[i] == '~' {
					i++
				}
				continue
			}
			e := find(i+2, "~~", false)
			if e < 0 {
				i += 2
				continue
			}
			t := string(src[i+2 : e])
			if strings.TrimSpace(t) == "" || HasDelimiter(t) || strings.HasPrefix(t, "~") {
				i = e + 2
				continue
			}
			runs = append(runs, handRun{start: i, end: e + 2, text: t})
			i = e + 2
		case hasPrefixFold(src[i:], "<sup>", true) && !escaped(src, i, body):
			e := find(i+5, "</sup>", true)
			if e < 0 {
				i += 5
				continue
			}
			t := string(src[i+5 : e])
			if HasDelimiter(t) {
				i = e + 6
				continue
			}
			runs = append(runs, handRun{start: i, end: e + 6, text: t, sup: true})
			i = e + 6
		default:
			i++
		}
	}
	return runs
}

func hasPrefixFold(b []byte, s string, fold bool) bool {
	if len(b) < len(s) {
		return false
	}
	if fold {
		return strings.EqualFold(string(b[:len(s)]), s)
	}
	return string(b[:len(s)]) == s
}
