package cable

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// The documents under testdata/archive are real public archive material,
// kept as found (trimmed only where docs/archive-sources.md says so): State
// Department telegrams as NARA's Access to Archival Databases and the
// WikiLeaks PlusD mirror of it print them, Foreign Relations of the United
// States transcriptions, one Thatcher Foundation transcription, and FCO
// telegrams filed in The National Archives, in the OCR text of their
// scans. Each case below is what a careful human reader finds in the
// document; the test holds the reader to it.
//
// A check the reader does not pass yet is listed in the case's pending map
// with what the reader does instead. A pending check that fails is skipped
// (so main stays green); a pending check that passes fails the test, so
// that whoever teaches the reader to pass it removes it from pending. When
// "parse" is pending and Parse still returns an error, the document's other
// checks are skipped with it; once it parses, every check runs.

// anyValue marks a string expectation that is not checked; a nil slice is
// not checked either (an empty non-nil slice expects none).
const anyValue = "\x00any"

type archiveCase struct {
	file string

	// form is the dialect's name; "transcription" stands for the
	// published-transcription dialect issue 12 asks for, which has no name
	// yet: rename it here when the dialect gets another.
	form, dtg, from        string
	to, info               []string
	serial, classification string
	signature, subject     string
	ending, passing        string
	references, captions   []string
	toPrecedence, xmt      []string
	tags                   []string
	// distribution is the list of offices that take copies (a State
	// copy's ORIGIN/INFO block, an FCO file copy's list under FILES).
	distribution []string

	// textStarts and textEnds are the first and last words of the
	// message text (white space collapsed); inText must be in it and
	// notInText must not: the drafting block, distribution, page
	// furniture, archivists' stamps, editors' notes and the signature.
	textStarts, textEnds string
	inText, notInText    []string

	pending map[string]string
}

var archiveCases = []archiveCase{
	{
		file: "state_1975_london_11682.txt",
		form: "state", dtg: "301152Z JUL 75", from: "AMEMBASSY LONDON",
		to: []string{"SECSTATE WASHDC", "SECDEF"},
		info: []string{"AMEMBASSY OSLO", "USMISSION NATO BRUSSELS", "AMEMBASSY ANKARA",
			"AMEMBASSY PARIS", "AMEMBASSY COPENHAGEN", "AMEMBASSY REYKJAVIK",
			"AMEMBASSY LUXEMBOURG", "AMEMBASSY LISBON", "AMEMBASSY THE HAGUE",
			"AMEMBASSY BRUSSELS", "AMEMBASSY BONN", "AMEMBASSY ROME", "AMEMBASSY ATHENS",
			"AMEMBASSY OTTAWA", "USCINCEUR", "CINCLANT", "USNMR SHAPE", "CINCUSAREUR",
			"CINCUSNAVEUR", "CINCUSAFE", "BRUCBSAA/USLOCSACLANT"},
		serial: "LONDON 11682", classification: "CONFIDENTIAL", signature: "RICHARDSON",
		subject:    "PROPOSED VISIT TO EUROPE BY DR. JOHN J. BENNETT (ACTING ASD/I AND L)",
		ending:     "NNN",
		passing:    anyValue,
		references: []string{"STATE 174826", "OSLO 3119"},
		captions:   []string{},
		textStarts: "1. WE APPROACHED HOCKADAY, DEPUTY UNDER SECRETARY",
		textEnds:   "AFTER ITINERARY WITH UK MOD IS FIRMED UP.",
		inText:     []string{"CONVEYED ITS ESSENCE", "UNDER SECRETARY OF STATE FOR INTERNATIONAL"},
		notInText: []string{"ACTION EUR-12", "OCT-01", "( ISO ) W", "-----", "008017",
			"PAGE 0", "301211Z", "USNATO PLEASE PASS", "TAGS", "RICHARDSON", "NNN"},
		pending: map[string]string{},
	},
	{
		file: "state_1973_london_10150_header_after.txt",
		form: "archive", dtg: "051649Z SEP 73", from: "AMEMBASSY LONDON",
		to: []string{"SECSTATE WASHDC"},
		info: []string{"AMEMBASSY BONN", "AMEMBASSY BRUSSELS", "AMEMBASSY COPENHAGEN",
			"AMEMBASSY DUBLIN", "AMEMBASSY THE HAGUE", "AMEMBASSY LUXEMBOURG",
			"AMEMBASSY PARIS", "AMEMBASSY ROME", "USMISSION EC BRUSSELS",
			"USMISSION NATO BRUSSELS"},
		serial: "LONDON 10150", classification: "SECRET", signature: "SOHM",
		subject: "", ending: "NNN", passing: "",
		references: []string{}, captions: nil,
		textStarts: "1. DENIS GREENHILL, FCO PERMANENT UNDERSECRETARY",
		textEnds:   "MOVING IN A DIRECTION THAT THE US WANTED.",
		inText:     []string{"FORTHCOMING COPENHAGEN MEETING"},
		notInText: []string{"Show Headers", "SOHM", "POSS DUPE", "ACTION SS-25", "OCT-01",
			"/026 W", "-----", "012446", "PAGE 0", "051659Z", "NNN"},
		pending: map[string]string{},
	},
	{
		file: "state_1974_state_149165_header_after.txt",
		form: "archive", dtg: "102341Z JUL 74", from: "",
		to: []string{}, info: []string{},
		serial: "STATE 149165", classification: "LIMITED OFFICIAL USE", signature: "KISSINGER",
		subject: "", ending: "NNN", passing: "",
		references: []string{}, captions: nil,
		textStarts: "1. WE BELIEVE KOREN'S APPRAISAL OF BUDGETARY SITUATION",
		textEnds:   "ON LEAVE FOR REMAINDER THIS MONTH. END FYI",
		inText:     []string{"NATO PUBLIC AFFAIRS STAFFS.", "4. FYI: WHILE WE CONTINUE"},
		notInText: []string{"Show Headers", "KISSINGER", "ORIGIN EUR-25", "OCT-01", "/093 R",
			"DRAFTED BY", "APPROVED BY", "WJGEHRON", "STREATOR", "REHFELD", "WISNER",
			"-----", "080869", "PAGE 0", "NNN"},
		pending: map[string]string{},
	},
	{
		file: "state_1976_state_300667_tosec.txt",
		form: "state", dtg: "101809Z DEC 76", from: "SECSTATE WASHDC",
		to: []string{"USDEL SECRETARY"}, info: []string{},
		serial: "STATE 300667 TOSEC 320185", classification: "UNCLASSIFIED", signature: "",
		subject: "PRESS MATERIAL", ending: anyValue, passing: "",
		references: []string{}, captions: []string{},
		textStarts: "1. HEREWITH FULL TEXT MICHAEL GETLER",
		textEnds:   "DURING HIS CAMPAIGN, IS ESPECIALLY WELCOME HERE.",
		inText:     []string{"SUSTAINED AND STRENGTHENED", "5. FOR KISSINGER, IT WAS HIS FAREWELL"},
		notInText: []string{"ORIGIN PA-02", "OCT-01", "DRAFTED BY", "APPROVED BY", "SEBASTIAN",
			"DESIRED DISTRIBUTION", "PA, S/S, S/PRS", "-----", "082339", "PAGE 0",
			"TOSEC 320185", "UNCLAS"},
		pending: map[string]string{},
	},
	{
		file: "state_1978_london_06953_pdf.txt",
		form: "state", dtg: "031743Z MAY 78", from: "AMEMBASSY LONDON",
		to: []string{"SECSTATE WASHDC"}, info: []string{},
		serial: "LONDON 06953", classification: "LIMITED OFFICIAL USE", signature: "",
		subject: "LONDON TRADE CENTER AND TRAVEL SERVICE OFFICE", ending: anyValue,
		passing:    "FOR ASSISTANT SECRETARY VEST ONLY FROM AMBASSADOR BREWSTER",
		references: []string{}, captions: []string{"EXDIS"},
		textStarts: "1. IN OUR MOST RECENT CABLE ON THIS SUBJECT, LONDON 6192",
		textEnds:   "MIDDLE GROUND SOLUTIONS IN THE TWO CASES.",
		notInText: []string{"ACTION SS-25", "OCT-01", "/026 W", "-----", "009458", "031752Z",
			"PAGE 0", "EXDIS", "BREWSTER", "TAGS"},
		pending: map[string]string{},
	},
	{
		file: "state_1979_state_297216_pdf.txt",
		form: "state", dtg: "160106Z NOV 79", from: "SECSTATE WASHDC",
		to: []string{"AMEMBASSY BELGRADE", "AMEMBASSY BERLIN", "AMEMBASSY BUCHAREST",
			"AMEMBASSY BUDAPEST", "AMEMBASSY PRAGUE", "AMEMBASSY SOFIA"},
		info:   []string{"AMEMBASSY MOSCOW"},
		serial: "STATE 297216", classification: "CONFIDENTIAL", signature: "",
		subject: "INITIATIVE OF DIPLOMATIC CORPS IN TEHRAN", ending: anyValue, passing: "",
		references: []string{"STATE 295719", "BUCHAREST 7518", "PRAGUE 3981 (NOTAL)",
			"BELGRADE 8385", "WARSAW 11399", "SOFIA 2882", "BERLIN 6577", "BERLIN 6497",
			"BERLIN 6581", "BELGRADE 8526"},
		captions:   []string{"EXDIS"},
		textStarts: "1. (C - ENTIRE TEXT). 2. THE DIPLOMATIC CORPS IN TEHRAN",
		textEnds:   "CONSENSUS WHICH INCLUDES THE WARSAW PACT STATES.",
		inText:     []string{"WITH THE EXCEPTION OF THE AMBASSADORS OF THE SOVIET UNION"},
		notInText: []string{"ORIGIN SS-30", "OCT-00", "DRAFTED BY", "APPROVED BY", "GSVEST",
			"JBECKER", "-----", "065004", "STATE 297216", "PAGE 0", "Sheryl P. Walter",
			"Declassified/Released", "BELGRADE 8526"},
		pending: map[string]string{},
	},
	{
		file: "state_1979_state_296706_letter.txt",
		form: "archive-text", dtg: "", from: "", to: nil, info: nil,
		serial: "STATE 296706", classification: "SECRET", signature: "",
		subject: anyValue, ending: anyValue, passing: anyValue,
		textStarts: "1. YOU SHOULD PASS THE FOLLOWING MESSAGE FROM THE PRESIDENT",
		textEnds:   "POLITICAL PERSUASION, MUST NOT YIELD.",
		inText: []string{"2. DEAR MR. PRESIDENT:",
			"IS UNACCEPTABLE. 4. HOWEVER, I BELIEVE",
			"IN THE DIFFICULT DAYS TO COME. 5. THE STRONGEST POSSIBLE"},
		notInText: []string{"Show Headers", "SECRETSTATE", "Sheryl P. Walter", "Declassified/Released"},
		pending:   map[string]string{},
	},
	{
		file: "state_1976_state_190412_header_after.txt",
		form: "archive", dtg: "311912Z JUL 76", from: "SECSTATE WASHDC",
		to:           []string{"AMEMBASSY ISLAMABAD", "AMEMBASSY KABUL"},
		toPrecedence: []string{"NIACT IMMEDIATE", "NIACT IMMEDIATE"},
		info:         []string{}, xmt: []string{},
		serial: "STATE 190412", classification: "CONFIDENTIAL", signature: "KISSINGER",
		subject: "", ending: "NNN", passing: "", references: []string{},
		textStarts: "1. IF THERE IS ANY WAY YOU CAN GET TO BHUTTO DIRECTLY",
		textEnds:   "HE STILL PREFERS TO MEET IN PESHAWAR, THAT IS WHAT WE WILL DO.",
		inText: []string{"GO BACK TO AGHA SHAHI TO CONVEY THE FOLLOWING POINTS",
			"RELATIONS WITH PAKISTAN. --WE HAD READILY AGREED WHEN BHUTTO ASKED",
			"IF THE PRIME MINISTER INSISTS"},
		notInText: []string{"Show Headers", "KISSINGER", "NNN", "ORIGIN SS-25", "OCT-01", "/026 R",
			"DRAFTED BY", "RAPECK", "APPROVED BY THE SECRETARY", "ATHERTON", "SESTEINER",
			"-----", "091074", "PAGE 0", "ZFF4", "NIACT"},
		pending: map[string]string{},
	},
	{
		file: "state_1976_state_180074_subject_split.txt",
		form: "state", dtg: "210317Z JUL 76", from: "SECSTATE WASHDC",
		to:           []string{"USINT BAGHDAD", "ALL DIPLOMATIC POSTS"},
		toPrecedence: []string{"PRIORITY", ""},
		info:         []string{}, xmt: []string{},
		serial: "STATE 180074", classification: "LIMITED OFFICIAL USE", signature: "",
		subject: "HIGH LEVEL ATTENDANCE AT 31ST REGULAR SESSION UNGA",
		tags:    []string{"PFOR", "UNGA"},
		ending:  anyValue, passing: "", references: []string{},
		textStarts: "1. THIRTY-FIRST REGULAR SESSION OF UN GENERAL ASSEMBLY",
		textEnds:   "USUN SHOULD BE INCLUDED AS INFO ADDRESSEE.",
		inText:     []string{"SHOULD BE HEADED \"SECVISIT: 31ST UNGA.\""},
		notInText: []string{"ORIGIN IO-13", "OCT-01", "/098 R", "DRAFTED BY", "DAMACUK", "APPROVED BY",
			"JABAKER", "LWINCHESTER", "DLMACK", "-----", "083631", "PAGE 0", "TAGS", "LIMITED OFFICIAL USE"},
		pending: map[string]string{},
	},
	{
		file: "state_1975_state_261731_niact.txt",
		form: "state", dtg: "050142Z NOV 75", from: "SECSTATE WASHDC",
		to:           []string{"AMCONSUL LOURENCO MARQUES", "AMEMBASSY PRETORIA"},
		toPrecedence: []string{"NIACT IMMEDIATE", "IMMEDIATE"},
		info: []string{"AMEMBASSY BONN", "AMEMBASSY DAR ES SALAAM", "AMEMBASSY LONDON", "AMEMBASSY MBABANE",
			"AMEMBASSY ROME", "AMEMBASSY TANANARIVE", "USMISSION USUN NEW YORK"},
		xmt:    []string{},
		serial: "STATE 261731", classification: "CONFIDENTIAL", signature: "",
		captions: []string{"LIMDIS"},
		subject:  "PROBABLE GPRM REQUEST FOR REMOVAL OF ALL PRE-INDEPENDENCE PERSONNEL",
		tags:     []string{"OGEN", "MZ", "PFOR"},
		ending:   anyValue, passing: "",
		references: []string{"LOURENCO MARQUES 1176", "LOURENCO MARQUES 1167 (NOTAL)"},
		textStarts: "1. SINCE OTHER CONSULATES HAVE HAD THEIR CHARGES",
		textEnds:   "IS ALSO SUMMONED AND GIVEN THE INSTRUCTION.",
		inText:     []string{"\"SUMMONED\" TO FOREIGN MINISTRY", "DIPLOMATIC RELATIONS"},
		notInText: []string{"ORIGIN AF-04", "OCT-01", "/054 R", "DRAFTED BY", "PCWALKER", "CABORG", "BREMER",
			"-----", "001877", "ZFF4", "PAGE 0", "REFS", "LIMDIS", "C O N F I D E N T I A L"},
		pending: map[string]string{
			"subject": "keep the hyphen of a compound broken at its hyphen at a line end (PRE- / INDEPENDENCE reads PREINDEPENDENCE, as SUM- / MONED rightly reads SUMMONED)",
		},
	},
	{
		// An FCO telegram as the registry filed it, in the OCR text of the
		// scan: time group on the FM line, the rest of the heading on one
		// TO line, a classification and a stamp between them, the
		// reference line and the text with no blank lines, and the
		// distribution list under the signature.
		file: "fco_1973_hongkong_telno_539.txt",
		form: "fco", dtg: "160925Z MAY", from: "HONG KONG",
		to: []string{"FCO"}, toPrecedence: []string{"PRIORITY"}, info: []string{"PEKING"}, xmt: []string{},
		serial: "TELNO 539", classification: "CONFIDENTIAL", signature: "MACLEHOSE",
		subject: "", ending: "", passing: "", captions: []string{}, tags: []string{},
		references:   []string{"YOUR TELEGRAM 478: CHINESE REPRESENTATION IN HONG KONG."},
		distribution: []string{"FILES", "FED", "HKIOD", "NEWS D", "P/S MR ROYLE MR WILFORD SIR E NORRIS SIR D WATSON"},
		textStarts:   "I SUGGEST THAT THE TELEGRAM TO SINCLAIR BE AMENDED",
		textEnds:     "WE WILL PASS AMENDED TELEGRAM TO SINCLAIR.",
		inText:       []string{"PARTICULAR RELEVANCE", "2. THE INCLUSION OF THE ABOVE PHRASE"},
		notInText: []string{"CYPHER/CAT A", "GPS 80", "1609252", "1973", "YOUR TELEGRAM 478", "MACLEHOSE",
			"FILES", "HKIOD", "P/S MR ROYLE", "CONFIDENTIAL"},
		pending: map[string]string{},
	},
	{
		// The FCO's side: FM F C 0 (an O read as a zero), the TO line
		// ending in a comma, and marks in the margin read as lines.
		file: "fco_1972_fco_telno_299.txt",
		form: "fco", dtg: "051815Z MAY", from: "FCO",
		to: []string{"PEKING"}, toPrecedence: []string{"ROUTINE"}, info: []string{}, xmt: []string{},
		serial: "TELNO 299", classification: "CONFIDENTIAL", signature: "DOUGLAS-HOKE",
		references: []string{}, captions: []string{},
		distribution: []string{"VILES", "FED", "FR WILFORD"},
		textStarts:   "KORGAN'S LETTER TO EVANS 3/56 OF 26 APRIL",
		textEnds:     "IF YOU WOULD LIKE ANY ADDITIONAL MATERIAL.",
		notInText:    []string{"TOP COPY", "CYPHER/CAT A", "051815Z", "TELNO 299", "DOUGLAS-HOKE", "VILES", "FR WILFORD"},
		pending:      map[string]string{},
	},
	{
		// Double-spaced, TELEGRAM NUMBER for TELNO, INFO with its own
		// precedence on the TO line, ten lines of handwriting between FM
		// and TO; cut after paragraph 2 (see docs/archive-sources.md).
		file: "fco_1973_hongkong_telegram_1465.txt",
		form: "fco", dtg: "171026Z DEC", from: "HONGKONG",
		to: []string{"FCO"}, toPrecedence: []string{"PRIORITY"}, info: []string{"PEKING"}, xmt: []string{},
		serial: "TELNO 1465", classification: "CONFIDENTIAL", signature: "",
		references: []string{"PEKING TELEGRAM NO. 1434 CHINESE REPRESENTATION."}, captions: []string{},
		textStarts: "THIS REFERS TO A SMALL BUT SIGNIFICANT STEP FORWARD",
		textEnds:   "IN THE HOUSE OF A THIRD PARTY FAILED.",
		inText:     []string{"LEUNG WAI-LAM", "PING PONG DISPLAY"},
		notInText:  []string{"GRS 480", "CER CAT A", "171026Z", "20/12", "TELEGRAM NUMBER", "PEKING TELEGRAM NO. 1434"},
		pending:    map[string]string{},
	},
	{
		// FM F C O, four lines between FM and TO (a misread
		// classification, a file number, a year, a folio), INFO after a
		// slash and MIPT; cut after paragraph 2.
		file: "fco_1972_fco_telno_1176.txt",
		form: "fco", dtg: "291841Z DEC", from: "FCO",
		to: []string{"PEKING"}, toPrecedence: []string{"PRIORITY"}, info: []string{"GOVERNOR HONG KONG (PERSONAL)"}, xmt: []string{},
		serial: "TELNO 1176", classification: "CONFIDENTIAL", signature: "",
		references: []string{"MIPT."}, captions: []string{},
		textStarts: "1. DURING HIS CALL ON THE PUS ON 29 DECEMBER",
		textEnds:   "POLITICAL DISCUSSIONS ON INTERNATIONAL AFFAIRS.",
		inText:     []string{"2. GREENHILL MENTIONED"},
		notInText:  []string{"CYPHER CAT A", "291841Z", "FEC 3/548/8", "MIPT", "J 4"},
		pending:    map[string]string{},
	},
	{
		file: "state_1974_state_170108_xmt.txt",
		form: "state", dtg: "052024Z AUG 74", from: "SECSTATE WASHDC",
		to: []string{"ALL DIPLOMATIC AND CONSULAR POSTS", "AMEMBASSY NOUAKCHOTT",
			"USMISSION USUN NEW YORK", "USINT BAGHDAD", "AMEMBASSY BANJUL", "AMEMBASSY SUVA"},
		info: []string{}, xmt: []string{"AMEMBASSY TAIPEI"},
		serial: "STATE 170108", classification: "LIMITED OFFICIAL USE", signature: "",
		subject: "HIGH LEVEL ATTENDANCE AT 29TH UNGA", tags: []string{"PFOR", "UNGA"},
		ending: anyValue, passing: "", references: []string{},
		textStarts: "1. 29TH SESSION OF UN GENERAL ASSEMBLY SCHEDULED CONVENE",
		textEnds:   "AND SHOULD INCLUDE USUN AS INFO ADDRESSEE.",
		inText:     []string{"PARTICIPATE, WILL PROBABLY BEGIN SEPTEMBER 23. 2. DEPARTMENT"},
		notInText: []string{"ORIGIN IO-14", "OCT-01", "/127 R", "DRAFTED BY", "MKWILLIAMSON",
			"EAGLEBURGER", "ROBLAKE", "-----", "104023", "PAGE 0", "XMT", "TAIPEI",
			"INFORM CONSULS", "LIMITED OFFICIAL USE"},
		pending: map[string]string{},
	},
	{
		file: "frus_1981-88v13_d27.txt",
		form: "transcription", dtg: "", from: "Department of State", to: []string{"Embassy in the United Kingdom"}, info: nil,
		serial: "85529", classification: "SECRET", signature: "",
		subject: "Letter From the Secretary to Lord Carrington.", ending: "", passing: anyValue,
		textStarts: "1. Secret–Entire text. 2. Please convey immediately the following message",
		textEnds:   "4. Instruction to Ambassador Schlaudeman in Buenos Aires sent septel.",
		inText: []string{"Dear Peter,", "you raised with us as Foreign Secretary. The situation",
			"to assist in its resolution.", "the Argentine Foreign Minister and to urge",
			"Sincerely, Al. End text."},
		notInText: []string{"[Page 52]", "Secretary.2", "Minister3", "Reagan Library",
			"See Document 3", "See footnote 4", "↩", "27. Telegram From"},
		pending: map[string]string{},
	},
	{
		file: "frus_1920v01_d573.txt",
		form: "transcription", dtg: "", from: "The Secretary of State", to: []string{"Ambassador in Great Britain (Davis)"}, info: nil,
		serial: "1137", classification: "", signature: "Colby",
		subject: anyValue, ending: "", passing: anyValue,
		textStarts: anyValue,
		textEnds:   "referring to its No. 1896 November 6th, 9 p.m.",
		inText: []string{"Department is informed by telegram from Tokyo dated November 7th that Japanese Minister",
			"simultaneously by all four interested Governments."},
		notInText: []string{"893.51/3041", "The Secretary of State to the Ambassador in Great Britain",
			"7th31", "p.m.31", "Not printed.", "Colby"},
		pending: map[string]string{},
	},
	{
		file: "thatcher_109408_transcription.txt",
		form: "transcription", dtg: "151037Z SEP 83", from: "US Ambassador (London)", to: []string{"Secretary of State"}, info: nil,
		serial: "", classification: "CONFIDENTIAL", signature: anyValue,
		subject: anyValue, ending: "", passing: anyValue,
		textStarts: "1. Confidential entire text. 2. There follows corrected copy of London 19618",
		textEnds:   "will appreciate plain speaking from us.",
		inText:     []string{"to an extent, the trip itself is the message. 4. For US,"},
		notInText: []string{"Archive (Reagan Library)", "Document type:", "Editorial comments:",
			"Themes:", "Declassified F97-013#59", "By SMF, NARA",
			"[material after colon underlined in pen]"},
		pending: map[string]string{},
	},
	{
		file: "frus_1955-57v03mSupp_d371.txt",
		form: "transcription", dtg: "", from: "Washington", to: []string{"Geneva"}, info: nil,
		serial: "1219", classification: "SECRET", signature: "",
		subject: anyValue, ending: "", passing: "For Johnson",
		textStarts: "Re your 1135, para. 25,",
		textEnds:   "points strongly to Daily Worker article as chief inspiration.",
		inText:     []string{"could not RPT not have been based on any responsible U.S. official source."},
		notInText: []string{"For Johnson", "371. Telegram 1219 to Geneva", "Washington, November 12, 1955, 1:03",
			"Source: Department of State", "Secret; Limit Distribution", "Drafted by McConaughy",
			"cleared in draft by Sebald", "↩"},
		pending: map[string]string{},
	},
	{
		file: "frus_1945v08_d420.txt",
		form: "transcription", dtg: "", from: "The Secretary of State", to: []string{"Ambassador in the United Kingdom (Winant)"}, info: nil,
		serial: "10209", classification: "", signature: "",
		subject: anyValue, ending: "", passing: anyValue,
		textStarts: anyValue,
		textEnds:   "Sent to London, repeated to Tehran.",
		inText: []string{"deliver the following communication to the Soviet Government: Please deliver a copy",
			"An urgent reply from the British Govt would be welcome."},
		notInText: []string{"891.00/11–2345", "The Secretary of State to the Ambassador in the United Kingdom",
			"[Here follows text of telegram 2386 to Moscow, supra.]", "Tehran.57",
			"As telegram 644", "sent to Ankara for information"},
		pending: map[string]string{},
	},
}

// archiveCheck is one expectation of a case: its name (the key of the
// case's pending map), and what is wrong ("" when it holds).
type archiveCheck struct {
	name  string
	wrong func(m *Message) string
}

func (c archiveCase) checks() []archiveCheck {
	var out []archiveCheck
	str := func(name, want string, got func(m *Message) string) {
		if want == anyValue {
			return
		}
		out = append(out, archiveCheck{name, func(m *Message) string {
			if g := got(m); g != want {
				return fmt.Sprintf("got %q, want %q", g, want)
			}
			return ""
		}})
	}
	list := func(name string, want []string, got func(m *Message) []string) {
		if want == nil {
			return
		}
		out = append(out, archiveCheck{name, func(m *Message) string {
			g := got(m)
			if len(g) == 0 && len(want) == 0 {
				return ""
			}
			if !reflect.DeepEqual(g, want) {
				return fmt.Sprintf("got %q, want %q", g, want)
			}
			return ""
		}})
	}
	str("form", c.form, func(m *Message) string { return m.Form })
	str("dtg", c.dtg, func(m *Message) string { return m.DTG })
	str("from", c.from, func(m *Message) string { return m.From })
	list("to", c.to, func(m *Message) []string { return m.To })
	list("info", c.info, func(m *Message) []string { return m.Info })
	str("serial", c.serial, func(m *Message) string { return m.Serial })
	str("classification", c.classification, func(m *Message) string { return m.Classification })
	str("signature", c.signature, func(m *Message) string { return m.Signature })
	str("subject", c.subject, func(m *Message) string { return m.Subject })
	str("ending", c.ending, func(m *Message) string { return m.Ending })
	str("passing", c.passing, func(m *Message) string { return m.Passing })
	list("references", c.references, func(m *Message) []string { return m.References })
	list("captions", c.captions, func(m *Message) []string { return m.Captions })
	list("to-precedence", c.toPrecedence, func(m *Message) []string { return m.ToPrecedence })
	list("xmt", c.xmt, func(m *Message) []string { return m.XMT })
	list("tags", c.tags, func(m *Message) []string { return m.Tags })
	list("distribution", c.distribution, func(m *Message) []string { return m.Distribution })
	out = append(out, c.textChecks()...)
	return out
}

// textChecks hold the message text to its first and last words and to the
// passages that must and must not be in it, with white space collapsed.
func (c archiveCase) textChecks() []archiveCheck {
	var out []archiveCheck
	if c.textStarts != anyValue {
		out = append(out, archiveCheck{"text-starts", func(m *Message) string {
			if t := flatText(m); !strings.HasPrefix(t, c.textStarts) {
				return fmt.Sprintf("text starts %q, want %q", head(t, len(c.textStarts)+20), c.textStarts)
			}
			return ""
		}})
	}
	if c.textEnds != anyValue {
		out = append(out, archiveCheck{"text-ends", func(m *Message) string {
			if t := flatText(m); !strings.HasSuffix(t, c.textEnds) {
				return fmt.Sprintf("text ends %q, want %q", tail(t, len(c.textEnds)+20), c.textEnds)
			}
			return ""
		}})
	}
	if len(c.inText) > 0 {
		out = append(out, archiveCheck{"in-text", func(m *Message) string {
			return missing(flatText(m), c.inText, true)
		}})
	}
	if len(c.notInText) > 0 {
		out = append(out, archiveCheck{"not-in-text", func(m *Message) string {
			return missing(flatText(m), c.notInText, false)
		}})
	}
	return out
}

func flatText(m *Message) string { return strings.Join(strings.Fields(m.Text), " ") }

func head(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// missing names the passages that are absent from text (want true) or
// present in it (want false), or "" when there is none.
func missing(text string, passages []string, want bool) string {
	var bad []string
	for _, p := range passages {
		if strings.Contains(text, p) != want {
			bad = append(bad, p)
		}
	}
	if len(bad) == 0 {
		return ""
	}
	if want {
		return fmt.Sprintf("text lacks %q", bad)
	}
	return fmt.Sprintf("text holds %q", bad)
}

func TestArchiveDocuments(t *testing.T) {
	for _, c := range archiveCases {
		t.Run(strings.TrimSuffix(c.file, ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "archive", c.file))
			if err != nil {
				t.Fatal(err)
			}
			m, perr := Parse(data)
			t.Run("parse", func(t *testing.T) {
				wrong := ""
				if perr != nil {
					wrong = perr.Error()
				}
				judge(t, c, "parse", wrong)
			})
			if perr != nil {
				if _, ok := c.pending["parse"]; ok {
					t.Skipf("checks wait for parse: %s", c.pending["parse"])
				}
				return
			}
			for _, ch := range c.checks() {
				t.Run(ch.name, func(t *testing.T) { judge(t, c, ch.name, ch.wrong(m)) })
			}
		})
	}
}

// judge fails t when a check that should hold is wrong, skips it when the
// check is pending and still wrong, and fails it when a pending check now
// holds, so that its pending entry is removed.
func judge(t *testing.T, c archiveCase, name, wrong string) {
	t.Helper()
	reason, pending := c.pending[name]
	switch {
	case pending && wrong != "":
		t.Skipf("reader does not yet %s: cables engineer (%s)", reason, wrong)
	case pending:
		t.Errorf("%s now passes: remove %q from its pending map in cable/archive_test.go", c.file, name)
	case wrong != "":
		t.Errorf("%s: %s: %s", c.file, name, wrong)
	}
}

// TestArchivePendingNamesChecks keeps the pending maps honest: every entry
// names a check the case has, and every document in testdata/archive has a
// case.
func TestArchivePendingNamesChecks(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "archive", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, c := range archiveCases {
		covered[c.file] = true
		names := map[string]bool{"parse": true}
		for _, ch := range c.checks() {
			names[ch.name] = true
		}
		for p := range c.pending {
			if !names[p] {
				t.Errorf("%s: pending %q names no check", c.file, p)
			}
		}
	}
	var uncovered []string
	for _, f := range files {
		if !covered[filepath.Base(f)] {
			uncovered = append(uncovered, filepath.Base(f))
		}
	}
	sort.Strings(uncovered)
	if len(uncovered) > 0 {
		t.Errorf("documents without a case in archive_test.go: %v", uncovered)
	}
}
