package cable

import (
	"fmt"
	"strings"
)

// The shapes of a published transcription's apparatus (see Transcription).
var (
	// trTitleRE is a FRUS document title: its number in the volume, then
	// what the document is (27. Telegram From the Department of State to
	// the Embassy in the United Kingdom1).
	trTitleRE = lazyRE(`^(\d{1,4})\.\s+((?:Circular\s+)?(?:Telegram|Cable|Backchannel [Mm]essage|Message|Airgram)\b.*)$`)
	// trFileRE is an old volume's file designation above the title: a
	// decimal file (893.51/3041: Telegram, 740.00119 Control
	// (Germany)/7–1747: Telegram), a named collection (Defense Files:
	// Telegram, Roosevelt Papers: Telegram) or a lot file (Lot 60 D 224:
	// Telegram).
	trFileRE = lazyRE(`^(?:(?:FW )?[0-9A-Z][0-9A-Za-z.]*(?: [A-Z][A-Za-z]*)*(?: \([A-Za-z ]+\))?/[0-9A-Za-z.–-]+` +
		`|[A-Z][A-Za-z.]*(?: (?:[A-Z][A-Za-z.]*|of|the)){0,4} (?:Files|Papers|Records)` +
		`|Lot [0-9A-Z][0-9A-Za-z –-]{0,20}):\s*(?:Circular\s+)?(?:Telegram|Cable|Airgram)\b`)
	// trArchiveRE is an archive site's first line: Archive (Reagan Library).
	trArchiveRE = lazyRE(`^Archive \([^()]+\)$`)
	// trCatalogueRE is one of its catalogue lines: Document type: ...
	trCatalogueRE = lazyRE(`^([A-Z][A-Za-z ]{2,30}):\s+(.*)$`)
	// trStampRE is an archivist's declassification stamp.
	trStampRE = lazyRE(`^(?:(?i:declassified)\b|By .*\bNARA\b)`)
	// trDatelineRE is the place and date line (Washington, November 12,
	// 1955, 1:03 / London, 21 December 1988 / London, March 12, 1948—6
	// p.m.).
	trDatelineRE = lazyRE(`^[A-Z][A-Za-z .'’-]{1,40}, (?:[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+\.?),? \d{4}(?:(?:,? |[—–]).{1,30})?$`)
	// trNumberRE is the telegram's number opening its first line
	// (85529. Subject: ...).
	trNumberRE = lazyRE(`^(\d{1,6})\.\s*(.*)$`)
	// trSeriesNumberRE is a number in one of the series of a Secretary's
	// or a conference's telegrams (Secto 12., Tosec 270361., Dulte 5.,
	// Argonaut 12., Victory 123.), opening the first line the same way.
	trSeriesNumberRE = lazyRE(`^((?:Secto|Tosec|Dulte|Tedul|Hakto|Tohak|Argonaut|Cricket|Victory) \d{1,6})\.\s+(.*)$`)
	// trSubjectRE is the subject's label (Subject:, Subj:).
	trSubjectRE = lazyRE(`(?i)\bsubj(?:ect)?:\s*`)
	// trSignatureRE is a name standing alone as the last line (Colby).
	trSignatureRE = lazyRE(`^[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’.-]+){0,2}$`)
	// trClassRE is a classification opening the first paragraph or a
	// sentence of the source note.
	trClassRE = lazyRE(`^(?i:(top secret|secret|confidential|limited official use|unclassified))\b`)
	// trZuluRE is a time in GMT at the end of a dateline (…, 0054Z.).
	trZuluRE = lazyRE(`\b([01]\d|2[0-3])([0-5]\d)Z\.?$`)
	// trDespatchedRE is an archive site's despatch time (Despatched 1037
	// GMT 15 Sep 1983).
	trDespatchedRE = lazyRE(`\bDespatched (\d{4}) GMT (\d{1,2}) ([A-Z][a-z]{2,8}) (\d{4})\b`)
)

// transcript is a published transcription split into its parts: the
// editor's heading lines, the telegram's own lines, and the notes.
type transcript struct {
	lines     []string
	msg       Message
	catalogue map[string]string // an archive site's catalogue lines by label
	textFrom  int               // first line of the telegram's text
	textTo    int               // the line after its last
	footnoted bool              // the transcription has footnotes, so digits glued to words are marks
	marks     int               // footnote marks taken off words
	pages     int               // [Page N] markers taken out
	niact     bool              // the handling says night action (NIACT)
	noteLines int               // the footnotes and source note at the end
	lastMark  int               // the number of the last footnote mark taken off a word
}

// IsTranscription reports whether data opens as a published transcription
// of a telegram: a FRUS title or file number, or an archive site's
// catalogue lines.
func IsTranscription(data []byte) bool {
	const look = 4096 // the heading is in the first lines; a long text is not split whole
	if len(data) > look {
		data = data[:look]
	}
	_, ok := findTranscriptHead(transcriptLines(data))
	return ok
}

func transcriptLines(data []byte) []string {
	s := strings.TrimPrefix(string(data), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimSuffix(s, "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(strings.ReplaceAll(l, "\f", ""), " \t\v\u00a0")
	}
	return lines
}

// readTranscription reads a published transcription (see Transcription).
func readTranscription(data []byte) (*Message, bool, error) {
	lines := transcriptLines(data)
	t, ok := findTranscriptHead(lines)
	if !ok {
		return nil, false, nil
	}
	t.readNotes()
	t.readNumberAndSubject()
	body := t.cleanText()
	if strings.TrimSpace(body) == "" {
		return nil, true, cpErrorf(0, "published transcription without the telegram's text: expected its text after the editor's title %q", t.msg.Title)
	}
	t.msg.Text = t.takeSignature(body)
	t.readFields()
	m := &t.msg
	m.Form = Transcription.Name
	cpNormalizeMessage(m)
	return m, true, nil
}

// findTranscriptHead recognises the editor's heading in the first lines
// and reads it: the title, an old volume's file number, the dateline, or an
// archive site's catalogue and the archivist's stamp.
func findTranscriptHead(lines []string) (*transcript, bool) {
	t := &transcript{lines: lines}
	i := nextFilled(lines, 0)
	if i >= len(lines) {
		return nil, false
	}
	first := strings.TrimSpace(lines[i])
	if !mayOpenTranscript(first) {
		return nil, false
	}
	switch {
	case trArchiveRE.MatchString(first):
		t.msg.Notes = append(t.msg.Notes, first)
		i = t.readCatalogue(nextFilled(lines, i+1))
	case trFileRE.MatchString(first):
		j := nextFilled(lines, i+1)
		if j >= len(lines) {
			return nil, false
		}
		t.msg.Notes = append(t.msg.Notes, first)
		t.msg.Title = strings.TrimSpace(lines[j])
		i = t.readDateline(nextFilled(lines, j+1))
	case trTitleRE.MatchString(first):
		t.msg.Title = trTitleRE.FindStringSubmatch(first)[2]
		i = t.readDateline(nextFilled(lines, i+1))
	default:
		return nil, false
	}
	t.textFrom, t.textTo = i, len(lines)
	return t, true
}

// mayOpenTranscript reports whether first holds a word that each of the
// first-line patterns (trArchiveRE, trFileRE, trTitleRE) needs: a quick
// test that spares most texts those patterns.
func mayOpenTranscript(first string) bool {
	return strings.HasPrefix(first, "Archive (") || strings.Contains(first, "Telegram") ||
		strings.Contains(first, "Cable") || strings.Contains(first, "essage") || strings.Contains(first, "Airgram")
}

func nextFilled(lines []string, i int) int {
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return i
}

// readCatalogue reads an archive site's title line, its "Label: value"
// catalogue lines and the archivist's stamp, from line i; it returns where
// the text starts.
func (t *transcript) readCatalogue(i int) int {
	if i < len(t.lines) {
		t.msg.Title = strings.TrimSpace(t.lines[i])
		i = nextFilled(t.lines, i+1)
	}
	t.catalogue = map[string]string{}
	for ; i < len(t.lines); i = nextFilled(t.lines, i+1) {
		l := strings.TrimSpace(t.lines[i])
		if c := trCatalogueRE.FindStringSubmatch(l); c != nil && !trClassRE.MatchString(l) {
			t.catalogue[c[1]] = c[2]
			t.msg.Notes = append(t.msg.Notes, l)
			continue
		}
		if trStampRE.MatchString(l) {
			t.msg.Notes = append(t.msg.Notes, l)
			continue
		}
		break
	}
	t.msg.SourceNote = t.catalogue["Source"]
	return i
}

// readDateline reads the lines under the title from line i: the place and
// date line, the handling line (readHandling) and the editor's line of
// when an incoming telegram was received ([Received March 12—3:40 p.m.]),
// in any order, where there are; it returns where the text starts.
func (t *transcript) readDateline(i int) int {
	for n := 0; n < 3 && i < len(t.lines); n++ {
		l := strings.TrimSpace(t.lines[i])
		switch {
		case t.msg.Dateline == "" && trDatelineRE.MatchString(l):
			t.msg.Dateline = l
		case strings.HasPrefix(l, "[Received ") && strings.HasSuffix(l, "]"):
			t.msg.Notes = append(t.msg.Notes, l)
		case !t.readHandling(l):
			return i
		}
		i = nextFilled(t.lines, i+1)
	}
	return i
}

// readNotes takes the notes off the end of the transcription: the source
// note and the footnotes, each on a line of its own, as FRUS prints them
// ("- Source: ...↩", "  1. Not printed."), with the indented paragraphs a
// footnote runs on into (a passage it quotes).
func (t *transcript) readNotes() {
	end := len(t.lines)
	var notes, indented []string
	for j := end - 1; j >= t.textFrom; j-- {
		l := t.lines[j]
		if strings.TrimSpace(l) == "" {
			continue
		}
		note, ok := footnoteLine(l)
		if !ok {
			if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
				indented = append(indented, strings.TrimSpace(l))
				continue // a note's own paragraph, if a note line is above it
			}
			break
		}
		for k := len(indented) - 1; k >= 0; k-- {
			note += " " + indented[k]
		}
		notes, indented = append(notes, note), indented[:0]
		end = j
	}
	t.textTo = end
	for k := len(notes) - 1; k >= 0; k-- {
		n := notes[k]
		if s, ok := strings.CutPrefix(n, "Source: "); ok && t.msg.SourceNote == "" {
			t.msg.SourceNote = s
			continue
		}
		t.msg.Notes = append(t.msg.Notes, n)
	}
	t.footnoted = len(notes) > 0
	t.noteLines = len(notes)
}

// footnoteLine reports whether l is a note line and gives the note without
// its list mark, number and back-link.
func footnoteLine(l string) (string, bool) {
	s := strings.TrimSpace(l)
	backLinked := strings.HasSuffix(s, "↩")
	s = strings.TrimSpace(strings.TrimSuffix(s, "↩"))
	indentedNumber := false
	if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
		if m := trNumberRE.FindStringSubmatch(s); m != nil && len(m[1]) <= 3 {
			s, indentedNumber = m[2], true
		}
	}
	if r, ok := strings.CutPrefix(s, "- "); ok {
		s = r
	}
	if !backLinked && !indentedNumber && !strings.HasPrefix(s, "Source: ") {
		return "", false
	}
	return s, true
}

// readNumberAndSubject takes the telegram's number off its first line
// (85529. Subject: ...; 1219. For Johnson.), and the subject when the line
// gives one. A first line numbered 1 opens the first paragraph instead.
func (t *transcript) readNumberAndSubject() {
	if t.textFrom >= t.textTo {
		return
	}
	first := strings.TrimSpace(t.lines[t.textFrom])
	m := trNumberRE.FindStringSubmatch(first)
	if m == nil {
		m = trSeriesNumberRE.FindStringSubmatch(first)
	}
	if m == nil || m[1] == "1" {
		return
	}
	t.msg.Serial = m[1]
	rest := m[2]
	// "8241. For the Secretary. Subj: …": a passing line, then the subject.
	if k := trSubjectRE.FindStringIndex(rest); k != nil {
		if before := strings.TrimSpace(rest[:k[0]]); strings.HasPrefix(strings.ToUpper(before), "FOR ") {
			t.msg.Passing = before
		} else if before != "" {
			k = nil // a subject label inside the text, not the telegram's subject
		}
		if k != nil {
			t.msg.Subject = strings.TrimSpace(rest[k[1]:])
			rest = ""
		}
	}
	// "1219. For Johnson." on a line of its own: the passing line alone.
	if rest != "" && t.msg.Passing == "" && trPassingAloneRE.MatchString(rest) && nextFilled(t.lines, t.textFrom+1) < t.textTo {
		t.msg.Passing, rest = strings.TrimSuffix(rest, "."), ""
	}
	if rest == "" {
		t.textFrom = nextFilled(t.lines, t.textFrom+1)
	} else {
		t.lines[t.textFrom] = rest
	}
}

// trPassingAloneRE is a passing line that makes the telegram's first line
// after its number by itself: For Johnson., For the Secretary from
// Kissinger.
var trPassingAloneRE = lazyRE(`^(?:Personal )?[Ff]or (?:the )?[A-Z][A-Za-z.'’ -]{0,60}\.$`)

// cutFold cuts prefix off s, ignoring case.
func cutFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// takeSignature takes a name standing alone as the last line off the text
// (Colby), when the text has more than that line.
func (t *transcript) takeSignature(body string) string {
	body = strings.TrimRight(body, "\n ")
	i := strings.LastIndexByte(body, '\n')
	if i < 0 {
		return body
	}
	last := strings.TrimSpace(body[i+1:])
	if !trSignatureRE.MatchString(last) || trClassRE.MatchString(last) {
		return body
	}
	t.msg.Signature = last
	return strings.TrimRight(body[:i], "\n ")
}

// TranscriptionNote says what reading data as a published transcription
// leaves out of its text, for a comparison's notes; "" when it leaves out
// nothing but the title.
func (m *Message) TranscriptionNote() string {
	if m.Form != Transcription.Name {
		return ""
	}
	parts := []string{"the editor's title"}
	if m.Dateline != "" {
		parts = append(parts, "dateline")
	}
	if m.SourceNote != "" {
		parts = append(parts, "source note")
	}
	if n := len(m.Notes); n > 0 {
		parts = append(parts, plural(n, "note"))
	}
	if m.FootnoteMarks > 0 {
		parts = append(parts, plural(m.FootnoteMarks, "footnote mark"))
	}
	if m.PageMarkers > 0 {
		parts = append(parts, plural(m.PageMarkers, "page marker"))
	}
	return strings.Join(parts, ", ")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
