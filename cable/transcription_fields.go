package cable

import (
	"strings"
	"time"
)

// readFields reads the fields the editor gives: the addresses from the
// title, the classification from the first paragraph or the source note,
// the date-time group from a dateline in GMT or an archive's despatch time,
// and the precedence and drafting block from the source note.
func (t *transcript) readFields() {
	m := &t.msg
	m.FootnoteMarks, m.PageMarkers = t.marks, t.pages
	if k := strings.LastIndexByte(m.Title, ' '); k > 0 {
		if w, ok := stripMark(m.Title[k+1:]); ok { // the source note's mark
			m.Title = m.Title[:k+1] + w
		}
	}
	m.From, m.To = titleAddresses(m.Title)
	// each addressee at the message's precedence, as the editor gives no other
	m.ToPrecedence = make([]string, len(m.To))
	if m.From == "" && m.Dateline != "" {
		m.From, _, _ = strings.Cut(m.Dateline, ",")
	}
	first := strings.TrimSpace(strings.SplitN(m.Text, "\n", 2)[0])
	if n := trNumberRE.FindStringSubmatch(first); n != nil {
		first = n[2]
	}
	if c := trClassRE.FindString(first); c != "" && m.Classification == "" {
		m.Classification, _ = ParseClassification(c)
	} else if a := trClassLetterRE.FindStringSubmatch(first); a != nil && m.Classification == "" {
		m.Classification = classificationLetters[strings.ToUpper(a[1])]
	}
	for _, s := range sourceSentences(m.SourceNote) {
		t.readSourceSentence(s)
	}
	if t.niact {
		for k := range m.ToPrecedence {
			m.ToPrecedence[k] = Niact.Word
		}
	}
	m.DTG = transcriptDTG(m.Dateline, t.catalogue["Editorial comments"])
	if len(m.Precedence) == 0 && m.SourceNote != "" {
		// An editor notes a telegram's precedence only when it was above
		// routine (FRUS's source notes print Immediate, Priority, Niact).
		m.Precedence = []string{"R"}
	}
}

// trClassLetterRE is the first paragraph's classification written with
// its letters, as State cables of the 1980s open (S–Entire text,
// C—Entire text, LOU–Entire text).
var trClassLetterRE = lazyRE(`^(TS|S|C|LOU|U)\s*[–—-]+\s*(?i:entire text)`)

// classificationLetters are the levels those letters stand for.
var classificationLetters = map[string]string{"TS": "TOP SECRET", "S": "SECRET", "C": "CONFIDENTIAL",
	"LOU": "LIMITED OFFICIAL USE", "U": "UNCLASSIFIED"}

// titleAddresses reads the sender and the addressee from an editor's title:
// "Telegram From the Department of State to the Embassy in the United
// Kingdom", "The Secretary of State to the Ambassador in Great Britain
// (Davis)", "Telegram 1219 to Geneva", or an archive site's "Cold War: US
// Ambassador (London) to Secretary of State (British hopes …) [declassified
// 2000]". The words " to " may stand inside a name (the Ambassador to
// Iran), so when a name is followed by its holder in brackets the split is
// after the brackets.
func titleAddresses(title string) (from string, to []string) {
	s := strings.TrimSpace(title)
	if i := strings.LastIndexByte(s, '['); i > 0 && strings.HasSuffix(s, "]") {
		s = strings.TrimSpace(s[:i])
	}
	if k := strings.Index(s, ": "); k > 0 && !strings.Contains(s[:k], " to ") {
		s = s[k+2:] // an archive site's theme
	}
	if i := strings.LastIndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") && len(strings.Fields(s[i:])) >= 3 {
		s = strings.TrimSpace(s[:i]) // a summary, not the addressee's holder (… Great Britain (Davis))
	}
	lower := strings.ToLower(s)
	for _, kind := range []string{"telegram", "circular telegram", "cable", "backchannel message", "message", "airgram"} {
		if strings.HasPrefix(lower, kind+" ") {
			s, lower = s[len(kind)+1:], lower[len(kind)+1:]
			break
		}
	}
	at := strings.Index(lower, " to ")
	if c := strings.IndexByte(lower, ')'); c > 0 && strings.Contains(lower[c:], " to ") {
		at = c + strings.Index(lower[c:], " to ")
	}
	if at < 0 {
		return "", nil
	}
	from, dest := strings.TrimSpace(s[:at]), strings.TrimSpace(s[at+4:])
	if f, ok := cutFold(from, "from "); ok {
		from = strings.TrimSpace(f)
	} else if AllDigits(from) {
		from = "" // Telegram 1219 to Geneva
	}
	from = strings.TrimPrefix(from, "the ")
	dest = strings.TrimPrefix(dest, "the ")
	if dest == "" {
		return from, nil
	}
	return from, []string{dest}
}

// sourceSentences splits a source note into its sentences and the items
// of each (FRUS writes "… 611.93/11–1055. Secret; Limit Distribution.
// Drafted by McConaughy; cleared in draft by Sebald.").
func sourceSentences(note string) []string {
	var out []string
	for _, s := range strings.Split(note, ". ") {
		for _, item := range strings.Split(s, "; ") {
			if item = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(item), ".")); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

// sourcePrecedence maps a source note's precedence item to its letter.
var sourcePrecedence = map[string]string{"flash": "Z", "niact immediate": "O", "niact": "O", "immediate": "O",
	"priority": "P", "routine": "R"}

// sourceRepeatRE is a source note's sentence naming the posts a telegram
// was repeated or sent to for information, with their precedence if any.
var sourceRepeatRE = lazyRE(`^(?i:repeated|sent|also sent)(?i: for information)?(?: (Flash|Immediate|Niact Immediate|Priority|Routine))? (?i:to) (.+)$`)

// sourceCaptions maps a source note's handling items to the captions a
// telegram printed (Secret; Priority; Nodis).
var sourceCaptions = map[string]string{"nodis": "NODIS", "exdis": "EXDIS", "limdis": "LIMDIS",
	"limit distribution": "LIMDIS", "stadis": "STADIS", "noforn": "NOFORN", "eyes only": "EYES ONLY",
	"exclusively eyes only": "EXCLUSIVELY EYES ONLY"}

// sourceAddressees splits a source note's list of posts (London, Brussels,
// and USNATO).
func sourceAddressees(list string) []string {
	var out []string
	for _, a := range strings.Split(strings.ReplaceAll(list, " and ", ", "), ",") {
		if a = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(a), "and ")); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// readSourceSentence reads one item of the source note: a classification,
// a precedence, or who drafted, cleared or approved the telegram.
func (t *transcript) readSourceSentence(s string) {
	m := &t.msg
	lower := strings.ToLower(s)
	switch {
	case m.Classification == "" && trClassRE.MatchString(s) && len(trClassRE.FindString(s)) == len(s):
		m.Classification, _ = ParseClassification(s)
	case sourcePrecedence[lower] != "" && len(m.Precedence) == 0:
		m.Precedence = []string{sourcePrecedence[lower]}
		t.niact = strings.HasPrefix(lower, "niact")
	case sourceCaptions[lower] != "":
		m.Captions = append(m.Captions, sourceCaptions[lower])
	case len(m.Info) == 0 && sourceRepeatRE.MatchString(s):
		// Repeated to London, Brussels, Paris, Bonn, and USNATO; Sent for
		// information Immediate to Buenos Aires: the information
		// addressees, at the precedence named
		r := sourceRepeatRE.FindStringSubmatch(s)
		m.Info = sourceAddressees(r[2])
		m.InfoPrecedence = make([]string, len(m.Info))
		if p, err := ParsePrecedence(r[1]); err == nil && r[1] != "" {
			for k := range m.InfoPrecedence {
				m.InfoPrecedence[k] = p.Word
			}
		}
	case strings.HasPrefix(lower, "drafted by "):
		m.DraftedBy = strings.TrimSpace(s[len("drafted by "):])
	case strings.HasPrefix(lower, "approved by "):
		m.ApprovedBy = strings.TrimSpace(s[len("approved by "):])
	case strings.HasPrefix(lower, "cleared "):
		_, names, ok := strings.Cut(s, " by ")
		if !ok {
			return
		}
		names = strings.ReplaceAll(names, " and ", ", ")
		for _, n := range strings.Split(names, ", ") {
			if n = strings.TrimSpace(n); n != "" {
				m.Clearances = append(m.Clearances, n)
			}
		}
	}
}

// transcriptDTG gives the date-time group an editor's dateline states in
// GMT (Washington, March 31, 1982, 0054Z) or an archive site's despatch
// line (Despatched 1037 GMT 15 Sep 1983), or "" when neither gives the time
// in GMT: a local time is not turned into a zone the editor did not state.
func transcriptDTG(dateline, comments string) string {
	if z := trZuluRE.FindStringSubmatch(dateline); z != nil {
		for _, layout := range []string{"January 2, 2006", "Jan. 2, 2006", "2 January 2006"} {
			parts := strings.Split(dateline, ", ")
			for k := 1; k+1 < len(parts); k++ {
				if d, err := time.Parse(layout, parts[k]+", "+parts[k+1]); err == nil {
					return dtgString(d, z[1], z[2])
				}
				if d, err := time.Parse(layout, parts[k]); err == nil {
					return dtgString(d, z[1], z[2])
				}
			}
		}
	}
	if d := trDespatchedRE.FindStringSubmatch(comments); d != nil {
		for _, layout := range []string{"2 Jan 2006", "2 January 2006"} {
			if day, err := time.Parse(layout, d[2]+" "+d[3]+" "+d[4]); err == nil {
				return dtgString(day, d[1][:2], d[1][2:])
			}
		}
	}
	return ""
}

func dtgString(day time.Time, hh, mm string) string {
	return day.Format("02") + hh + mm + "Z " + strings.ToUpper(day.Format("Jan")) + " " + day.Format("06")
}
