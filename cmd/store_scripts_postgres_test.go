package cmd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/redline-dev/redline/store/storetest"
	"github.com/rogpeppe/go-internal/testscript"
)

// postgresScripts are the end-to-end scripts that TestScriptsPostgres runs
// a second time on PostgreSQL. Left out: store_fsck edits .redline/store.db
// with sqlite3 (tamper detection, which the conformance suite tests on both
// backends), store_import carries a file-layout workspace into SQLite, and
// store_commit replaces config.yaml with one that has no store: line.
var postgresScripts = []string{
	"store_assent", "store_example", "store_history", "store_init", "store_status",
	"despatch_send",
}

// TestScriptsPostgres runs the store's end-to-end scripts with
// REDLINE_STORE naming a PostgreSQL schema of their own, so that every
// `redline init` in them makes a workspace on PostgreSQL. It skips without
// REDLINE_TEST_POSTGRES (and fails under REDLINE_REQUIRE_POSTGRES=1).
func TestScriptsPostgres(t *testing.T) {
	storetest.PostgresDSN(t) // skips or fails without PostgreSQL
	repo, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, s := range postgresScripts {
		files = append(files, filepath.Join("testdata", s+".txtar"))
	}
	// Scripts that only make sense on a shared store.
	only, err := filepath.Glob(filepath.Join("testdata", "postgres", "*.txtar"))
	if err != nil || len(only) == 0 {
		t.Fatalf("no scripts in testdata/postgres: %v", err)
	}
	files = append(files, only...)
	testscript.Run(t, testscript.Params{
		Files: files,
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("REPO", repo+"/..")
			env.Setenv("REDLINE_NOW", "1988-12-21T21:30:00Z")
			env.Setenv("REDLINE_TEST_CLOCK", "1")
			env.Setenv("NO_COLOR", "")
			env.Setenv("PAGER", "cat")
			env.Setenv("REDLINE_STORE", storetest.PostgresDSN(t))
			return nil
		},
	})
}
