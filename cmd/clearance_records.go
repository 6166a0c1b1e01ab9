package cmd

import (
	"context"
	"fmt"
	"strings"

	"github.com/redline-dev/redline/attrib"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/store"
)

// fromStore turns the store's clearance records into attrib's.
func fromStore(recs []store.Clearance) []attrib.Clearance {
	out := make([]attrib.Clearance, len(recs))
	for i, c := range recs {
		out[i] = attrib.Clearance{Seq: c.Seq, Rev: c.Rev, Hash: c.Hash, Kind: c.Kind, Office: c.Office,
			Name: c.Name, Note: c.Note, Withdraws: c.Withdraws, At: c.At}
	}
	return out
}

// clearanceRecords reads a draft's clearance records, in the order made.
func clearanceRecords(ws *draft.Workspace, name string) ([]attrib.Clearance, error) {
	st, err := ws.Store()
	if err != nil {
		return nil, err
	}
	var recs []store.Clearance
	err = st.View(context.Background(), func(tx store.Tx) error {
		var err error
		recs, err = tx.Clearances(name)
		return err
	})
	return fromStore(recs), err
}

// sendCheck refuses to send a draft in a series whose requirements
// (config.yaml require:) the clearances of the very text sent do not meet;
// despatch runs it inside the send's transaction, before a serial is
// allocated.
func sendCheck(ws *draft.Workspace, display, series string) func(tx store.Tx, name string, rev store.Revision) error {
	req := ws.Config.RequirementFor(series)
	policy := attrib.Policy{Clearances: req.Clearances, Approval: req.Approval}
	return func(tx store.Tx, name string, rev store.Revision) error {
		if policy.Empty() {
			return nil
		}
		recs, err := tx.Clearances(name)
		if err != nil {
			return err
		}
		short := policy.Check(attrib.Judge(fromStore(recs), attrib.Target{Rev: rev.Number, Hash: rev.SHA256}))
		if len(short) == 0 {
			return nil
		}
		var what []string
		for _, s := range short {
			what = append(what, s.String())
		}
		return errorWithHint(fmt.Errorf("%s cannot be sent in series %s before revision %d has %s; nothing was sent and no serial was used",
			display, series, rev.Number, strings.Join(what, ", and ")),
			fmt.Sprintf("clear it with `redline clear %s --who OFFICE:NAME`, approve it with `redline approve %s`, and see `redline clearances %s`", display, display, display))
	}
}
