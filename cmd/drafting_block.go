package cmd

import (
	"github.com/redline-dev/redline/attrib"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/telegram"
)

// draftingFor is the chain of responsibility a telegram prints for
// content, the text of the draft at path: its first revision's office and
// author as the drafter, and the approval and clearances recorded against
// this very text (by its content hash, so a clearance of other words is
// not printed). It is nil outside a workspace, for a file that is not a
// tracked draft, and for a draft with no revision yet or no clearance or
// approval records at all (a draft that does not use the chain renders as
// it did).
func draftingFor(ws *draft.Workspace, path string, content []byte) (*telegram.Drafting, error) {
	if ws == nil || path == "" {
		return nil, nil
	}
	name, err := ws.DraftName(path)
	if err != nil {
		return nil, nil // not a draft of this workspace: nothing recorded
	}
	revs, err := ws.LogDraft(name)
	if err != nil || len(revs) == 0 {
		return nil, err
	}
	recs, err := clearanceRecords(ws, name)
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	target := attrib.Target{Hash: draft.HexSHA256(content)}
	for _, r := range revs {
		if r.SHA256 == target.Hash {
			target.Rev = r.Number
		}
	}
	b := attrib.DraftingBlock(chainLink(path, revs[0]), attrib.Judge(recs, target))
	if b.DraftedBy == "" && b.ApprovedBy == "" && len(b.Clearances) == 0 {
		return nil, nil
	}
	return &telegram.Drafting{DraftedBy: b.DraftedBy, ApprovedBy: b.ApprovedBy, Clearances: b.Clearances}, nil
}
