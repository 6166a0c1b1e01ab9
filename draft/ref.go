package draft

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/redline-dev/redline/cable"
)

// Version is one side of a reference: a working copy, a stored revision or
// standard input.
type Version struct {
	// Ref is the reference as given: draft.md, draft.md@3, draft.md@no10, -.
	Ref string
	// Name names the version in messages and headings: the file as given
	// for a working copy, FILE@N (the revision's number) for a stored
	// revision, "<stdin>" for standard input.
	Name string
	// Path is the working copy's path (the file part of the reference), or
	// "" for standard input.
	Path string
	// Data is the content.
	Data []byte
	// Revision is the stored revision, nil for a working copy or standard
	// input.
	Revision *Revision
	// Label is the label the reference named (FILE@no10), if it named one.
	Label string
}

// Resolve reads a reference: FILE (the working copy), FILE@N, FILE@label,
// FILE@latest (stored revisions) or "-" (standard input). ws may be nil
// outside a workspace, where only FILE and "-" work. An existing file whose
// name contains "@" is read as a working copy.
func Resolve(ws *Workspace, ref string, stdin io.Reader) (*Version, error) {
	if ref == "" {
		return nil, errors.New("empty reference: give a file, FILE@N, FILE@label or - for standard input")
	}
	if ref == "-" {
		if stdin == nil {
			return nil, errors.New("-: no standard input")
		}
		data, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("cannot read standard input: %w", err)
		}
		return &Version{Ref: ref, Name: "<stdin>", Data: data}, nil
	}
	fi, statErr := os.Stat(ref)
	at := strings.LastIndex(ref, "@")
	if statErr == nil || at < 0 {
		if statErr != nil {
			return nil, fmt.Errorf("%s: %v", ref, describeOpenError(statErr))
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("%s is a folder: give a draft file", ref)
		}
		data, err := os.ReadFile(ref)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", ref, describeOpenError(err))
		}
		return &Version{Ref: ref, Name: ref, Path: ref, Data: data}, nil
	}
	file, rev := ref[:at], ref[at+1:]
	if file == "" {
		return nil, fmt.Errorf("%s: no file before @: write FILE@%s", ref, rev)
	}
	if rev == "" {
		return nil, fmt.Errorf("%s: nothing after @: write %s@N, %s@label or %s@latest", ref, file, file, file)
	}
	if ws == nil {
		return nil, fmt.Errorf("%s names a stored revision, but there is no redline workspace here: run `redline init` and commit the draft first", ref)
	}
	r, err := ws.pickRevision(file, rev)
	if err != nil {
		return nil, err
	}
	v := &Version{Ref: ref, Name: fmt.Sprintf("%s@%d", file, r.Number), Path: file, Data: r.Content, Revision: r}
	if rev != "latest" && !cable.AllDigits(rev) {
		v.Label = rev
	}
	return v, nil
}

// pickRevision finds a revision by number, label or "latest". It reads the
// draft's head, its labels when rev names one, and the one revision, so
// its cost does not grow with the draft's history.
func (ws *Workspace) pickRevision(file, rev string) (*Revision, error) {
	name, err := ws.DraftName(file)
	if err != nil {
		return nil, err
	}
	var r *Revision
	err = ws.view(func(tx *Tx) error {
		head, err := tx.st.Head(name)
		if err != nil {
			return err
		}
		if head == 0 {
			return fmt.Errorf("%s@%s: %s has no stored revisions: commit it with `redline commit %s -m MESSAGE`", file, rev, file, file)
		}
		n, err := revisionNumber(tx, name, file, rev, head)
		if err != nil {
			return err
		}
		r, err = tx.st.Revision(name, n)
		return err
	})
	return r, err
}

// revisionNumber is the number rev names: latest, a number or a label.
func revisionNumber(tx *Tx, name, file, rev string, head int) (int, error) {
	if rev == "latest" {
		return head, nil
	}
	if n, err := strconv.Atoi(rev); err == nil || cable.AllDigits(rev) {
		if err != nil || n < 1 || n > head {
			return 0, fmt.Errorf("%s@%s: no such revision: %s has revisions 1 to %d", file, rev, file, head)
		}
		return n, nil
	}
	labels, err := tx.st.Labels(name)
	if err != nil {
		return 0, err
	}
	if n, ok := labels[rev]; ok {
		return n, nil
	}
	// The labels in revision order, as the log would list them.
	known := make([]string, 0, len(labels))
	for l := range labels {
		known = append(known, l)
	}
	sort.Slice(known, func(i, j int) bool {
		if labels[known[i]] != labels[known[j]] {
			return labels[known[i]] < labels[known[j]]
		}
		return known[i] < known[j]
	})
	hint := "it has no labels"
	if len(known) > 0 {
		hint = "its labels are " + strings.Join(known, ", ")
	}
	return 0, fmt.Errorf("%s@%s: no revision of %s has the label %q (%s; or use a number or latest)", file, rev, file, rev, hint)
}

func describeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return unwrapPathError(err).Error()
}
