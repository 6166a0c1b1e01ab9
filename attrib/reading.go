package attrib

import (
	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/diff"
)

// asRead gives a revision as blame reads it, so that only the words a
// reader of the revision sees are attributed:
//
//   - content that is a cable (a teleprinter heading with its FM line and no
//     front matter), whatever kind it was stored as, is read as a cable:
//     only its message text is attributed, not its heading (FM, TO, the
//     date-time group, the serial, the banners), which the cable parser
//     takes apart from the text;
//   - a draft that still holds CriticMarkup is read as its text with every
//     change accepted (insertions and substitutions kept, deletions, comments
//     and the marks themselves gone), so a word a mark proposed is the
//     proposing revision's, and the revision that accepts the marks, which
//     changes nothing a reader sees, is credited with nothing. A draft whose
//     marks do not parse (one not closed) is read as it stands.
func asRead(r Revision) Revision {
	if r.Kind != diff.KindCable && r.Kind != diff.KindText && diff.GuessKind(r.Name, r.Data) == diff.KindCable {
		r.Kind = diff.KindCable
		return r
	}
	if r.Kind == diff.KindMarkdown || r.Kind == "" && diff.GuessKind(r.Name, r.Data) == diff.KindMarkdown {
		if accepted, ok := acceptAll(r.Name, r.Data); ok {
			r.Data = accepted
		}
	}
	return r
}

// acceptAll resolves every CriticMarkup change of a draft by accepting it;
// ok is false when there is none, or when the marks do not parse.
func acceptAll(name string, data []byte) ([]byte, bool) {
	if !critic.HasOpening(string(data)) {
		return nil, false
	}
	all := func(d *critic.Doc) ([]int, error) {
		nums := make([]int, len(d.Changes()))
		for i := range nums {
			nums[i] = i + 1
		}
		return nums, nil
	}
	o, err := critic.ResolveData(name, data, critic.Decision{Accept: true, Select: all})
	if err != nil || len(o.Numbers) == 0 {
		return nil, false
	}
	return o.Result, true
}
