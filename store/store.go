// Package store keeps drafts' revisions, labels, the serial register and
// clearance records behind one interface, Store, with one implementation per
// database (package sqlstore: SQLite in the workspace, or PostgreSQL shared
// by several offices). Callers give content and names, never file paths.
//
// Everything a command changes happens in one transaction (Store.Update):
// either all of it is recorded or none of it. Revisions, label events,
// register entries and clearances are append-only and hash-chained, so that
// Verify can name the first record that was deleted or edited by hand.
package store

import (
	"context"
	"errors"
	"time"
)

// Revision is one stored version of a draft.
type Revision struct {
	// Draft is the draft's name: its path relative to the workspace root,
	// with forward slashes.
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
	// Hash chains the revision to its parent: the SHA-256 of ParentHash and
	// the revision's fields (see RevisionHash).
	Hash       string `json:"-"`
	ParentHash string `json:"-"`
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
	// Backdated is the reason given for a date-time group far from the
	// clock, when there was one.
	Backdated string `json:"backdated,omitempty"`
	Cable     []byte `json:"-"`
}

// NewRevision asks Tx.Commit for a draft's next revision.
type NewRevision struct {
	Draft   string
	Content []byte
	Author  string
	Office  string
	Message string
	// Labels name the new revision; none may name another revision of the
	// draft already.
	Labels []string
	// Sent makes this the as-sent revision, which seals the draft.
	Sent         *Sent
	ReopenedFrom string
	// Time is set only when importing records made elsewhere (the file
	// store); zero, always otherwise, means the store's clock.
	Time time.Time
}

// Entry is one line of the serial register: a serial issued, with the
// date-time group it went out under and the revision that records it.
type Entry struct {
	Seq    int64  `json:"seq"`
	Series string `json:"series"`
	// Year is the calendar year of the date-time group; YearKey is the
	// year the number counts in (0 for a series that is not yearly).
	Year    int       `json:"year"`
	YearKey int       `json:"-"`
	Number  int       `json:"number"`
	Suffix  string    `json:"suffix,omitempty"`
	Serial  string    `json:"serial"`
	DTG     string    `json:"dtg"`
	DTGTime time.Time `json:"dtg_time"`
	// Originator is the from field, folded as SameOriginator compares it.
	Originator string    `json:"originator"`
	Draft      string    `json:"draft"`
	Rev        int       `json:"revision"`
	RevHash    string    `json:"revision_hash"`
	Backdated  string    `json:"backdated,omitempty"`
	At         time.Time `json:"at"`
	PrevHash   string    `json:"-"`
	Hash       string    `json:"-"`
}

// Clearance is one append-only clearance record: an office clearing or
// approving a revision of a draft, or withdrawing an earlier record.
type Clearance struct {
	Seq       int64     `json:"seq"` // assigned by the store, append order
	Draft     string    `json:"draft"`
	Rev       int       `json:"revision"`
	Hash      string    `json:"sha256"` // content SHA-256 of that revision
	Kind      string    `json:"kind"`   // "clear", "approve" or "withdraw"
	Office    string    `json:"office"`
	Name      string    `json:"name"`
	Note      string    `json:"note,omitempty"`
	Withdraws int64     `json:"withdraws,omitempty"` // for "withdraw": the Seq withdrawn
	At        time.Time `json:"at"`                  // the store's clock
	PrevHash  string    `json:"-"`
	RecHash   string    `json:"-"`
}

// Store is a revision store. It is safe for use by several processes at
// once: Update transactions are serialised.
type Store interface {
	// Update runs fn in a read-write transaction, committed when fn
	// returns nil and rolled back otherwise. Only one Update runs at a
	// time against one store, across processes and machines.
	Update(ctx context.Context, fn func(Tx) error) error
	// View runs fn in a read-only transaction.
	View(ctx context.Context, fn func(Tx) error) error
	// Verify checks every record and every chain and reports damage.
	Verify(ctx context.Context) (*Report, error)
	// Kind is "sqlite" or "postgres"; Location names the database
	// without credentials.
	Kind() string
	Location() string
	Close() error
}

// Tx is a transaction. Reads see what the transaction wrote.
type Tx interface {
	// Now is the store's clock, which stamps every record.
	Now() time.Time
	// Drafts lists the names of drafts with revisions, sorted.
	Drafts() ([]string, error)
	// Head is the number of a draft's newest revision (0 for none).
	Head(draft string) (int, error)
	// Log returns a draft's revisions, oldest first, with content.
	Log(draft string) ([]Revision, error)
	// Revision returns revision n of a draft, or ErrNotFound.
	Revision(draft string, n int) (*Revision, error)
	// Labels maps each label of a draft to the revision it names.
	Labels(draft string) (map[string]int, error)
	// Commit records a draft's next revision. It refuses a sealed draft
	// (ErrSealed), unchanged content (ErrUnchanged, unless Sent is set)
	// and a label that already names a revision (ErrLabelTaken).
	Commit(r NewRevision) (Revision, error)
	// SetLabel points a label at revision rev (0 removes it).
	SetLabel(draft, label string, rev int) error
	// SentRevisions returns every as-sent revision, by draft name.
	SentRevisions() ([]Revision, error)

	// NextNumber advances the counter of (series, yearKey) and returns the
	// new number: one more than any number issued there.
	NextNumber(series string, yearKey int) (int, error)
	// AppendRegister adds an entry to the register; a serial whose
	// (series, yearKey, number, suffix) is taken is ErrSerialTaken.
	AppendRegister(e Entry) (Entry, error)
	// Register lists the register's entries in order; series "" means all.
	Register(series string) ([]Entry, error)
	// RegisterNumber lists the entries of one number (any suffix).
	RegisterNumber(series string, yearKey, number int) ([]Entry, error)
	// RegisterSerial finds the entries with this serial text in a series
	// (any case).
	RegisterSerial(series, serial string) ([]Entry, error)
	// OriginatorDTGs lists the entries of an originator whose date-time
	// group falls in [from, to).
	OriginatorDTGs(originator string, from, to time.Time) ([]Entry, error)

	AddClearance(c Clearance) (Clearance, error)
	Clearances(draft string) ([]Clearance, error)
}

// Report is what Verify found.
type Report struct {
	Drafts      int       `json:"drafts"`
	Revisions   int       `json:"revisions"`
	LabelEvents int       `json:"label_events"`
	Register    int       `json:"register_entries"`
	Clearances  int       `json:"clearances"`
	Problems    []Problem `json:"problems"`
}

// Problem is one piece of damage: where (a record, such as draft.md@2 or
// register #5) and what is wrong.
type Problem struct {
	Where   string `json:"path"`
	Message string `json:"message"`
}

var (
	ErrNotFound    = errors.New("not found")
	ErrSealed      = errors.New("the draft is sealed: it was sent")
	ErrUnchanged   = errors.New("nothing to commit: unchanged since the last revision")
	ErrLabelTaken  = errors.New("the label already names a revision")
	ErrSerialTaken = errors.New("the serial is already in the register")
	// ErrRegisterDamaged: the register's last entry is not the one its
	// chain records, so entries were deleted or replaced outside redline
	// and a number could be issued twice; nothing is appended until the
	// store is restored.
	ErrRegisterDamaged = errors.New("the register is damaged")
	ErrReadOnly        = errors.New("read-only transaction")
)
