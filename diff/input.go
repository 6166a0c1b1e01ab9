package diff

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"
	"unsafe"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
)

// Kinds of input.
const (
	KindText     = "text"
	KindMarkdown = "markdown"
	KindCable    = "cable"
)

// Input is one side of a comparison.
type Input struct {
	// Name names the side in the output (a file name, FILE@3, "-").
	Name string
	// Data is the side's bytes. A plain-text side's are read in place:
	// the Comparison's text may share their memory, so they must not be
	// changed while the Comparison is in use.
	Data []byte
	// Kind is "" to guess from the content and name, or "text",
	// "markdown" or "cable".
	Kind string
	// Side holds revision metadata (revision, label, author, office, time,
	// classification) copied into the Comparison; Name and Kind are set by
	// Compare.
	Side Side
}

// field is one message field of a side, as a comparable string.
type field struct {
	name, value string
}

// prepared is a side reduced to what is compared.
type prepared struct {
	name, kind  string
	text        string
	mask        []byte
	fields      []field
	known       map[string]bool // fields this kind of side can carry
	notes       []string        // how the side was read, when that needs saying
	frontMatter string          // a draft's front-matter block as written
	hint        *Hint           // another reading the notes suggest
	// holdsCable is set for a side read as text that holds a cable below
	// other lines (an archivist's or a web page's preamble): its text is
	// teleprinter capitals all the same, so case is ignored.
	holdsCable bool
	// transcription is set for a cable side that is a published
	// transcription: its mixed case is the editor's.
	transcription bool
}

// Hint suggests reading a side as another kind than the one it was
// guessed to be; the caller turns it into what to type.
type Hint struct {
	Side string // "old" or "new"
	Kind string // the kind to read the side as
	Why  string // what reading it so does, as "to compare the whole file"
}

// KindError is a side that cannot be read as the kind it was given: Alt
// is a kind it can be read as.
type KindError struct {
	Side      string // "old" or "new"
	Name      string
	Kind, Alt string
	Err       error
}

func (e *KindError) Error() string {
	return fmt.Sprintf("%s: %v (it can be compared as %s)", displayName(e.Name), e.Err, e.Alt)
}

func (e *KindError) Unwrap() error { return e.Err }

// GuessKind says how a side would be read when its kind is not given: as a
// cable only when a cable heading opens it (after blank lines and
// transmission lines) and it has no front matter.
func GuessKind(name string, data []byte) string {
	k, _, _ := guessKind(name, data)
	return k
}

func prepare(in Input) (*prepared, error) {
	kind := in.Kind
	note := ""
	var hint *Hint
	if kind == "" {
		kind, note, hint = guessKind(in.Name, in.Data)
	}
	if kind != KindMarkdown { // a draft's reading checks its own
		if err := CheckText(in.Name, in.Data); err != nil {
			return nil, err
		}
	}
	p := &prepared{name: in.Name, kind: kind}
	if note != "" {
		p.notes = append(p.notes, note)
	}
	p.hint = hint
	p.holdsCable = hint != nil && hint.Kind == KindCable
	switch kind {
	case KindText:
		// The text is read in place, not copied (a copy of a megabyte is
		// a megabyte of fresh pages to fault in, a tenth of a 1 MB
		// comparison's system time): Data must not change after Compare,
		// as Input says.
		p.text = unsafe.String(unsafe.SliceData(in.Data), len(in.Data))
	case KindMarkdown:
		doc, err := draft.Parse(in.Name, in.Data)
		if err != nil {
			return nil, err
		}
		p.text = string(doc.Body)
		if doc.HasFrontMatter {
			raw := bytes.TrimPrefix(in.Data, []byte{0xEF, 0xBB, 0xBF})
			if bytes.HasSuffix(raw, doc.Body) {
				p.frontMatter = string(raw[:len(raw)-len(doc.Body)])
			}
		}
		p.mask = markdownMask(p.text)
		p.fields, p.known = draftFields(doc.Fields)
	case KindCable:
		msg, err := cable.Parse(in.Data)
		if err != nil {
			m, note, ferr := parseCableTolerant(in.Name, in.Data, err)
			if ferr != nil {
				return nil, &KindError{Name: in.Name, Kind: KindCable, Alt: KindText, Err: err}
			}
			msg = m
			p.notes = append(p.notes, note)
		}
		p.text = msg.Text
		p.fields, p.known = cableFields(msg)
		if left := msg.TranscriptionNote(); left != "" {
			p.transcription = true
			p.notes = append(p.notes, fmt.Sprintf("%s is a published transcription: only the telegram's text is compared, not %s",
				displayName(in.Name), left))
		}
	default:
		return nil, fmt.Errorf("unknown kind %q for %s: use text, markdown or cable", kind, displayName(in.Name))
	}
	return p, nil
}

func displayName(n string) string {
	if n == "" || n == "-" {
		return "standard input"
	}
	return n
}

func joinList(v []string) string { return strings.Join(v, "; ") }

func passingString(forWhom, from string) string {
	switch {
	case forWhom == "" && from == "":
		return ""
	case from == "":
		return "FOR " + forWhom
	}
	return "FOR " + forWhom + " FROM " + from
}

// fieldOrder is the order of fields in the output.
var fieldOrder = []string{"classification", "caveats", "captions", "precedence", "info_precedence", "deskby", "dtg",
	"from", "to", "info", "xmt", "serial", "series", "passing", "title", "heading", "subject", "references",
	"tags", "eo", "signature", "template"}

func draftFields(f draft.Fields) ([]field, map[string]bool) {
	v := map[string]string{
		"classification":  f.Classification,
		"caveats":         joinList(f.Caveats),
		"captions":        joinList(f.Captions),
		"precedence":      f.Precedence,
		"info_precedence": f.InfoPrecedence,
		"deskby":          f.Deskby,
		"dtg":             f.DTG,
		"from":            f.From,
		"to":              joinList(draftTo(f)),
		"info":            joinList(draftAddressees(f.Info, cmp.Or(f.InfoPrecedence, f.Precedence))),
		"xmt":             joinList(f.XMT),
		"serial":          f.Serial,
		"series":          f.Series,
		"passing":         passingString(f.Passing.For, f.Passing.From),
		"title":           f.Title,
		"heading":         strings.Join(f.Heading, " / "),
		"subject":         f.Subject,
		"references":      joinList(f.References),
		"tags":            joinList(f.Tags),
		"eo":              f.EO,
		"signature":       f.Signature,
		"template":        f.Template,
	}
	known := map[string]bool{}
	out := make([]field, 0, len(fieldOrder))
	for _, name := range fieldOrder {
		known[name] = true
		out = append(out, field{name, v[name]})
	}
	return out, known
}

func cableFields(m *cable.Message) ([]field, map[string]bool) {
	prec, info := m.ActionPrecedence(), ""
	if len(m.Precedence) > 1 {
		if p, ok := cable.PrecedenceByLetter(m.Precedence[1]); ok {
			info = p.Word
		} else {
			info = m.Precedence[1]
		}
	}
	to, infoTo := cableAddressees(addressees(m.To), m.ToPrecedence, prec), cableAddressees(addressees(m.Info), m.InfoPrecedence, cmp.Or(info, prec))
	forWhom, from := cable.PassingParts(m.Passing)
	passing := passingString(forWhom, from)
	if passing == "" {
		passing = strings.TrimSuffix(strings.TrimSpace(m.Passing), ".")
	}
	v := map[string]string{
		"classification":  m.Classification,
		"caveats":         joinList(m.Caveats),
		"captions":        joinList(m.Captions),
		"precedence":      prec,
		"info_precedence": info,
		"deskby":          m.Deskby,
		"dtg":             m.DTG,
		"from":            m.From,
		"to":              joinList(to),
		"info":            joinList(infoTo),
		"xmt":             joinList(m.XMT),
		"serial":          m.Serial,
		"passing":         passing,
		"heading":         strings.Join(m.Heading, " / "),
		"subject":         m.Subject,
		"references":      joinList(m.References),
		"tags":            joinList(m.Tags),
		"eo":              m.EO,
		"signature":       m.Signature,
	}
	if m.Deskby != "" && len(m.Precedence) == 0 {
		// TO DESKBY 170600Z FCO: the FCO form writes no action precedence
		// beside a DESKBY, so the cable does not say what it was.
		delete(v, "precedence")
	}
	if m.Form == cable.FCO.Name {
		// The FCO form has no precedence line: the message's precedence is
		// the first address line's, which says nothing when the addressees
		// go at several (compared in to and info instead).
		if mixedPrecedences(m.ToPrecedence) {
			delete(v, "precedence")
		}
		if mixedPrecedences(m.InfoPrecedence) {
			delete(v, "info_precedence")
		}
	}
	known := map[string]bool{}
	var out []field
	for _, name := range fieldOrder {
		if val, ok := v[name]; ok {
			known[name] = true
			out = append(out, field{name, val})
		}
	}
	return out, known
}

// fieldKey is the matching form of a field value.
func fieldKey(v string, fold bool) string {
	v = strings.Join(strings.Fields(v), " ")
	v = strings.TrimSuffix(v, ".")
	v = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", "\"", "\u201d", "\"").Replace(v)
	if fold {
		v = strings.ToUpper(v)
	}
	return v
}

// compareFields lists the fields both sides can carry whose values differ.
// A template adds heading lines of its own after the draft's, so a cable
// heading that begins with the draft's heading lines is not a change; nor,
// unless stamps is set, is a date-time group or serial that only one side
// has (see stampOnOneSide).
func compareFields(a, b *prepared, fold, stamps bool) []FieldChange {
	out := []FieldChange{}
	bv := map[string]string{}
	for _, f := range b.fields {
		bv[f.name] = f.value
	}
	for _, f := range a.fields {
		if !b.known[f.name] {
			continue
		}
		nv := bv[f.name]
		ka, kb := fieldKey(f.value, fold), fieldKey(nv, fold)
		if ka == kb || !stamps && stampOnOneSide(f.name, f.value, nv) {
			continue
		}
		if f.name == "heading" && (a.kind == KindCable) != (b.kind == KindCable) && templateHeading(a, b, ka, kb, fold) {
			continue
		}
		out = append(out, FieldChange{Name: f.name, Old: f.value, New: nv})
	}
	return out
}

// draftAddressees writes a draft's addressees as cableFields does a
// cable's (withPrecedences): each at its own precedence, or the draft's
// for all of them (def).
func draftAddressees(list []string, def string) []string {
	names, eff := make([]string, len(list)), make([]string, len(list))
	for i, a := range list {
		names[i], eff[i] = cable.SplitAddressee(a)
		eff[i] = cmp.Or(eff[i], def)
	}
	return withPrecedences(names, eff)
}

// draftTo is a draft's action addressees as cableFields writes a cable's:
// with their precedences, but for a draft with a deskby, which the FCO
// form writes in place of every action addressee's precedence.
func draftTo(f draft.Fields) []string {
	if f.Deskby == "" {
		return draftAddressees(f.To, f.Precedence)
	}
	names := make([]string, len(f.To))
	for i, a := range f.To {
		names[i], _ = cable.SplitAddressee(a)
	}
	return names
}

// cableAddressees gives a cable's addressees (names) with the precedence
// word written beside each (words), or the cable's for all of them (def);
// a DESKBY is the deskby field's.
func cableAddressees(names, words []string, def string) []string {
	eff := make([]string, len(names))
	for i := range names {
		eff[i] = def
		if i < len(words) {
			eff[i] = cmp.Or(cable.AddresseePrecedence(words[i]), def)
		}
	}
	return withPrecedences(names, eff)
}

// withPrecedences writes the addressees with the precedence each goes at
// (eff, "" where not known) in brackets where it is not the one most of
// them go at: the same list, written the same way, whichever precedence a
// draft or a cable gives for all of them (a draft's default, an FCO
// cable's first address line).
func withPrecedences(names, eff []string) []string {
	count, most := map[string]int{}, ""
	for _, p := range eff {
		if p == "" {
			continue
		}
		if count[p]++; most == "" || count[p] > count[most] {
			most = p
		}
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if eff[i] != "" && eff[i] != most {
			out[i] += " (" + eff[i] + ")"
		}
	}
	return out
}

// mixedPrecedences reports whether the addressees go at more than one
// precedence (words, beside them).
func mixedPrecedences(words []string) bool {
	first := ""
	for _, w := range words {
		w = cable.AddresseePrecedence(w)
		switch {
		case w == "":
		case first == "":
			first = w
		case w != first:
			return true
		}
	}
	return false
}

// addressees drops the precedence that US State cables write after an
// addressee (AMEMBASSY LONDON IMMEDIATE, ... NIACT IMMEDIATE): a draft
// keeps precedence in its own field.
func addressees(list []string) []string {
	out := make([]string, 0, len(list))
	for _, a := range list {
		t := strings.TrimSpace(a)
		for {
			u := strings.ToUpper(t)
			cut := false
			for _, w := range []string{" IMMEDIATE", " PRIORITY", " ROUTINE", " FLASH", " NIACT"} {
				if strings.HasSuffix(u, w) && len(t) > len(w) {
					t = strings.TrimSpace(t[:len(t)-len(w)])
					cut = true
				}
			}
			if !cut {
				break
			}
		}
		out = append(out, t)
	}
	return out
}
