// Package sqlstore implements store.Store on SQL databases: SQLite (the
// pure-Go driver modernc.org/sqlite, so the binary needs no cgo) in the
// workspace's folder, or PostgreSQL (github.com/jackc/pgx/v5 through its
// database/sql adapter) shared by several workspaces. The two differ only
// in their schema files, their placeholders and how a writer excludes the
// others; every query is the same.
package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"github.com/redline-dev/redline/store"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// The schema is kept as numbered SQL files, one folder per database, run in
// order inside one transaction and recorded in schema_version. Two small
// files did not warrant a migration library: ours run under the same lock
// as every other write.
//
//go:embed migrations
var migrations embed.FS

// Options configure Open.
type Options struct {
	// Clock stamps the records; nil means time.Now. Only tests set it.
	Clock func() time.Time
	// Existing refuses a store whose schema has not been made yet, instead
	// of making it: a workspace that names a shared PostgreSQL store set
	// up before must not start an empty one in its place when the tables
	// are dropped or the address is changed. redline init leaves it false.
	Existing bool
}

// ErrNoStore is the error of an open with Options.Existing where there is
// no store.
var ErrNoStore = errors.New("no redline store is there (its tables are gone, or the address names another database or schema): restore it from a backup, or correct the address")

// Store is a store.Store on a SQL database.
type Store struct {
	db       *sql.DB
	kind     string
	location string
	clock    func() time.Time
	existing bool // see Options.Existing
}

var _ store.Store = (*Store)(nil)

// OpenSQLite opens (creating it if missing) the SQLite store in file.
func OpenSQLite(ctx context.Context, file string, opts Options) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(600000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+file+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("cannot open the store %s: %w", file, err)
	}
	s := &Store{db: db, kind: "sqlite", location: file, clock: opts.Clock}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot open the store %s: %w", file, err)
	}
	return s, nil
}

// OpenPostgres opens the PostgreSQL store at dsn (a postgres:// URL or a
// key=value string). Credentials come from the DSN, the PG* environment and
// the password file, as libpq's do.
func OpenPostgres(ctx context.Context, dsn string, opts Options) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("cannot open the store %s: %w", Redact(dsn), err)
	}
	db.SetMaxOpenConns(4)
	s := &Store{db: db, kind: "postgres", location: Redact(dsn), clock: opts.Clock, existing: opts.Existing}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot open the store %s: %w", Redact(dsn), err)
	}
	return s, nil
}

// Redact drops a password from a DSN, for messages.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		return dsn
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

func (s *Store) Kind() string     { return s.kind }
func (s *Store) Location() string { return s.location }
func (s *Store) Close() error     { return s.db.Close() }

func (s *Store) now() time.Time {
	if s.clock != nil {
		return s.clock().UTC()
	}
	return time.Now().UTC()
}

// advisoryClass is the first key of the PostgreSQL advisory lock every
// writer takes first, so that writers run one after another and each sees
// all that the one before it committed (PostgreSQL's default isolation
// reads afresh per statement). The second key is the store's schema, so
// that stores in other schemas of the same database do not wait on it.
const advisoryClass = 727369

// begin starts a transaction. A reader on PostgreSQL reads one snapshot
// throughout (REPEATABLE READ): at the default level each statement reads
// afresh, so a register and the seals read one after the other could fall
// either side of a send committing between them. A writer keeps the
// default, so that after the advisory lock it reads what the writer
// before it committed. SQLite's transactions are snapshots already.
func (s *Store) begin(ctx context.Context, write bool) (*sql.Tx, error) {
	opts := &sql.TxOptions{ReadOnly: !write}
	if !write && s.kind == "postgres" {
		opts.Isolation = sql.LevelRepeatableRead
	}
	q, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("cannot start a transaction: %w", err)
	}
	if write && s.kind == "postgres" {
		if _, err := q.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1, hashtext(COALESCE(current_schema(), '')))", advisoryClass); err != nil {
			q.Rollback()
			return nil, fmt.Errorf("cannot lock the store: %w", err)
		}
	}
	return q, nil
}

// latestMigration is the number of the newest migration file.
func (s *Store) latestMigration() (int, error) {
	files, err := migrations.ReadDir(path.Join("migrations", s.kind))
	if err != nil {
		return 0, err
	}
	latest := 0
	for _, f := range files {
		n, err := strconv.Atoi(strings.SplitN(f.Name(), "_", 2)[0])
		if err != nil {
			return 0, fmt.Errorf("migration %s has no number", f.Name())
		}
		latest = max(latest, n)
	}
	return latest, nil
}

// migrate brings the schema up to date. A store already up to date is
// seen without taking the writers' lock, so that opening one costs no
// wait behind other offices' writes.
func (s *Store) migrate(ctx context.Context) error {
	if latest, err := s.latestMigration(); err == nil {
		have := -1
		if s.db.QueryRowContext(ctx, "SELECT MAX(version) FROM schema_version").Scan(&have) == nil && have == latest {
			return nil
		}
	}
	q, err := s.begin(ctx, true)
	if err != nil {
		return err
	}
	defer q.Rollback()
	if _, err := q.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"); err != nil {
		return err
	}
	have := 0
	if err := q.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_version").Scan(&have); err != nil {
		return err
	}
	if have == 0 && s.existing {
		return ErrNoStore // the rollback takes schema_version away again
	}
	dir := path.Join("migrations", s.kind)
	files, err := migrations.ReadDir(dir)
	if err != nil {
		return err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name() < files[j].Name() })
	latest := 0
	for _, f := range files {
		n, err := strconv.Atoi(strings.SplitN(f.Name(), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s has no number", f.Name())
		}
		latest = n
		if n <= have {
			continue
		}
		body, err := migrations.ReadFile(path.Join(dir, f.Name()))
		if err != nil {
			return err
		}
		for _, stmt := range strings.Split(string(body), ";") {
			if strings.TrimSpace(stripComments(stmt)) == "" {
				continue
			}
			if _, err := q.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("migration %s: %w", f.Name(), err)
			}
		}
		if _, err := q.ExecContext(ctx, s.rebind("INSERT INTO schema_version (version) VALUES (?)"), n); err != nil {
			return err
		}
	}
	if have > latest {
		return fmt.Errorf("the store has schema version %d, newer than this redline knows (%d): upgrade redline", have, latest)
	}
	return q.Commit()
}

func stripComments(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "--") {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// rebind turns ? placeholders into PostgreSQL's $1, $2, ...
func (s *Store) rebind(q string) string {
	if s.kind != "postgres" {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// Update runs fn in a write transaction.
func (s *Store) Update(ctx context.Context, fn func(store.Tx) error) error {
	q, err := s.begin(ctx, true)
	if err != nil {
		return err
	}
	t := &tx{s: s, q: q, ctx: ctx, write: true, now: s.now()}
	if err := fn(t); err != nil {
		q.Rollback()
		return err
	}
	if err := q.Commit(); err != nil {
		return fmt.Errorf("cannot commit the transaction: %w", err)
	}
	return nil
}

// View runs fn in a read-only transaction.
func (s *Store) View(ctx context.Context, fn func(store.Tx) error) error {
	q, err := s.begin(ctx, false)
	if err != nil {
		return err
	}
	defer q.Rollback()
	return fn(&tx{s: s, q: q, ctx: ctx, now: s.now()})
}
