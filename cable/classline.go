package cable

import (
	"strings"
)

// cpCaptionWords are handling words that may follow the classification.
var cpCaptionWords = map[string]bool{
	"NODIS": true, "EXDIS": true, "LIMDIS": true, "STADIS": true, "NOFORN": true, "ORCON": true,
	"PROPIN": true, "NOCONTRACT": true, "PERSONAL": true, "EYES": true, "ONLY": true, "DEDIP": true,
	"CHEROKEE": true, "ROGER": true, "CHANNEL": true, "EFTO": true, "SPECAT": true, "WNINTEL": true,
	"UK": true, "A": true, "IN": true, "CONFIDENCE": true, "DELIVER": true, "BY": true,
	"COMMERCIAL": true, "MANAGEMENT": true, "STAFF": true, "CABINET": true, "SIPDIS": true,
	"SENSITIVE": true, "NOFORN/SIPDIS": true,
}

// cpMatchClassification reads a classification at the start of t, plain
// (SECRET, TOP SECRET, UNCLAS) or letter-spaced (S E C R E T), and returns
// the canonical level and the rest of the line.
func cpMatchClassification(t string) (class, rest string, ok bool) {
	t = strings.TrimLeft(t, " \t")
	if t == "" || !strings.Contains("CLRSTU", t[:1]) {
		return "", "", false // no level (nor its spaced first letter) opens the line: a quick no
	}
	if len(t) > 1 && (t[1] == ' ' || t[1] == '\t') {
		if class, rest, ok := cpMatchSpacedClassification(strings.Fields(t)); ok {
			return class, rest, true
		}
	}
	first, after := t, ""
	if i := strings.IndexAny(t, " \t"); i >= 0 {
		first, after = t[:i], t[i:]
	}
	tidy := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	switch first {
	case "TOP", "LIMITED":
		words := strings.Fields(t)
		switch {
		case len(words) >= 2 && words[0] == "TOP" && words[1] == "SECRET":
			return "TOP SECRET", strings.Join(words[2:], " "), true
		case len(words) >= 3 && words[0] == "LIMITED" && words[1] == "OFFICIAL" && words[2] == "USE":
			return "LIMITED OFFICIAL USE", strings.Join(words[3:], " "), true
		}
	case "SECRET", "CONFIDENTIAL", "RESTRICTED", "UNCLASSIFIED":
		return first, tidy(after), true
	case "UNCLAS":
		return "UNCLASSIFIED", tidy(after), true
	}
	return "", "", false
}

// cpMatchSpacedClassification reads a letter-spaced classification
// (S E C R E T, T O P S E C R E T) at the start of a line's words.
func cpMatchSpacedClassification(words []string) (class, rest string, ok bool) {
	n := 0
	for n < len(words) && len(words[n]) == 1 && words[n][0] >= 'A' && words[n][0] <= 'Z' {
		n++
	}
	for k := n; k >= 5; k-- {
		canon := cpSpacedLevels[strings.Join(words[:k], "")]
		if canon != "" {
			return canon, strings.Join(words[k:], " "), true
		}
	}
	return "", "", false
}

// cpSpacedLevels are the levels a letter-spaced line spells, by their
// letters run together.
var cpSpacedLevels = map[string]string{"TOPSECRET": "TOP SECRET", "SECRET": "SECRET", "CONFIDENTIAL": "CONFIDENTIAL",
	"RESTRICTED": "RESTRICTED", "UNCLASSIFIED": "UNCLASSIFIED", "UNCLAS": "UNCLASSIFIED",
	"LIMITEDOFFICIALUSE": "LIMITED OFFICIAL USE"}

// cpClassificationRest splits what follows the classification on its line
// into caveats, a section marker and a serial.
func cpClassificationRest(rest string) (caveats []string, serial string, ok bool) {
	rest = strings.TrimSpace(rest)
	if loc := cpSectionInRE.FindStringIndex(rest); loc != nil {
		rest = strings.TrimSpace(rest[:loc[0]] + " " + rest[loc[1]:])
	}
	words := strings.Fields(rest)
	if len(words) > 1 && len(strings.Join(words, "")) == len(words) {
		words = []string{strings.Join(words, "")} // letter-spaced caption: E F T O
	}
	k := 0
	for k < len(words) && cpCaptionWords[words[k]] {
		k++
	}
	caveats = cpSplitCaveats(words[:k])
	tail := strings.Join(words[k:], " ")
	switch {
	case tail == "":
		return caveats, "", true
	case cpSerialRestRE.MatchString(tail):
		return caveats, tail, true
	case strings.HasPrefix(tail, "COVERING "):
		if _, r, ok := cpMatchClassification(strings.TrimPrefix(tail, "COVERING ")); ok && r == "" {
			return caveats, "", true
		}
	}
	return nil, "", false
}

// cpLoneCaveats are handling words that make a caveat on their own; the
// other handling words make one caveat together (UK EYES ONLY, STAFF IN
// CONFIDENCE).
var cpLoneCaveats = map[string]bool{
	"NODIS": true, "EXDIS": true, "LIMDIS": true, "STADIS": true, "NOFORN": true, "ORCON": true,
	"PROPIN": true, "NOCONTRACT": true, "DEDIP": true, "EFTO": true, "SPECAT": true, "WNINTEL": true,
	"SIPDIS": true, "NOFORN/SIPDIS": true, "CHEROKEE": true, "PERSONAL": true, "SENSITIVE": true,
}

// cpSplitCaveats groups the handling words printed after a classification
// into caveats: SECRET NODIS NOFORN has two, SECRET UK EYES ONLY one.
func cpSplitCaveats(words []string) []string {
	var out []string
	group := ""
	for _, w := range words {
		if cpLoneCaveats[w] {
			if group != "" {
				out = append(out, group)
				group = ""
			}
			out = append(out, w)
			continue
		}
		if group != "" {
			group += " "
		}
		group += w
	}
	if group != "" {
		out = append(out, group)
	}
	return out
}

var (
	// office codes of a distribution block: ORIGIN EUR-12, INFO OCT-01
	// ADS-00 /013 R.
	cpDistCodesRE = lazyRE(`^(?:(?:ORIGIN|ACTION|INFO)\s+)?(?:[A-Z]{1,6}-\d{2,3}\s*)+(?:/\d{3}(?:\s+[A-Z])?)?$`)
	// the drafting lines and the rule with the teletype's number under a
	// distribution block.
	cpDistByRE   = lazyRE(`^(?:DRAFTED|APPROVED|CLEARED)\s+BY\b`)
	cpDistRuleRE = lazyRE(`^-{5,}\s*\d+\s+\d{6}Z\s*/\d+$`)
)

// cpIsDistributionLine reports whether t is a line of the distribution
// block that archive copies of State cables print above the text.
func cpIsDistributionLine(t string) bool {
	return cpDistCodesRE.MatchString(t) || cpDistByRE.MatchString(t) || cpDistRuleRE.MatchString(t)
}

// cpIsLetterSpaced reports whether a classification line starts with a
// letter-spaced classification (S E C R E T).
func cpIsLetterSpaced(t string) bool {
	f := strings.Fields(t)
	return len(f) >= 5 && len(f[0]) == 1 && len(f[1]) == 1 && len(f[2]) == 1
}

// cpIsCaptionLine reports whether t holds only handling words.
func cpIsCaptionLine(t string) bool {
	n, first := 0, ""
	for rest := t; ; {
		rest = strings.TrimLeft(rest, " \t")
		if rest == "" {
			break
		}
		w := rest
		if i := strings.IndexAny(rest, " \t"); i >= 0 {
			w, rest = rest[:i], rest[i:]
		} else {
			rest = ""
		}
		if !cpCaptionWords[w] {
			return false // most lines fail at their first word, without splitting them
		}
		if n == 0 {
			first = w
		}
		n++
	}
	// a lone article or preposition is not a caption
	return n > 1 || n == 1 && len(first) > 2
}

// isFurniture reports whether a line of the text area is page furniture:
// a classification banner, a PAGE or SECTION line, the draft marker,
// transmission signals.
func (p *cableParser) isFurniture(t string) bool {
	switch {
	case t == "BT" || t == "NNNN" || t == "NNN" || strings.HasPrefix(t, "#") && cpStationSerRE.MatchString(t):
		return true
	case strings.HasPrefix(t, "DRAFT - NOT FOR TRANSMISSION"):
		return true
	case strings.IndexByte(t, '/') >= 0 && strings.Contains(t, "Declassified/Released US Department of State"):
		// the review stamp the archive prints over a released page
		// (Sheryl P. Walter Declassified/Released US Department of State
		// EO Systematic Review 20 Mar 2014), wherever it falls (a line
		// with no slash, most of them, is passed over in one quick scan)
		return true
	case p.msg.Serial != "" && t == p.msg.Serial:
		// the second half of a page line a PDF copy splits in two
		// (PAGE 02 / STATE 297216): a message never names itself alone
		return true
	case t == "Show Headers":
		// the link at the top of a cable's page in the archive's web
		// copy (NARA's Access to Archival Databases), copied with it
		return true
	// (each pattern is tried only on a line opening as it must: the writer
	// asks of every line it makes)
	case strings.HasPrefix(t, "-") && cpPageNumberRE.MatchString(t),
		(strings.HasPrefix(t, "SECTION") || strings.HasPrefix(t, "FINAL")) && cpSectionRE.MatchString(t):
		return true
	case (strings.HasPrefix(t, "ZCZC") || strings.HasPrefix(t, "VZCZC")) && !strings.Contains(t, " "):
		return true
	}
	if len(p.pageShapes) > 0 && p.pageShapes[LineShape(t)] {
		return true
	}
	if strings.HasPrefix(t, "PAGE") {
		if sub := cpPageLineRE.FindStringSubmatch(t); sub != nil && (sub[2] == "" || strings.ContainsAny(sub[2], "0123456789")) {
			return true
		}
	}
	if _, rest, ok := cpMatchClassification(t); ok {
		if _, serial, ok := cpClassificationRest(rest); ok {
			if p.msg.Serial != "" {
				return serial == "" || serial == p.msg.Serial
			}
			return serial == "" || cpStateSerialRE.MatchString(serial)
		}
	}
	return false
}
