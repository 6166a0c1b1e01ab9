package cmd

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progressDelay is how long work runs before progress is shown: anything
// quicker needs none.
const progressDelay = time.Second

// startProgress shows that slow work is under way: after progressDelay,
// and only when standard error is a terminal, it writes "redline: WHAT…
// Ns" on standard error, rewriting the line each second, and stop clears
// it. Output, pipes and logs never see it. Commands call it around work
// that can take long (a large diff, a PDF, an import, fsck).
func startProgress(s *IOStreams, what string) (stop func()) {
	if !s.stderrTTY {
		return func() {}
	}
	return progressRunner(s.errRaw, what, progressDelay, time.Second)
}

// progressRunner runs the progress line; tests replace it to see which
// work shows progress without waiting for the delay.
var progressRunner = runProgress

// runProgress is startProgress on any writer, with its timings given.
func runProgress(w io.Writer, what string, delay, every time.Duration) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		start := time.Now()
		timer := time.NewTimer(delay)
		defer timer.Stop()
		select {
		case <-done:
			return
		case <-timer.C:
		}
		tick := time.NewTicker(every)
		defer tick.Stop()
		shown := false
		for {
			fmt.Fprintf(w, "\rredline: %s… %ds\x1b[K", what, int(time.Since(start).Seconds()))
			shown = true
			select {
			case <-done:
				if shown {
					fmt.Fprint(w, "\r\x1b[K")
				}
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() { close(done); wg.Wait() })
	}
}
