package cmd

import (
	"runtime/debug"
	"testing"
)

// The render policy sets a limit of eight times the draft (256 MiB at
// least) and puts back the one it found; GOMEMLIMIT set by the user wins.
func TestRenderMemoryPolicy(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	restore := renderMemoryPolicy(100 << 20)
	if got := debug.SetMemoryLimit(-1); got != 800<<20 {
		t.Errorf("limit for a 100 MiB draft: %d, want %d", got, 800<<20)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after restore: %d, want %d", got, before)
	}
	restore = renderMemoryPolicy(1 << 10)
	if got := debug.SetMemoryLimit(-1); got != 256<<20 {
		t.Errorf("limit for a small draft: %d, want 256 MiB", got)
	}
	restore()
	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = renderMemoryPolicy(100 << 20)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit with GOMEMLIMIT set: %d, want %d unchanged", got, before)
	}
	restore()
}
