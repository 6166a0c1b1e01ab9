package review

import (
	"errors"
	"fmt"
	"os"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
)

// Where the tracked text lives. Reviewing a draft's own tracked changes,
// it is the file. Reviewing a draft against an earlier version (Options.
// Tracked), it is the comparison as CriticMarkup, kept here: the file
// always holds that text with every change left accepted, so accepting a
// change leaves the file as it is and rejecting one brings the earlier
// text back into it.

// comparing says whether the server reviews a draft against an earlier
// version.
func (s *Server) comparing() bool { return s.opts.Tracked != nil }

// snapshot is the tracked text as it is now (for the page).
func (s *Server) snapshot() ([]byte, error) {
	if !s.comparing() {
		data, err := os.ReadFile(s.opts.Path)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", s.opts.Name, err)
		}
		return data, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tracked, nil
}

// load is the tracked text, read under the lock; comparing, the file must
// still be what the review last wrote.
func (s *Server) load() ([]byte, error) {
	if !s.comparing() {
		return s.snapshot()
	}
	data, err := os.ReadFile(s.opts.Path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", s.opts.Name, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if version(data) != s.fileSum {
		return nil, fmt.Errorf("%s was changed outside this review after it began: nothing was done; start the review again to see its changes from %s", s.opts.Name, s.opts.OldName)
	}
	return s.tracked, nil
}

// store writes new tracked text: into the file, or, comparing, keeps it
// and writes the file as it with every change accepted.
func (s *Server) store(out []byte) error {
	if !s.comparing() {
		return draft.WriteFileAtomic(s.opts.Path, out, 0o644)
	}
	d, err := critic.Parse(s.opts.Name, out)
	if err != nil {
		return err
	}
	text := d.AcceptAll()
	if err := draft.WriteFileAtomic(s.opts.Path, text, 0o644); err != nil {
		return err
	}
	s.mu.Lock()
	s.tracked, s.fileSum = out, version(text)
	s.mu.Unlock()
	return nil
}

// content is what the file holds for a tracked text d.
func (s *Server) content(d *critic.Doc) []byte {
	if s.comparing() {
		return d.AcceptAll()
	}
	return d.Source()
}

// startComparing checks the comparison given to New: accepting all of it
// must give the file as it is, or decisions would change more than the
// reviewer chose.
func (s *Server) startComparing() error {
	data, err := os.ReadFile(s.opts.Path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", s.opts.Name, err)
	}
	d, err := critic.Parse(s.opts.Name, s.opts.Tracked)
	if err != nil {
		return fmt.Errorf("the redline of %s against %s does not read back: %w", s.opts.Name, s.opts.OldName, err)
	}
	if string(d.AcceptAll()) != string(data) {
		return errors.New("the redline of " + s.opts.Name + " against " + s.opts.OldName + " does not give " + s.opts.Name + " back when every change is accepted (does it hold CriticMarkup of its own? resolve that first): nothing can be decided on it")
	}
	s.tracked, s.fileSum = s.opts.Tracked, version(data)
	return nil
}
