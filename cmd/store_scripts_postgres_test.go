package cmd

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/redline-dev/redline/store/storetest"
	"github.com/rogpeppe/go-internal/testscript"
)

// postgresScripts are the end-to-end scripts that TestScriptsPostgres runs
// a second time on PostgreSQL; [postgres] in a script marks what differs
// there. store_fsck is not among them: it tampers with .redline/store.db
// through sqlite3, and testdata/postgres/store_fsck.txtar does the same to
// a PostgreSQL store through storesql.
var postgresScripts = []string{
	"store_assent", "store_example", "store_history", "store_init", "store_status",
	"despatch_send", "store_commit", "store_import",
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
		Condition: scriptCondition(true),
		Cmds:      map[string]func(*testscript.TestScript, bool, []string){"storesql": storeSQL},
	})
}

// storeTables are the store's tables, which storesql save copies.
var storeTables = []string{"drafts", "revisions", "labels", "label_events", "counters", "register", "clearances", "chains"}

// storeSQL is the scripts' storesql command, run against $REDLINE_STORE:
// `storesql save` copies every table of the store, `storesql restore` puts
// the copies back, and `storesql 'SQL; SQL'` runs statements by hand, as
// someone tampering with the database would.
func storeSQL(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: storesql save|restore|'SQL'")
	}
	var stmts []string
	switch args[0] {
	case "save":
		for _, t := range storeTables {
			stmts = append(stmts, "DROP TABLE IF EXISTS saved_"+t, "CREATE TABLE saved_"+t+" AS SELECT * FROM "+t)
		}
	case "restore":
		for _, t := range storeTables {
			stmts = append(stmts, "DELETE FROM "+t, "INSERT INTO "+t+" SELECT * FROM saved_"+t)
		}
	default:
		stmts = []string{args[0]}
	}
	db, err := sql.Open("pgx", ts.Getenv("REDLINE_STORE"))
	ts.Check(err)
	defer db.Close()
	tx, err := db.Begin()
	ts.Check(err)
	for _, q := range stmts {
		if _, err = tx.Exec(q); err != nil {
			break
		}
	}
	if err == nil {
		err = tx.Commit()
	} else {
		tx.Rollback()
	}
	if neg != (err != nil) {
		ts.Fatalf("storesql %s: %v", args[0], err)
	}
}
