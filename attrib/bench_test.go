package attrib

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"
)

// longChain makes n revisions of about size bytes each: prose paragraphs,
// each revision replacing, inserting or deleting a few words in a few
// places of the one before.
func longChain(n, size int) []Revision {
	r := rand.New(rand.NewPCG(100, 100))
	vocab := strings.Fields("the a of to and in that we is for on conference moscow human rights soviet union progress " +
		"agreement attend president minister vienna meeting decision conditional release emigration talks reform")
	var ws []string
	for l := 0; l < size; {
		w := vocab[r.IntN(len(vocab))]
		if r.IntN(40) == 0 {
			w += ".\n\n"
		}
		ws = append(ws, w)
		l += len(w) + 1
	}
	revs := make([]Revision, n)
	for i := range revs {
		if i > 0 {
			for e := 0; e < 5; e++ {
				at := r.IntN(len(ws))
				switch r.IntN(3) {
				case 0:
					ws[at] = fmt.Sprintf("amended%d", i)
				case 1:
					ws = append(ws[:at], append([]string{fmt.Sprintf("added%d", i)}, ws[at:]...)...)
				default:
					ws = append(ws[:at], ws[at+1:]...)
				}
			}
		}
		revs[i] = Revision{Name: fmt.Sprintf("d.md@%d", i+1), Number: i + 1, Office: []string{"FCO", "No. 10"}[i%2],
			Data: []byte(strings.Join(ws, " ")), Kind: "text"}
	}
	return revs
}

// BenchmarkChain100x100KB blames the last of 100 revisions of 100 KB each
// and reports the peak heap beside the time: as plain text; as drafts with
// front matter, read as the CLI reads stored revisions (each checked for a
// cable and for CriticMarkup); and as drafts each holding five CriticMarkup
// insertions, which are accepted before the revision is compared.
func BenchmarkChain100x100KB(b *testing.B) {
	for _, tc := range []struct {
		name  string
		shape func(i int, r Revision) Revision
	}{
		{"text", func(_ int, r Revision) Revision { return r }},
		{"drafts", func(_ int, r Revision) Revision { return asDraft(r, 0) }},
		{"drafts-with-marks", func(i int, r Revision) Revision { return asDraft(r, i) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			revs := longChain(100, 100<<10)
			for i := range revs {
				revs[i] = tc.shape(i, revs[i])
			}
			benchChain(b, revs)
		})
	}
}

// asDraft gives a revision front matter and, when marks is not 0, five
// CriticMarkup insertions spread through its text.
func asDraft(r Revision, marks int) Revision {
	text := string(r.Data)
	if marks != 0 {
		var sb strings.Builder
		step := len(text) / 6
		last := 0
		for k := 1; k <= 5; k++ {
			at := last + strings.IndexByte(text[last+step:], ' ') + step
			fmt.Fprintf(&sb, "%s {++proposed%d.%d++}", text[last:at], marks, k)
			last = at
		}
		sb.WriteString(text[last:])
		text = sb.String()
	}
	r.Data = []byte("---\ntitle: A long draft\nclassification: SECRET\n---\n" + text + "\n")
	r.Kind = "markdown"
	return r
}

func benchChain(b *testing.B, revs []Revision) {
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	for i := 0; i < b.N; i++ {
		done := make(chan struct{})
		go func() {
			var ms runtime.MemStats
			tick := time.NewTicker(2 * time.Millisecond)
			defer tick.Stop()
			for {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
				select {
				case <-done:
					return
				case <-tick.C:
				}
			}
		}()
		bl, err := Chain(revs)
		close(done)
		if err != nil {
			b.Fatal(err)
		}
		if len(bl.Words) == 0 {
			b.Fatal("no words blamed")
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
