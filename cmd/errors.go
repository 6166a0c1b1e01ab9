package cmd

import (
	"errors"
	"fmt"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/store"
	"github.com/redline-dev/redline/store/sqlstore"
	"github.com/redline-dev/redline/telegram"
	"github.com/redline-dev/redline/templates"
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

// errorHints collects the hints of every hintError in err's chain, then
// the advice for the package error it carries.
func errorHints(err error) []string {
	var out []string
	for e := err; e != nil; e = errors.Unwrap(e) {
		if h, ok := e.(*hintError); ok {
			out = append(out, h.hints...)
		}
	}
	return append(out, packageHints(err)...)
}

// packageHints is the command-line advice for the errors packages return
// as plain facts: which flag to give or which command to run.
func packageHints(err error) []string {
	var (
		sealed     *draft.SealedError
		taken      *draft.LabelTakenError
		unresolved *telegram.UnresolvedError
		short      *telegram.PageLinesError
		empty      *templates.EmptyError
	)
	switch {
	case errors.Is(err, draft.ErrNoAuthor):
		return []string{"give --author NAME, set REDLINE_AUTHOR or set author in .redline/config.yaml"}
	case errors.Is(err, draft.ErrNoOffice):
		return []string{"give --office NAME, set REDLINE_OFFICE or set office in .redline/config.yaml"}
	case errors.Is(err, templates.ErrNoTemplate):
		return []string{"or give --template NAME"}
	case errors.Is(err, cable.ErrLocalZoneNeeded):
		return []string{"give --local-zone with an IANA zone name, such as --local-zone Europe/London"}
	case errors.Is(err, critic.ErrUnmarkable):
		return []string{"show this comparison with another --format, such as plain or html"}
	case errors.As(err, &sealed):
		return []string{fmt.Sprintf("start a new draft from it with `redline reopen %s --to NEW.md`", sealed.Path)}
	case errors.As(err, &taken) && taken.Committing:
		return []string{fmt.Sprintf("move it with `redline label %s@%d %s --force` after committing", taken.Path, taken.MoveTo, taken.Label)}
	case errors.As(err, &taken):
		return []string{fmt.Sprintf("give --force to move it to revision %d", taken.MoveTo)}
	case errors.As(err, &unresolved):
		return []string{fmt.Sprintf("list them with `redline changes %s`; accept them all with `redline accept %s --all`", unresolved.Draft, unresolved.Draft)}
	case errors.As(err, &empty) && empty.Builtin != "":
		return []string{fmt.Sprintf("or fill it with `redline templates show --embedded %s`", empty.Builtin)}
	case errors.Is(err, sqlstore.ErrNoStore):
		return []string{"a new shared store is made with `redline init --store URL`"}
	case errors.Is(err, store.ErrRegisterDamaged):
		return []string{"`redline fsck` names every damaged record"}
	case errors.As(err, &short):
		return []string{fmt.Sprintf("give --page-lines %d or more", short.Taken+1)}
	}
	return nil
}
