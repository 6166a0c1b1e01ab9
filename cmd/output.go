package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/redline-dev/redline/draft"
	"github.com/spf13/cobra"
)

// outputTarget is -o FILE and --force, the same on every command that
// writes a file: "-" (or no -o) is standard output; an existing file is
// replaced only with --force; the file is never one of the command's inputs
// nor a draft that was sent (sealed), --force or not; it is written
// atomically, so a failure leaves the old file as it was.
type outputTarget struct {
	Path  string
	Force bool

	// what is written ("the redline") and what the inputs are ("the
	// draft"), for the message that refuses to write over an input.
	what, inputs string
}

// addOutputFlags adds -o and --force to c. what says what is written,
// inputs what the command reads.
func addOutputFlags(c *cobra.Command, o *outputTarget, what, inputs string) {
	o.what, o.inputs = what, inputs
	c.Flags().StringVarP(&o.Path, "output", "o", "", "write "+what+" to `FILE` (atomically; - for standard output)")
	c.Flags().BoolVarP(&o.Force, "force", "f", false, "let -o replace an existing file")
}

// ToStdout reports whether the output goes to standard output.
func (o *outputTarget) ToStdout() bool { return o.Path == "" || o.Path == "-" }

// Check refuses a target before any work is done: one of the inputs (the
// same path, or one file through links), a sealed draft, or an existing
// file without --force. Special files (/dev/stdout, a FIFO) are written
// into and need no --force.
func (o *outputTarget) Check(f *Factory, inputs ...string) error {
	if o.ToStdout() {
		return nil
	}
	for _, in := range inputs {
		if in != "" && in != "-" && samePath(o.Path, in) {
			what, inputs := o.what, o.inputs
			if what == "" {
				what, inputs = "the output", "the file read"
			}
			return usageErrorf("-o %s would write %s over %s %s: give another file", o.Path, what, inputs, in)
		}
	}
	fi, err := os.Stat(o.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", o.Path, err)
	}
	if fi.IsDir() {
		return usageErrorf("-o %s is a folder: name a file", o.Path)
	}
	if !fi.Mode().IsRegular() {
		return nil
	}
	if err := refuseSealed(f, o.Path); err != nil {
		return err
	}
	if !o.Force {
		return usageErrorf("%s exists: give --force to replace it, or another -o", o.Path)
	}
	return nil
}

// Write checks the target (see Check) and writes data: to standard output
// (through IOStreams.DocOut, so a document's control characters never
// drive a terminal), or atomically to the file, byte for byte.
func (o *outputTarget) Write(f *Factory, data []byte, inputs ...string) error {
	if err := o.Check(f, inputs...); err != nil {
		return err
	}
	if o.ToStdout() {
		_, err := f.IO.DocOut().Write(data)
		return err
	}
	return draft.WriteFileAtomic(o.Path, data, 0o644)
}

// WriteFrom is Write with the content written by write: to standard output
// gathered first (write may still fail), to a file streamed into its
// temporary copy (draft.WriteFileAtomicFrom), so that a large output is
// never held whole in memory and a failure leaves the old file as it was.
func (o *outputTarget) WriteFrom(f *Factory, write func(io.Writer) error, inputs ...string) error {
	if o.ToStdout() {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		return o.Write(f, buf.Bytes(), inputs...)
	}
	if err := o.Check(f, inputs...); err != nil {
		return err
	}
	return draft.WriteFileAtomicFrom(o.Path, 0o644, write)
}

// samePath reports whether two paths name one file: the same path once
// made absolute, or one existing file through links.
func samePath(a, b string) bool {
	if x, err := filepath.Abs(a); err == nil {
		if y, err := filepath.Abs(b); err == nil && x == y {
			return true
		}
	}
	return sameFile(a, b)
}
