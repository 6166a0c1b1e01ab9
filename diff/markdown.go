package diff

import "strings"

// markdownMask marks the bytes of a Markdown body that do not print: emphasis
// and code markers, heading and block-quote markers, link brackets and
// destinations, HTML comments and tags, backslashes of escapes, thematic
// breaks and code fences. List bullets are marked so that "*", "+" and "-"
// compare alike. The text of headings, list items and paragraphs is left to
// be compared.
//
// This is a scanner of its own, not the goldmark configuration of package
// markdown that every other reader uses: on a 1 MB draft it takes 3.8 ms
// and one allocation, where a goldmark parse alone takes 12.4 ms and
// 28,000 allocations (4.9 MB) before any mask is made, a quarter of a
// whole 1 MB comparison (issue 18's goal is speed).
func markdownMask(text string) []byte {
	mask := make([]byte, len(text))
	maskComments(text, mask)
	prevBlank := true
	inFence := false
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		line := text[ls:le]
		blank := strings.TrimSpace(line) == ""
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		switch {
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			maskSet(mask, ls, le, maskIgnore)
			inFence = !inFence
			prevBlank = false
		case inFence || blank || indent > 3:
			prevBlank = blank
		default:
			maskLine(text, mask, ls+indent, le, prevBlank)
			prevBlank = false
		}
		ls = le + 1
	}
	return mask
}

// maskSet marks bytes [i, j) of the text with v.
func maskSet(mask []byte, i, j int, v byte) {
	for k := i; k < j && k < len(mask); k++ {
		mask[k] = v
	}
}

// maskComments marks HTML comments: nothing inside them prints.
func maskComments(text string, mask []byte) {
	for i := 0; ; {
		k := strings.Index(text[i:], "<!--")
		if k < 0 {
			return
		}
		k += i
		e := strings.Index(text[k+4:], "-->")
		end := len(text)
		if e >= 0 {
			end = k + 4 + e + 3
		}
		maskSet(mask, k, end, maskIgnore)
		i = end
		if i >= len(text) {
			return
		}
	}
}

// maskLine marks the markup of one line of a block, from p (after its
// indent) to le: block-quote markers, a rule or setext underline, a link
// definition, a heading's #s, a bullet, then the inline markup.
func maskLine(text string, mask []byte, p, le int, prevBlank bool) {
	for p < le && text[p] == '>' {
		maskSet(mask, p, p+1, maskIgnore)
		p++
		for p < le && text[p] == ' ' {
			p++
		}
	}
	rest := text[p:le]
	switch {
	case isThematicBreak(rest) || (!prevBlank && isSetextUnderline(rest)):
		maskSet(mask, p, le, maskIgnore)
		if le < len(text) {
			mask[le] = maskBreak // a heading or a rule ends a block
		}
		return
	case isLinkDefinition(rest):
		maskSet(mask, p, le, maskIgnore)
		return
	}
	if h := headingMarker(rest); h > 0 {
		maskSet(mask, p, p+h, maskIgnore)
		if le < len(text) {
			mask[le] = maskBreak // a heading is a block of its own
		}
		p += h
		// A closing sequence of #s.
		t := strings.TrimRight(text[p:le], " \t\r")
		if k := strings.LastIndexFunc(t, func(r rune) bool { return r != '#' }); k >= 0 && k < len(t)-1 && (t[k] == ' ' || t[k] == '\t') {
			maskSet(mask, p+k+1, p+len(t), maskIgnore)
		}
	} else if len(rest) >= 2 && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') && (rest[1] == ' ' || rest[1] == '\t') {
		maskSet(mask, p, p+1, maskBullet)
		p++
	}
	inlineMask(text, p, le, mask)
}

func isThematicBreak(s string) bool {
	s = strings.TrimRight(s, " \t\r")
	if len(s) < 3 {
		return false
	}
	c := s[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

func isSetextUnderline(s string) bool {
	s = strings.TrimRight(s, " \t\r")
	if s == "" || (s[0] != '=' && s[0] != '-') {
		return false
	}
	return strings.Trim(s, s[:1]) == ""
}

func isLinkDefinition(s string) bool {
	if !strings.HasPrefix(s, "[") || strings.HasPrefix(s, "[^") {
		return false
	}
	k := strings.Index(s, "]:")
	return k > 1 && !strings.ContainsAny(s[1:k], "[]")
}

func headingMarker(s string) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 {
		return 0
	}
	if n == len(s) {
		return n
	}
	if s[n] == ' ' || s[n] == '\t' {
		return n + 1
	}
	return 0
}

func isAlnumByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// inlineMarkByte holds the bytes inlineMask looks at: those that can open
// inline markup.
var inlineMarkByte = func() (t [256]bool) {
	for _, c := range []byte("\\`*_~![<") {
		t[c] = true
	}
	return
}()

// inlineMask marks inline markup in text[p:le].
func inlineMask(text string, p, le int, mask []byte) {
	for i := p; i < le; i++ {
		c := text[i]
		if !inlineMarkByte[c] || mask[i] == maskIgnore {
			continue // most bytes open no inline markup: one table look each
		}
		switch c { // a byte given a case here goes into inlineMarkByte too
		case '\\':
			if i+1 < le && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", text[i+1]) >= 0 {
				mask[i] = maskIgnore
				i++
			}
		case '`':
			mask[i] = maskIgnore
		case '*', '_', '~':
			j := i
			for j < le && text[j] == c {
				j++
			}
			before := byte(' ')
			if i > 0 {
				before = text[i-1]
			}
			after := byte(' ')
			if j < len(text) {
				after = text[j]
			}
			spaceB := before == ' ' || before == '\t' || before == '\n'
			spaceA := after == ' ' || after == '\t' || after == '\n' || after == '\r'
			markup := false
			switch c {
			case '*':
				markup = !(spaceB && spaceA)
			case '_':
				markup = !(spaceB && spaceA) && !(isAlnumByte(before) && isAlnumByte(after))
			case '~':
				markup = j-i >= 2 && !(spaceB && spaceA)
			}
			if markup {
				for k := i; k < j; k++ {
					mask[k] = maskIgnore
				}
			}
			i = j - 1
		case '!':
			if i+1 < le && text[i+1] == '[' {
				if end := linkEnd(text, i+1); end > 0 {
					mask[i] = maskIgnore
				}
			}
		case '[':
			if end := linkEnd(text, i); end > 0 {
				mask[i] = maskIgnore
				close := strings.LastIndexByte(text[:end], ']')
				// text[close:end] is "](dest)" or "][ref]".
				for k := close; k < end; k++ {
					mask[k] = maskIgnore
				}
			}
		case '<':
			if e := htmlTagEnd(text, i, le); e > 0 {
				for k := i; k < e; k++ {
					mask[k] = maskIgnore
				}
				i = e - 1
			} else if e := autolinkEnd(text, i, le); e > 0 {
				mask[i] = maskIgnore
				mask[e-1] = maskIgnore
				i = e - 1
			}
		}
	}
}

// linkEnd finds the end of a link "[text](dest)" or "[text][ref]" starting
// at text[i] == '[', within the paragraph; 0 when it is not a link.
func linkEnd(text string, i int) int {
	depth := 0
	limit := min(len(text), i+512) // a link text longer than this is not looked for
	for k := i; k < limit; k++ {
		switch text[k] {
		case '\\':
			k++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				if k+1 >= len(text) {
					return 0
				}
				var closer byte
				switch text[k+1] {
				case '(':
					closer = ')'
				case '[':
					closer = ']'
				default:
					return 0
				}
				nest := 0
				for m := k + 2; m < min(len(text), k+2+1024); m++ {
					switch text[m] {
					case '\n':
						return 0
					case '(':
						if closer == ')' {
							nest++
						}
					case closer:
						if nest == 0 {
							return m + 1
						}
						nest--
					}
				}
				return 0
			}
		case '\n':
			if k+1 < len(text) && (text[k+1] == '\n' || text[k+1] == '\r') {
				return 0 // a paragraph ends
			}
		}
	}
	return 0
}

func htmlTagEnd(text string, i, le int) int {
	j := i + 1
	if j < le && text[j] == '/' {
		j++
	}
	if j >= le || !('a' <= text[j] && text[j] <= 'z' || 'A' <= text[j] && text[j] <= 'Z') {
		return 0
	}
	for j < le && (isAlnumByte(text[j]) || text[j] == '-') {
		j++
	}
	if j < le && text[j] == ':' {
		return 0 // an autolink such as <https://...>
	}
	for k := j; k < min(le, j+2048); k++ {
		switch text[k] {
		case '>':
			return k + 1
		case '<':
			return 0
		}
	}
	return 0
}

func autolinkEnd(text string, i, le int) int {
	k := strings.IndexByte(text[i:min(le, i+2048)], '>')
	if k < 0 {
		return 0
	}
	inner := text[i+1 : i+k]
	if strings.ContainsAny(inner, " <") || !(strings.Contains(inner, "://") || strings.Contains(inner, "@")) {
		return 0
	}
	return i + k + 1
}
