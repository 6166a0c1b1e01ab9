package diff

import (
	"strings"

	"github.com/redline-dev/redline/cable"
)

// stampOnOneSide reports whether a field is one that a send stamps on a
// message (its date-time group and serial) and only one side carries a
// real value for it (or neither does): a draft compared with the cable it became, or a
// rendering of an unsent draft, whose template prints placeholders there.
func stampOnOneSide(name, old, new string) bool {
	if name != "dtg" && name != "serial" {
		return false
	}
	return stampMissing(name, old) || stampMissing(name, new)
}

// stampMissing reports whether a stamp field holds no value: empty, or the
// placeholder a template prints for a message not yet sent ("DDHHMMZ MON
// YY", "[SERIAL]", "STATE [SERIAL]", "TELNO [TELNO]").
func stampMissing(name, v string) bool {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return true
	case name == "dtg":
		return strings.EqualFold(v, cable.DTGPlaceholder)
	default:
		return strings.Contains(v, "[") && strings.HasSuffix(v, "]")
	}
}

// templateHeading reports whether a heading difference between a draft and
// a cable is only what the template printed: the cable's heading begins
// with the draft's heading lines, or, where the draft has none, with its
// title (a template prints the title there, wrapped over lines of its own).
func templateHeading(a, b *prepared, ka, kb string, fold bool) bool {
	if ka != "" && kb != "" && (strings.HasPrefix(kb, ka+" / ") || strings.HasPrefix(ka, kb+" / ")) {
		return true
	}
	dr, kc := a, kb
	if a.kind == KindCable {
		dr, kc = b, ka
	}
	if kc == "" || fieldValue(dr, "heading") != "" {
		return false
	}
	title := fieldKey(fieldValue(dr, "title"), fold)
	if title == "" {
		return false
	}
	flat := strings.ReplaceAll(kc, " / ", " ")
	return flat == title || strings.HasPrefix(flat, title+" ")
}

// fieldValue is a side's value of the named field, or "".
func fieldValue(p *prepared, name string) string {
	for _, f := range p.fields {
		if f.name == name {
			return f.value
		}
	}
	return ""
}
