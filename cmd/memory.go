package cmd

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// diffMemoryPolicy sets how garbage is collected during one comparison,
// after which the process ends: not at all until the heap reaches 64 MiB
// and the input's size again, which saves a third of the time on large
// files (a 16 MB pair's plain diff peaks at 172 MB so, against 203 MB when
// the first collection waited for 80 MiB and twice the input, in the same
// time);
// past that, whenever the heap doubles what the last collection kept, so
// that a view that builds much (side by side, HTML, PDF of a 16 MB pair)
// never collects over and over at a fixed limit. restore puts back the
// settings found.
func diffMemoryPolicy(inputBytes int) (restore func()) {
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	t := &gcTuner{floor: 64<<20 + int64(inputBytes)}
	t.set(0)
	t.arm()
	return func() {
		t.stop.Store(true)
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// gcTuner raises the memory limit after each collection to twice the heap
// it kept, never below floor: the collector's usual pace (GOGC=100), but
// with no collection at all while the heap is small.
type gcTuner struct {
	floor int64
	stop  atomic.Bool
}

func (t *gcTuner) set(live int64) {
	if !t.stop.Load() {
		debug.SetMemoryLimit(max(t.floor, 2*live))
	}
}

// arm sets a finalizer that runs after the next collection, reads the heap
// it kept and sets the limit, then arms itself again.
func (t *gcTuner) arm() {
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		if t.stop.Load() {
			return
		}
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		if s[0].Value.Kind() == metrics.KindUint64 {
			t.set(int64(s[0].Value.Uint64()))
		}
		t.arm()
	})
}

// renderMemoryPolicy sets how garbage is collected while one draft is
// rendered, after which the process ends: a soft limit of eight times the
// draft, never below 256 MiB, so that a long draft (whose pieces, lines
// and pages live at most about five times its size at once) is collected
// before the collector's usual pace doubles that; and below the limit,
// a collection only when the heap has grown to five times what the last
// one kept (GOGC=400), since a render makes much short-lived garbage (the
// pieces and lines of every paragraph as it is wrapped) and little that
// lasts. GOMEMLIMIT and GOGC, when set, win. restore puts back the
// settings found.
func renderMemoryPolicy(inputBytes int) (restore func()) {
	var undo []func()
	if os.Getenv("GOMEMLIMIT") == "" {
		limit := debug.SetMemoryLimit(max(256<<20, 8*int64(inputBytes)))
		undo = append(undo, func() { debug.SetMemoryLimit(limit) })
	}
	if os.Getenv("GOGC") == "" {
		percent := debug.SetGCPercent(400)
		undo = append(undo, func() { debug.SetGCPercent(percent) })
	}
	return func() {
		for _, u := range undo {
			u()
		}
	}
}
