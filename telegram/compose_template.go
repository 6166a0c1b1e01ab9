package telegram

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/redline-dev/redline/cable"
)

func (c *cableRun) funcs() template.FuncMap {
	return template.FuncMap{
		// required fails the rendering when a field the template needs is
		// empty, naming the front-matter key.
		"required": func(key string, v any) (any, error) {
			if key == "signature" && c.midSection {
				return v, nil // only the final section is signed
			}
			rv := reflect.ValueOf(v)
			if v == nil || rv.IsZero() || ((rv.Kind() == reflect.Slice || rv.Kind() == reflect.String) && rv.Len() == 0) {
				return nil, &fieldError{fmt.Sprintf("%s has no %s: add %s: to its front matter (the %s template needs it)", c.name, key, key, c.tmpl.Name)}
			}
			return v, nil
		},
		"spaced": cable.LetterSpaced,
		"upper":  strings.ToUpper,
		"join":   func(sep string, v []string) string { return strings.Join(v, sep) },
		// stop ends a sentence with a full stop unless it has one.
		"stop": func(s string) string {
			s = strings.TrimRight(s, " ")
			if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") {
				return s
			}
			return s + "."
		},
		// prefixed writes a serial with its series word once: "TELNO 1119"
		// stays as it is, a bare "1119" becomes "TELNO 1119".
		"prefixed": prefixSerial,
		// wrap folds a header line within the width.
		"wrap": func(s string) (string, error) {
			out, err := wrapWords(s, c.set.Width, "")
			if err != nil {
				if key := c.fieldIn(s); key != "" {
					return "", &fieldError{fmt.Sprintf("%s: front matter field %s: %v", c.name, key, err)}
				}
				return "", &fieldError{fmt.Sprintf("%s: %v (in a header line of template %s)", c.name, err, c.tmpl.Origin)}
			}
			return out, nil
		},
	}
}

// prefixSerial puts prefix (a series word such as TELNO) before a serial
// unless the serial already begins with it as a word, in any case.
func prefixSerial(prefix string, v any) string {
	s := strings.TrimSpace(fmt.Sprint(v))
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		rest := s[len(prefix):]
		if rest == "" {
			return s
		}
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLetter(r) {
			return s
		}
	}
	if s == "" {
		return prefix
	}
	return prefix + " " + s
}

// wrapWords wraps words within width, later lines starting with indent.
func wrapWords(s string, width int, indent string) (string, error) {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if len(w) > width-len(indent) {
			return "", fmt.Errorf("the word %s is %d characters, longer than a line of %d", abbreviate(w), len(w), width)
		}
		switch {
		case line == "":
			line = w
		case len(line)+1+len(w) > width:
			lines = append(lines, line)
			line = indent + w
		default:
			line += " " + w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n"), nil
}

// execute runs the template over text lines and returns the cable's lines.
func (c *cableRun) execute(text []TeleprinterLine, section string) ([]string, error) {
	if c.plainText && len(text) > 0 {
		if out, ok, err := c.executeSpliced(text, section); ok || err != nil {
			return out, err
		}
	}
	parts := make([]string, len(text))
	for i, l := range text {
		parts[i] = l.Text
	}
	joined := strings.Join(parts, "\n")
	c.data["Text"] = joined
	c.data["Section"] = section
	printed, err := runBounded(c.parsed, c.data, len(joined))
	if err != nil {
		var fe *fieldError
		if errors.As(err, &fe) {
			return nil, fe
		}
		return nil, fmt.Errorf("template %s: %v", c.tmpl.Origin, cleanExecError(err))
	}
	if strings.TrimSpace(printed) == "" {
		return nil, fmt.Errorf("template %s printed nothing: a cable needs at least its classification and text; fix the template, or remove it to use the built-in one", c.tmpl.Origin)
	}
	if missing := missingText(printed, text); missing != "" {
		return nil, fmt.Errorf("template %s does not print the message text (%q is missing): a cable without its text cannot go out; put {{.Text}} in the template", c.tmpl.Origin, missing)
	}
	return c.checkLines(strings.Split(strings.TrimRight(printed, "\n"), "\n"))
}

// executeSpliced runs a template that prints .Text plainly with the
// marker in its place and splices the text's lines in (compose_splice.go);
// ok is false when the output does not hold the marker alone on a line.
func (c *cableRun) executeSpliced(text []TeleprinterLine, section string) (out []string, ok bool, err error) {
	c.data["Text"] = textMarker
	c.data["Section"] = section
	printed, err := runBounded(c.parsed, c.data, 0) // (the output holds no text, and its buffer need not)
	if err != nil {
		return nil, false, nil // the full run reports it, with the text in place
	}
	lines, ok := splice(printed, text)
	if !ok {
		return nil, false, nil
	}
	out, err = c.checkLines(lines)
	return out, true, err
}

// checkLines trims the cable's lines at the right and refuses one longer
// than the width, naming the field it comes from.
func (c *cableRun) checkLines(out []string) ([]string, error) {
	for i, l := range out {
		l = strings.TrimRight(l, " \t\r")
		out[i] = l
		if len(l) > c.set.Width {
			if key := c.fieldIn(l); key != "" {
				return nil, fmt.Errorf("%s: front matter field %s makes line %d of the cable %d characters, longer than %d: %q: shorten it", c.name, key, i+1, len(l), c.set.Width, l)
			}
			return nil, fmt.Errorf("%s: line %d of the cable is %d characters, longer than %d: %q (shorten the front-matter field it comes from, or fix template %s)", c.name, i+1, len(l), c.set.Width, l, c.tmpl.Origin)
		}
	}
	return out, nil
}

// missingText returns the first line of the message text that the
// template's output does not hold, or "".
func missingText(out string, text []TeleprinterLine) string {
	at := 0
	for _, l := range text {
		t := strings.TrimSpace(l.Text)
		if t == "" {
			continue
		}
		i := strings.Index(out[at:], t)
		if i < 0 {
			return t
		}
		at += i + len(t)
	}
	return ""
}

// headerFields pairs the front-matter keys printed in a cable's header
// with the template data that holds them.
var headerFields = []struct{ key, data string }{
	{"title", "Title"}, {"subject", "Subject"}, {"references", "Refs"}, {"eo", "EO"}, {"tags", "Tags"},
	{"passing.for", "PassingFor"}, {"passing.from", "PassingFrom"}, {"to", "To"}, {"info", "Info"},
	{"captions", "Captions"}, {"caveats", "Caveats"}, {"heading", "Heading"}, {"from", "From"},
	{"signature", "Signature"}, {"serial", "Serial"},
}

// fieldIn names the front-matter field whose text s holds (a header line
// or the text given to wrap), or "".
func (c *cableRun) fieldIn(s string) string {
	s = strings.ToUpper(s)
	best, bestLen := "", 0
	try := func(key, v string) {
		if len(v) > bestLen && strings.Contains(s, strings.ToUpper(v)) {
			best, bestLen = key, len(v)
		}
	}
	for _, f := range headerFields {
		switch v := c.data[f.data].(type) {
		case string:
			try(f.key, v)
		case []string:
			for _, e := range v {
				try(f.key, e)
			}
		}
	}
	return best
}

// fieldError is a missing front-matter field, reported as it is.
type fieldError struct{ msg string }

func (e *fieldError) Error() string { return e.msg }

// cleanExecError strips text/template's location prefix from errors our
// own functions return, which already say what to do.
func cleanExecError(err error) string {
	var ee template.ExecError
	if errors.As(err, &ee) {
		msg := ee.Err.Error()
		if i := strings.Index(msg, "error calling wrap: "); i >= 0 {
			return msg[i+len("error calling wrap: "):]
		}
		return strings.TrimPrefix(msg, "template: ")
	}
	return cleanTemplateError(err)
}
