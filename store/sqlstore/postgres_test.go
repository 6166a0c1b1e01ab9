package sqlstore

import (
	"context"
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
