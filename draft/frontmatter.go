package draft

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/redline-dev/redline/cable"
	"go.yaml.in/yaml/v3"
)

// parseFrontMatter decodes the YAML between the delimiters strictly into
// Fields. lineOffset is added to YAML's line numbers to give file lines.
func parseFrontMatter(name string, text []byte, lineOffset int) (*yaml.Node, Fields, error) {
	var f Fields
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, f, yamlSyntaxError(name, err, text, lineOffset)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		// Empty front matter, or comments only.
		return nil, f, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, f, nil
	}
	d := &strictDecoder{name: name, lineOffset: lineOffset, what: "front matter"}
	if err := d.decode(root, reflect.ValueOf(&f).Elem(), ""); err != nil {
		return nil, f, err
	}
	if err := canonicalFields(name, root, &f, lineOffset); err != nil {
		return nil, f, err
	}
	return &doc, f, nil
}

var yamlLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// yamlSyntaxError turns yaml.v3's "yaml: line N: msg" into NAME:LINE: msg.
// When yaml gives no line, the first line at which a prefix of the text
// fails the same way is named.
func yamlSyntaxError(name string, err error, text []byte, lineOffset int) error {
	what := "front matter"
	if lineOffset == 0 {
		what = "file"
	}
	msg := err.Error()
	if m := yamlLineRE().FindStringSubmatch(msg); m != nil {
		var n int
		fmt.Sscanf(m[1], "%d", &n)
		return fmt.Errorf("%s:%d: %s is not valid YAML: %s", name, n+lineOffset, what, m[2])
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	lines := strings.SplitAfter(string(text), "\n")
	if len(lines) <= 300 && len(text) <= 32<<10 {
		for k := 1; k <= len(lines); k++ {
			var n yaml.Node
			if e := yaml.Unmarshal([]byte(strings.Join(lines[:k], "")), &n); e != nil && strings.TrimPrefix(e.Error(), "yaml: ") == msg {
				return fmt.Errorf("%s:%d: %s is not valid YAML: %s", name, k+lineOffset, what, msg)
			}
		}
	}
	return fmt.Errorf("%s: %s is not valid YAML: %s", name, what, msg)
}

// strictDecoder decodes a YAML node tree into a Go value, refusing unknown
// keys, duplicate keys and values of the wrong type, with positions.
type strictDecoder struct {
	name       string
	lineOffset int
	what       string // "front matter", "config"
}

func (d *strictDecoder) errorf(n *yaml.Node, format string, a ...any) error {
	return fmt.Errorf("%s:%d:%d: %s", d.name, n.Line+d.lineOffset, n.Column, fmt.Sprintf(format, a...))
}

func keyName(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// yamlFieldName returns the YAML key of a struct field, or "" for none.
func yamlFieldName(sf reflect.StructField) string {
	if !sf.IsExported() {
		return ""
	}
	tag := sf.Tag.Get("yaml")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" {
		return ""
	}
	if name == "" {
		return strings.ToLower(sf.Name)
	}
	return name
}

// kindName describes a YAML node for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "a YAML " + n.Tag
}

func (d *strictDecoder) decode(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return d.errorf(n, "%s: unknown alias", path)
		}
		n = n.Alias
	}
	isNull := n.Kind == yaml.ScalarNode && n.Tag == "!!null"
	switch v.Kind() {
	case reflect.Struct:
		if isNull {
			return nil
		}
		return d.decodeStruct(n, v, path)
	case reflect.Slice:
		if isNull {
			v.Set(reflect.Zero(v.Type()))
			return nil
		}
		return d.decodeSlice(n, v, path)
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if isNull {
			v.Set(reflect.Zero(v.Type()))
			return nil
		}
		return d.decodeScalar(n, v, path)
	}
	// Any other type: let yaml decode it, keeping the position.
	p := reflect.New(v.Type())
	if err := n.Decode(p.Interface()); err != nil {
		var te *yaml.TypeError
		msg := err.Error()
		if errors.As(err, &te) && len(te.Errors) > 0 {
			msg = te.Errors[0]
		}
		return d.errorf(n, "%s: %s", path, strings.TrimPrefix(msg, "yaml: "))
	}
	v.Set(p.Elem())
	return nil
}

// decodeStruct decodes a mapping into a struct's fields by their YAML
// names: an unknown key (with the closest known one) or a key given twice
// is an error at its line.
func (d *strictDecoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind != yaml.MappingNode {
		return d.errorf(n, "%s must be a mapping of keys, not %s", orWhat(path, d.what), kindName(n))
	}
	t := v.Type()
	fields := map[string]int{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		if name := yamlFieldName(t.Field(i)); name != "" {
			fields[name] = i
			names = append(names, name)
		}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return d.errorf(k, "%s: keys must be plain words", orWhat(path, d.what))
		}
		idx, ok := fields[k.Value]
		if !ok {
			hint := ""
			if s := closest(k.Value, names); s != "" {
				hint = fmt.Sprintf("did you mean %q? ", s)
			}
			where := d.what
			if path != "" {
				where = path
			}
			return d.errorf(k, "unknown key %q in %s: %sallowed keys: %s", k.Value, where, hint, strings.Join(names, ", "))
		}
		if seen[k.Value] {
			return d.errorf(k, "key %q is given twice", keyName(path, k.Value))
		}
		seen[k.Value] = true
		if err := d.decode(val, v.Field(idx), keyName(path, k.Value)); err != nil {
			return err
		}
	}
	return nil
}

// decodeSlice decodes a list, or a single value where a list of text is
// expected (a one-item list).
func (d *strictDecoder) decodeSlice(n *yaml.Node, v reflect.Value, path string) error {
	elem := v.Type().Elem()
	if n.Kind == yaml.ScalarNode && elem.Kind() == reflect.String {
		v.Set(reflect.ValueOf([]string{n.Value}).Convert(v.Type()))
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return d.errorf(n, "%s must be a list, not %s", path, kindName(n))
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		if err := d.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return err
		}
	}
	v.Set(s)
	return nil
}

// decodeScalar decodes text, true or false, or a whole number.
func (d *strictDecoder) decodeScalar(n *yaml.Node, v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			return d.errorf(n, "%s must be text, not %s", path, kindName(n))
		}
		v.SetString(n.Value)
	case reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
			return d.errorf(n, "%s must be true or false, not %s", path, kindName(n))
		}
		v.SetBool(b)
	default:
		var i int64
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&i) != nil {
			return d.errorf(n, "%s must be a whole number, not %s", path, kindName(n))
		}
		if v.OverflowInt(i) {
			return d.errorf(n, "%s: %s is too large", path, n.Value)
		}
		v.SetInt(i)
	}
	return nil
}

func orWhat(path, what string) string {
	if path == "" {
		return "the " + what
	}
	return path
}

// canonicalFields checks classification and precedence against the allowed
// values and puts them in canonical form.
func canonicalFields(name string, root *yaml.Node, f *Fields, lineOffset int) error {
	at := func(key string) (int, int) {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == key {
				v := root.Content[i+1]
				return v.Line + lineOffset, v.Column
			}
		}
		return 1 + lineOffset, 1
	}
	if f.Classification != "" {
		c, err := cable.ParseClassification(f.Classification)
		if err != nil {
			l, col := at("classification")
			return fmt.Errorf("%s:%d:%d: %v", name, l, col, err)
		}
		f.Classification = c
	}
	for _, l := range []struct {
		key  string
		list []string
	}{{"to", f.To}, {"info", f.Info}} {
		for _, a := range l.list {
			if hint := addresseePrecedenceTypo(a); hint != "" {
				line, col := at(l.key)
				return fmt.Errorf("%s:%d:%d: %s: %q: %s", name, line, col, l.key, a, hint)
			}
		}
	}
	if f.Deskby != "" {
		d, err := cable.ParseDeskby(f.Deskby)
		if err != nil {
			l, col := at("deskby")
			return fmt.Errorf("%s:%d:%d: %v", name, l, col, err)
		}
		f.Deskby = d
	}
	for _, p := range []struct {
		key string
		v   *string
	}{{"precedence", &f.Precedence}, {"info_precedence", &f.InfoPrecedence}} {
		if *p.v == "" {
			continue
		}
		pr, err := cable.ParsePrecedence(*p.v)
		if err != nil {
			l, col := at(p.key)
			return fmt.Errorf("%s:%d:%d: %s: %v", name, l, col, p.key, err)
		}
		*p.v = pr.Word
	}
	return nil
}

// addresseePrecedenceTypo says what is wrong with an addressee whose
// brackets at the end hold a near miss of a precedence word (MOSCOW
// (ROUTNE)), which would otherwise be taken for part of the name; "" when
// there is nothing to say.
func addresseePrecedenceTypo(entry string) string {
	_, inner, ok := cable.AddresseeBracket(entry)
	if !ok {
		return ""
	}
	inner = strings.ToUpper(inner)
	if _, err := cable.ParsePrecedence(inner); err == nil {
		return ""
	}
	var words []string
	for _, w := range append(cable.PrecedenceWords(), cable.Niact.Word) {
		words = append(words, strings.ToLower(w))
	}
	if c := closest(inner, words); c != "" {
		return fmt.Sprintf("unknown precedence %q in brackets: did you mean (%s)?", inner, strings.ToUpper(c))
	}
	return ""
}

// closest returns the candidate nearest to s by edit distance when it is
// near enough to be a likely typo.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// updateNode returns a copy of the parsed front matter's document node with
// the fields that differ between old and cur replaced, removed or appended,
// so that untouched keys keep their text and comments.
func updateNode(doc *yaml.Node, cur Fields) *yaml.Node {
	root := copyNode(doc)
	var m *yaml.Node
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 && root.Content[0].Kind == yaml.MappingNode {
		m = root.Content[0]
	} else {
		m = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		root = &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{m}}
	}
	// The old values, as parsed from the node tree (before canonical forms).
	var oldF Fields
	(&strictDecoder{}).decode(m, reflect.ValueOf(&oldF).Elem(), "")
	_ = canonicalFields("", m, &oldF, 0)

	var fresh yaml.Node
	if err := fresh.Encode(cur); err != nil || fresh.Kind != yaml.MappingNode {
		fresh = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	}
	freshVal := map[string]*yaml.Node{}
	var freshKeys []*yaml.Node
	for i := 0; i+1 < len(fresh.Content); i += 2 {
		freshVal[fresh.Content[i].Value] = fresh.Content[i+1]
		freshKeys = append(freshKeys, fresh.Content[i])
	}
	t := reflect.TypeOf(cur)
	changed := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		name := yamlFieldName(t.Field(i))
		if name == "" {
			continue
		}
		if !reflect.DeepEqual(reflect.ValueOf(cur).Field(i).Interface(), reflect.ValueOf(oldF).Field(i).Interface()) {
			changed[name] = true
		}
	}
	var content []*yaml.Node
	present := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		present[k.Value] = true
		if !changed[k.Value] {
			content = append(content, k, v)
			continue
		}
		nv, ok := freshVal[k.Value]
		if !ok {
			continue // now empty: drop the key
		}
		nv.HeadComment, nv.LineComment, nv.FootComment = v.HeadComment, v.LineComment, v.FootComment
		content = append(content, k, nv)
	}
	for _, k := range freshKeys {
		if !present[k.Value] && changed[k.Value] {
			content = append(content, k, freshVal[k.Value])
		}
	}
	m.Content = content
	return root
}

func copyNode(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	c := *n
	if n.Content != nil {
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, x := range n.Content {
			c.Content[i] = copyNode(x)
		}
	}
	return &c
}
