package cable

// Three State telegrams of 1976 to and about the Secretary's party, as the
// PlusD mirror prints them, each with a heading the reader once left in
// the heading lines: a letter-spaced classification line whose serial
// carries the travelling party's TOSEC number (S E C R E T STATE 231680
// TOSEC 270361); handling and passing on one line (EXDIS, FOR COVEY FOR
// THE SECRETARY; CHEROKEE, FOR AMBASSADOR FROM THE SECRETARY).
func init() {
	archiveCases = append(archiveCases, []archiveCase{
		{
			file: "state_1976_state_273498_cherokee.txt",
			form: "state", dtg: "060046Z NOV 76", from: "SECSTATE WASHDC",
			to: []string{"AMEMBASSY CAIRO"}, toPrecedence: []string{"IMMEDIATE"}, info: []string{},
			serial: "STATE 273498", classification: "SECRET", signature: "",
			subject: "MESSAGE FOR PRESIDENT SADAT", ending: "", passing: "FOR AMBASSADOR FROM THE SECRETARY",
			references: []string{}, captions: []string{"NODIS", "CHEROKEE"}, tags: []string{"PFOR", "EG", "US"},
			distribution: []string{"OCT-01", "ISO-00"},
			textStarts:   "1. PLEASE PASS FOLLOWING MESSAGE FROM ME TO PRESIDENT SADAT. 2. BEGIN MESSAGE: DEAR MR. PRESIDENT:",
			textEnds:     "YOU HAVE EXERCISED IN THE ARAB WORLD.",
			inText:       []string{"A NEW ADMINISTRATION IS SOON", "YOUR UNFAILING DEDICATION TO THE NATIONAL INTERESTS"},
			notInText: []string{"CHEROKEE", "NODIS", "FOR AMBASSADOR FROM", "NODS-00", "ALATHERTON", "ORTIZ",
				"PAGE 02", "SECRET SECRET", "ZFF4"},
			pending: map[string]string{},
		},
		{
			file: "state_1976_state_194697_tosec_exdis.txt",
			form: "state", dtg: "052211Z AUG 76", from: "SECSTATE WASHDC",
			to: []string{"USDEL SECRETARY"}, toPrecedence: []string{"IMMEDIATE"}, info: []string{},
			serial: "STATE 194697 TOSEC 200061", classification: "CONFIDENTIAL", signature: "",
			subject: "DAILY MAIL SUMMARY; THURSDAY, AUGUST 5, 1976", ending: "", passing: "FOR COVEY FOR THE SECRETARY",
			references: []string{}, captions: []string{"EXDIS"}, tags: []string{"OVIP (KISSINGER, HENRY A.)"},
			textStarts: "A. LETTERS 1. CONGRESSMAN AND CHAIRMAN OF THE SPECIAL SUBCOMMITTEE",
			textEnds:   "ABOUT TO INITIAL WITH EGYPT AND ISRAEL.",
			inText:     []string{"A PRELIMINARY AGREEMENT INVOLVING", "2. A SECOND LETTER FROM LEE HAMILTON"},
			notInText:  []string{"C O N F I D E N T I A L", "TOSEC", "EXDIS", "COVEY", "JHILL", "COLLUMS"},
			pending:    map[string]string{},
		},
		{
			file: "state_1976_state_231680_tosec_spaced.txt",
			form: "state", dtg: "182005Z SEP 76", from: "SECSTATE WASHDC",
			to: []string{"USDEL SECRETARY"}, toPrecedence: []string{"PRIORITY"}, info: []string{},
			serial: "STATE 231680 TOSEC 270361", classification: "SECRET", signature: "",
			subject: "ACTIVITIES REPORT", ending: "", passing: "FOR LORD EYES ONLY FROM BARTHOLOMEW",
			references: []string{}, captions: []string{}, tags: []string{"OVIP (KISSINGER, HENRY A.)"},
			textStarts: "1. EVEN WITHOUT UNGA IT WOULD HAVE BEEN A FAIRLY BUSY WEEK",
			textEnds:   "FURTHER REVISIONS ARE BEING REQUESTED.",
			inText:     []string{"2. OVERVIEW PAPER ON FOREIGN ASSISTANCE (ELY)."},
			notInText:  []string{"S E C R E T", "TOSEC", "DESIRED DISTRIBUTION", "S/P ONLY", "BARTHOLOMEW"},
			pending:    map[string]string{},
		},
	}...)
}
