package storetest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// PostgresEnv names the variable holding the DSN of a PostgreSQL database
// the tests may use (each test gets its own schema in it).
const PostgresEnv = "REDLINE_TEST_POSTGRES"

var schemaSeq atomic.Int64

// PostgresDSN returns a DSN for a new, empty schema in the test database,
// dropped when the test ends. Without REDLINE_TEST_POSTGRES the test is
// skipped, or fails when REDLINE_REQUIRE_POSTGRES is set (as in CI).
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		if os.Getenv("REDLINE_REQUIRE_POSTGRES") != "" {
			t.Fatalf("REDLINE_REQUIRE_POSTGRES is set but %s is not: give the DSN of a test database", PostgresEnv)
		}
		t.Skipf("no PostgreSQL: set %s=postgres://... to run the PostgreSQL tests", PostgresEnv)
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	schema := fmt.Sprintf("t%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, schemaSeq.Add(1))
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("cannot make a schema in %s: %v", base, err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", base); err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	return WithSearchPath(base, schema)
}

// WithSearchPath adds search_path=schema to a postgres:// DSN.
func WithSearchPath(dsn, schema string) string {
	u, err := url.Parse(dsn)
	if err != nil || !strings.HasPrefix(u.Scheme, "postgres") {
		return dsn + " search_path=" + schema
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
