package cable

import (
	"fmt"
	"strings"
)

// Message is a cable read back from text: its heading (the communications
// lines and the address), the fields written at the top of the text
// (classification, captions, serial, subject, references, passing line,
// title lines) and the message text itself, with the page furniture of
// printed and archive copies taken out.
type Message struct {
	// Transmission holds the lines the communications centre adds before
	// the heading: the transmission identification (ZCZC..., VZCZC...,
	// CABWTECO1), routing (OO RUEHC), DE lines and the security warning
	// (ZNY SSSSS).
	Transmission []string `json:"transmission"`
	// Precedence holds the precedence letters of the heading, one, or two
	// for dual precedence: ["O"], ["P", "R"].
	Precedence []string `json:"precedence"`
	// DTG is the date-time group (212130Z DEC 88), with single spaces and
	// the month in three letters however the heading spelled it (JULY,
	// DECEMBER).
	DTG  string `json:"dtg"`
	From string `json:"from"`
	// To, Info and XMT are the addressees as named: a routing indicator
	// (RUEHC/), the precedence written after a US addressee (AMEMBASSY
	// LONDON IMMEDIATE) or before an FCO one (TO IMMEDIATE FCO) and a
	// station serial number after it are taken off.
	To   []string `json:"to"`
	Info []string `json:"info"`
	XMT  []string `json:"xmt"`
	// ToPrecedence and InfoPrecedence run parallel to To and Info: the
	// precedence word written with each addressee (IMMEDIATE, NIACT
	// IMMEDIATE), or "" where the line has none.
	ToPrecedence   []string `json:"to_precedence"`
	InfoPrecedence []string `json:"info_precedence"`
	// Deskby is the time an FCO telegram's action addressees are to have
	// it by (170600Z, from TO DESKBY 170600Z FCO), "" when it has none.
	Deskby string `json:"deskby,omitempty"`
	// Form is the name of the dialect the heading and fields show (see
	// Dialect and Dialects): "state", "fco", "personal", "archive" (a State
	// telegram as the archive keeps it, heading after the text), or "" (an
	// ACP 127 message of none of these dialects). Message.Dialect returns
	// the dialect itself.
	Form string `json:"form"`
	// Classification is the canonical level (see ParseClassification),
	// read from the first line of the text (or, in the FCO form, from the
	// line above FM).
	Classification string `json:"classification"`
	// Caveats are the handling words printed on the classification's own
	// line, after it (SECRET UK EYES ONLY, S E C R E T NODIS STATE 1):
	// what a draft's caveats field prints.
	Caveats []string `json:"caveats"`
	// Captions are handling lines printed on their own lines under the
	// classification (NODIS, SIPDIS): what a draft's captions field prints.
	Captions []string `json:"captions"`
	// Serial is the message's serial number without its label: T 192A/88,
	// STATE 192639, TELNO 1119.
	Serial string `json:"serial"`
	// EO is the E.O. line of a US State cable without its E.O. label
	// (12065: GDS 7/24/85 (VEST, GEORGE S.)); Tags are the TAGS: line's
	// tags.
	EO   string   `json:"eo"`
	Tags []string `json:"tags"`
	// ClassifiedBy is the classification authority line of a US cable
	// (Classified By: ... for reasons 1.4 (b) and (d).), without its label.
	ClassifiedBy string `json:"classified_by"`
	// Subject is the SUBJECT: (or SUBJ:) line, joined when it runs on.
	Subject string `json:"subject"`
	// References are the REF: lines (and the MY TELNO / YOUR TELNO lines of
	// an FCO telegram).
	References []string `json:"references"`
	// Passing is the passing line as written, joined when it runs on:
	// FOLLOWING FOR GENERAL POWELL FROM CHARLES POWELL, NO. 10 DOWNING STREET.
	Passing string `json:"passing"`
	// Heading holds the title lines written before the text (MESSAGE FROM
	// THE PRIME MINISTER TO ..., PRIME MINISTER'S PERSONAL MESSAGE).
	Heading []string `json:"heading"`
	// Text is the message text: from after the fields above to the closing
	// BT (or NNNN), with page furniture removed (classification lines,
	// PAGE lines, SECTION lines, repeated headings of later sections) and
	// words hyphenated across line ends joined; other line breaks are kept.
	// The signature is not part of it.
	Text string `json:"text"`
	// Signature is the principal's name that signs the message, taken from
	// the end of the text where the form puts it: a State cable's surname
	// on a line of its own after the text (or, in archive copies, after the
	// final full stop of the last line: ... PARTNERSHIP. VANCE), an FCO
	// telegram's name standing alone as the last paragraph. A personal
	// message's signature (YOURS EVER / MARGARET'') is written as part of
	// the letter, so it stays in Text; so does anything in a cable of no
	// known form.
	Signature string `json:"signature"`
	// TextLine is the 1-based line of the input where Text starts (0 when
	// there is no text).
	TextLine int `json:"text_line"`
	// Ending is the end-of-message signal found after the text: NNNN or
	// NNN ("" when there is none).
	Ending string `json:"ending"`
	// The drafting block of a State telegram (see readDraftingBlock):
	// Origin is the action office (EUR-25 from ORIGIN EUR-25 or ACTION
	// SS-25), Distribution the offices that take copies (OCT-01), DraftedBy
	// and ApprovedBy who drafted and approved it (EUR/P:WJGEHRON:SS, THE
	// SECRETARY), Clearances one clearance a line as printed (ARA:TTODMAN),
	// and DesiredDistribution the line of that name. They are empty when
	// the cable prints no such block.
	Origin              string   `json:"origin,omitempty"`
	Distribution        []string `json:"distribution,omitempty"`
	DraftedBy           string   `json:"drafted_by,omitempty"`
	ApprovedBy          string   `json:"approved_by,omitempty"`
	Clearances          []string `json:"clearances,omitempty"`
	DesiredDistribution string   `json:"desired_distribution,omitempty"`
	// The apparatus of a published transcription (Form "transcription"),
	// none of it the telegram's own words: the editor's Title, the place
	// and date line (Dateline), the SourceNote, the footnotes, editorial
	// bracketed notes and archive catalogue lines (Notes), and how many
	// footnote marks and page markers were taken out of the text. Notes
	// also say where the reader of a filed FCO telegram read past a
	// misreading of the copy's OCR text (a misspelt classification).
	Title         string   `json:"title,omitempty"`
	Dateline      string   `json:"dateline,omitempty"`
	SourceNote    string   `json:"source_note,omitempty"`
	Notes         []string `json:"notes,omitempty"`
	FootnoteMarks int      `json:"footnote_marks,omitempty"`
	PageMarkers   int      `json:"page_markers,omitempty"`
}

// ParseError is an error in a cable, at a line of the input (Line 0 when it
// concerns the whole input).
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

func cpErrorf(line int, format string, a ...any) error {
	return &ParseError{Line: line, Msg: fmt.Sprintf(format, a...)}
}

// PassingParts splits a passing line (FOLLOWING FOR X FROM Y, FOR X FROM
// Y, PERSONAL FOR X FROM Y) into the recipient and the sender. The final
// full stop is dropped.
func PassingParts(passing string) (forWhom, from string) {
	s := strings.TrimSpace(passing)
	s = strings.TrimSuffix(s, ".")
	u := strings.ToUpper(s)
	for _, p := range []string{"FOLLOWING ", "PERSONAL "} {
		if strings.HasPrefix(u, p) {
			s, u = s[len(p):], u[len(p):]
		}
	}
	if !strings.HasPrefix(u, "FOR ") {
		return "", ""
	}
	s, u = s[4:], u[4:]
	i := strings.Index(u, " FROM ")
	if i < 0 {
		return strings.TrimSpace(s), ""
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+6:])
}

// IsCable reports whether data holds a cable heading: a precedence and
// date-time group line followed by FM and TO lines (with or without BT,
// and with the communications lines and archive furniture around it), or
// the FCO form FM / TO / TELNO / OF <date-time group>.
func IsCable(data []byte) bool {
	p := newCableParser(data)
	_, ok := p.findHeading()
	return ok
}

// Parse reads a cable. It accepts the tool's own output, cables as
// transmitted (ZCZC ... NNNN), archive copies (page furniture between
// pages, repeated section headings, hyphenated line ends, NNN endings) and
// published transcriptions. Errors name the line they are about.
//
// A text with no cable heading is tried as each dialect printed without
// one (a published transcription: see Transcription).
func Parse(data []byte) (*Message, error) {
	p := newCableParser(data)
	m, err := p.parse()
	if err == nil || !p.noHeading {
		return m, err
	}
	for _, d := range dialects {
		if d.read == nil {
			continue
		}
		if dm, ok, derr := d.read(data); ok {
			return dm, derr
		}
	}
	return nil, err
}

// cpNormalizeMessage makes empty lists empty rather than nil, so that JSON
// shows [] for them.
func cpNormalizeMessage(m *Message) {
	for _, l := range []*[]string{&m.Transmission, &m.Precedence, &m.To, &m.Info, &m.XMT, &m.ToPrecedence,
		&m.InfoPrecedence, &m.Caveats, &m.Captions, &m.Tags, &m.References, &m.Heading} {
		if *l == nil {
			*l = []string{}
		}
	}
}
