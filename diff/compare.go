package diff

import (
	"fmt"
	"strings"
	"unicode"
)

// Options change how two sides are compared.
type Options struct {
	// IgnoreCase folds case. It is switched on by itself when either side
	// is a cable or entirely upper case; Notes then say so.
	IgnoreCase bool
	// IgnorePunctuation compares words only.
	IgnorePunctuation bool
	// Moves finds runs of words deleted in one place and inserted in
	// another.
	Moves bool
	// MinMoveWords is the least number of words a move carries; 0 means 8.
	MinMoveWords int
	// Stamps compares the date-time group and serial that a send adds even
	// when only one side has them (a draft against its own sent cable).
	Stamps bool
}

// sideError says which side an error in reading a side is about.
func sideError(err error, side string) error {
	if ke, ok := err.(*KindError); ok {
		ke.Side = side
	}
	return err
}

// DefaultMinMoveWords is the least number of words a move carries.
const DefaultMinMoveWords = 8

// Compare compares two sides. It never depends on the clock: the same
// inputs give the same Comparison on any machine.
func Compare(old, new Input, opts Options) (*Comparison, error) {
	pa, pb, errA, errB := prepareBoth(old, new)
	if errA != nil {
		return nil, sideError(errA, "old")
	}
	if errB != nil {
		return nil, sideError(errB, "new")
	}
	if opts.MinMoveWords <= 0 {
		opts.MinMoveWords = DefaultMinMoveWords
	}
	c := &Comparison{Old: old.Side, New: new.Side, Notes: []string{}, Fields: []FieldChange{}, Segments: []Segment{}}
	c.Old.Name, c.Old.Kind = old.Name, pa.kind
	c.New.Name, c.New.Kind = new.Name, pb.kind
	c.addSideFacts(pa, pb)
	fold, foldNotes := foldCase(pa, pb, opts.IgnoreCase)
	c.Notes = append(c.Notes, foldNotes...)
	if opts.IgnorePunctuation {
		c.Notes = append(c.Notes, "punctuation ignored")
	}
	topts := tokenizeOptions{fold: fold, ignorePunct: opts.IgnorePunctuation,
		dropNumbers: (pa.kind == KindCable) != (pb.kind == KindCable)}
	in := newInternerFor(max(len(pa.text), len(pb.text))) // two versions share most of their words
	maskSignature(pa, pb)
	maskSignature(pb, pa)
	maskDraftSignature(pa, pb)
	maskDraftSignature(pb, pa)
	oa, ob := topts, topts
	oa.numberedParas = pa.kind == KindCable
	ob.numberedParas = pb.kind == KindCable
	a, b := tokenizeBoth(pa, pb, oa, ob, in)
	c.Notes = append(c.Notes, numberedBreakNotes(pa, a)...)
	c.Notes = append(c.Notes, numberedBreakNotes(pb, b)...)
	c.Notes = append(c.Notes, pointBreakNotes(pa, a)...)
	c.Notes = append(c.Notes, pointBreakNotes(pb, b)...)
	c.Fields = compareFields(pa, pb, fold, opts.Stamps)

	e := newEngine(a, b, len(in.keys))
	e.run(in)
	e.cleanup()
	var moves []move
	if opts.Moves {
		moves = e.findMoves(opts.MinMoveWords)
	}
	c.Notes = append(c.Notes, e.boundNotes()...)
	e.segments(c, moves)
	return c, nil
}

// bothAtOnce runs a and b, b on a goroutine of its own when atOnce: the
// two sides' work that shares nothing (reading, tokenizing, cutting into
// units) is done on two cores when the sides are long enough to gain.
func bothAtOnce(atOnce bool, a, b func()) {
	if !atOnce {
		a()
		b()
		return
	}
	done := make(chan struct{})
	go func() {
		b()
		close(done)
	}()
	a()
	<-done
}

// parallelPrepare is how many bytes two sides need between them before
// they are read (parsed, masked, checked) on two goroutines.
const parallelPrepare = 256 << 10

// prepareBoth reads both sides, at once when they are long: reading a
// megabyte of Markdown (its front matter, its mask of markup) takes a
// couple of milliseconds, and the two readings share nothing.
func prepareBoth(old, new Input) (pa, pb *prepared, errA, errB error) {
	bothAtOnce(len(old.Data)+len(new.Data) >= parallelPrepare,
		func() { pa, errA = prepare(old) },
		func() { pb, errB = prepare(new) })
	return
}

// addSideFacts copies what reading each side found onto the comparison:
// front matter, a classification field the side did not already carry,
// the notes, and a hint about a side's kind.
func (c *Comparison) addSideFacts(pa, pb *prepared) {
	c.Old.FrontMatter, c.New.FrontMatter = pa.frontMatter, pb.frontMatter
	for _, x := range []struct {
		s *Side
		p *prepared
	}{{&c.Old, pa}, {&c.New, pb}} {
		if x.s.Classification == "" {
			for _, f := range x.p.fields {
				if f.name == "classification" {
					x.s.Classification = f.value
				}
			}
		}
	}
	c.Notes = append(c.Notes, pa.notes...)
	c.Notes = append(c.Notes, pb.notes...)
	for _, x := range []struct {
		side string
		h    *Hint
	}{{"old", pa.hint}, {"new", pb.hint}} {
		if x.h != nil {
			h := *x.h
			h.Side = x.side
			c.Hints = append(c.Hints, h)
		}
	}
}

// foldCase decides whether case is ignored: when asked, or when the first
// side (old, then new) that is a cable, holds one or is mostly upper case
// says so; the note says why.
func foldCase(pa, pb *prepared, asked bool) (bool, []string) {
	if asked {
		return true, nil
	}
	for _, p := range []*prepared{pa, pb} {
		switch {
		case p.kind == KindCable && p.transcription:
			// The editor set the teleprinter's capitals in mixed case:
			// the case is the editor's, not the telegram's.
			return true, []string{fmt.Sprintf("case ignored: %s transcribes a cable", displayName(p.name))}
		case p.kind == KindCable:
			return true, []string{fmt.Sprintf("case ignored: %s is a cable", displayName(p.name))}
		case p.holdsCable:
			// A mixed-case preamble above a cable does not make its
			// capitals a difference.
			return true, []string{fmt.Sprintf("case ignored: %s holds a cable", displayName(p.name))}
		}
		if ok, pct := mostlyUpper(p.text); ok {
			if pct >= 100 {
				return true, []string{fmt.Sprintf("case ignored: %s is all upper case", displayName(p.name))}
			}
			return true, []string{fmt.Sprintf("case ignored: %s is upper case (%d%% of its letters), as teleprinter text is", displayName(p.name), pct)}
		}
	}
	return false, nil
}

// numberedBreakNotes say how many of a side's paragraph breaks were read
// from paragraph numbers with no blank line before them.
func numberedBreakNotes(p *prepared, t *sideTokens) []string {
	k := t.numberedBreaks
	if k == 0 {
		return nil
	}
	what := "1 numbered paragraph: the break is"
	if k > 1 {
		what = fmt.Sprintf("%d numbered paragraphs: the breaks are", k)
	}
	return []string{fmt.Sprintf("%s has no blank line before %s read from the paragraph numbers",
		displayName(p.name), what)}
}

// pointBreakNotes notes the breaks a cable side's tokens read before its
// -- talking points, where it has no blank line.
func pointBreakNotes(p *prepared, t *sideTokens) []string {
	switch k := t.pointBreaks; k {
	case 0:
		return nil
	case 1:
		return []string{fmt.Sprintf("%s has no blank line before its -- talking points: the break is read from the first --", displayName(p.name))}
	default:
		return []string{fmt.Sprintf("%s has no blank line before %d runs of -- talking points: the breaks are read from their first --", displayName(p.name), k)}
	}
}

// boundNotes say where a work bound changed how a region was compared.
func (e *engine) boundNotes() []string {
	var notes []string
	split, whole, unrelated := 0, 0, 0
	var firstSplit, firstWhole, firstUnrelated boundHit
	for _, b := range e.bounds {
		if b.unrelated {
			if unrelated == 0 {
				firstUnrelated = b
			}
			unrelated++
			continue
		}
		if b.whole {
			if whole == 0 {
				firstWhole = b
			}
			whole++
		} else {
			if split == 0 {
				firstSplit = b
			}
			split++
		}
	}
	if split > 0 {
		notes = append(notes, fmt.Sprintf("work bound: %d large region(s) aligned first on runs of words, or words, that occur once on each side, the first at %s; the redline there may not be the shortest",
			split, e.where(firstSplit)))
	}
	if e.moveBounded {
		notes = append(notes, "work bound: the search for moved text stopped early; some moves may show as a deletion and an insertion")
	}
	if unrelated > 0 {
		notes = append(notes, fmt.Sprintf("work bound: %d large region(s) with no phrase in common with the other side (no run of %d words) compared paragraph by paragraph in order, the first at %s; the redline there may not be the shortest",
			unrelated, phraseGram+phraseRun-1, e.where(firstUnrelated)))
	}
	if whole > 0 {
		notes = append(notes, fmt.Sprintf("work bound: %d region(s) too different to compare word by word shown as whole replacements, the first at %s",
			whole, e.where(firstWhole)))
	}
	return notes
}

func (e *engine) where(b boundHit) string {
	pa := paragraphOf(e.a, b.a0)
	pb := paragraphOf(e.b, b.b0)
	ea := paragraphOf(e.a, max(b.a0, b.a1-1))
	eb := paragraphOf(e.b, max(b.b0, b.b1-1))
	return fmt.Sprintf("old paragraphs %d-%d, new paragraphs %d-%d", pa, ea, pb, eb)
}

func paragraphOf(s *sideTokens, tok int) int {
	n := 1
	for i := 0; i < tok && i < len(s.ids); i++ {
		if s.isPara(i) {
			n++
		}
	}
	return n
}

// Text joins one side of a comparison's segments: "a" for the old side's
// compared text, "b" for the new side's.
func (c *Comparison) Text(side string) string {
	var sb strings.Builder
	for _, s := range c.Segments {
		if side == "a" {
			sb.WriteString(s.A)
		} else {
			sb.WriteString(s.B)
		}
	}
	return sb.String()
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// shiftSpace moves the white space that ends a deletion (or insertion) into
// the equal text after it when the equal text before it ends without any,
// so that deleting the full stop of "issued.\n" reads "issued[-.-]\n"
// rather than carrying the line break inside the deletion.
func shiftSpace(segs []Segment) {
	for i := 1; i+1 < len(segs); i++ {
		s, prev, next := &segs[i], &segs[i-1], &segs[i+1]
		if s.Move != 0 || prev.Op != OpEqual {
			continue
		}
		switch s.Op {
		case OpDelete:
			j := i + 1
			if next.Op == OpInsert && next.Move == 0 {
				continue
			}
			if segs[j].Op != OpEqual || (prev.A != "" && isSpaceByte(prev.A[len(prev.A)-1])) {
				continue
			}
			t := strings.TrimRightFunc(s.A, unicode.IsSpace)
			if t == "" || t == s.A || strings.Count(s.A[len(t):], "\n") > 1 {
				continue
			}
			segs[j].A = s.A[len(t):] + segs[j].A
			s.A = t
			// The new side's break before the deletion goes after it too.
			if u := strings.TrimRightFunc(prev.B, unicode.IsSpace); u != prev.B && u != "" && strings.Count(prev.B[len(u):], "\n") < 2 {
				segs[j].B = prev.B[len(u):] + segs[j].B
				prev.B = u
			}
		case OpInsert:
			if next.Op != OpEqual || (prev.B != "" && isSpaceByte(prev.B[len(prev.B)-1])) {
				continue
			}
			t := strings.TrimRightFunc(s.B, unicode.IsSpace)
			if t == "" || t == s.B || strings.Count(s.B[len(t):], "\n") > 1 {
				continue
			}
			next.B = s.B[len(t):] + next.B
			s.B = t
			if u := strings.TrimRightFunc(prev.A, unicode.IsSpace); u != prev.A && u != "" && strings.Count(prev.A[len(u):], "\n") < 2 {
				next.A = prev.A[len(u):] + next.A
				prev.A = u
			}
		}
	}
}

// parallelTokenize is the size of text above which the two sides are
// tokenized at the same time.
var parallelTokenize = 64 << 10

// tokenizeBoth tokenizes the two sides; large sides in parallel, each with
// its own interner, the new side's ids then mapped into the shared ones in
// the order of their first appearance, which gives exactly the ids that
// tokenizing one side after the other would.
func tokenizeBoth(pa, pb *prepared, oa, ob tokenizeOptions, in *interner) (*sideTokens, *sideTokens) {
	if len(pa.text) < parallelTokenize || len(pb.text) < parallelTokenize {
		a := tokenize(pa.text, pa.mask, oa, in)
		return a, tokenize(pb.text, pb.mask, ob, in)
	}
	var a, b *sideTokens
	inB := newInternerFor(len(pb.text))
	bothAtOnce(true,
		func() { a = tokenize(pa.text, pa.mask, oa, in) },
		func() { b = tokenize(pb.text, pb.mask, ob, inB) })
	remap := make([]int32, len(inB.keys))
	for id, key := range inB.keys {
		remap[id] = in.idHash(key, inB.hashes[id])
	}
	for i, id := range b.ids {
		b.ids[i] = remap[id]
	}
	return a, b
}

// maskSignature hides the signature that a cable template writes after the
// text (VANCE, HOWE) when the other side is a draft that keeps it in its
// signature field rather than in its body: it is a field, not words.
func maskSignature(c, d *prepared) {
	if c.kind != KindCable || d.kind != KindMarkdown {
		return
	}
	sig := ""
	for _, f := range d.fields {
		if f.name == "signature" {
			sig = strings.Join(strings.Fields(f.value), " ")
		}
	}
	if sig == "" {
		return
	}
	body := strings.Join(strings.Fields(d.text), " ")
	if len(body) >= len(sig) && strings.EqualFold(body[len(body)-len(sig):], sig) {
		return // the draft's body ends with it too
	}
	maskTrailing(c, sig)
}

// maskTrailing marks the words of sig at the end of p's text (with the
// white space before them, so that they leave no paragraph break) as not
// compared, and reports whether they were there.
func maskTrailing(p *prepared, sig string) bool {
	text := strings.TrimRightFunc(p.text, unicode.IsSpace)
	words := strings.Fields(sig)
	if len(words) == 0 {
		return false
	}
	end := len(text)
	pos := end
	for k := len(words) - 1; k >= 0; k-- {
		w := words[k]
		q := strings.TrimRightFunc(text[:pos], unicode.IsSpace)
		if len(q) < len(w) || !strings.EqualFold(q[len(q)-len(w):], w) {
			return false
		}
		pos = len(q) - len(w)
	}
	if pos > 0 && !unicode.IsSpace(rune(text[pos-1])) && text[pos-1] != '.' {
		return false // the signature's first word is the end of a longer word
	}
	if p.mask == nil {
		p.mask = make([]byte, len(p.text))
	}
	pos = len(strings.TrimRightFunc(text[:pos], unicode.IsSpace))
	for i := pos; i < end; i++ {
		p.mask[i] = maskIgnore
	}
	return true
}

// maskDraftSignature handles the other way round: the reader of the cable
// took its signature off the text (VANCE after a State cable's last line),
// and the draft has it at the end of its body instead of in its signature
// field. The draft's last words are then its signature too.
func maskDraftSignature(d, c *prepared) {
	if d.kind != KindMarkdown || c.kind != KindCable {
		return
	}
	sig := ""
	for _, f := range c.fields {
		if f.name == "signature" {
			sig = f.value
		}
	}
	for i, f := range d.fields {
		if f.name == "signature" {
			if f.value != "" || sig == "" {
				return
			}
			if maskTrailing(d, sig) {
				d.fields[i].value = sig
			}
			return
		}
	}
}
