package cmd

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/store"
	"github.com/redline-dev/redline/store/storetest"
)

// The flat-cost benchmark: commit, status and `diff FILE@1 FILE@latest`
// on a draft with 1, 1,000 and 100,000 revisions, and send with that many
// drafts already sent, on SQLite and (with REDLINE_TEST_POSTGRES) on
// PostgreSQL. A command whose cost grew with history would show here as
// ns/op rising with the history's size. Each size's stores are seeded once,
// the first time a benchmark of that size runs; REDLINE_BENCH_ROUNDS=N runs
// the sizes N times in turn (1, 1000, 100000, 1, ...), so that a loaded
// machine's swings fall on every size alike (compare with benchstat). Run
//
//	go test ./cmd -run '^$' -bench BenchmarkStoreHistory -benchtime 10x
//
// and -bench 'BenchmarkStoreHistory/sqlite/^history=(1|1000)(#|$)' to leave
// out the slow seeding of 100,000. Benchmarks never run in a plain `go test`.

// benchClockBase is the store's clock at the start: each transaction moves
// it on a minute, so that every send's `--dtg now` is a minute of its own.
var benchClockBase = time.Date(1988, 12, 21, 21, 30, 0, 0, time.UTC)

const benchOriginator = "CABINET OFFICE LONDON"

// benchStores are a size's two seeded workspaces.
type benchStores struct{ revs, sent *benchSpace }

func BenchmarkStoreHistory(b *testing.B) {
	backends := []string{"sqlite"}
	if os.Getenv(storetest.PostgresEnv) != "" {
		backends = append(backends, "postgres")
	}
	rounds, _ := strconv.Atoi(os.Getenv("REDLINE_BENCH_ROUNDS"))
	seeded := map[string]*benchStores{}
	for r := 0; r < max(rounds, 1); r++ {
		for _, backend := range backends {
			for _, n := range []int{1, 1000, 100000} {
				b.Run(fmt.Sprintf("%s/history=%d", backend, n), func(sb *testing.B) {
					key := fmt.Sprint(backend, n)
					if seeded[key] == nil {
						// Seeded under the parent, so that later rounds
						// find the stores still there.
						seeded[key] = benchSeed(b, sb, backend, n)
					}
					benchHistory(sb, seeded[key], n)
				})
			}
		}
	}
}

func benchSeed(parent, b *testing.B, backend string, n int) *benchStores {
	t0 := time.Now()
	st := &benchStores{revs: benchWorkspace(parent, backend), sent: benchWorkspace(parent, backend)}
	benchSeedRevisions(b, st.revs.ws, "long.md", n)
	benchSeedSent(b, st.sent.ws, n)
	if backend == "postgres" {
		benchSettle(b, st.revs.ws.Config.Store)
		benchSettle(b, st.sent.ws.Config.Store)
	}
	b.Logf("seeded %d revisions and %d sent drafts on %s in %v", n, n, backend, time.Since(t0))
	return st
}

func benchHistory(b *testing.B, st *benchStores, n int) {
	revs, sent := st.revs, st.sent
	long := filepath.Join(revs.dir, "long.md")
	edits := int(revs.edits.Add(0))
	b.Run("commit", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			edits++
			benchWrite(b, long, benchText(n+edits))
			b.StartTimer()
			revs.run(b, "commit", long, "-m", "edit")
		}
	})
	revs.edits.Store(int64(edits))
	b.Run("status", func(b *testing.B) {
		for b.Loop() {
			revs.run(b, "status")
		}
	})
	b.Run("diff", func(b *testing.B) {
		for b.Loop() {
			revs.run(b, "diff", long+"@1", long+"@latest")
		}
	})
	b.Run("send", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			i := sent.edits.Add(1)
			p := filepath.Join(sent.dir, fmt.Sprintf("new%06d.md", i))
			benchWrite(b, p, despatchDraft(n+int(i)))
			sent.run(b, "commit", p, "-m", "final")
			b.StartTimer()
			sent.run(b, "send", p, "--dtg", "now")
		}
	})
}

// benchSpace is a workspace whose commands run in this process.
type benchSpace struct {
	dir  string
	ws   *draft.Workspace
	tick *atomic.Int64
	// edits counts the benchmark's own commits (or sends) so far.
	edits atomic.Int64
	env   map[string]string
}

func benchWorkspace(b *testing.B, backend string) *benchSpace {
	b.Helper()
	dir := b.TempDir()
	cfg := draft.DefaultConfig()
	if backend == "postgres" {
		cfg.Store = storetest.PostgresDSN(b)
	}
	ws, err := draft.InitWith(dir, cfg)
	if err != nil {
		b.Fatal(err)
	}
	sp := &benchSpace{dir: ws.Root, ws: ws, tick: new(atomic.Int64),
		env: map[string]string{"REDLINE_AUTHOR": "Bench", "REDLINE_OFFICE": "Lab", "NO_COLOR": "1"}}
	ws.StoreClock = sp.clock
	b.Cleanup(func() { ws.Close() })
	return sp
}

func (sp *benchSpace) clock() time.Time {
	return benchClockBase.Add(time.Duration(sp.tick.Add(1)) * time.Minute)
}

// run runs one redline command in this process, as Main would, and fails
// the benchmark on an error.
func (sp *benchSpace) run(b *testing.B, args ...string) {
	b.Helper()
	var out, errOut bytes.Buffer
	io := NewIOStreams(strings.NewReader(""), &out, &errOut)
	io.Getenv = func(k string) string { return sp.env[k] }
	f := &Factory{IO: io, Now: sp.clock, StoreClock: sp.clock, Getwd: func() (string, error) { return sp.dir, nil }}
	root := NewRootCmd(f)
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SilenceErrors, root.SilenceUsage = true, true
	err := root.Execute()
	f.closeWorkspaces()
	if err != nil && exitCode(err) != ExitDifferences {
		b.Fatalf("redline %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
}

func benchWrite(b *testing.B, p, text string) {
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
}

// benchText is revision k of the long draft: the same paragraphs and one
// line naming k, so that any two revisions differ by one line and a diff's
// output is the same size however far apart they are.
func benchText(k int) string {
	var s strings.Builder
	s.WriteString("---\ntitle: A long history\nfrom: CABINET OFFICE LONDON\nto: [THE WHITE HOUSE]\n---\n")
	for p := 0; p < 8; p++ {
		s.WriteString("If the present Vienna CSCE meeting is to be concluded during your Administration, we must make it clear to Moscow that our agreement is conditional.\n\n")
	}
	s.WriteString("This is revision " + strconv.Itoa(k) + ".\n")
	return s.String()
}

// benchBatches runs seed(k) for k = 1..n through the store API, a thousand
// to a transaction: on PostgreSQL one transaction that updates a draft's
// row 100,000 times makes each later look-up of it walk every version, so
// seeding in one would take quadratic time.
func benchBatches(s store.Store, n int, seed func(tx store.Tx, k int) error) error {
	for from := 1; from <= n; from += 1000 {
		err := s.Update(context.Background(), func(tx store.Tx) error {
			for k := from; k <= min(n, from+999); k++ {
				if err := seed(tx, k); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// benchSeedRevisions commits n revisions of one draft through the store
// API, and leaves the working copy at the last.
// benchSettle vacuums and analyses a freshly seeded PostgreSQL schema and
// takes a checkpoint, as autovacuum and the checkpointer would have long
// since done in a store whose history is real. Without it the first
// minutes after seeding pay for the seeding (measured: every statement,
// even one reading schema_version, 1.7 times slower than on an unseeded
// store), which would show as a step between history 1 and 1,000.
func benchSettle(b *testing.B, dsn string) {
	b.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{"VACUUM ANALYZE " + strings.Join(storeTables, ", "), "CHECKPOINT"} {
		if _, err := db.Exec(q); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
}

func benchSeedRevisions(b *testing.B, ws *draft.Workspace, name string, n int) {
	b.Helper()
	s, err := ws.Store()
	if err != nil {
		b.Fatal(err)
	}
	err = benchBatches(s, n, func(tx store.Tx, k int) error {
		{
			_, err := tx.Commit(store.NewRevision{Draft: name, Content: []byte(benchText(k)), Author: "Seed", Office: "Lab", Message: "seed " + strconv.Itoa(k)})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	benchWrite(b, filepath.Join(ws.Root, name), benchText(n))
}

// benchSeedSent records n sent drafts, T 1/88 to T n/88, each with its
// as-sent revision and register entry, through the store API. Their date-time groups are a minute apart before the
// clock's start, from the originator the benchmark's sends use.
func benchSeedSent(b *testing.B, ws *draft.Workspace, n int) {
	b.Helper()
	s, err := ws.Store()
	if err != nil {
		b.Fatal(err)
	}
	err = benchBatches(s, n, func(tx store.Tx, k int) error {
		{
			dtg, err := cable.FormatDTG(benchClockBase.Add(-time.Duration(n+1-k)*time.Minute), 'Z', 2)
			if err != nil {
				return err
			}
			serial := fmt.Sprintf("T %d/88", k)
			num, err := tx.NextNumber("T", 1988)
			if err != nil || num != k {
				return fmt.Errorf("counter gave %d for %s: %v", num, serial, err)
			}
			text := despatchDraft(k)
			rev, err := tx.Commit(store.NewRevision{Draft: fmt.Sprintf("sent%06d.md", k), Content: []byte(text),
				Author: "Seed", Office: "Lab", Message: "despatched", Labels: []string{draft.AsSentLabel},
				Sent: &store.Sent{Series: "T", Serial: serial, DTG: dtg, From: benchOriginator, Cable: []byte(serial + "\n" + text)}})
			if err != nil {
				return err
			}
			e, err := draft.RegisterEntry(ws.Config, rev)
			if err != nil {
				return err
			}
			if _, err := tx.AppendRegister(e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
