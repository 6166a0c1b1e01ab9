package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"
	"unicode"
)

// HexSHA256 is the lower-case hex SHA-256 of b.
func HexSHA256(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// chainHash is the SHA-256 of prev and the JSON of v: each record's hash
// covers the one before it, so deleting or editing a record breaks the
// link from its successor.
func chainHash(prev string, v any) string {
	b, _ := json.Marshal(v)
	h := sha256.New()
	h.Write([]byte(prev))
	h.Write([]byte{0})
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// TimeText is how the store writes a time: UTC, RFC 3339 with nanoseconds.
func TimeText(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// RevisionHash is a revision's hash: it covers its parent's hash, every
// field (the labels given at its commit, not later moves) and, through
// their SHA-256, the content and the cable.
func RevisionHash(parentHash string, r Revision, commitLabels []string) string {
	type sent struct {
		Series, Serial, DTG, Precedence, From string
		To, Info                              []string
		Title, CableSHA256, Backdated         string
	}
	v := struct {
		Draft          string
		Number, Parent int
		Author, Office string
		Time, Message  string
		Labels         []string
		SHA256         string
		Sent           *sent
		ReopenedFrom   string
	}{r.Draft, r.Number, r.Parent, r.Author, r.Office, TimeText(r.Time), r.Message, commitLabels, r.SHA256, nil, r.ReopenedFrom}
	if s := r.Sent; s != nil {
		v.Sent = &sent{s.Series, s.Serial, s.DTG, s.Precedence, s.From, s.To, s.Info, s.Title, s.CableSHA256, s.Backdated}
	}
	return chainHash(parentHash, v)
}

// LabelEvent points a label at a revision (Rev 0 removes it).
type LabelEvent struct {
	Seq   int64
	Draft string
	Label string
	Rev   int
	At    time.Time
}

func LabelEventHash(prev string, e LabelEvent) string {
	return chainHash(prev, struct {
		Seq          int64
		Draft, Label string
		Rev          int
		At           string
	}{e.Seq, e.Draft, e.Label, e.Rev, TimeText(e.At)})
}

func EntryHash(prev string, e Entry) string {
	return chainHash(prev, struct {
		Seq                          int64
		Series                       string
		Year, YearKey, Number        int
		Suffix, Serial, DTG, DTGTime string
		Originator, Draft            string
		Rev                          int
		RevHash, Backdated, At       string
	}{e.Seq, e.Series, e.Year, e.YearKey, e.Number, e.Suffix, e.Serial, e.DTG, TimeText(e.DTGTime),
		e.Originator, e.Draft, e.Rev, e.RevHash, e.Backdated, TimeText(e.At)})
}

func ClearanceHash(prev string, c Clearance) string {
	return chainHash(prev, struct {
		Seq                            int64
		Draft                          string
		Rev                            int
		Hash, Kind, Office, Name, Note string
		Withdraws                      int64
		At                             string
	}{c.Seq, c.Draft, c.Rev, c.Hash, c.Kind, c.Office, c.Name, c.Note, c.Withdraws, TimeText(c.At)})
}

// FoldOriginator is the form of an originator that DTG uniqueness compares:
// spaces collapsed, upper case.
func FoldOriginator(s string) string {
	return strings.ToUpper(strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " "))
}
