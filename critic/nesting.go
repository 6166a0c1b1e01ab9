package critic

import "fmt"

// MaxNesting is the deepest nesting of Markdown containers (list items and
// block quotes, one inside another) that redline reads. Markdown parsers
// look at every open container on every line, and goldmark's list
// parsers measure indentation for each of them too, so a draft nested
// thousands of levels deep takes minutes to read (2,000 indented list
// levels: 19 s). Real drafts nest a few levels; a body nested deeper than
// this is refused, at once, with the line where the nesting passes it.
const MaxNesting = 50

// checkNesting refuses a body whose containers may nest deeper than
// MaxNesting. It does not parse Markdown: on each line that has a
// container marker (">", or a list marker "-", "+", "*", "1." or "1)"
// followed by white space), it counts the markers at the line's start and
// half the columns of white space among them, past the one space each
// marker takes (a nested list item stands
// at least two columns further in than its parent). That is never less
// than the depth of the containers the line opens or continues, so a body
// that passes cannot make the parser slow.
func (d *Doc) checkNesting() error {
	src := d.src
	for ls := d.body; ls < len(src); {
		depth, k := lineNesting(src, ls)
		if depth > MaxNesting {
			return d.errorf(ls, "lists and block quotes nest %s here, more than the %d levels redline reads: flatten the nesting", levels(depth), MaxNesting)
		}
		// the next line
		for k < len(src) && src[k] != '\n' {
			k++
		}
		ls = k + 1
	}
	return nil
}

func levels(n int) string {
	if n >= 10*MaxNesting {
		return fmt.Sprintf("%d or more levels", 10*MaxNesting)
	}
	return fmt.Sprintf("about %d levels", n)
}

// lineNesting bounds the nesting of the line starting at ls from above; it
// returns the bound and where it stopped reading. It stops counting at ten
// times MaxNesting, so a long line costs no more than that.
func lineNesting(src []byte, ls int) (depth, end int) {
	cols, markers := 0, 0
	i := ls
	for i < len(src) && markers+cols/2 <= 10*MaxNesting {
		switch c := src[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4 - cols%4
			i++
		case c == '>':
			markers++
			i = afterMarker(src, i+1)
		case c == '-' || c == '+' || c == '*':
			if i+1 < len(src) && !lineSpace(src[i+1]) {
				return bound(markers, cols), i
			}
			markers++
			i = afterMarker(src, i+1)
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && j-i < 9 && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			if j+1 >= len(src) || (src[j] != '.' && src[j] != ')') || !lineSpace(src[j+1]) {
				return bound(markers, cols), i
			}
			markers++
			i = afterMarker(src, j+1)
		default:
			return bound(markers, cols), i
		}
	}
	return bound(markers, cols), i
}

// afterMarker skips the one space or tab that belongs to a marker.
func afterMarker(src []byte, i int) int {
	if i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		return i + 1
	}
	return i
}

// bound is the nesting a line's markers and white space allow: none
// without a marker (such a line opens no container).
func bound(markers, cols int) int {
	if markers == 0 {
		return 0
	}
	return markers + cols/2
}

func lineSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
