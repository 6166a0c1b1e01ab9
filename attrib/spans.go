package attrib

import "sort"

// Span is a run of the blamed text whose words all come from one revision.
// The white space and punctuation after a span's last word belong to it;
// text before the first word belongs to the first span.
type Span struct {
	Text string `json:"text"`
	// Rev indexes Blame.Revisions.
	Rev int `json:"-"`
}

// Spans cuts the blamed text into runs by revision; joined, their texts are
// Blame.Text. A text without words is one span of the first revision.
func (b *Blame) Spans() []Span {
	if len(b.Words) == 0 {
		if b.Text == "" {
			return nil
		}
		return []Span{{Text: b.Text, Rev: 0}}
	}
	var out []Span
	start, rev := 0, b.Words[0].Rev
	for _, w := range b.Words[1:] {
		if w.Rev != rev {
			out = append(out, Span{Text: b.Text[start:w.Start], Rev: rev})
			start, rev = w.Start, w.Rev
		}
	}
	return append(out, Span{Text: b.Text[start:], Rev: rev})
}

// Share counts the words one revision or office contributed.
type Share struct {
	Rev    int    `json:"-"`
	Office string `json:"office"`
	Words  int    `json:"words"`
}

// ByRevision counts the surviving words of each revision, in chain order;
// revisions with none are left out.
func (b *Blame) ByRevision() []Share {
	counts := make([]int, len(b.Revisions))
	for _, w := range b.Words {
		counts[w.Rev]++
	}
	var out []Share
	for i, n := range counts {
		if n > 0 {
			out = append(out, Share{Rev: i, Office: b.Revisions[i].Office, Words: n})
		}
	}
	return out
}

// Offices lists the offices of the chain in the order they first appear,
// each with its surviving words (Rev is the office's first revision).
func (b *Blame) Offices() []Share {
	idx := map[string]int{}
	var out []Share
	for i, r := range b.Revisions {
		if _, ok := idx[r.Office]; !ok {
			idx[r.Office] = len(out)
			out = append(out, Share{Rev: i, Office: r.Office})
		}
	}
	for _, w := range b.Words {
		out[idx[b.Revisions[w.Rev].Office]].Words++
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Rev < out[j].Rev })
	return out
}
