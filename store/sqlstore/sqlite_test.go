package sqlstore

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/redline-dev/redline/store"
	"github.com/redline-dev/redline/store/storetest"
)

func TestSQLiteConformance(t *testing.T) {
	var last string
	storetest.Run(t, storetest.Backend{
		Open: func(t *testing.T) store.Store {
			last = filepath.Join(t.TempDir(), "store.db")
			s, err := OpenSQLite(context.Background(), last, Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
		Reopen: func(t *testing.T) store.Store {
			s, err := OpenSQLite(context.Background(), last, Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
		Exec: execRaw,
	})
}

func execRaw(t *testing.T, s store.Store, query string, args ...any) {
	t.Helper()
	ss := s.(*Store)
	if _, err := ss.db.Exec(ss.rebind(query), args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}
