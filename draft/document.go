package draft

import (
	"bytes"
	"fmt"
	"reflect"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Document is a parsed draft: the message's fields from the YAML front
// matter and the Markdown body, kept byte for byte.
type Document struct {
	// Name is the file's name as given, used in messages.
	Name string
	// Fields are the message's fields. Classification and Precedence hold
	// their canonical forms (SECRET, IMMEDIATE).
	Fields Fields
	// HasFrontMatter reports whether the file opens with a front-matter
	// block (--- ... ---).
	HasFrontMatter bool
	// Body is the Markdown body, byte for byte as in the file (after the
	// front matter; without a byte-order mark).
	Body []byte
	// BodyLine is the 1-based line number in the file where Body starts.
	BodyLine int

	// What Bytes needs to give the file back unchanged.
	raw      []byte // the whole file as read; nil for a document made by New
	bom      bool   // the file opened with a UTF-8 byte-order mark
	crlf     bool   // the front matter's lines end in CRLF
	parsed   Fields // Fields as parsed, to see whether they changed
	origBody []byte // Body as parsed
	fmNode   *yaml.Node
	closer   string // the closing delimiter line's text: "---" or "..."
}

// bom is the UTF-8 encoding of U+FEFF.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// New makes a document from fields and a body; Bytes writes it with a front
// matter block when any field is set.
func New(name string, fields Fields, body []byte) *Document {
	return &Document{Name: name, Fields: fields, HasFrontMatter: !reflect.ValueOf(fields).IsZero(), Body: body, BodyLine: 1}
}

// Parse reads a draft. The front matter, when there is one, must be a YAML
// mapping of known fields with values of the right type; classification and
// precedence must be known values. Errors name NAME:LINE:COLUMN and, where
// there is a fixed set, the allowed values. A UTF-8 byte-order mark and CRLF
// line endings are accepted; invalid UTF-8 and NUL bytes are refused with
// their byte offset.
func Parse(name string, data []byte) (*Document, error) {
	if err := checkText(name, data); err != nil {
		return nil, err
	}
	d := &Document{Name: name, raw: data, BodyLine: 1}
	rest := data
	if bytes.HasPrefix(rest, utf8BOM) {
		d.bom = true
		rest = rest[len(utf8BOM):]
	}
	first, n := lineAt(rest, 0)
	if !isDelimiter(first, "---") {
		d.Body = rest
		d.origBody = rest
		// Front matter added later follows the file's line endings.
		d.crlf = n >= 2 && rest[n-2] == '\r' && rest[n-1] == '\n'
		return d, nil
	}
	d.HasFrontMatter = true
	d.crlf = bytes.HasSuffix(rest[:n], []byte("\r\n"))
	yamlStart := n
	pos := n
	line := 2
	for {
		if pos >= len(rest) {
			return nil, fmt.Errorf("%s:1:1: front matter opened with --- is never closed: end it with a line of ---", name)
		}
		l, ln := lineAt(rest, pos)
		if isDelimiter(l, "---") || isDelimiter(l, "...") {
			d.closer = string(bytes.TrimRight(l, " \t"))
			yamlText := rest[yamlStart:pos]
			bodyStart := pos + ln
			d.Body = rest[bodyStart:]
			d.origBody = d.Body
			d.BodyLine = line + 1
			node, fields, err := parseFrontMatter(name, yamlText, 1)
			if err != nil {
				return nil, err
			}
			d.fmNode = node
			d.Fields = fields
			d.parsed = cloneFields(fields)
			return d, nil
		}
		pos += ln
		line++
	}
}

// checkText refuses NUL bytes and invalid UTF-8, naming the byte offset.
func checkText(name string, data []byte) error {
	for i := 0; i < len(data); {
		c := data[i]
		if c == 0 {
			return fmt.Errorf("%s: NUL byte at byte offset %d: a draft must be UTF-8 text", name, i)
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return fmt.Errorf("%s: invalid UTF-8 at byte offset %d: save the file as UTF-8", name, i)
		}
		i += size
	}
	return nil
}

// lineAt returns the line starting at pos without its line ending, and the
// length of the line including its ending.
func lineAt(b []byte, pos int) ([]byte, int) {
	i := bytes.IndexByte(b[pos:], '\n')
	if i < 0 {
		return b[pos:], len(b) - pos
	}
	l := b[pos : pos+i]
	return bytes.TrimSuffix(l, []byte("\r")), i + 1
}

// isDelimiter reports whether line is the delimiter, allowing trailing
// spaces and tabs.
func isDelimiter(line []byte, delim string) bool {
	return string(bytes.TrimRight(line, " \t")) == delim
}

// Bytes returns the file's bytes: exactly the bytes parsed when neither the
// fields nor the body changed. When the fields changed, the front matter is
// rewritten (keeping comments and the order of the keys that remain); the
// body is always written as it is.
func (d *Document) Bytes() []byte {
	if d.raw != nil && bytes.Equal(d.Body, d.origBody) && reflect.DeepEqual(d.Fields, d.parsed) {
		return d.raw
	}
	var out bytes.Buffer
	if d.bom {
		out.Write(utf8BOM)
	}
	fieldsChanged := d.raw == nil || !reflect.DeepEqual(d.Fields, d.parsed)
	if !fieldsChanged && d.HasFrontMatter {
		// Only the body changed: keep the front matter's bytes.
		head := d.raw[:len(d.raw)-len(d.origBody)]
		out.Reset()
		out.Write(head)
		out.Write(d.Body)
		return out.Bytes()
	}
	empty := reflect.ValueOf(d.Fields).IsZero()
	if !empty || (d.HasFrontMatter && d.raw != nil) {
		nl := "\n"
		if d.crlf {
			nl = "\r\n"
		}
		y := d.frontMatterYAML()
		if d.crlf {
			y = bytes.ReplaceAll(y, []byte("\n"), []byte("\r\n"))
		}
		out.WriteString("---" + nl)
		out.Write(y)
		closer := d.closer
		if closer == "" {
			closer = "---"
		}
		out.WriteString(closer + nl)
	}
	out.Write(d.Body)
	return out.Bytes()
}

// frontMatterYAML renders the fields as YAML. When the document was parsed
// from a front matter block, the parsed node tree is updated in place so
// that comments and key order survive.
func (d *Document) frontMatterYAML() []byte {
	var node *yaml.Node
	if d.fmNode != nil {
		node = updateNode(d.fmNode, d.Fields)
	} else {
		node = &yaml.Node{}
		if err := node.Encode(d.Fields); err != nil {
			node = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		}
	}
	if node.Kind == yaml.MappingNode && len(node.Content) == 0 {
		return nil
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(node); err != nil {
		return nil
	}
	enc.Close()
	return buf.Bytes()
}

func cloneFields(f Fields) Fields {
	var c Fields
	cloneValue(reflect.ValueOf(&c).Elem(), reflect.ValueOf(f))
	return c
}

func cloneValue(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Struct:
		for i := 0; i < src.NumField(); i++ {
			if dst.Field(i).CanSet() {
				cloneValue(dst.Field(i), src.Field(i))
			}
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := 0; i < src.Len(); i++ {
			cloneValue(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		for _, k := range src.MapKeys() {
			v := reflect.New(src.Type().Elem()).Elem()
			cloneValue(v, src.MapIndex(k))
			m.SetMapIndex(k, v)
		}
		dst.Set(m)
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Type().Elem())
		cloneValue(p.Elem(), src.Elem())
		dst.Set(p)
	default:
		dst.Set(src)
	}
}
