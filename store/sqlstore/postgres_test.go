package sqlstore

import (
	"context"
	"errors"
	"testing"

	"github.com/redline-dev/redline/store"
	"github.com/redline-dev/redline/store/storetest"
)

func TestPostgresConformance(t *testing.T) {
	storetest.PostgresDSN(t) // skips without PostgreSQL
	var last string
	open := func(t *testing.T, dsn string) store.Store {
		s, err := OpenPostgres(context.Background(), dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	storetest.Run(t, storetest.Backend{
		Open: func(t *testing.T) store.Store {
			last = storetest.PostgresDSN(t)
			return open(t, last)
		},
		Reopen: func(t *testing.T) store.Store { return open(t, last) },
		Exec:   execRaw,
	})
}

// TestPostgresExisting: with Options.Existing an empty schema is refused,
// and left without redline's tables; without it the store is made.
func TestPostgresExisting(t *testing.T) {
	dsn := storetest.PostgresDSN(t) // skips without PostgreSQL
	ctx := context.Background()
	if _, err := OpenPostgres(ctx, dsn, Options{Existing: true}); !errors.Is(err, ErrNoStore) {
		t.Fatalf("an empty schema opened with Existing gave %v, want ErrNoStore", err)
	}
	s, err := OpenPostgres(ctx, dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var tables int
	if err := s.db.QueryRow("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()").Scan(&tables); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if tables < 9 {
		t.Fatalf("the made store has %d tables", tables)
	}
	s, err = OpenPostgres(ctx, dsn, Options{Existing: true})
	if err != nil {
		t.Fatalf("the made store opened with Existing: %v", err)
	}
	s.Close()
}
