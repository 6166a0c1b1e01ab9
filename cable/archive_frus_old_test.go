package cable

// Three FRUS transcriptions of the 1940s as history.state.gov prints them,
// each with a shape of the older volumes the reader once got wrong: the
// telegram's handling under the title in small capitals (confidential, us
// urgent), which a copy gives in lower case and which was read as the
// first paragraph, so that the telegram's number was not read either; a
// footnote mark after a date that ends a sentence (June 5.1 If); a file
// designation that names a collection (Defense Files: Telegram), which
// was not recognised at all, with a number in the conference's own series
// (Argonaut 12.); and a footnote that runs on into an indented paragraph,
// which was read as text.
func init() {
	archiveCases = append(archiveCases, []archiveCase{
		{
			file: "frus_1948v04_d595.txt",
			form: "transcription", dtg: "", from: "The Secretary of State", to: []string{"Embassy in the Soviet Union"},
			serial: "672", classification: "CONFIDENTIAL", signature: "Marshall",
			subject: anyValue, ending: "", passing: anyValue,
			textStarts: "Dept approves your proposed message to Molotov",
			textEnds:   "when atmosphere appears more favorable.",
			inText: []string{"as suggested Embtel 1052, June 5. If it became known",
				"suggested that your Counselor hand letter", "concerned about timing in view",
				"Vandenberg resolution on aid", "pending further exchange views"},
			notInText: []string{"confidential 672", "701.6111/6–1548", "June 5.1", "Counselor2", "[Page 889]",
				"Not printed", "Elbridge Durbrow", "Marshall"},
			pending: map[string]string{},
		},
		{
			file: "frus_1948v01p1_d120.txt",
			form: "transcription", dtg: "", from: "The Acting Secretary of State", to: []string{"Embassy in the United Kingdom"},
			serial: "1003", classification: "", signature: "",
			subject: anyValue, ending: "", passing: anyValue,
			textStarts: "As forecast re urtel 1102 Mar 18",
			textEnds:   "Argentina will also vote favorably.",
			inText:     []string{"following six votes: U.S., U.K., France, China, Canada and Belgium."},
			notInText:  []string{"us urgent", "1003.", "favorably.1", "Repeated to New York"},
			pending:    map[string]string{},
		},
		{
			file: "frus_1945Malta_d476.txt",
			form: "transcription", dtg: "", from: "The Secretary of State", to: []string{"Acting Secretary of State (Grew)"},
			serial: "Argonaut 12", classification: "", signature: "",
			subject: anyValue, ending: "", passing: anyValue,
			textStarts: "Crypto-War for Acting Secretary of State only",
			textEnds:   "referred to in paragraph 4. Allstate Horseshoe.",
			inText: []string{"message No. 11 of February 3. We would like",
				"message No. 9 of February 1. Please forward", "cable from Moscow referred to"},
			notInText: []string{"Defense Files: Telegram", "February 3.1", "February 1.2", "[to]", "Ante, pp.",
				"Hiss is familiar", "CM–in–130"},
			pending: map[string]string{},
		},
	}...)
}
