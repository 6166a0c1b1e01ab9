package cmd

import (
	"errors"
	"fmt"
)

// Exit codes of the redline command.
const (
	ExitOK          = 0
	ExitDifferences = 1 // differences found, with --exit-code
	ExitError       = 2 // usage or input error
)

// usageError marks an error in how the command was called.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, a ...any) error {
	return &usageError{msg: fmt.Sprintf(format, a...)}
}

// errDifferences is returned by a command that completed and wants exit
// status 1 (for example diff --exit-code when the sides differ). Nothing is
// printed for it.
var errDifferences = errors.New("differences found")

// silentError carries an exit status for a failure that the command has
// already reported in full on standard error.
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// exitCode maps an error returned by a command to the process's exit status.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, errDifferences) {
		return ExitDifferences
	}
	var se *silentError
	if errors.As(err, &se) {
		return se.code
	}
	return ExitError
}

// hintError is an error from a package with advice that only the command
// line can give (which flag to pass, which command to run), in the manner
// of age's errorWithHint: packages say what is wrong, cmd says what to type.
// Main prints the error, then each hint on a line of its own.
type hintError struct {
	err   error
	hints []string
}

func (e *hintError) Error() string { return e.err.Error() }
func (e *hintError) Unwrap() error { return e.err }

// errorWithHint wraps err with hints for the person at the terminal. The
// exit status is err's own (a usage error stays a usage error).
func errorWithHint(err error, hints ...string) error {
	if err == nil {
		return nil
	}
	return &hintError{err: err, hints: hints}
}

// errorHints collects the hints of every hintError in err's chain.
func errorHints(err error) []string {
	var out []string
	for err != nil {
		if h, ok := err.(*hintError); ok {
			out = append(out, h.hints...)
		}
		err = errors.Unwrap(err)
	}
	return out
}
