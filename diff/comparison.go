// Package diff is redline's comparison engine. It turns two texts into a
// Comparison: an ordered list of segments whose texts rebuild each side
// exactly, with moves, numbered changes, field changes and statistics. It
// knows nothing of output formats; every view in render/ draws a Comparison.
package diff

// Op is the operation of a segment.
type Op string

// Segment operations.
const (
	OpEqual    Op = "equal"     // in both sides: A holds the old side's text, B the new side's
	OpDelete   Op = "delete"    // only in the old side: A
	OpInsert   Op = "insert"    // only in the new side: B
	OpMoveFrom Op = "move-from" // old side's text that moved: A, with Move set
	OpMoveTo   Op = "move-to"   // where moved text now stands: B, with Move set
)

// Segment is one run of text. Joining A over all segments gives the old
// side's compared text; joining B gives the new side's. Segments are in the
// order of the new side, with deleted and move-from text placed where it
// stood relative to its neighbours.
//
// Edits inside a moved block carry the block's Move id: a word deleted inside
// the block at its source is an OpDelete with Move set, a word inserted inside
// it at its destination an OpInsert with Move set, and the block's unchanged
// words are OpMoveFrom (at the source) and OpMoveTo (at the destination).
type Segment struct {
	Op Op     `json:"op"`
	A  string `json:"a,omitempty"`
	B  string `json:"b,omitempty"`
	// Change numbers the change (a run of adjacent deletions and insertions,
	// or a move) in document order, from 1; 0 for equal text.
	Change int `json:"change,omitempty"`
	// Move is the shared id of a move's source and destination, from 1.
	Move int `json:"move,omitempty"`
	// Respelled marks an equal segment whose two sides are the same words
	// spelled differently: case, quotes, dashes, or the white space
	// between them (a line wrapped elsewhere). Such a run stands in a
	// segment of its own, cut at white space, so an unflagged equal
	// segment has A == B. A view that writes one side exactly (critic)
	// marks these runs; the others may ignore the flag. Added to the
	// contract after "move"; absent (false) everywhere else.
	Respelled bool `json:"respelled,omitempty"`
	// By names who made the change, when the caller has attributed the
	// comparison to the hops of a chain of revisions (diff --by): "No. 10",
	// or "revision 2 (No. 10)"; several hops are joined with ", ". Every
	// segment of a change carries it; empty otherwise. Views show it with
	// the change. Added to the contract after "respelled".
	By string `json:"by,omitempty"`
}

// Side describes one side of a comparison.
type Side struct {
	Name string `json:"name"`
	// Kind is "text", "markdown" or "cable".
	Kind string `json:"kind"`
	// Revision, Label, Author, Office and Time describe a stored revision
	// when the side is one (FILE@3, FILE@label).
	Revision       int    `json:"revision,omitempty"`
	Label          string `json:"label,omitempty"`
	Author         string `json:"author,omitempty"`
	Office         string `json:"office,omitempty"`
	Time           string `json:"time,omitempty"`
	Classification string `json:"classification,omitempty"`
	// FrontMatter is a Markdown side's front-matter block as written,
	// from its opening "---" line to its closing line and that line's
	// ending, when it has one: what a view that writes the new document
	// (critic) puts back before the body.
	FrontMatter string `json:"front_matter,omitempty"`
}

// FieldChange is a message field (front matter or cable header) whose value
// differs between the sides.
type FieldChange struct {
	Name string `json:"name"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

// Stats summarise a comparison. Words are counted as word tokens
// (punctuation and white space are not words).
type Stats struct {
	OldWords      int `json:"old_words"`
	NewWords      int `json:"new_words"`
	DeletedWords  int `json:"deleted_words"`
	InsertedWords int `json:"inserted_words"`
	MovedWords    int `json:"moved_words"`
	Changes       int `json:"changes"`
	// Similarity is the share of words common to both sides, from 0 to 1:
	// 2*equal / (old_words + new_words), moved words counting as common.
	Similarity float64 `json:"similarity"`
}

// Comparison is the result of comparing two texts, and the JSON contract that
// every view renders.
type Comparison struct {
	Old Side `json:"old"`
	New Side `json:"new"`
	// Notes say how the comparison was made: case ignored and why, a work
	// bound that applied and where.
	Notes []string `json:"notes"`
	// Hints suggest reading a side otherwise, where a note says why; they
	// are for the caller to phrase and not part of the JSON contract.
	Hints    []Hint        `json:"-"`
	Fields   []FieldChange `json:"fields"`
	Stats    Stats         `json:"stats"`
	Segments []Segment     `json:"segments"`
}

// HasChanges reports whether the sides differ in words or fields.
func (c *Comparison) HasChanges() bool {
	if len(c.Fields) > 0 {
		return true
	}
	for _, s := range c.Segments {
		if s.Op != OpEqual {
			return true
		}
	}
	return false
}
