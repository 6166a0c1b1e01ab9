package cmd

import (
	"runtime/debug"
	"testing"
)

// gcPercent reads the collector's percentage without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// The render policy sets a limit of eight times the draft (256 MiB at
// least) and GOGC=400, and puts back what it found; GOMEMLIMIT and GOGC
// set by the user win.
func TestRenderMemoryPolicy(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	before, beforePct := debug.SetMemoryLimit(-1), gcPercent()
	restore := renderMemoryPolicy(100 << 20)
	if got := debug.SetMemoryLimit(-1); got != 800<<20 {
		t.Errorf("limit for a 100 MiB draft: %d, want %d", got, 800<<20)
	}
	if got := gcPercent(); got != 400 {
		t.Errorf("GOGC while rendering: %d, want 400", got)
	}
	restore()
	if got, pct := debug.SetMemoryLimit(-1), gcPercent(); got != before || pct != beforePct {
		t.Errorf("after restore: limit %d, GOGC %d; want %d, %d", got, pct, before, beforePct)
	}
	restore = renderMemoryPolicy(1 << 10)
	if got := debug.SetMemoryLimit(-1); got != 256<<20 {
		t.Errorf("limit for a small draft: %d, want 256 MiB", got)
	}
	restore()
	t.Setenv("GOMEMLIMIT", "1GiB")
	t.Setenv("GOGC", "50")
	restore = renderMemoryPolicy(100 << 20)
	if got, pct := debug.SetMemoryLimit(-1), gcPercent(); got != before || pct != beforePct {
		t.Errorf("with GOMEMLIMIT and GOGC set: limit %d, GOGC %d; want %d, %d unchanged", got, pct, before, beforePct)
	}
	restore()
}
