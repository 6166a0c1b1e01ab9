package cmd

import (
	"fmt"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the end-to-end scripts run `redline` as a real process: the
// test binary re-executes itself as the command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"redline": func() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs every cmd/testdata/*.txtar script. Each starts in a fresh
// directory with HOME set there and a fixed clock (REDLINE_NOW) so that
// output is repeatable; scripts that need the bundled example find the
// repository root in $REPO.
func TestScripts(t *testing.T) {
	repo, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata",
		RequireExplicitExec: false,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") == "1",
		Condition:           scriptCondition(false),
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("REPO", repo+"/..")
			env.Setenv("REDLINE_NOW", "1988-12-21T21:30:00Z")
			env.Setenv("REDLINE_TEST_CLOCK", "1")
			env.Setenv("NO_COLOR", "")
			env.Setenv("PAGER", "cat")
			return nil
		},
	})
}

// scriptCondition answers the scripts' own conditions: [postgres] holds
// when the script runs a second time on PostgreSQL (TestScriptsPostgres),
// so that a script can say what differs there, such as the store's place.
func scriptCondition(postgres bool) func(string) (bool, error) {
	return func(cond string) (bool, error) {
		if cond == "postgres" {
			return postgres, nil
		}
		return false, fmt.Errorf("unknown condition %q", cond)
	}
}
