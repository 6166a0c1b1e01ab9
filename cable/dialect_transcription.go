package cable

// Transcription is a telegram as an editor publishes it: Foreign Relations
// of the United States (FRUS) prints a document number and a title
// ("27. Telegram From the Department of State to the Embassy in the United
// Kingdom"), or an old volume's file number and title ("893.51/3041:
// Telegram" / "The Secretary of State to the Ambassador in Great Britain
// (Davis)"), then a place and date line, the telegram's number and subject,
// the text in mixed case with footnote digits glued to words and [Page N]
// markers, and at the end the source note and the footnotes; an archive
// site (the Thatcher Foundation) prints its catalogue lines and the
// archivist's declassification stamp above the text. It is read, never
// written: the editor's apparatus becomes fields and notes, only the
// telegram's own words are the text, and a draft made from it is a State
// telegram.
var Transcription = &Dialect{
	Name:  "transcription",
	Title: "published transcription of a telegram (FRUS, archive sites)",
	Heading: []string{"EDITOR'S TITLE", "DATELINE", "TELEGRAM NUMBER", "SUBJECT", "TEXT", "SIGNATURE",
		"SOURCE NOTE", "FOOTNOTES"},
	AddresseePrecedence: PrecedenceNone,
	Numbered:            true,
	Signature:           SignatureLastParagraph,
	CopyOf:              State,
	rank:                6,
}

func init() {
	Transcription.read = readTranscription // set here: the reader names the dialect
	register(Transcription)
}
