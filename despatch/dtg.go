package despatch

import (
	"fmt"
	"time"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/store"
)

// stampDTG chooses the date-time group: the one given, checked against the
// clock and the originator's earlier ones, or the store's clock moved on to
// the first minute the originator has not used, never more than MaxAhead.
// It returns the group, its instant and the calendar year it shows.
func stampDTG(st store.Tx, req Request) (string, time.Time, int, error) {
	now := st.Now()
	if d := req.DTG; d != nil {
		when, err := d.UTC()
		if err != nil {
			return "", time.Time{}, 0, err
		}
		if err := checkGiven(*d, when, now, req.Backdate); err != nil {
			return "", time.Time{}, 0, err
		}
		used, err := st.OriginatorDTGs(req.From, when.Truncate(time.Minute), when.Truncate(time.Minute).Add(time.Minute))
		if err != nil {
			return "", time.Time{}, 0, err
		}
		if len(used) > 0 {
			u := used[0]
			return "", time.Time{}, 0, refuse(ErrDTGUsed, "date-time group %s was already used by %s for %s (%s@%d): an originator may not repeat a date-time group", d.String(), req.From, u.Serial, u.Draft, u.Rev)
		}
		return d.String(), when, d.Year, nil
	}
	start := now.Truncate(time.Minute)
	// Only the minutes from the clock's on can be taken by the one chosen:
	// reading back no further keeps a send's cost flat however many
	// messages the originator sent in the last day.
	used, err := st.OriginatorDTGs(req.From, start, start.Add(MaxAhead+2*time.Minute))
	if err != nil {
		return "", time.Time{}, 0, err
	}
	var times []time.Time
	for _, e := range used {
		times = append(times, e.DTGTime)
	}
	when := cable.FreeDTGTime(now, times)
	if when.Sub(now) > MaxAhead {
		return "", time.Time{}, 0, refuse(ErrDTGAhead, "%s has used every date-time group from %s to %s: the next free one is more than %v ahead of the clock; send again in a few minutes, or give a date-time group",
			req.From, start.Format("021504Z"), when.Add(-time.Minute).Format("021504Z"), MaxAhead)
	}
	d, err := cable.DTGAt(when, req.Zone)
	if err != nil {
		return "", time.Time{}, 0, err
	}
	text, err := cable.FormatDTG(when, req.Zone, 0)
	if err != nil {
		return "", time.Time{}, 0, err
	}
	return text, when, d.Year, nil
}

// checkGiven refuses a given date-time group ahead of the clock, and one
// far behind it (or written with a two-digit year, which today's telegrams
// never are) without a reason.
func checkGiven(d cable.DTG, when, now time.Time, reason string) error {
	if when.Sub(now) > MaxAhead {
		return refuse(ErrDTGAhead, "date-time group %s is %s ahead of the clock (%s): a message cannot be stamped with a time that has not come",
			d.String(), roughly(when.Sub(now)), now.Format("021504Z Jan 2006"))
	}
	if reason != "" {
		return nil
	}
	if d.YearDigits == 2 && now.Year() >= 2006 && d.Year < 2006 && now.Sub(when) > MaxBehind {
		four := d
		four.Year = now.Year()/100*100 + d.Year%100
		if four.Year > now.Year()+1 {
			four.Year -= 100
		}
		four.YearDigits = 4
		return refuse(ErrNeedBackdate, "date-time group %s is read as %d (two-digit years 06-99 are 1906-1999, and from 2006 the year is written with four digits): write %s, or record why an archive cable is sent backdated", d.String(), d.Year, four.String())
	}
	if now.Sub(when) > MaxBehind {
		return refuse(ErrNeedBackdate, "date-time group %s is %s behind the clock: a backdated send needs a reason, which is recorded", d.String(), roughly(now.Sub(when)))
	}
	return nil
}

func roughly(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return fmt.Sprintf("%d days", int(d.Hours()/24))
	case d >= 2*time.Hour:
		return fmt.Sprintf("%d hours", int(d.Hours()))
	}
	return fmt.Sprintf("%d minutes", int(d.Minutes()))
}
