package despatch

import (
	"fmt"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/store"
)

// allocate gives the send its serial: the series counter's next number for
// the year the date-time group shows, or, for SameNumberAs, the next suffix
// letter under that number. The counter row changes in the same
// transaction as the register entry, so a number is used exactly when a
// message is recorded under it.
func allocate(st store.Tx, req Request, year int) (string, error) {
	series := req.Series
	cfg := req.Workspace.Config
	if req.SameNumberAs != "" {
		return nextSuffix(st, req, year)
	}
	// The year the number counts in, by the one rule: format a probe.
	probe, err := cable.FormatSerial(series.Format, 1, "", year)
	if err != nil {
		return "", err
	}
	yk, _, _, err := draft.SerialKey(cfg, series.Name, probe, year)
	if err != nil {
		return "", err
	}
	n, err := st.NextNumber(series.Name, yk)
	if err != nil {
		return "", err
	}
	serial, err := cable.FormatSerial(series.Format, n, "", year)
	if err != nil {
		return "", err
	}
	// A format that cannot tell years apart (a yearly series written
	// without its year) may give a serial text already in the register.
	if same, err := st.RegisterSerial(series.Name, serial); err != nil {
		return "", err
	} else {
		for _, e := range same {
			if e.YearKey == yk {
				return "", fmt.Errorf("serial %s of %d is already in the register (%s@%d): %w", serial, year, e.Draft, e.Rev, store.ErrSerialTaken)
			}
		}
	}
	return serial, nil
}

// nextSuffix issues a further message under an existing number. It reads
// the register entries of the series in that year, which only this rare
// kind of send needs.
func nextSuffix(st store.Tx, req Request, year int) (string, error) {
	series := req.Series
	if _, err := cable.ParseSerial(series.Format, req.SameNumberAs); err != nil {
		return "", err
	}
	yk, _, _, err := draft.SerialKey(req.Workspace.Config, series.Name, req.SameNumberAs, year)
	if err != nil {
		return "", err
	}
	entries, err := st.Register(series.Name)
	if err != nil {
		return "", err
	}
	var issued []cable.IssuedSerial
	for _, e := range entries {
		if e.YearKey == yk {
			issued = append(issued, cable.IssuedSerial{Serial: e.Serial, Year: e.Year})
		}
	}
	return cable.NextSuffix(series.Format, series.Yearly, req.SameNumberAs, year, issued)
}
