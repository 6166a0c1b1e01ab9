package cable_test

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/redline-dev/redline/cable"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/telegram"
)

// A draft used for the round trip through each template: every field a
// template prints, a signature in mixed case (templates print it in
// capitals) and an E.O. line (the state-cable template adds the E.O. label).
const roundTripDraft = `---
title: Round trip
classification: SECRET
caveats: [NOFORN, UK EYES ONLY]
captions: [NODIS]
precedence: IMMEDIATE
from: CABINET OFFICE LONDON
to: [THE WHITE HOUSE, AMEMBASSY MOSCOW]
info: [UKMIS NEW YORK]
info_precedence: PRIORITY
passing: {for: GENERAL POWELL, from: "CHARLES POWELL, NO. 10 DOWNING STREET"}
subject: Moscow human rights conference
references: [STATE 387403, MOSCOW 07892]
eo: "12356: DECL: OADR"
tags: [PHUM, CSCE, UR]
signature: Margaret
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

// renderFCO renders with the fco-telegram template, whose TELNO line may
// print the series label itself (TELNO {{.Serial}}) or take it from the
// serial: either way the cable must say TELNO 1119 once.
func renderFCO(t *testing.T, doc *draft.Document, pageLines int) []byte {
	t.Helper()
	for _, serial := range []string{"TELNO 1119", "1119"} {
		out, err := telegram.Render(doc, telegram.Options{Template: "fco-telegram", DTG: "212130Z DEC 88", Serial: serial, PageLines: pageLines})
		if err != nil {
			t.Fatalf("fco-telegram: render: %v", err)
		}
		if !strings.Contains(string(out), "TELNO TELNO") && strings.Contains(string(out), "\nTELNO 1119\n") {
			return out
		}
	}
	t.Fatalf("fco-telegram: no serial gives the line TELNO 1119")
	return nil
}

// Parsing a cable that redline rendered gives back the fields it was
// rendered from, for every template and with page furniture: the
// addressees without their precedence, the caveats printed with the
// classification, the captions printed under it, the E.O. value without
// its label, the signature, and the text's words.
func TestParseRoundTripRendered(t *testing.T) {
	doc, err := draft.Parse("rt.md", []byte(roundTripDraft))
	if err != nil {
		t.Fatal(err)
	}
	f := doc.Fields
	for _, c := range []struct {
		template, serial string
		pageLines        int
	}{
		{"personal-message", "T 192A/88", 0},
		{"personal-message", "T 192A/88", 20},
		{"state-cable", "STATE 153441", 0},
		{"state-cable", "STATE 153441", 18},
		{"fco-telegram", "TELNO 1119", 0},
		{"fco-telegram", "TELNO 1119", 25},
	} {
		var out []byte
		if c.template == "fco-telegram" {
			out = renderFCO(t, doc, c.pageLines)
		} else {
			out, err = telegram.Render(doc, telegram.Options{Template: c.template, DTG: "212130Z DEC 88", Serial: c.serial, PageLines: c.pageLines})
			if err != nil {
				t.Fatalf("%s: render: %v", c.template, err)
			}
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
				t.Errorf("%s: %s = %#v, want %#v\n%s", name, field, got, want, out)
			}
		}
		check("Form", m.Form, map[string]string{"personal-message": "personal", "state-cable": "state", "fco-telegram": "fco"}[c.template])
		check("Precedence", m.Precedence, []string{"O", "P"})
		check("DTG", m.DTG, "212130Z DEC 88")
		check("From", m.From, f.From)
		check("To", m.To, f.To)
		check("Info", m.Info, f.Info)
		if c.template == "personal-message" {
			check("ToPrecedence", m.ToPrecedence, []string{"", ""})
			check("InfoPrecedence", m.InfoPrecedence, []string{""})
		} else {
			check("ToPrecedence", m.ToPrecedence, []string{"IMMEDIATE", "IMMEDIATE"})
			check("InfoPrecedence", m.InfoPrecedence, []string{"PRIORITY"})
		}
		check("Classification", m.Classification, f.Classification)
		check("Caveats", m.Caveats, f.Caveats)
		check("Serial", m.Serial, c.serial)
		switch c.template {
		case "personal-message":
			// The template prints no captions, subject or references.
			check("Captions", m.Captions, []string{})
			check("Heading", m.Heading[:2], f.Heading)
		case "state-cable":
			check("Captions", m.Captions, f.Captions)
			check("Heading", m.Heading, f.Heading)
			check("EO", m.EO, f.EO)
			check("Tags", m.Tags, f.Tags)
		case "fco-telegram":
			check("Captions", m.Captions, f.Captions)
		}
		if c.template != "personal-message" {
			check("Subject", m.Subject, strings.ToUpper(f.Subject))
			check("References", m.References, f.References)
		}
		if c.template != "fco-telegram" {
			fw, fr := cable.PassingParts(m.Passing)
			check("Passing", []string{fw, fr}, []string{f.Passing.For, f.Passing.From})
		}
		want := words(string(doc.Body), false)
		if c.template == "personal-message" {
			// A personal message's signature is part of the letter, as in
			// the seed (YOURS EVER / MARGARET''): it stays in the text.
			check("Signature", m.Signature, "")
			want = append(want, strings.ToUpper(f.Signature))
		} else {
			check("Signature", m.Signature, strings.ToUpper(f.Signature))
		}
		if got := words(m.Text, true); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: text words differ from the draft's:\n got %v\nwant %v\ncable:\n%s", name, got, want, out)
		}
	}
}

// A message long enough to be split into ACP 127 sections, each with its
// own heading and fields: parsed back it is one text again.
func TestParseRoundTripSections(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntemplate: state-cable\nclassification: SECRET\ncaveats: [NODIS]\ncaptions: [EXDIS]\nprecedence: IMMEDIATE\n" +
		"from: SECSTATE WASHDC\nto: [AMEMBASSY MOSCOW]\ninfo: [USMISSION USNATO, AMEMBASSY LONDON]\n" +
		"passing: {for: AMBASSADOR MATLOCK, from: SECRETARY}\neo: \"12356: DECL: OADR\"\ntags: [PHUM, CSCE]\n" +
		"subject: Moscow human rights conference\nreferences: [STATE 387403, MOSCOW 31234]\nsignature: Shultz\n---\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "Point %d: the Secretary hopes for an early conclusion of the Vienna meeting with provision for human rights meetings in Paris, Copenhagen and Moscow if the proper circumstances can be created.\n\n", i)
	}
	doc, err := draft.Parse("long.md", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	out, err := telegram.Render(doc, telegram.Options{DTG: "151200Z DEC 88", Serial: "STATE 387403", PageLines: 20})
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
	got := []any{m.Serial, m.Subject, m.Caveats, m.Captions, m.References, m.EO, m.Tags, m.Passing, m.Info, m.Signature, m.Ending}
	want := []any{"STATE 387403", "MOSCOW HUMAN RIGHTS CONFERENCE", []string{"NODIS"}, []string{"EXDIS"},
		[]string{"STATE 387403", "MOSCOW 31234"}, "12356: DECL: OADR", []string{"PHUM", "CSCE"},
		"FOR AMBASSADOR MATLOCK FROM SECRETARY", []string{"USMISSION USNATO", "AMEMBASSY LONDON"}, "SHULTZ", "NNNN"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fields:\n got %#v\nwant %#v", got, want)
	}
	// The repeated section heads and any signature at the end of a section
	// are furniture: the text is the draft's words, once, in order.
	if got, want := words(m.Text, true), words(string(doc.Body), false); !reflect.DeepEqual(got, want) {
		t.Errorf("text words differ: got %d words, want %d\n%s", len(got), len(want), m.Text)
	}
	if strings.Contains(m.Text, "SHULTZ") || strings.Contains(m.Text, "TAGS") || strings.Contains(m.Text, "E.O.") {
		t.Errorf("furniture left in the text:\n%s", m.Text)
	}
	// Paragraphs are kept apart across the section breaks.
	if n := strings.Count(m.Text, "\n\n"); n != 39 {
		t.Errorf("%d paragraph breaks, want 39:\n%s", n, m.Text)
	}
}
