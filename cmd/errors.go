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
