package cable

// PersonalMessage is the Prime Minister's personal message sent by the
// Cabinet Office (the seed's T 192A/88): precedence and DTG, FM, TO, BT,
// the classification, title lines, PRIME MINISTER'S / PERSONAL MESSAGE /
// SERIAL No., the FOLLOWING FOR ... FROM ... passing line, the letter with
// its signature, BT.
var PersonalMessage = &Dialect{
	Name:  "personal",
	Title: "No. 10 / Cabinet Office personal message",
	Heading: []string{"PRECEDENCE DTG", "FM", "TO", "INFO", "XMT", "BT", "CLASSIFICATION", "HEADING",
		"PRIME MINISTER'S", "PERSONAL MESSAGE", "SERIAL No.", "FOLLOWING FOR ... FROM ..."},
	AddresseePrecedence: PrecedenceNone,
	SerialLabel:         "SERIAL No.",
	Signature:           SignatureInText,
	Ending:              "BT",
	FixedHeading:        []string{"PRIME MINISTER'S", "PERSONAL MESSAGE", "PRIME MINISTER'S PERSONAL MESSAGE"},
	Skeleton: []SkeletonField{
		{"from", "CABINET OFFICE LONDON", "the originator"},
		{"to", "[THE WHITE HOUSE]", "action addressees"},
		{"series", "T", "serial series (see .redline/config.yaml)"},
		{"passing", `{for: "", from: ""}`, "passing line: FOLLOWING FOR ... FROM ..."},
		{"heading", "[]", "heading lines printed before the text"},
	},
	SkeletonBody: "Dear ...,\n\n" + skeletonBody + "\nYours ever\n\n...\n",
	rank:         30,
	recognise:    func(s formSigns) bool { return !s.fco && (s.personal || s.titled) },
}

func init() { register(PersonalMessage) }
