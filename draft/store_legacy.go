package draft

import (
	"bytes"
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
	"sync"
	"time"
	"unicode/utf8"
)

// The file store, retired: it kept each draft's history in its own folder,
// .redline/drafts/<escaped draft name>/:
//
//	000001.json, 000002.json, ...   one file per revision: metadata, the
//	                                content and, for a sent revision, the
//	                                cable; the whole record of the revision
//	labels/000001.json, ...         label events, in order; the last event
//	                                for a name says where it points
//
// A workspace in this layout is carried over into the database store on
// first open (see importFiles); this file only reads it.

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

var revFileRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([0-9]{6,})\.json$`) })

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
		m := revFileRE().FindStringSubmatch(e.Name())
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
		if revFileRE().MatchString(e.Name()) {
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
