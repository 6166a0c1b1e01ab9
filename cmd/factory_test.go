package cmd

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// testFactory is a Factory over buffers, for tests that parse flags or run
// a command without a process.
func testFactory(t *testing.T) (*Factory, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errOut bytes.Buffer
	io := NewIOStreams(strings.NewReader(""), &out, &errOut)
	io.Getenv = func(string) string { return "" }
	dir := t.TempDir()
	return &Factory{
		IO:    io,
		Now:   func() time.Time { return time.Date(1988, 12, 21, 21, 30, 0, 0, time.UTC) },
		Getwd: func() (string, error) { return dir, nil },
	}, &out, &errOut
}

// parseOnly runs c's flag and argument parsing with args; the command's
// runF captures the options instead of doing the work.
func parseOnly(t *testing.T, c *cobra.Command, args ...string) error {
	t.Helper()
	c.SetArgs(args)
	c.SetOut(&bytes.Buffer{})
	c.SetErr(&bytes.Buffer{})
	c.SilenceErrors, c.SilenceUsage = true, true
	_, err := c.ExecuteC()
	return err
}
