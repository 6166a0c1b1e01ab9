package cmd

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestProgressShownOnlyForSlowWork(t *testing.T) {
	var quick lockedBuffer
	stop := runProgress(&quick, "comparing", 200*time.Millisecond, 10*time.Millisecond)
	stop()
	if quick.String() != "" {
		t.Fatalf("quick work showed progress: %q", quick.String())
	}
	var slow lockedBuffer
	stop = runProgress(&slow, "comparing", 10*time.Millisecond, 10*time.Millisecond)
	time.Sleep(60 * time.Millisecond)
	stop()
	out := slow.String()
	if !strings.Contains(out, "\rredline: comparing… 0s") || !strings.HasSuffix(out, "\r\x1b[K") {
		t.Fatalf("slow work: %q", out)
	}
	stop() // a second stop is harmless
}

func TestProgressNeverOffATerminal(t *testing.T) {
	var b bytes.Buffer
	s := NewIOStreams(strings.NewReader(""), &b, &b)
	stop := startProgress(s, "comparing")
	stop()
	if b.Len() != 0 {
		t.Fatalf("progress on a pipe: %q", b.String())
	}
}
