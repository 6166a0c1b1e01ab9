package draft

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/gofrs/flock"
	"github.com/redline-dev/redline/cable"
)

// FsckReport is what Fsck found.
type FsckReport struct {
	Drafts    int `json:"drafts"`
	Revisions int `json:"revisions"`
	Labels    int `json:"label_events"`
	// Problems are damage: each names the file and what is wrong.
	Problems []FsckProblem `json:"problems"`
	// Notes are harmless findings, such as a temporary file left by a
	// process that was killed while writing.
	Notes []FsckProblem `json:"notes"`
}

// FsckProblem is one finding.
type FsckProblem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// OK reports whether no damage was found.
func (r *FsckReport) OK() bool { return len(r.Problems) == 0 }

// Fsck checks the whole store: every record's JSON, checksum and content
// SHA-256, revision numbering without gaps, parent links, that nothing
// follows an as-sent revision, serials unique in their series, and label
// events in sequence pointing at revisions that exist. It holds the store's
// lock while it reads, so that it sees no commit half-way.
func (ws *Workspace) Fsck() (*FsckReport, error) {
	if fi, err := os.Stat(ws.Dir()); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("%s: no store folder", ws.Dir())
	}
	lk := flock.New(ws.lockPath())
	if err := lk.Lock(); err == nil {
		defer lk.Unlock()
	}
	rep := &FsckReport{Problems: []FsckProblem{}, Notes: []FsckProblem{}}
	rel := func(p string) string {
		if r, err := filepath.Rel(ws.Root, p); err == nil {
			return filepath.ToSlash(r)
		}
		return p
	}
	problem := func(p, format string, a ...any) {
		rep.Problems = append(rep.Problems, FsckProblem{Path: rel(p), Message: fmt.Sprintf(format, a...)})
	}
	note := func(p, format string, a ...any) {
		rep.Notes = append(rep.Notes, FsckProblem{Path: rel(p), Message: fmt.Sprintf(format, a...)})
	}
	cfg := DefaultConfig()
	if data, err := os.ReadFile(ws.ConfigPath()); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			problem(ws.ConfigPath(), "cannot read: %v", unwrapPathError(err))
		}
	} else if c, err := ParseConfig(rel(ws.ConfigPath()), data); err != nil {
		problem(ws.ConfigPath(), "%v", err)
	} else {
		cfg = c
	}
	entries, err := os.ReadDir(ws.draftsDir())
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		problem(ws.draftsDir(), "cannot read: %v", unwrapPathError(err))
	}
	type serialKey struct {
		series, serial string
		year           int
	}
	serials := map[serialKey]string{}
	for _, e := range entries {
		p := filepath.Join(ws.draftsDir(), e.Name())
		if isTempName(e.Name()) {
			note(p, "temporary file left by an interrupted write (harmless)")
			continue
		}
		if isLitter(e.Name()) {
			note(p, litterNote)
			continue
		}
		if !e.IsDir() {
			problem(p, "unexpected file in the store")
			continue
		}
		name, err := unescapeName(e.Name())
		if err != nil {
			problem(p, "folder name is not an escaped draft name: %v", err)
			continue
		}
		rep.Drafts++
		ws.fsckDraft(name, p, rep, problem, note, func(r *record) {
			if r.Sent == nil {
				return
			}
			k := serialKey{series: r.Sent.Series, serial: r.Sent.Serial, year: serialYearKey(cfg, r.Sent)}
			if prev, ok := serials[k]; ok {
				if k.year != 0 {
					problem(r.file, "serial %q of series %s was already used in %d by %s", r.Sent.Serial, r.Sent.Series, k.year, prev)
				} else {
					problem(r.file, "serial %q of series %s was already used by %s", r.Sent.Serial, r.Sent.Series, prev)
				}
			} else {
				serials[k] = fmt.Sprintf("%s@%d", r.Draft, r.Number)
			}
		})
	}
	return rep, nil
}

// serialYearKey is the year that tells apart two uses of the same serial:
// in a yearly series whose serials carry no year (TELNO {n}), TELNO 1 is
// issued again each year, so the year of the date-time group is part of
// the serial's identity. It is 0 when the serial alone identifies it (a
// series that never restarts, or one whose serials include the year), and
// when the series or the date-time group cannot be read.
func serialYearKey(cfg Config, s *sentRecord) int {
	series, ok := cfg.SeriesByName(s.Series)
	if !ok || !series.Yearly {
		return 0
	}
	sn, err := cable.ParseSerial(series.Format, s.Serial)
	if err != nil || sn.YearDigits != 0 {
		return 0
	}
	d, err := cable.ParseDTG(s.DTG, cable.DTGOptions{})
	if err != nil {
		return 0
	}
	return d.Year
}

func (ws *Workspace) fsckDraft(name, dir string, rep *FsckReport, problem, note func(string, string, ...any), sent func(*record)) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		problem(dir, "cannot read: %v", unwrapPathError(err))
		return
	}
	var revs []*record
	byNumber := map[int]*record{}
	damaged := map[int]bool{} // revision files present but unreadable
	hasLabels := false
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case isTempName(e.Name()):
			note(p, "temporary file left by an interrupted write (harmless)")
			continue
		case e.Name() == "labels" && e.IsDir():
			hasLabels = true
			continue
		}
		m := revFileRE.FindStringSubmatch(e.Name())
		if m == nil && isLitter(e.Name()) {
			note(p, litterNote)
			continue
		}
		if m == nil || e.IsDir() {
			problem(p, "unexpected entry in the store")
			continue
		}
		n, _ := strconv.Atoi(m[1])
		rep.Revisions++
		data, err := os.ReadFile(p)
		if err != nil {
			problem(p, "cannot read: %v", unwrapPathError(err))
			damaged[n] = true
			continue
		}
		r, err := decodeRecord(p, data)
		if err != nil {
			problem(p, "%s", trimFilePrefix(err.Error(), p))
			damaged[n] = true
			continue
		}
		if r.Number != n {
			problem(p, "record says revision %d but the file is named for %d", r.Number, n)
			continue
		}
		if r.Draft != name {
			problem(p, "record belongs to draft %q, not %q", r.Draft, name)
		}
		if r.Parent != r.Number-1 {
			problem(p, "parent is %d, expected %d", r.Parent, r.Number-1)
		}
		if r.Author == "" || r.Office == "" {
			problem(p, "revision has no author or office")
		}
		for _, l := range r.Labels {
			if CheckLabel(l) != nil {
				problem(p, "bad label name %q", l)
			}
		}
		revs = append(revs, r)
		byNumber[r.Number] = r
	}
	sort.Slice(revs, func(i, j int) bool { return revs[i].Number < revs[j].Number })
	max := 0
	if len(revs) > 0 {
		max = revs[len(revs)-1].Number
	}
	for n := range damaged {
		if n > max {
			max = n
		}
	}
	for n := 1; n <= max; n++ {
		if byNumber[n] == nil && !damaged[n] {
			problem(filepath.Join(dir, fmt.Sprintf("%06d.json", n)), "revision %d of %s is missing (numbers must run 1 to %d without gaps)", n, name, max)
		}
	}
	var events []*labelEvent
	defer func() { checkLabelReplay(revs, events, problem, note) }()
	sealedAt := 0
	for _, r := range revs {
		if sealedAt > 0 {
			problem(r.file, "revision %d follows the as-sent revision %d of a sealed draft", r.Number, sealedAt)
		}
		if r.Sent != nil {
			sent(r)
			if sealedAt == 0 {
				sealedAt = r.Number
			}
		}
		if r.ReopenedFrom != "" && r.Number != 1 {
			problem(r.file, "only a draft's first revision can be reopened from another")
		}
	}
	if len(revs) == 0 && byNumber[1] == nil && !hasLabels {
		note(dir, "draft folder has no revisions")
	}
	if !hasLabels {
		return
	}
	ldir := filepath.Join(dir, "labels")
	lentries, err := os.ReadDir(ldir)
	if err != nil {
		problem(ldir, "cannot read: %v", unwrapPathError(err))
		return
	}
	seqs := map[int]bool{}
	maxSeq := 0
	for _, e := range lentries {
		p := filepath.Join(ldir, e.Name())
		if isTempName(e.Name()) {
			note(p, "temporary file left by an interrupted write (harmless)")
			continue
		}
		m := revFileRE.FindStringSubmatch(e.Name())
		if m == nil && isLitter(e.Name()) {
			note(p, litterNote)
			continue
		}
		if m == nil || e.IsDir() {
			problem(p, "unexpected entry in the store")
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			problem(p, "cannot read: %v", unwrapPathError(err))
			continue
		}
		ev, err := decodeLabelEvent(p, data)
		if err != nil {
			problem(p, "%s", trimFilePrefix(err.Error(), p))
			continue
		}
		rep.Labels++
		n, _ := strconv.Atoi(m[1])
		if ev.Seq != n {
			problem(p, "label record says sequence %d but the file is named for %d", ev.Seq, n)
			continue
		}
		seqs[n] = true
		events = append(events, ev)
		if n > maxSeq {
			maxSeq = n
		}
		if ev.Draft != name {
			problem(p, "label record belongs to draft %q, not %q", ev.Draft, name)
		}
		if CheckLabel(ev.Label) != nil {
			problem(p, "bad label name %q", ev.Label)
		}
		if ev.After < ev.Revision || ev.After > max {
			problem(p, "label record says the draft had %d revisions when it was made, which cannot be", ev.After)
		}
		if ev.Revision != 0 && byNumber[ev.Revision] == nil && !damaged[ev.Revision] {
			problem(p, "label %q points at revision %d, which does not exist", ev.Label, ev.Revision)
		}
	}
	for n := 1; n <= maxSeq; n++ {
		if !seqs[n] {
			problem(filepath.Join(ldir, fmt.Sprintf("%06d.json", n)), "label record %d is missing or damaged", n)
		}
	}
}

func trimFilePrefix(msg, file string) string {
	if len(msg) > len(file)+2 && msg[:len(file)] == file {
		return msg[len(file)+2:]
	}
	return msg
}

// checkLabelReplay replays a draft's labels in the order they were given
// and reports a label given at a commit while it still named another
// revision (the commit should have been refused).
//
// It also checks the as-sent label: a problem when it names a revision that
// was not sent; a note when it was once moved by hand or when a sent
// revision has lost it (old stores allowed both; neither can be undone).
func checkLabelReplay(revs []*record, events []*labelEvent, problem, note func(string, string, ...any)) {
	sort.Slice(events, func(i, j int) bool { return events[i].Seq < events[j].Seq })
	m := map[string]int{}
	ev := 0
	apply := func(e *labelEvent) {
		if e.Revision == 0 {
			delete(m, e.Label)
		} else {
			m[e.Label] = e.Revision
		}
	}
	for _, r := range revs {
		for ; ev < len(events) && events[ev].After < r.Number; ev++ {
			apply(events[ev])
		}
		for _, l := range r.Labels {
			if prev, ok := m[l]; ok {
				problem(r.file, "label %q given at commit to revision %d while it named revision %d", l, r.Number, prev)
			}
			if l == AsSentLabel && r.Sent == nil {
				// History, kept in an immutable record; whether the label
				// still names an unsent revision is checked below.
				note(r.file, "label %s given at commit to revision %d, which was not sent (only `redline send` gives it now)", AsSentLabel, r.Number)
			}
			m[l] = r.Number
		}
	}
	for ; ev < len(events); ev++ {
		apply(events[ev])
	}
	// The as-sent label is the record of what went out: it must name the
	// revision that holds the despatch.
	byNumber := map[int]*record{}
	var sent *record
	for _, r := range revs {
		byNumber[r.Number] = r
		if r.Sent != nil && sent == nil {
			sent = r
		}
	}
	for _, e := range events {
		if e.Label == AsSentLabel && e.Revision != 0 {
			note(e.file, "label %s was pointed at revision %d by hand (only `redline send` gives it)", AsSentLabel, e.Revision)
		}
	}
	if n, ok := m[AsSentLabel]; ok {
		if r := byNumber[n]; r != nil && r.Sent == nil {
			p := r.file
			if sent != nil {
				problem(p, "label %s names revision %d, which was not sent: the draft went out as %s at revision %d (remove the label with `redline label %s --delete %s`)", AsSentLabel, n, sent.Sent.Serial, sent.Number, r.Draft, AsSentLabel)
			} else {
				problem(p, "label %s names revision %d, which was not sent (remove the label with `redline label %s --delete %s`)", AsSentLabel, n, r.Draft, AsSentLabel)
			}
		}
	} else if sent != nil {
		note(sent.file, "revision %d was sent as %s but its %s label was removed", sent.Number, sent.Sent.Serial, AsSentLabel)
	}
}

const litterNote = "not part of the store (left by another program, such as a file manager or an editor): harmless, and may be removed"

// isLitter recognises files that desktops, editors and backup tools leave
// in any folder (.DS_Store, Thumbs.db, name~, .name.swp): they damage no
// revision, so fsck notes them rather than calling the store damaged.
func isLitter(name string) bool {
	switch {
	case strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"),
		strings.EqualFold(name, "Thumbs.db"), strings.EqualFold(name, "desktop.ini"),
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".bak"), strings.HasSuffix(name, ".orig"):
		return true
	}
	return false
}
