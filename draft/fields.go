// Package draft is redline's document model: a draft is a Markdown file with
// optional YAML front matter holding the message's fields. The package also
// keeps the workspace and its revision store (through package store),
// resolves references such as FILE@3 and FILE@label, and writes files
// atomically. Tracked changes in a draft are package critic's. It prints
// nothing.
package draft

// Passing is the passing line of a message: FOLLOWING FOR <For> FROM <From>.
type Passing struct {
	For  string `yaml:"for,omitempty" json:"for,omitempty"`
	From string `yaml:"from,omitempty" json:"from,omitempty"`
}

// Fields are the message's fields, kept in a draft's YAML front matter.
// Classification and Precedence hold canonical upper-case values once a
// document has been parsed (see cable.ParseClassification and
// cable.ParsePrecedence).
type Fields struct {
	Title          string   `yaml:"title,omitempty" json:"title,omitempty"`
	Template       string   `yaml:"template,omitempty" json:"template,omitempty"`
	Classification string   `yaml:"classification,omitempty" json:"classification,omitempty"`
	Caveats        []string `yaml:"caveats,omitempty" json:"caveats,omitempty"`
	Precedence     string   `yaml:"precedence,omitempty" json:"precedence,omitempty"`
	// InfoPrecedence is the precedence for information addressees when it
	// differs from the action precedence (dual precedence, ACP 127 §152).
	InfoPrecedence string `yaml:"info_precedence,omitempty" json:"info_precedence,omitempty"`
	// Deskby is the time the action addressees of an FCO telegram are to
	// have it by, DDHHMMZ (170600Z), which the FCO template writes in
	// place of the precedence: TO DESKBY 170600Z FCO.
	Deskby string   `yaml:"deskby,omitempty" json:"deskby,omitempty"`
	From   string   `yaml:"from,omitempty" json:"from,omitempty"`
	To     []string `yaml:"to,omitempty" json:"to,omitempty"`
	Info   []string `yaml:"info,omitempty" json:"info,omitempty"`
	// XMT lists exempted addressees: collective addressees that are not
	// to receive the message (ACP 127 format line 9).
	XMT        []string `yaml:"xmt,omitempty" json:"xmt,omitempty"`
	Series     string   `yaml:"series,omitempty" json:"series,omitempty"`
	Passing    Passing  `yaml:"passing,omitempty" json:"passing,omitempty"`
	Subject    string   `yaml:"subject,omitempty" json:"subject,omitempty"`
	References []string `yaml:"references,omitempty" json:"references,omitempty"`
	Signature  string   `yaml:"signature,omitempty" json:"signature,omitempty"`
	// Captions are handling words printed after the classification
	// (NODIS, EXDIS, LIMDIS, PERSONAL).
	Captions []string `yaml:"captions,omitempty" json:"captions,omitempty"`
	// Tags are the subject tags of a US State cable (TAGS: UK, PREL).
	Tags []string `yaml:"tags,omitempty" json:"tags,omitempty"`
	// EO is the declassification line of a US State cable (E.O. 12065: ...).
	EO string `yaml:"eo,omitempty" json:"eo,omitempty"`
	// Heading lines that a template prints before the text, such as the
	// seed's MESSAGE FROM THE PRIME MINISTER / TO THE PRESIDENT ...
	Heading []string `yaml:"heading,omitempty" json:"heading,omitempty"`
	// DTG and Serial are set on a draft that has been sent, or given by
	// hand to a render.
	DTG    string `yaml:"dtg,omitempty" json:"dtg,omitempty"`
	Serial string `yaml:"serial,omitempty" json:"serial,omitempty"`
}
