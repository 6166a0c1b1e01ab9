package draft

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/redline-dev/redline/store"
)

// FsckReport is what Fsck found.
type FsckReport struct {
	Store      string `json:"store"`
	Drafts     int    `json:"drafts"`
	Revisions  int    `json:"revisions"`
	Labels     int    `json:"label_events"`
	Register   int    `json:"register_entries"`
	Clearances int    `json:"clearances"`
	// Problems are damage: each names the record and what is wrong.
	Problems []FsckProblem `json:"problems"`
	// Notes are harmless findings.
	Notes []FsckProblem `json:"notes"`
}

// FsckProblem is one finding: the record (draft.md@2, register #5) or
// file, and what is wrong.
type FsckProblem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// OK reports whether no damage was found.
func (r *FsckReport) OK() bool { return len(r.Problems) == 0 }

// Fsck checks the whole store in one read transaction: every revision's
// content and hash chain up to each draft's recorded head, the label chain
// against the labels in force, the register chain against the as-sent
// revisions one for one, the counters, the clearance chain, and each
// register entry's key against SerialKey. It names the first break of each
// chain.
func (ws *Workspace) Fsck() (*FsckReport, error) {
	rep := &FsckReport{Problems: []FsckProblem{}, Notes: []FsckProblem{}}
	problem := func(p, format string, a ...any) {
		rep.Problems = append(rep.Problems, FsckProblem{Path: p, Message: fmt.Sprintf(format, a...)})
	}
	cfg := DefaultConfig()
	if data, err := os.ReadFile(ws.ConfigPath()); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			problem(filepath.Join(StoreDir, "config.yaml"), "cannot read: %v", unwrapPathError(err))
		}
	} else if c, err := ParseConfig(filepath.Join(StoreDir, "config.yaml"), data); err != nil {
		problem(filepath.Join(StoreDir, "config.yaml"), "%v", err)
	} else {
		cfg = c
	}
	s, err := ws.Store()
	if err != nil {
		return nil, err
	}
	rep.Store = s.Location()
	vr, err := s.Verify(context.Background())
	if err != nil {
		return nil, err
	}
	rep.Drafts, rep.Revisions, rep.Labels, rep.Register, rep.Clearances = vr.Drafts, vr.Revisions, vr.LabelEvents, vr.Register, vr.Clearances
	for _, p := range vr.Problems {
		problem(p.Where, "%s", p.Message)
	}
	err = s.View(context.Background(), func(tx store.Tx) error {
		entries, err := tx.Register("")
		if err != nil {
			return err
		}
		for _, e := range entries {
			yk, n, suffix, err := SerialKey(cfg, e.Series, e.Serial, e.Year)
			if err != nil || yk != e.YearKey || n != e.Number || suffix != e.Suffix {
				problem(fmt.Sprintf("register #%d", e.Seq), "serial %s is entered as number %d%s of %d, but reads as %d%s of %d", e.Serial, e.Number, e.Suffix, e.YearKey, n, suffix, yk)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(filepath.Join(ws.Dir(), ImportedDir)); err == nil && fi.IsDir() {
		rep.Notes = append(rep.Notes, FsckProblem{Path: filepath.Join(StoreDir, ImportedDir),
			Message: "the files of the file store carried over into the database store (kept as a backup; no command reads them)"})
	}
	return rep, nil
}
