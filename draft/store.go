package draft

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The store keeps each draft's history in its own folder,
// .redline/drafts/<escaped draft name>/:
//
//	000001.json, 000002.json, ...   one file per revision: metadata, the
//	                                content and, for a sent revision, the
//	                                cable; the whole record of the revision
//	labels/000001.json, ...         label events, in order; the last event
//	                                for a name says where it points
//
// Every file is created once, atomically (temporary file, fsync, link or
// rename, fsync of the folder), while holding .redline/lock, and never
// rewritten. A reader that does not take the lock sees each file wholly or
// not at all.

// Revision is one stored version of a draft.
type Revision struct {
	// Draft is the draft's path relative to the workspace root, with
	// forward slashes.
	Draft  string `json:"draft"`
	Number int    `json:"number"`
	// Parent is the number of the revision this one follows, 0 for the
	// first.
	Parent  int       `json:"parent"`
	Author  string    `json:"author"`
	Office  string    `json:"office"`
	Time    time.Time `json:"time"`
	Message string    `json:"message"`
	// Labels are the labels that name this revision now.
	Labels []string `json:"labels"`
	// SHA256 is the hex SHA-256 of Content.
	SHA256 string `json:"sha256"`
	// Sent is set on the as-sent revision of a sealed draft.
	Sent *Sent `json:"sent,omitempty"`
	// ReopenedFrom names the sent revision (DRAFT@N) this draft was
	// reopened from, on a draft's first revision.
	ReopenedFrom string `json:"reopened_from,omitempty"`
	Content      []byte `json:"-"`
}

// Sent records the despatch of a revision: the serial allocated, the
// date-time group stamped and the cable as transmitted.
type Sent struct {
	Series      string   `json:"series"`
	Serial      string   `json:"serial"`
	DTG         string   `json:"dtg"`
	Precedence  string   `json:"precedence,omitempty"`
	From        string   `json:"from,omitempty"`
	To          []string `json:"to,omitempty"`
	Info        []string `json:"info,omitempty"`
	Title       string   `json:"title,omitempty"`
	CableSHA256 string   `json:"cable_sha256,omitempty"`
	Cable       []byte   `json:"-"`
}

// CommitRequest asks for a new revision of a draft.
type CommitRequest struct {
	// Path is the working copy's path, absolute or relative to the current
	// folder. Draft, when set, names the draft relative to the workspace
	// root instead.
	Path  string
	Draft string
	// Content is the revision's content; nil reads the working copy.
	Content []byte
	Author  string
	Office  string
	Message string
	// Labels name the new revision. A label that already names another
	// revision of the draft is refused (move it with Label and force).
	Labels []string
	// Time is the commit time; zero means the workspace's clock (ws.Now).
	Time time.Time
	// Sent makes this the as-sent revision, which seals the draft. An
	// as-sent revision may have the same content as its parent.
	Sent *Sent
	// ReopenedFrom (DRAFT@N) is recorded on a reopened draft's first
	// revision.
	ReopenedFrom string
}

const storeFormat = 1

// record is a revision as stored.
type record struct {
	Format        int         `json:"format"`
	Draft         string      `json:"draft"`
	Number        int         `json:"number"`
	Parent        int         `json:"parent"`
	Author        string      `json:"author"`
	Office        string      `json:"office"`
	Time          string      `json:"time"`
	Message       string      `json:"message"`
	Labels        []string    `json:"labels,omitempty"`
	SHA256        string      `json:"sha256"`
	Sent          *sentRecord `json:"sent,omitempty"`
	ReopenedFrom  string      `json:"reopened_from,omitempty"`
	Content       *string     `json:"content,omitempty"`
	ContentBase64 []byte      `json:"content_base64,omitempty"`
	// Checksum is the SHA-256 of the record's JSON with Checksum empty.
	Checksum string `json:"checksum"`

	content []byte
	file    string
}

type sentRecord struct {
	Series      string   `json:"series"`
	Serial      string   `json:"serial"`
	DTG         string   `json:"dtg"`
	Precedence  string   `json:"precedence,omitempty"`
	From        string   `json:"from,omitempty"`
	To          []string `json:"to,omitempty"`
	Info        []string `json:"info,omitempty"`
	Title       string   `json:"title,omitempty"`
	CableSHA256 string   `json:"cable_sha256,omitempty"`
	Cable       *string  `json:"cable,omitempty"`
	CableBase64 []byte   `json:"cable_base64,omitempty"`
}

// labelEvent points a label at a revision (Revision 0 removes it).
type labelEvent struct {
	Format   int    `json:"format"`
	Seq      int    `json:"seq"`
	Draft    string `json:"draft"`
	Label    string `json:"label"`
	Revision int    `json:"revision"`
	// After is the number of revisions the draft had when the event was
	// recorded: the event comes after the labels given at those commits
	// and before those given at later ones.
	After    int    `json:"after"`
	Time     string `json:"time"`
	Checksum string `json:"checksum"`

	file string
}

// HexSHA256 is the lower-case hex SHA-256 of b, as revisions record it.
func HexSHA256(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// textField stores b as a JSON string when it is valid UTF-8, else as
// base64.
func textField(b []byte) (*string, []byte) {
	if utf8.Valid(b) {
		s := string(b)
		return &s, nil
	}
	return nil, append([]byte(nil), b...)
}

func fromTextField(s *string, b64 []byte) []byte {
	if s != nil {
		return []byte(*s)
	}
	if b64 != nil {
		return b64
	}
	return []byte{}
}

// checksum is the SHA-256 of the record's JSON without the checksum and
// without the content and cable, which their own SHA-256 fields (inside
// the checksummed part) cover.
func (r *record) checksum() string {
	c := *r
	c.Checksum = ""
	c.Content, c.ContentBase64 = nil, nil
	if r.Sent != nil {
		s := *r.Sent
		s.Cable, s.CableBase64 = nil, nil
		c.Sent = &s
	}
	b, _ := json.Marshal(&c)
	return HexSHA256(b)
}

// legacyChecksum is the checksum as the first releases of store format 1
// wrote it: the SHA-256 of the whole record's JSON with Checksum empty,
// content and cable included. Records written so are still valid.
func (r *record) legacyChecksum() string {
	c := *r
	c.Checksum = ""
	b, _ := json.Marshal(&c)
	return HexSHA256(b)
}

func (e *labelEvent) checksum() string {
	c := *e
	c.Checksum = ""
	b, _ := json.Marshal(&c)
	return HexSHA256(b)
}

func (r *record) encode() []byte {
	r.Checksum = r.checksum()
	b, _ := json.MarshalIndent(r, "", "  ")
	return append(b, '\n')
}

func (e *labelEvent) encode() []byte {
	e.Checksum = e.checksum()
	b, _ := json.MarshalIndent(e, "", "  ")
	return append(b, '\n')
}

// decodeRecord reads and checks a revision file's bytes.
func decodeRecord(file string, data []byte) (*record, error) {
	var r record
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("%s: not a valid revision record: %v", file, err)
	}
	if r.Format != storeFormat {
		return nil, fmt.Errorf("%s: unknown store format %d (this redline reads format %d)", file, r.Format, storeFormat)
	}
	if got := r.checksum(); got != r.Checksum && r.legacyChecksum() != r.Checksum {
		return nil, fmt.Errorf("%s: record checksum mismatch (the file was changed after it was written)", file)
	}
	r.content = fromTextField(r.Content, r.ContentBase64)
	if got := HexSHA256(r.content); got != r.SHA256 {
		return nil, fmt.Errorf("%s: content SHA-256 is %s, the record says %s", file, got, r.SHA256)
	}
	if r.Sent != nil {
		hasCable := r.Sent.Cable != nil || r.Sent.CableBase64 != nil
		switch {
		case r.Sent.CableSHA256 == "" && hasCable:
			return nil, fmt.Errorf("%s: the sent cable has no SHA-256", file)
		case r.Sent.CableSHA256 != "":
			if got := HexSHA256(fromTextField(r.Sent.Cable, r.Sent.CableBase64)); got != r.Sent.CableSHA256 {
				return nil, fmt.Errorf("%s: cable SHA-256 is %s, the record says %s", file, got, r.Sent.CableSHA256)
			}
		}
	}
	if _, err := time.Parse(time.RFC3339Nano, r.Time); err != nil {
		return nil, fmt.Errorf("%s: bad time %q", file, r.Time)
	}
	r.file = file
	return &r, nil
}

func decodeLabelEvent(file string, data []byte) (*labelEvent, error) {
	var e labelEvent
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return nil, fmt.Errorf("%s: not a valid label record: %v", file, err)
	}
	if e.Format != storeFormat {
		return nil, fmt.Errorf("%s: unknown store format %d (this redline reads format %d)", file, e.Format, storeFormat)
	}
	if got := e.checksum(); got != e.Checksum {
		return nil, fmt.Errorf("%s: record checksum mismatch (the file was changed after it was written)", file)
	}
	e.file = file
	return &e, nil
}

// escapeName turns a draft name into one folder name, reversibly: letters,
// digits, '.', '_' and '-' stay; every other byte becomes %XX.
func escapeName(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func unescapeName(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if i+2 >= len(s) {
			return "", fmt.Errorf("bad escape in %q", s)
		}
		v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
		if err != nil {
			return "", fmt.Errorf("bad escape in %q", s)
		}
		b.WriteByte(byte(v))
		i += 2
	}
	if escapeName(b.String()) != s {
		return "", fmt.Errorf("%q is not a canonical draft folder name", s)
	}
	return b.String(), nil
}

func (ws *Workspace) draftDir(name string) string {
	return filepath.Join(ws.draftsDir(), escapeName(name))
}

var revFileRE = regexp.MustCompile(`^([0-9]{6,})\.json$`)

func isTempName(n string) bool { return strings.HasPrefix(n, ".") && strings.Contains(n, ".tmp-") }

// history is a draft's stored files.
type history struct {
	name   string
	revs   []*record // by number
	events []*labelEvent
}

// loadHistory reads a draft's revisions and label events. A missing draft
// has an empty history.
func (ws *Workspace) loadHistory(name string) (*history, error) {
	h := &history{name: name}
	dir := ws.draftDir(name)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return h, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the store: %w", err)
	}
	for _, e := range entries {
		m := revFileRE.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		file := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("cannot read the store: %w", err)
		}
		r, err := decodeRecord(file, data)
		if err != nil {
			return nil, fmt.Errorf("damaged store: %v: run `redline fsck`", err)
		}
		h.revs = append(h.revs, r)
	}
	sort.Slice(h.revs, func(i, j int) bool { return h.revs[i].Number < h.revs[j].Number })
	for i, r := range h.revs {
		if r.Number != i+1 || r.Draft != name {
			return nil, fmt.Errorf("damaged store: %s is out of place: run `redline fsck`", r.file)
		}
	}
	ldir := filepath.Join(dir, "labels")
	lentries, err := os.ReadDir(ldir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("cannot read the store: %w", err)
	}
	for _, e := range lentries {
		if revFileRE.MatchString(e.Name()) {
			file := filepath.Join(ldir, e.Name())
			data, err := os.ReadFile(file)
			if err != nil {
				return nil, fmt.Errorf("cannot read the store: %w", err)
			}
			ev, err := decodeLabelEvent(file, data)
			if err != nil {
				return nil, fmt.Errorf("damaged store: %v: run `redline fsck`", err)
			}
			h.events = append(h.events, ev)
		}
	}
	sort.Slice(h.events, func(i, j int) bool { return h.events[i].Seq < h.events[j].Seq })
	return h, nil
}

// labels computes where each label points, replaying in the order they
// happened the labels given at each commit and the label events recorded
// between commits.
func (h *history) labels() map[string]int {
	m := map[string]int{}
	apply := func(e *labelEvent) {
		if e.Revision == 0 {
			delete(m, e.Label)
		} else {
			m[e.Label] = e.Revision
		}
	}
	ev := 0
	for _, r := range h.revs {
		for ; ev < len(h.events) && h.events[ev].After < r.Number; ev++ {
			apply(h.events[ev])
		}
		for _, l := range r.Labels {
			m[l] = r.Number
		}
	}
	for ; ev < len(h.events); ev++ {
		apply(h.events[ev])
	}
	return m
}

func (h *history) revisions() []Revision {
	byRev := map[int][]string{}
	for l, n := range h.labels() {
		byRev[n] = append(byRev[n], l)
	}
	out := make([]Revision, len(h.revs))
	for i, r := range h.revs {
		out[i] = r.revision(byRev[r.Number])
	}
	return out
}

func (r *record) revision(labels []string) Revision {
	t, _ := time.Parse(time.RFC3339Nano, r.Time)
	sort.Strings(labels)
	if labels == nil {
		labels = []string{}
	}
	rev := Revision{
		Draft: r.Draft, Number: r.Number, Parent: r.Parent, Author: r.Author, Office: r.Office,
		Time: t.UTC(), Message: r.Message, Labels: labels, SHA256: r.SHA256,
		ReopenedFrom: r.ReopenedFrom, Content: r.content,
	}
	if s := r.Sent; s != nil {
		rev.Sent = &Sent{Series: s.Series, Serial: s.Serial, DTG: s.DTG, Precedence: s.Precedence,
			From: s.From, To: s.To, Info: s.Info, Title: s.Title, CableSHA256: s.CableSHA256,
			Cable: fromTextField(s.Cable, s.CableBase64)}
	}
	return rev
}

// draftNames lists the drafts in the store.
func (ws *Workspace) draftNames() ([]string, error) {
	entries, err := os.ReadDir(ws.draftsDir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the store: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() || isTempName(e.Name()) {
			continue
		}
		n, err := unescapeName(e.Name())
		if err != nil {
			continue // fsck reports it
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}

// Drafts lists the names of the drafts that have revisions.
func (ws *Workspace) Drafts() ([]string, error) {
	names, err := ws.draftNames()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, n := range names {
		h, err := ws.loadHistory(n)
		if err != nil {
			return nil, err
		}
		if len(h.revs) > 0 {
			out = append(out, n)
		}
	}
	return out, nil
}

// Log returns a draft's revisions, oldest first. path is the working copy's
// path (absolute or relative to the current folder). A draft with no
// revisions has an empty log.
func (ws *Workspace) Log(path string) ([]Revision, error) {
	name, err := ws.DraftName(path)
	if err != nil {
		return nil, err
	}
	return ws.LogDraft(name)
}

// LogDraft is Log for a draft named relative to the workspace root.
func (ws *Workspace) LogDraft(name string) ([]Revision, error) {
	h, err := ws.loadHistory(name)
	if err != nil {
		return nil, err
	}
	return h.revisions(), nil
}

// AllRevisions returns every revision of every draft, by draft name and
// then number.
func (ws *Workspace) AllRevisions() ([]Revision, error) {
	names, err := ws.draftNames()
	if err != nil {
		return nil, err
	}
	var out []Revision
	for _, n := range names {
		h, err := ws.loadHistory(n)
		if err != nil {
			return nil, err
		}
		out = append(out, h.revisions()...)
	}
	return out, nil
}

// lastRecord reads only a draft's newest revision file, or returns nil for a
// draft without revisions.
func (ws *Workspace) lastRecord(name string) (*record, error) {
	dir := ws.draftDir(name)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the store: %w", err)
	}
	last, lastName := 0, ""
	for _, e := range entries {
		m := revFileRE.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		if n, err := strconv.Atoi(m[1]); err == nil && n > last {
			last, lastName = n, e.Name()
		}
	}
	if last == 0 {
		return nil, nil
	}
	file := filepath.Join(dir, lastName)
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("cannot read the store: %w", err)
	}
	r, err := decodeRecord(file, data)
	if err != nil {
		return nil, fmt.Errorf("damaged store: %v: run `redline fsck`", err)
	}
	if r.Number != last || r.Draft != name {
		return nil, fmt.Errorf("damaged store: %s is out of place: run `redline fsck`", file)
	}
	return r, nil
}

// sentRevision is the revision of a sent record as SentRevisions returns
// it: with the labels given at its commit (as-sent among them), since label
// records are not read.
func sentRevision(r *record) Revision {
	return r.revision(append([]string(nil), r.Labels...))
}

// SentRevisions returns every sent (as-sent) revision in the store, by
// draft name, reading one file per draft: a sent revision is always its
// draft's last, since the draft is sealed once sent. It takes no lock; use
// Tx.SentRevisions inside a transaction. Each Revision's Labels are those
// given when it was committed (as-sent among them); later label moves are
// not read.
func (ws *Workspace) SentRevisions() ([]Revision, error) {
	names, err := ws.draftNames()
	if err != nil {
		return nil, err
	}
	var out []Revision
	for _, n := range names {
		r, err := ws.lastRecord(n)
		if err != nil {
			return nil, err
		}
		if r != nil && r.Sent != nil {
			out = append(out, sentRevision(r))
		}
	}
	return out, nil
}

// Sealed returns the as-sent revision when the draft has been sent.
func (ws *Workspace) Sealed(path string) (*Revision, bool, error) {
	revs, err := ws.Log(path)
	if err != nil {
		return nil, false, err
	}
	r, ok := SealedIn(revs)
	return r, ok, nil
}

// SealedIn returns the as-sent revision among a draft's revisions, if the
// draft has been sent.
func SealedIn(revs []Revision) (*Revision, bool) {
	for i := range revs {
		if revs[i].Sent != nil {
			r := revs[i]
			return &r, true
		}
	}
	return nil, false
}

// Commit records a new revision of a draft.
func (ws *Workspace) Commit(req CommitRequest) (*Revision, error) {
	var rev *Revision
	err := ws.Update(func(tx *Tx) error {
		r, err := tx.Commit(req)
		rev = r
		return err
	})
	if err != nil {
		return nil, err
	}
	return rev, nil
}

// Label points a label at revision rev of a draft. A label that names
// another revision is moved only with force.
func (ws *Workspace) Label(path string, rev int, name string, force bool) error {
	return ws.Update(func(tx *Tx) error { return tx.Label(path, rev, name, force) })
}

// Unlabel removes a label from a draft.
func (ws *Workspace) Unlabel(path string, name string) error {
	return ws.Update(func(tx *Tx) error { return tx.Unlabel(path, name) })
}

// AsSentLabel names the revision that went out. Only a commit that records
// the despatch (CommitRequest.Sent, made by `redline send`) gives it; it is
// never set, moved or removed by hand, since it is part of the record of
// what was sent.
const AsSentLabel = "as-sent"

func errAsSentByHand(path string) error {
	return fmt.Errorf("label %s is given only by `redline send`, to the revision that went out: %s cannot be labelled %s by hand (choose another name)", AsSentLabel, path, AsSentLabel)
}

var labelRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9._-]*$`)

// CheckLabel checks a label name: a letter, then letters, digits, '.',
// '_' or '-'; not "latest".
func CheckLabel(name string) error {
	if !labelRE.MatchString(name) || len(name) > 100 {
		return fmt.Errorf("bad label %q: a label starts with a letter and has only letters, digits, '.', '_' and '-'", name)
	}
	if strings.EqualFold(name, "latest") {
		return fmt.Errorf("bad label %q: latest always means the newest revision", name)
	}
	// Only send gives as-sent; a look-alike (As-Sent, AS-SENT) would pass
	// for the record of what went out.
	if strings.EqualFold(name, AsSentLabel) && name != AsSentLabel {
		return fmt.Errorf("bad label %q: it looks like %s, which only `redline send` gives; choose another name", name, AsSentLabel)
	}
	return nil
}
