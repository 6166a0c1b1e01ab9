package diff

// segmentList gathers a comparison's segments in order, joining a segment
// to the one before it when both have the same operation and move.
type segmentList struct {
	segs []Segment
}

func (l *segmentList) add(s Segment) {
	if s.A == "" && s.B == "" {
		return
	}
	if n := len(l.segs); n > 0 && l.segs[n-1].Op == s.Op && l.segs[n-1].Move == s.Move {
		l.segs[n-1].A += s.A
		l.segs[n-1].B += s.B
		return
	}
	l.segs = append(l.segs, s)
}

// segments builds the Comparison's segments, numbers the changes and counts.
func (e *engine) segments(c *Comparison, moves []move) {
	a, b := e.a, e.b
	src := map[int]*move{}
	dst := map[int]*move{}
	for i := range moves {
		src[moves[i].hunk0] = &moves[i]
		dst[moves[i].hunk1] = &moves[i]
	}
	l := &segmentList{segs: make([]Segment, 0, 2*len(e.hunks)+1)}
	st := &c.Stats
	st.OldWords = a.wordCount(0, a.n())
	st.NewWords = b.wordCount(0, b.n())
	equalWords := 0
	// The text before the first token of each side.
	l.add(Segment{Op: OpEqual, A: a.text[:a.start[0]], B: b.text[:b.start[0]]})
	for hi, h := range e.hunks {
		if h.eq {
			l.add(Segment{Op: OpEqual, A: a.span(h.a0, h.a1), B: b.span(h.b0, h.b1)})
			equalWords += a.wordCount(h.a0, h.a1)
			continue
		}
		e.addDeleted(l, st, h, src[hi])
		e.addInserted(l, st, h, dst[hi])
	}
	shiftSpace(l.segs)
	segs := MarkRespellings(l.segs)
	st.Changes = numberChanges(segs)
	st.Similarity = similarity(equalWords+st.MovedWords, st.OldWords+st.NewWords)
	c.Segments = segs
}

// addDeleted adds the old side of a changed hunk: all of it deleted, or,
// when a move starts in it, the deletions around the move and the moved
// words (and the words deleted from inside the move).
func (e *engine) addDeleted(l *segmentList, st *Stats, h hunk, m *move) {
	a := e.a
	if m == nil {
		l.add(Segment{Op: OpDelete, A: a.span(h.a0, h.a1)})
		st.DeletedWords += a.wordCount(h.a0, h.a1)
		return
	}
	l.add(Segment{Op: OpDelete, A: a.span(h.a0, m.a0)})
	st.DeletedWords += a.wordCount(h.a0, m.a0)
	for _, op := range m.inner {
		if op.a0 == op.a1 {
			continue
		}
		if op.eq {
			l.add(Segment{Op: OpMoveFrom, A: a.span(op.a0, op.a1), Move: m.id})
			st.MovedWords += a.wordCount(op.a0, op.a1)
		} else {
			l.add(Segment{Op: OpDelete, A: a.span(op.a0, op.a1), Move: m.id})
			st.DeletedWords += a.wordCount(op.a0, op.a1)
		}
	}
	l.add(Segment{Op: OpDelete, A: a.span(m.a1, h.a1)})
	st.DeletedWords += a.wordCount(m.a1, h.a1)
}

// addInserted adds the new side of a changed hunk, as addDeleted does the
// old: moved words are counted once, on the side they left.
func (e *engine) addInserted(l *segmentList, st *Stats, h hunk, m *move) {
	b := e.b
	if m == nil {
		l.add(Segment{Op: OpInsert, B: b.span(h.b0, h.b1)})
		st.InsertedWords += b.wordCount(h.b0, h.b1)
		return
	}
	l.add(Segment{Op: OpInsert, B: b.span(h.b0, m.b0)})
	st.InsertedWords += b.wordCount(h.b0, m.b0)
	for _, op := range m.inner {
		if op.b0 == op.b1 {
			continue
		}
		if op.eq {
			l.add(Segment{Op: OpMoveTo, B: b.span(op.b0, op.b1), Move: m.id})
		} else {
			l.add(Segment{Op: OpInsert, B: b.span(op.b0, op.b1), Move: m.id})
			st.InsertedWords += b.wordCount(op.b0, op.b1)
		}
	}
	l.add(Segment{Op: OpInsert, B: b.span(m.b1, h.b1)})
	st.InsertedWords += b.wordCount(m.b1, h.b1)
}

// numberChanges numbers the changes in document order and returns how
// many there are: a run of adjacent deletions and insertions is one
// change; a move is one change, with the same number where it stood and
// where it now stands.
func numberChanges(segs []Segment) int {
	next := 0
	moveNum := map[int]int{}
	prevPlain := false
	for i := range segs {
		s := &segs[i]
		switch {
		case s.Op == OpEqual:
			prevPlain = false
		case s.Move != 0:
			n, ok := moveNum[s.Move]
			if !ok {
				next++
				n = next
				moveNum[s.Move] = n
			}
			s.Change = n
			prevPlain = false
		default:
			if !prevPlain {
				next++
			}
			s.Change = next
			prevPlain = true
		}
	}
	return next
}

// similarity is the share of both sides' words that are kept or moved,
// rounded to four places; two empty sides are alike.
func similarity(keptWords, allWords int) float64 {
	if allWords == 0 {
		return 1
	}
	s := float64(2*keptWords) / float64(allWords)
	return float64(int(s*10000+0.5)) / 10000
}
