package cable_test

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/render"
)

// A draft used for the round trip through each template.
const roundTripDraft = `---
title: Round trip
classification: SECRET
captions: [NODIS]
precedence: IMMEDIATE
from: CABINET OFFICE LONDON
to: [THE WHITE HOUSE, AMEMBASSY MOSCOW]
info: [UKMIS NEW YORK]
info_precedence: PRIORITY
passing: {for: GENERAL POWELL, from: "CHARLES POWELL, NO. 10 DOWNING STREET"}
subject: Moscow human rights conference
references: [STATE 387403, MOSCOW 07892]
signature: MARGARET
heading: [MESSAGE FROM THE PRIME MINISTER TO, TO THE PRESIDENT OF THE UNITED STATES]
---
The following is the text of a message from the Prime Minister to the President about the proposal to hold a human rights conference in Moscow.

“Dear Ron

If the present Vienna CSCE meeting is to be concluded during your Administration, as I believe is your hope, we shall have to reach a decision very soon on whether to agree to a Human Dimension Conference in Moscow.

- A number of family reunification cases have been resolved.
- The jamming of Western broadcasts to the Soviet Union has ceased.

But there is much still to be put right. We must also guard against the Soviets back-sliding on their commitments in the interval until 1991 when the proposed Conference would take place. We must therefore find a way of keeping the Soviet Union up to the mark, and make it clear to Moscow, publicly and privately, that our agreement to attend a Moscow Conference in 1991 is strictly conditional on continued progress meanwhile.

With warm regards and every good wish to you and Nancy for Christmas and the New Year from us both.

Yours ever
`

var (
	nonWord    = regexp.MustCompile(`[^A-Z0-9]+`)
	paraNumber = regexp.MustCompile(`^(\d+|[A-Z])\.$`)
)

// words reduces a text to its words in upper case, without punctuation
// and without paragraph numbers and bullets that templates add.
func words(s string, dropNumbers bool) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToUpper(s)) {
		if dropNumbers && (paraNumber.MatchString(w) || w == "-") {
			continue
		}
		w = nonWord.ReplaceAllString(w, "")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Parsing a cable that redline rendered gives back the fields it was
// rendered from, for every template and with page furniture.
func TestParseRoundTripRendered(t *testing.T) {
	doc, err := draft.Parse("rt.md", []byte(roundTripDraft))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		template, serial string
		pageLines        int
	}{
		{"personal-message", "T 192A/88", 0},
		{"personal-message", "T 192A/88", 20},
		{"state-cable", "STATE 153441", 0},
		{"state-cable", "STATE 153441", 18},
		// The FCO template writes the TELNO label itself.
		{"fco-telegram", "1119", 0},
		{"fco-telegram", "1119", 25},
	} {
		out, err := render.Cable(doc, render.CableOptions{Template: c.template, DTG: "212130Z DEC 88", Serial: c.serial, PageLines: c.pageLines})
		if err != nil {
			t.Fatalf("%s: render: %v", c.template, err)
		}
		name := c.template
		if c.pageLines > 0 {
			name += " in pages"
		}
		if !cable.IsCable(out) {
			t.Errorf("%s: IsCable = false", name)
		}
		m, err := cable.Parse(out)
		if err != nil {
			t.Errorf("%s: %v\n%s", name, err, out)
			continue
		}
		check := func(field string, got, want any) {
			t.Helper()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %s = %#v, want %#v", name, field, got, want)
			}
		}
		check("Precedence", m.Precedence, []string{"O", "P"})
		check("DTG", m.DTG, "212130Z DEC 88")
		check("From", m.From, "CABINET OFFICE LONDON")
		var to, info []string
		for _, a := range m.To {
			to = append(to, strings.TrimSuffix(a, " IMMEDIATE"))
		}
		for _, a := range m.Info {
			info = append(info, strings.TrimSuffix(a, " PRIORITY"))
		}
		check("To", to, []string{"THE WHITE HOUSE", "AMEMBASSY MOSCOW"})
		check("Info", info, []string{"UKMIS NEW YORK"})
		check("Classification", m.Classification, "SECRET")
		if c.template != "personal-message" {
			check("Captions", m.Captions, []string{"NODIS"})
		}
		serial := c.serial
		if c.template == "fco-telegram" {
			serial = "TELNO " + serial
		}
		check("Serial", m.Serial, serial)
		if c.template != "personal-message" {
			check("Subject", m.Subject, "MOSCOW HUMAN RIGHTS CONFERENCE")
			check("References", m.References, []string{"STATE 387403", "MOSCOW 07892"})
		}
		if c.template != "fco-telegram" {
			f, fr := cable.PassingParts(m.Passing)
			check("Passing", []string{f, fr}, []string{"GENERAL POWELL", "CHARLES POWELL, NO. 10 DOWNING STREET"})
		}
		if c.template == "personal-message" {
			check("Heading", m.Heading[:2], []string{"MESSAGE FROM THE PRIME MINISTER TO", "TO THE PRESIDENT OF THE UNITED STATES"})
		}
		want := append(words(string(doc.Body), false), "MARGARET")
		if got := words(m.Text, true); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: text words differ from the draft's:\n got %v\nwant %v\ncable:\n%s", name, got, want, out)
		}
	}
}

// A message long enough to be split into ACP 127 sections, each with its
// own heading and fields: parsed back it is one text again.
func TestParseRoundTripSections(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntemplate: state-cable\nclassification: SECRET\ncaptions: [NODIS]\nprecedence: IMMEDIATE\n" +
		"from: SECSTATE WASHDC\nto: [AMEMBASSY MOSCOW]\nsubject: Moscow human rights conference\n" +
		"references: [STATE 387403]\n---\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "Point %d: the Secretary hopes for an early conclusion of the Vienna meeting with provision for human rights meetings in Paris, Copenhagen and Moscow if the proper circumstances can be created.\n\n", i)
	}
	doc, err := draft.Parse("long.md", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	out, err := render.Cable(doc, render.CableOptions{DTG: "151200Z DEC 88", Serial: "STATE 387403", PageLines: 20})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "FINAL SECTION OF") {
		t.Fatalf("the rendering has no sections:\n%s", out)
	}
	m, err := cable.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if m.Serial != "STATE 387403" || m.Subject != "MOSCOW HUMAN RIGHTS CONFERENCE" || !reflect.DeepEqual(m.Captions, []string{"NODIS"}) ||
		!reflect.DeepEqual(m.References, []string{"STATE 387403"}) || m.Ending != "NNNN" {
		t.Errorf("fields: %+v", m)
	}
	if got, want := words(m.Text, true), words(string(doc.Body), false); !reflect.DeepEqual(got, want) {
		t.Errorf("text words differ: got %d words, want %d\n%s", len(got), len(want), m.Text)
	}
}
