package cable

// FCO is the UK Foreign and Commonwealth Office telegram of the 1980s
// (cable-format.md §6, §8): the classification above FM, FM with the
// originating post, TO with the precedence before the post, TELNO, the OF
// line carrying the DTG, INFO, a subject line without a label, MIPT / MIFT
// / YOUR TELNO references, numbered paragraphs and the principal's name
// standing alone as the last paragraph. The reader also takes the file
// copies of the 1970s (fco_filed.go): the time group on the FM line, one
// TO line with the number, the date and the posts informed (TO PRIORITY
// FCO TELNO 539 OF 16 MAY/INFO PEKING.), and the registry's distribution
// list under the signature.
var FCO = &Dialect{
	Name:  "fco",
	Title: "UK FCO telegram",
	Heading: []string{"AUTHORISED BY", "CLASSIFICATION", "CAPTIONS", "FM", "TO PRECEDENCE", "TELNO", "OF DTG", "INFO PRECEDENCE",
		"XMT", "SUBJECT", "REFERENCES"},
	AddresseePrecedence: PrecedenceBefore,
	SerialLabel:         "TELNO",
	Numbered:            true,
	Signature:           SignatureLastParagraph,
	Skeleton: []SkeletonField{
		{"from", "FCO", "the originator"},
		{"to", "[WASHINGTON]", "action addressees (posts)"},
		{"info", "[]", "information addressees; one at a precedence of its own as MOSCOW (ROUTINE)"},
		{"deskby", `""`, "when it must be on the desk, e.g. 170600Z: TO DESKBY 170600Z"},
		{"series", "TELNO", "serial series (see .redline/config.yaml)"},
		{"subject", `""`, "the subject line"},
		{"references", "[]", "references, e.g. [YOUR TELNO 1119]"},
		{"signature", "PRINCIPAL", "replace with the principal's name, e.g. HOWE"},
	},
	SkeletonBody: skeletonBody,
	rank:         10,
	recognise:    func(s formSigns) bool { return s.fco },
}

func init() { register(FCO) }
