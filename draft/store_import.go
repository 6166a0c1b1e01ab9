package draft

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/store"
)

// ImportedDir is where the files of a carried-over file store are kept.
const ImportedDir = "drafts.imported"

// hasFileStore reports whether .redline still holds a file-layout store
// (.redline/drafts with at least one draft folder).
func (ws *Workspace) hasFileStore() bool {
	entries, err := os.ReadDir(ws.draftsDir())
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.IsDir() && !isTempName(e.Name()) {
			return true
		}
	}
	// An empty drafts folder (an unused workspace made by an earlier
	// release) has nothing to carry over.
	return false
}

// ImportStats is what importFiles carried over.
type ImportStats struct {
	Drafts, Revisions, LabelMoves, Serials int
	// Refused are the serials already issued once, which the register
	// refuses a second time (the file store's lock could be bypassed):
	// their revisions are carried over, fsck lists them.
	Refused []string
}

// importFiles carries a file-layout store over into the database store in
// one transaction: every revision with its original time and author, every
// label move in order, every seal, and a register entry for each serial.
// The files are then moved to .redline/drafts.imported. A store that
// already holds drafts is not imported into again.
func (ws *Workspace) importFiles() error {
	names, err := ws.draftNames()
	if err != nil {
		return err
	}
	var st ImportStats
	err = ws.store.Update(context.Background(), func(tx store.Tx) error {
		if have, err := tx.Drafts(); err != nil || len(have) > 0 {
			if err == nil {
				err = fmt.Errorf("the store %s already holds drafts, and .redline/drafts holds a file store too: move .redline/drafts away (or to %s) once you have checked that nothing in it is missing", ws.store.Location(), ImportedDir)
			}
			return err
		}
		for _, n := range names {
			h, err := ws.loadHistory(n)
			if err != nil {
				return fmt.Errorf("cannot carry the file store over: %w", err)
			}
			if err := ws.importHistory(tx, h, &st); err != nil {
				return fmt.Errorf("cannot carry %s over from the file store: %w", n, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	dest := filepath.Join(ws.Dir(), ImportedDir)
	if _, err := os.Lstat(dest); err == nil {
		dest = fmt.Sprintf("%s-%d", dest, os.Getpid())
	}
	if err := os.Rename(ws.draftsDir(), dest); err != nil {
		return fmt.Errorf("carried the file store over, but cannot move %s aside: %w", ws.draftsDir(), err)
	}
	SyncDir(ws.Dir())
	ws.Imported = fmt.Sprintf("carried the file store over into %s: %d draft(s), %d revision(s), %d label move(s), %d serial(s) in the register; the old files are kept in %s",
		ws.store.Location(), st.Drafts, st.Revisions, st.LabelMoves, st.Serials, filepath.Join(StoreDir, filepath.Base(dest)))
	if len(st.Refused) > 0 {
		ws.Imported += fmt.Sprintf("; %d serial(s) used twice were not entered again (%v): run `redline fsck`", len(st.Refused), st.Refused)
	}
	return nil
}

func (ws *Workspace) importHistory(tx store.Tx, h *history, st *ImportStats) error {
	if len(h.revs) == 0 {
		return nil
	}
	st.Drafts++
	ev := 0
	for _, r := range h.revs {
		for ; ev < len(h.events) && h.events[ev].After < r.Number; ev++ {
			if err := tx.SetLabel(h.name, h.events[ev].Label, h.events[ev].Revision); err != nil && !errors.Is(err, store.ErrNotFound) {
				return err
			}
			st.LabelMoves++
		}
		rev := r.revision(nil)
		nr := store.NewRevision{Draft: h.name, Content: rev.Content, Author: rev.Author, Office: rev.Office,
			Message: rev.Message, Labels: r.Labels, Sent: rev.Sent, ReopenedFrom: rev.ReopenedFrom, Time: rev.Time}
		got, err := tx.Commit(nr)
		if err != nil {
			return err
		}
		st.Revisions++
		if got.Sent != nil {
			if err := ws.importSerial(tx, got, st); err != nil {
				return err
			}
		}
	}
	for ; ev < len(h.events); ev++ {
		if err := tx.SetLabel(h.name, h.events[ev].Label, h.events[ev].Revision); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		st.LabelMoves++
	}
	return nil
}

// importSerial enters a carried-over sent revision in the register.
func (ws *Workspace) importSerial(tx store.Tx, r store.Revision, st *ImportStats) error {
	e, err := RegisterEntry(ws.Config, r)
	if err != nil {
		st.Refused = append(st.Refused, r.Sent.Serial)
		return nil
	}
	if _, err := tx.AppendRegister(e); errors.Is(err, store.ErrSerialTaken) {
		st.Refused = append(st.Refused, r.Sent.Serial)
		return nil
	} else if err != nil {
		return err
	}
	st.Serials++
	return nil
}

// RegisterEntry is the register entry that records a sent revision, its
// key worked out by SerialKey.
func RegisterEntry(cfg Config, r store.Revision) (store.Entry, error) {
	s := r.Sent
	d, err := cable.ParseDTG(s.DTG, cable.DTGOptions{})
	if err != nil {
		return store.Entry{}, fmt.Errorf("%s@%d: date-time group %q: %v", r.Draft, r.Number, s.DTG, err)
	}
	when, err := d.UTC()
	if err != nil {
		return store.Entry{}, fmt.Errorf("%s@%d: date-time group %q: %v", r.Draft, r.Number, s.DTG, err)
	}
	yk, n, suffix, err := SerialKey(cfg, s.Series, s.Serial, d.Year)
	if err != nil {
		return store.Entry{}, fmt.Errorf("%s@%d: %v", r.Draft, r.Number, err)
	}
	series := s.Series
	if c, ok := cfg.SeriesByName(series); ok {
		series = c.Name
	}
	return store.Entry{Series: series, Year: d.Year, YearKey: yk, Number: n, Suffix: suffix, Serial: s.Serial,
		DTG: s.DTG, DTGTime: when, Originator: s.From, Draft: r.Draft, Rev: r.Number, RevHash: r.Hash, Backdated: s.Backdated}, nil
}
