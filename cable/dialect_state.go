package cable

// State is the US Department of State telegram of the 1970s and 1980s
// (cable-format.md §5): precedence and DTG, FM, TO and INFO with the
// precedence after each addressee, the letter-spaced classification with
// the serial on its line, captions, E.O., TAGS, SUBJECT and REF lines,
// numbered paragraphs, the surname as signature, NNNN.
var State = &Dialect{
	Name:  "state",
	Title: "US Department of State telegram",
	Heading: []string{"DRAFTED BY", "APPROVED BY", "CLEARANCES", "PRECEDENCE DTG", "FM", "TO", "INFO", "XMT", "BT", "CLASSIFICATION SERIAL", "CAPTIONS",
		"FOR ... FROM ...", "E.O.", "TAGS", "SUBJECT", "REF"},
	AddresseePrecedence: PrecedenceAfter,
	Numbered:            true,
	Signature:           SignatureSurname,
	SignsSections:       true,
	Ending:              "NNNN",
	Skeleton: []SkeletonField{
		{"from", "SECSTATE WASHDC", "the originator"},
		{"to", "[AMEMBASSY LONDON]", "action addressees"},
		{"info", "[]", "information addressees"},
		{"series", "STATE", "serial series (see .redline/config.yaml)"},
		{"captions", "[]", "e.g. [NODIS] or [EXDIS]"},
		{"eo", `""`, "declassification line, e.g. \"12356: DECL: OADR\""},
		{"tags", "[]", "subject tags, e.g. [PREL, UK]"},
		{"subject", `""`, "the subject line"},
		{"references", "[]", "e.g. [A) STATE 387403]"},
		{"signature", `""`, "the principal's surname, e.g. SHULTZ"},
	},
	SkeletonBody: skeletonBody,
	rank:         20,
	recognise: func(s formSigns) bool {
		return !s.fco && (s.stateFields || s.spaced && !s.personal)
	},
}

// skeletonBody is the body of a new draft.
const skeletonBody = "Write the message here, in paragraphs separated by a blank line.\n"

func init() { register(State) }
