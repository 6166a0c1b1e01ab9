package cable

// ArchiveCopy is a State telegram as the archive keeps it (NARA's Access
// to Archival Databases, cable-format.md §8): the text first, ending NNN,
// with CLASSIFICATION banners and PAGE 02 STATE 153441 lines between its
// pages, then PAGE 01, the ORIGIN / INFO distribution, DRAFTED BY,
// APPROVED BY and clearances, the relay line, and only then the
// precedence and DTG, FM, TO and INFO lines. It is read, never written: a
// draft made from it is a State telegram.
var ArchiveCopy = &Dialect{
	Name:  "archive",
	Title: "archive copy of a State telegram (header after the text)",
	Heading: []string{"TEXT", "NNN", "PAGE 01", "ORIGIN", "INFO", "DRAFTED BY", "APPROVED BY", "CLEARANCES",
		"RELAY LINE", "PRECEDENCE DTG", "FM", "TO", "INFO"},
	AddresseePrecedence: PrecedenceAfter,
	Numbered:            true,
	Signature:           SignatureSurname,
	SignsSections:       true,
	Ending:              "NNN",
	CopyOf:              State,
	rank:                5,
	recognise:           func(s formSigns) bool { return s.headerAfter && !s.fco },
}

func init() { register(ArchiveCopy) }
