package cable

// Three State telegrams of 1974 as the PlusD mirror prints them, header
// first and with no blank lines, each with a shape the reader once got
// wrong: a subject and a compound word broken across a page and a
// reference list run onto a second line; a TO list that runs on across a
// page break and an E.O. line that lost its E; a REF line with a SUMMARY:
// paragraph under it.
func init() {
	archiveCases = append(archiveCases, []archiveCase{
		{
			file: "state_1974_state_146266_subject_page.txt",
			form: "state", dtg: "081529Z JUL 74", from: "SECSTATE WASHDC",
			to: []string{"AMEMBASSY CANBERRA", "AMEMBASSY LIMA", "AMEMBASSY LISBON", "AMEMBASSY LONDON",
				"AMEMBASSY PARIS", "AMEMBASSY SAN JOSE", "AMEMBASSY VIENNA", "USMISSION USUN NEW YORK"},
			toPrecedence: []string{"IMMEDIATE", "IMMEDIATE", "IMMEDIATE", "IMMEDIATE", "IMMEDIATE",
				"IMMEDIATE", "IMMEDIATE", "IMMEDIATE"},
			info: []string{"AMEMBASSY CONAKRY", "AMEMBASSY DAKAR", "USMISSION GENEVA", "AMEMBASSY JAKARTA",
				"AMCONSUL LOURENCO MARQUES", "AMCONSUL LUANDA", "AMEMBASSY NAIROBI", "AMEMBASSY NOUAKCHOTT",
				"AMEMBASSY PRETORIA", "AMEMBASSY YAOUNDE"},
			serial: "STATE 146266", classification: "CONFIDENTIAL", signature: "",
			subject:    "SECURITY COUNCIL: UN MEMBERSHIP FOR GUINEA-BISSAU",
			ending:     "",
			passing:    "",
			references: []string{"USUN 2299", "STATE 141127", "LISBON 2778", "LISBON 2831", "LISBON 2835"},
			captions:   []string{},
			tags:       []string{"PFOR", "UN", "PU"},
			textStarts: "1. AS REPORTED REFTEL A, GUINEA-BISSAU OBSERVER",
			textEnds:   "THAT IN NEAR FUTURE GOP WILL NEGOTIATE DEAL",
			inText:     []string{"NOT CONSIDER GUINEA-BISSAU'S APPLICATION", "FOR SELF-DETERMINATION"},
			notInText:  []string{"(D) LISBON", "BISSAU REF", "PAGE 0", "ORIGIN IO-14", "DRAFTED BY", "WKELLY", "042202"},
			pending:    map[string]string{},
		},
		{
			file: "state_1974_state_027792_address_page.txt",
			form: "state", dtg: "112249Z FEB 74", from: "SECSTATE WASHDC",
			to: []string{"AMEMBASSY ANKARA", "AMEMBASSY ASUNCION", "AMEMBASSY ATHENS", "AMEMBASSY BERN",
				"AMEMBASSY BOGOTA", "AMEMBASSY BONN", "AMEMBASSY CARACAS", "AMEMBASSY BRASILIA",
				"AMEMBASSY BRUSSELS", "AMEMBASSY COPENHAGEN", "AMEMBASSY DUBLIN", "AMEMBASSY GUATEMALA",
				"AMEMBASSY THE HAGUE", "AMEMBASSY HELSINKI", "AMEMBASSY LA PAZ", "AMEMBASSY LONDON",
				"AMEMBASSY LUXEMBOURG", "AMEMBASSY MADRID", "AMEMBASSY MANAGUA", "AMEMBASSY MONTEVIDEO",
				"AMEMBASSY OSLO", "AMEMBASSY OTTAWA", "AMEMBASSY REYKJAVIK", "AMEMBASSY ROME",
				"AMEMBASSY PARIS", "AMEMBASSY SAN JOSE", "AMEMBASSY SAN SALVADOR", "AMEMBASSY SANTIAGO",
				"AMEMBASSY TEHRAN", "AMEMBASSY STOCKHOLM", "AMEMBASSY TEGUCIGALPA", "AMEMBASSY TEL AVIV",
				"AMEMBASSY TOKYO", "AMEMBASSY VIENNA", "AMEMBASSY WELLINGTON", "AMEMBASSY SANTO DOMINGO"},
			info: []string{"USMISSION GENEVA", "USMISSION USUN NEW YORK", "USMISSION EC BRUSSELS",
				"USMISSION NATO", "AMEMBASSY LISBON", "AMCONSUL LUANDA", "AMCONSUL LOURENCO MARQUES",
				"AMEMBASSY CANBERRA"},
			serial: "STATE 027792", classification: "CONFIDENTIAL", signature: "",
			subject:    "GUINEA-BISSAU AND UN, UN SPECIALIZED AGENCIES",
			ending:     "",
			passing:    "",
			references: []string{"STATE 208369"},
			captions:   []string{},
			tags:       []string{"PFOR", "PU", "UN"},
			textStarts: "1. SUMMARY. DURING 28TH SESSION",
			textEnds:   "TO INTERNATIONAL ORGANIZATIONS. WITH EXCEPTIONS NOTED,",
			inText:     []string{"US DOES NOT CONSIDER"},
			notInText:  []string{"AMEMBASSY", "11652", "PAGE 0", "CAB-09", "PO'NEILL", "128954"},
			pending:    map[string]string{},
		},
		{
			file: "state_1974_usun_02648_summary.txt",
			form: "state", dtg: "311455Z JUL 74", from: "USMISSION USUN NY",
			// the archive's copy garbles the TO line's station serial (49WY)
			// and keeps a routing prefix on an INFO addressee
			to: []string{"SECSTATE WASHDC 49WY"},
			info: []string{"AMEMBASSY CONAKRY", "TUTADR/AMEMBASSY DAKAR 755", "AMEMBASSY LISBON",
				"AMCONGEN LOURENCO MARQUES", "AMCONGEN LUANDA"},
			serial: "USUN 2648", classification: "CONFIDENTIAL", signature: "",
			subject:    "SC: BUINEA-BISSAU APPLICATION FOR ADMISSION",
			ending:     "",
			passing:    "",
			references: []string{"USUN 2642"},
			captions:   []string{},
			tags:       []string{"PFOR", "UN", "PO", "PU"},
			textStarts: "SUMMARY: GUINEA- BISSAU PREPARED AWAIT RESULTS",
			textEnds:   "TAKE ADVANTAGE OF US POSITION",
			inText:     []string{"END SUMMARY. 1. GUINEA-BISSAU DEPUTY", "2. ARAUJO SAID"},
			notInText:  []string{"PAGE 0", "ACTION IO-14", "051734", "311429Z"},
			pending:    map[string]string{},
		},
	}...)
}
