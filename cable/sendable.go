package cable

// SendMissing lists what a message of its dialect must carry before it is
// released and does not, each as a short phrase naming the line. A US State
// telegram needs at least one subject tag and an E.O. line (5 FAH-1 H-241.1,
// H-250; cable-format.md §8: "at least one subject TAG"; the E.O. line names
// the order in force, or N/A for an unclassified message). Other dialects
// require nothing beyond the heading the parser already insists on.
func (m *Message) SendMissing() []string {
	var missing []string
	if m.Form == State.Name {
		if len(m.Tags) == 0 {
			missing = append(missing, "a TAGS line (at least one subject tag, e.g. PREL)")
		}
		if m.EO == "" {
			missing = append(missing, `an E.O. line (e.g. "12356: DECL: OADR", or "N/A" when unclassified)`)
		}
	}
	return missing
}
