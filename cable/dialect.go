package cable

import (
	"fmt"
	"sort"
	"strings"
)

// Dialect is one form of cable, described once for the writer and the
// reader: the lines of its heading and their order, where an addressee's
// precedence is written, the label of its serial, whether its paragraphs
// are numbered, where its signature stands and how it ends. A template
// names its dialect in its settings (dialect: state); the reader tells
// which dialect a cable is in (Message.Form is its Name), and import uses
// the dialect to choose the template that writes it again.
//
// The dialects are State, FCO and PersonalMessage, which templates write,
// and ArchiveCopy, ArchiveText and Transcription, which are only read.
// Adding a dialect means adding one file that declares it
// and calls register, and one template that names it (or, for a dialect
// that is only read, CopyOf naming the dialect that writes it again).
type Dialect struct {
	// Name is how template settings and Message.Form name the dialect.
	Name string
	// Title says in a few words what the dialect is.
	Title string
	// Heading lists the lines a cable of this dialect opens with, in the
	// order it writes them, from the precedence or classification line to
	// the last field above the text.
	Heading []string
	// AddresseePrecedence is where a TO or INFO line writes its
	// precedence word.
	AddresseePrecedence Placement
	// SerialLabel is the word written before the serial (TELNO,
	// SERIAL No.), or "" when the serial stands on the classification line
	// (C O N F I D E N T I A L STATE 192639).
	SerialLabel string
	// Numbered is set when the outer paragraphs are numbered 1., 2. (when
	// there is more than one), sub-paragraphs lettered under them.
	Numbered bool
	// Signature is where the principal's name stands.
	Signature SignaturePlace
	// SignsSections is set when every ACP 127 section of a long message
	// ends with the signature, so the reader takes it off each.
	SignsSections bool
	// Ending is the line that ends a cable of this dialect (NNNN, BT).
	Ending string
	// FixedHeading are title lines the dialect's template writes itself
	// (PRIME MINISTER'S / PERSONAL MESSAGE): they are not a draft's own
	// heading lines.
	FixedHeading []string
	// Skeleton and SkeletonBody are what `redline new` writes for a draft
	// of this dialect: its front-matter fields beyond those every draft
	// has, and the body to replace with the message.
	Skeleton     []SkeletonField
	SkeletonBody string
	// CopyOf is, for a dialect that is read but never written (an
	// archive copy, a published transcription), the dialect whose template
	// writes the message again; nil for a dialect a template writes.
	CopyOf *Dialect

	// rank orders recognition: the dialect with the lowest rank whose
	// recognise accepts the signs is the cable's.
	rank      int
	recognise func(s formSigns) bool
	// read, for a dialect printed without a cable heading (a published
	// transcription), reads a text of that dialect; ok is false when the
	// text is not one. Parse tries it when no heading is found.
	read func(data []byte) (m *Message, ok bool, err error)
}

// Placement is where a word is written relative to what it belongs to.
type Placement int

// The placements of an addressee's precedence word.
const (
	PrecedenceNone   Placement = iota // not written with the addressee
	PrecedenceAfter                   // TO AMEMBASSY LONDON IMMEDIATE
	PrecedenceBefore                  // TO IMMEDIATE WASHINGTON
)

// SignaturePlace is where a dialect's signature stands.
type SignaturePlace int

// The places of a signature.
const (
	// SignatureInText: the signature is written as part of the letter
	// (YOURS EVER / MARGARET'') and read as text.
	SignatureInText SignaturePlace = iota
	// SignatureSurname: one or two names in capitals alone on the last
	// line, or after the final full stop of the last line (... END TEXT.
	// VANCE), as State cables and their archive copies print it.
	SignatureSurname
	// SignatureLastParagraph: one to three names in capitals standing
	// alone as the last paragraph, as FCO telegrams print it.
	SignatureLastParagraph
)

// SkeletonField is one front-matter line of a new draft: the key, its
// starting value in YAML, and a comment saying what goes there.
type SkeletonField struct{ Key, Value, Comment string }

// formSigns are what the heading and fields of a cable show about its
// dialect.
type formSigns struct {
	fco         bool // the heading is FM / TO / TELNO / OF
	headerAfter bool // the heading was printed after the text
	stateFields bool // E.O., TAGS, a classified-by line or the serial on the classification line
	personal    bool // a SERIAL No. line or a FOLLOWING FOR passing line
	spaced      bool // a letter-spaced classification
	titled      bool // a title line holding PERSONAL MESSAGE
}

var dialects []*Dialect

// register adds a dialect; each dialect's file calls it from init.
func register(d *Dialect) {
	dialects = append(dialects, d)
	sort.SliceStable(dialects, func(i, j int) bool { return dialects[i].rank < dialects[j].rank })
}

// Dialects returns every dialect, in the order the reader tries them.
func Dialects() []*Dialect { return append([]*Dialect(nil), dialects...) }

// DialectNames lists the dialects' names, sorted.
func DialectNames() []string {
	var out []string
	for _, d := range dialects {
		out = append(out, d.Name)
	}
	sort.Strings(out)
	return out
}

// DialectNamed returns the dialect of that name.
func DialectNamed(name string) (*Dialect, error) {
	for _, d := range dialects {
		if d.Name == name {
			return d, nil
		}
	}
	return nil, fmt.Errorf("unknown dialect %q: use one of %s", name, strings.Join(DialectNames(), ", "))
}

// Writer returns the dialect whose template writes a cable of dialect d:
// d itself, or for a copy the dialect it is a copy of.
func (d *Dialect) Writer() *Dialect {
	if d.CopyOf != nil {
		return d.CopyOf
	}
	return d
}

// IsFixedHeading reports whether a title line is one the dialect's
// template writes itself.
func (d *Dialect) IsFixedHeading(line string) bool {
	for _, h := range d.FixedHeading {
		if line == h {
			return true
		}
	}
	return false
}

// Dialect returns the dialect Message.Form names, or nil for a cable of
// no known dialect.
func (m *Message) Dialect() *Dialect {
	d, _ := DialectNamed(m.Form)
	if m.Form == "" {
		return nil
	}
	return d
}

// recogniseDialect returns the dialect the signs show, or nil.
func recogniseDialect(s formSigns) *Dialect {
	for _, d := range dialects {
		if d.recognise != nil && d.recognise(s) {
			return d
		}
	}
	return nil
}
