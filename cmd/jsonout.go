package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sort"
	"strings"
	"text/template"

	"github.com/itchyny/gojq"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// writeJSON is the one way redline prints JSON: indented by two spaces,
// one value, a newline at the end. A nil slice prints as [] so that an
// empty listing is always an array.
func writeJSON(w io.Writer, v any) error {
	return encodeJSON(w, v, true)
}

// encodeJSON is writeJSON with a choice of escaping <, > and & in strings.
func encodeJSON(w io.Writer, v any, escapeHTML bool) error {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.IsNil() {
		v = []any{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(escapeHTML)
	return enc.Encode(v)
}

// allFields is the value --json takes when given without a list.
const allFields = "*"

// jsonExporter is gh's --json FIELDS / --jq EXPR / --json-template TMPL for
// a command that prints a listing or a record. The command builds its value
// as usual and hands it to Write when Enabled.
//
// Fields are the JSON names of the value's struct (or of its elements when
// it is a slice). A selected field that the value leaves out (an empty
// omitempty field) prints as null, so that every selected field is present
// in every object: empty fields print the same way everywhere.
type jsonExporter struct {
	fields   string
	jq       string
	template string
	// known lists the field names of the value, for checks and completion.
	known []string
	// rawHTML leaves <, > and & unescaped in the printed JSON.
	rawHTML bool
}

// addJSONFlags adds --json, --jq and --json-template to c for a value of
// the given type (a struct or a slice of structs, or a pointer to one).
func addJSONFlags(c *cobra.Command, sample any) *jsonExporter {
	e := &jsonExporter{known: jsonFieldNames(reflect.TypeOf(sample))}
	fl := c.Flags()
	fl.Var(&fieldsValue{&e.fields, e.known}, "json", "print JSON; --json=FIELDS keeps only those fields (comma-separated): "+strings.Join(e.known, ", "))
	fl.Lookup("json").NoOptDefVal = allFields
	fl.StringVar(&e.jq, "jq", "", "filter the JSON with a jq `EXPRESSION` (implies --json)")
	fl.StringVar(&e.template, "json-template", "", "format the JSON with a Go `TEMPLATE` (implies --json)")
	c.RegisterFlagCompletionFunc("json", func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		prefix := ""
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			prefix = toComplete[:i+1]
		}
		var out []string
		for _, k := range e.known {
			out = append(out, prefix+k)
		}
		return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
	})
	return e
}

// fieldsValue is --json's value; its type name shows in --help. It knows
// the command's field names so that joinSpacedJSON can tell a field list
// from a file name.
type fieldsValue struct {
	fields *string
	known  []string
}

func (v *fieldsValue) String() string {
	if v.fields == nil {
		return ""
	}
	return *v.fields
}
func (v *fieldsValue) Set(s string) error { *v.fields = s; return nil }
func (v *fieldsValue) Type() string       { return "fields" }

var _ pflag.Value = (*fieldsValue)(nil)

// joinSpacedJSON lets --json take its fields as the next argument, as gh's
// does (`--json title,draft`), while a bare --json still means every field.
// pflag cannot do both for one flag, so before parsing, "--json LIST" is
// rewritten to "--json=LIST" when the command's --json is an exporter's
// and LIST is a field list: names joined by commas, or one name the
// command knows. Anything else after --json (a file, another flag) is left
// alone, and arguments after "--" are never touched.
func joinSpacedJSON(root *cobra.Command, args []string) []string {
	c, _, err := root.Find(args)
	if err != nil || c == nil {
		return args
	}
	fl := c.Flags().Lookup("json")
	if fl == nil {
		return args
	}
	fv, ok := fl.Value.(*fieldsValue)
	if !ok {
		return args
	}
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		if a == "--json" && i+1 < len(args) && isFieldList(args[i+1], fv.known) {
			out = append(out, "--json="+args[i+1])
			i++
			continue
		}
		out = append(out, a)
	}
	return out
}

// isFieldList reports whether s reads as --json's fields: identifiers
// joined by commas, or, without a comma, one of the known names.
func isFieldList(s string, known []string) bool {
	parts := strings.Split(s, ",")
	for _, p := range parts {
		if !isFieldName(p) {
			return false
		}
	}
	return len(parts) > 1 || slices.Contains(known, s)
}

func isFieldName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// Enabled reports whether the command should print JSON.
func (e *jsonExporter) Enabled() bool {
	return e.fields != "" || e.jq != "" || e.template != ""
}

// check validates the flags before any work is done.
func (e *jsonExporter) check() error {
	if e.jq != "" && e.template != "" {
		return usageErrorf("--jq and --json-template cannot be used together")
	}
	for _, f := range e.selected() {
		if !slices.Contains(e.known, f) {
			return usageErrorf("--json: unknown field %q: use %s", f, strings.Join(e.known, ", "))
		}
	}
	if e.jq != "" {
		if _, err := gojq.Parse(e.jq); err != nil {
			return usageErrorf("--jq %q: %v", e.jq, err)
		}
	}
	if e.template != "" {
		if _, err := template.New("json").Funcs(templateFuncs).Parse(e.template); err != nil {
			return usageErrorf("--json-template: %v", err)
		}
	}
	return nil
}

func (e *jsonExporter) selected() []string {
	if e.fields == "" || e.fields == allFields {
		return nil
	}
	var out []string
	for _, f := range strings.Split(e.fields, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Write prints v as the flags ask.
func (e *jsonExporter) Write(w io.Writer, v any) error {
	if err := e.check(); err != nil {
		return err
	}
	if e.fields == "" || e.fields == allFields {
		if e.jq == "" && e.template == "" {
			return encodeJSON(w, v, !e.rawHTML)
		}
	}
	generic, err := toGeneric(v)
	if err != nil {
		return err
	}
	if sel := e.selected(); sel != nil {
		generic = selectFields(generic, sel)
	}
	switch {
	case e.jq != "":
		return runJQ(w, e.jq, generic)
	case e.template != "":
		t := template.Must(template.New("json").Funcs(templateFuncs).Parse(e.template))
		return t.Execute(w, generic)
	}
	return encodeJSON(w, generic, !e.rawHTML)
}

// toGeneric turns a value into maps, slices and scalars as JSON sees it.
func toGeneric(v any) (any, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return normalizeNumbers(out), nil
}

// normalizeNumbers turns json.Number into int or float64, which gojq takes.
func normalizeNumbers(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalizeNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalizeNumbers(e)
		}
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	}
	return v
}

// selectFields keeps the named fields of an object, or of each object in
// an array; a field the object lacks is null.
func selectFields(v any, fields []string) any {
	switch x := v.(type) {
	case []any:
		for i, e := range x {
			x[i] = selectFields(e, fields)
		}
		return x
	case map[string]any:
		out := make(map[string]any, len(fields))
		for _, f := range fields {
			out[f] = x[f] // nil when absent: printed as null
		}
		return out
	}
	return v
}

// runJQ prints each result of a jq expression: strings bare, as jq -r and
// gh do, anything else as compact JSON.
func runJQ(w io.Writer, expr string, v any) error {
	q, err := gojq.Parse(expr)
	if err != nil {
		return usageErrorf("--jq %q: %v", expr, err)
	}
	code, err := gojq.Compile(q)
	if err != nil {
		return usageErrorf("--jq %q: %v", expr, err)
	}
	iter := code.Run(v)
	for {
		r, ok := iter.Next()
		if !ok {
			return nil
		}
		if err, ok := r.(error); ok {
			return fmt.Errorf("--jq %q: %w", expr, err)
		}
		if s, ok := r.(string); ok {
			if _, err := fmt.Fprintln(w, s); err != nil {
				return err
			}
			continue
		}
		data, err := json.Marshal(r)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "%s\n", data); err != nil {
			return err
		}
	}
}

// templateFuncs are the functions --json-template offers, after gh's.
var templateFuncs = template.FuncMap{
	"join": func(sep string, v any) string {
		list, _ := v.([]any)
		parts := make([]string, len(list))
		for i, e := range list {
			parts[i] = fmt.Sprint(e)
		}
		return strings.Join(parts, sep)
	},
	"json": func(v any) (string, error) {
		data, err := json.Marshal(v)
		return string(data), err
	},
}

// jsonFieldNames lists the JSON names of a struct type's fields (or its
// elements' when t is a slice or pointer), sorted.
func jsonFieldNames(t reflect.Type) []string {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		// encoding/json promotes the fields of an embedded struct even
		// when its type is unexported (show's *logEntry).
		if !sf.IsExported() && !(sf.Anonymous && name == "") {
			continue
		}
		if name == "-" {
			continue
		}
		if name == "" {
			if sf.Anonymous {
				out = append(out, jsonFieldNames(sf.Type)...)
				continue
			}
			name = sf.Name
		}
		out = append(out, name)
	}
	sort.Strings(out)
	// An outer field hides an embedded one of the same name.
	return slices.Compact(out)
}
