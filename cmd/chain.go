package cmd

import (
	"fmt"

	"github.com/redline-dev/redline/attrib"
	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/draft"
)

// chainLink turns a stored revision into a link of an attribution chain.
func chainLink(file string, r draft.Revision) attrib.Revision {
	l := attrib.Revision{Name: fmt.Sprintf("%s@%d", file, r.Number), Number: r.Number, Author: r.Author,
		Office: r.Office, Time: r.Time, Data: r.Content, Kind: diff.KindMarkdown}
	if len(r.Labels) > 0 {
		l.Label = r.Labels[0]
	}
	return l
}

// draftChain reads the revisions (and names the working copy's path)  of the draft a reference names, oldest
// first, up to the one it names. A working copy that differs from the
// latest revision is the last link (revision 0, by the current identity
// when there is one); a sent revision is followed by the cable as it was
// transmitted, so that what went out is what is attributed.
func draftChain(f *Factory, ws *draft.Workspace, ref string) ([]attrib.Revision, string, error) {
	if ref == "-" {
		return nil, "", usageErrorf("attribution needs a draft's stored revisions, not standard input: give FILE or FILE@REV")
	}
	v, err := draft.Resolve(ws, ref, nil)
	if err != nil {
		return nil, "", err
	}
	revs, err := ws.Log(v.Path)
	if err != nil {
		return nil, "", err
	}
	if len(revs) == 0 {
		return nil, "", fmt.Errorf("%s has no stored revisions: commit it with `redline commit %s -m MESSAGE`", v.Path, v.Path)
	}
	upto := len(revs)
	if v.Revision != nil {
		upto = v.Revision.Number
	}
	var chain []attrib.Revision
	for _, r := range revs[:upto] {
		chain = append(chain, chainLink(v.Path, r))
	}
	last := revs[upto-1]
	switch {
	case v.Revision == nil && draft.HexSHA256(v.Data) != last.SHA256:
		author, office, _ := f.Identity(ws, "", "")
		chain = append(chain, attrib.Revision{Name: v.Path + " (working copy)", Label: "uncommitted",
			Author: author, Office: office, Time: f.Now(), Data: v.Data, Kind: diff.KindMarkdown})
	case last.Sent != nil && len(last.Sent.Cable) > 0:
		l := chainLink(v.Path, last)
		l.Name, l.Label = fmt.Sprintf("%s@%d (cable as sent)", v.Path, last.Number), "cable "+last.Sent.Serial
		l.Data, l.Kind = last.Sent.Cable, diff.KindCable
		chain = append(chain, l)
	}
	return chain, v.Path, nil
}

// chainBetween reads the chain a redline from old to new passes through,
// for diff --by: old must be a stored revision; new is a later revision of
// the same draft, its working copy (then the revisions after old, and the
// working copy when it differs from the latest), or any other file (then
// every revision after old, and that file as a last link made outside the
// store).
func chainBetween(f *Factory, ws *draft.Workspace, ov, nv *draft.Version) ([]attrib.Revision, error) {
	if ov.Revision == nil || ws == nil {
		return nil, usageErrorf("--by needs OLD to be a stored revision (FILE@N, FILE@label): the changes are labelled with the revisions after it")
	}
	draftName := func(v *draft.Version) string {
		if v.Path == "" {
			return ""
		}
		n, err := ws.DraftName(v.Path)
		if err != nil {
			return ""
		}
		return n
	}
	revs, err := ws.Log(ov.Path)
	if err != nil {
		return nil, err
	}
	same := draftName(ov) != "" && draftName(ov) == draftName(nv)
	upto := len(revs)
	if same && nv.Revision != nil {
		if nv.Revision.Number < ov.Revision.Number {
			return nil, usageErrorf("--by labels the changes made after OLD, but %s is older than %s: give the older revision first", nv.Name, ov.Name)
		}
		upto = nv.Revision.Number
	}
	var chain []attrib.Revision
	for _, r := range revs[ov.Revision.Number-1 : upto] {
		chain = append(chain, chainLink(ov.Path, r))
	}
	switch {
	case same && nv.Revision != nil:
	case same && draft.HexSHA256(nv.Data) == revs[len(revs)-1].SHA256:
	case same:
		author, office, _ := f.Identity(ws, "", "")
		chain = append(chain, attrib.Revision{Name: nv.Path + " (working copy)", Label: "uncommitted",
			Author: author, Office: office, Time: f.Now(), Data: nv.Data, Kind: diff.KindMarkdown})
	default:
		chain = append(chain, attrib.Revision{Name: nv.Name, Office: "not in the store: " + nv.Name, Data: nv.Data,
			Kind: diff.GuessKind(nv.Name, nv.Data)})
	}
	return chain, nil
}
