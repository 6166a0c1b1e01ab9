package diff

import (
	"os"
	"strings"
	"testing"
)

func compareText(t *testing.T, a, b string, opts Options) *Comparison {
	t.Helper()
	c, err := Compare(Input{Name: "a.txt", Data: []byte(a), Kind: KindText}, Input{Name: "b.txt", Data: []byte(b), Kind: KindText}, opts)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariant(t, c, a, b)
	return c
}

func checkInvariant(t *testing.T, c *Comparison, a, b string) {
	t.Helper()
	if got := c.Text("a"); got != a {
		t.Fatalf("old side does not rebuild:\n got %q\nwant %q", got, a)
	}
	if got := c.Text("b"); got != b {
		t.Fatalf("new side does not rebuild:\n got %q\nwant %q", got, b)
	}
}

// redline writes the comparison in wdiff's notation, for short tests.
func redline(c *Comparison) string {
	var sb strings.Builder
	for _, s := range c.Segments {
		switch s.Op {
		case OpEqual:
			sb.WriteString(s.B)
		case OpDelete:
			sb.WriteString("[-" + s.A + "-]")
		case OpInsert:
			sb.WriteString("{+" + s.B + "+}")
		case OpMoveFrom:
			sb.WriteString("<" + s.A + ">")
		case OpMoveTo:
			sb.WriteString("(" + s.B + ")")
		}
	}
	return sb.String()
}

func TestCompareWords(t *testing.T) {
	tests := []struct {
		name, a, b, want string
		opts             Options
	}{
		{"identical", "One two three.\n", "One two three.\n", "One two three.\n", Options{}},
		{"replace phrase", "we can no longer delay a decision on this", "we shall have to reach a decision very soon on this",
			"we [-can no longer delay -]{+shall have to reach +}a decision {+very soon +}on this", Options{}},
		{"one word", "our people have kept", "our experts have kept", "our [-people -]{+experts +}have kept", Options{}},
		{"rewrap is no change", "a b c\nd e f", "a b\nc d   e f", "a b\nc d   e f", Options{}},
		{"paragraph split", "one two. three four.", "one two.\n\nthree four.", "one two.{+\n\n+}three four.", Options{}},
		{"paragraph join", "one two.\n\nthree four.", "one two. three four.", "one two. [-\n\n-]three four.", Options{}},
		{"case differs", "The Cat", "the cat", "[-The Cat-]{+the cat+}", Options{}},
		{"ignore case", "The Cat", "the cat", "the cat", Options{IgnoreCase: true}},
		{"quotes and dashes", "“Yes” — he said it's", "\"Yes\" - he said it’s", "\"Yes\" - he said it’s", Options{}},
		{"doubled apostrophes", "MARGARET”", "MARGARET''", "MARGARET''", Options{}},
		{"ignore punctuation", "Yes, he said.", "Yes he said", "Yes he said", Options{IgnorePunctuation: true}},
		{"nfc", "caf\u00e9", "cafe\u0301", "cafe\u0301", Options{}},
		{"cjk ideographs are words", "我们同意会议", "我们反对会议", "我们[-同意-]{+反对+}会议", Options{}},
		{"empty old", "", "new text", "{+new text+}", Options{}},
		{"empty new", "old text", "", "[-old text-]", Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := compareText(t, tt.a, tt.b, tt.opts)
			if got := redline(c); got != tt.want {
				t.Errorf("redline\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestAutomaticCaseFolding(t *testing.T) {
	c := compareText(t, "We shall meet in Moscow.", "WE SHALL MEET IN MOSCOW.", Options{})
	if c.HasChanges() {
		t.Errorf("an upper-case side should fold case: %s", redline(c))
	}
	if len(c.Notes) != 1 || !strings.Contains(c.Notes[0], "b.txt is all upper case") {
		t.Errorf("notes = %q, want one saying b.txt is all upper case", c.Notes)
	}
}

func TestChangeNumbersAndStats(t *testing.T) {
	c := compareText(t, "alpha beta gamma delta epsilon zeta", "alpha BETA gamma delta zeta eta", Options{})
	var nums []int
	for _, s := range c.Segments {
		if s.Op != OpEqual {
			nums = append(nums, s.Change)
		}
	}
	if len(nums) == 0 || nums[0] != 1 {
		t.Fatalf("changes not numbered from 1: %v", nums)
	}
	for i := 1; i < len(nums); i++ {
		if nums[i] < nums[i-1] || nums[i] > nums[i-1]+1 {
			t.Fatalf("change numbers not in document order: %v", nums)
		}
	}
	st := c.Stats
	if st.OldWords != 6 || st.NewWords != 6 {
		t.Errorf("words = %d/%d, want 6/6", st.OldWords, st.NewWords)
	}
	if st.Changes != nums[len(nums)-1] {
		t.Errorf("stats.changes = %d, last number %d", st.Changes, nums[len(nums)-1])
	}
	if st.DeletedWords != 2 || st.InsertedWords != 2 {
		t.Errorf("deleted/inserted = %d/%d, want 2/2 (%s)", st.DeletedWords, st.InsertedWords, redline(c))
	}
	if want := 2.0 * 4 / 12; st.Similarity < want-0.001 || st.Similarity > want+0.001 {
		t.Errorf("similarity = %v, want %v", st.Similarity, want)
	}
}

const movedPara = "The delegations agreed that the final document should record every commitment made in the course of the meeting."

func TestMoveWithInnerEdit(t *testing.T) {
	a := "First paragraph stays here.\n\n" + movedPara + "\n\nSecond paragraph stays too.\n\nThird paragraph closes.\n"
	moved := strings.Replace(movedPara, "every", "each", 1)
	b := "First paragraph stays here.\n\nSecond paragraph stays too.\n\nThird paragraph closes.\n\n" + moved + "\n"
	c := compareText(t, a, b, Options{Moves: true})
	var from, to, innerDel, innerIns int
	ids := map[int]bool{}
	for _, s := range c.Segments {
		switch {
		case s.Op == OpMoveFrom:
			from++
			ids[s.Move] = true
		case s.Op == OpMoveTo:
			to++
			ids[s.Move] = true
		case s.Op == OpDelete && s.Move != 0:
			innerDel++
			if strings.TrimSpace(s.A) != "every" {
				t.Errorf("inner deletion %q, want every", s.A)
			}
		case s.Op == OpInsert && s.Move != 0:
			innerIns++
			if strings.TrimSpace(s.B) != "each" {
				t.Errorf("inner insertion %q, want each", s.B)
			}
		}
	}
	if from == 0 || to == 0 || len(ids) != 1 || innerDel != 1 || innerIns != 1 {
		t.Fatalf("want one move with an inner edit, got from=%d to=%d ids=%v del=%d ins=%d: %s", from, to, ids, innerDel, innerIns, redline(c))
	}
	if c.Stats.MovedWords != 17 {
		t.Errorf("moved words = %d, want 17", c.Stats.MovedWords)
	}
	// Both ends of the move carry one change number.
	num := 0
	for _, s := range c.Segments {
		if s.Move != 0 {
			if num == 0 {
				num = s.Change
			} else if s.Change != num {
				t.Errorf("move pieces numbered %d and %d", num, s.Change)
			}
		}
	}
	noMoves := compareText(t, a, b, Options{})
	for _, s := range noMoves.Segments {
		if s.Move != 0 {
			t.Fatalf("moves found with Moves off")
		}
	}
}

func TestShortRunIsNotAMove(t *testing.T) {
	a := "one two three four five six seven.\n\nStay here.\n"
	b := "Stay here.\n\none two three four five six seven.\n"
	c := compareText(t, a, b, Options{Moves: true})
	for _, s := range c.Segments {
		if s.Move != 0 {
			t.Fatalf("seven words reported as a move: %s", redline(c))
		}
	}
}

func TestMarkdownMarkupIsNotCompared(t *testing.T) {
	a := "# A heading\n\nSome *emphasised* text with a [link](https://example.com/a) and <!-- a note --> more.\n\n* one\n* two\n"
	b := "A heading\n\nSome emphasised text with a link and more.\n\n- one\n- two\n"
	c, err := Compare(Input{Name: "a.md", Data: []byte(a)}, Input{Name: "b.md", Data: []byte(b)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariant(t, c, a, b)
	if c.HasChanges() {
		t.Errorf("markup that does not print made changes: %s", redline(c))
	}
	c, err = Compare(Input{Name: "a.md", Data: []byte("Go to [the site](https://a.example).")}, Input{Name: "b.md", Data: []byte("Go to [the site](https://b.example).")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.HasChanges() {
		t.Errorf("a link destination made a change: %s", redline(c))
	}
}

func TestMarkdownHeadingIsABlock(t *testing.T) {
	for _, a := range []string{"# The heading\nThe text follows.\n", "The heading\n===\nThe text follows.\n"} {
		c, err := Compare(Input{Name: "a.md", Data: []byte(a)}, Input{Name: "b.txt", Data: []byte("THE HEADING\n\nTHE TEXT FOLLOWS.\n")}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkInvariant(t, c, a, "THE HEADING\n\nTHE TEXT FOLLOWS.\n")
		if c.HasChanges() {
			t.Errorf("%q: a heading should end its paragraph: %s", a, redline(c))
		}
	}
}

func TestFrontMatterIsFieldsNotWords(t *testing.T) {
	a := "---\nprecedence: IMMEDIATE\nclassification: SECRET\n---\nThe text.\n"
	b := "---\nprecedence: FLASH\nclassification: SECRET\n---\nThe text.\n"
	c, err := Compare(Input{Name: "a.md", Data: []byte(a)}, Input{Name: "b.md", Data: []byte(b)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariant(t, c, "The text.\n", "The text.\n")
	if len(c.Fields) != 1 || c.Fields[0] != (FieldChange{"precedence", "IMMEDIATE", "FLASH"}) {
		t.Errorf("fields = %+v", c.Fields)
	}
	if !c.HasChanges() {
		t.Error("a field change is a change")
	}
	if c.Old.Classification != "SECRET" {
		t.Errorf("old classification = %q", c.Old.Classification)
	}
}

func TestArchiveCableAgainstDraft(t *testing.T) {
	a, err := os.ReadFile("testdata/archive-draft.md")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/archive-cable.txt")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Compare(Input{Name: "archive-draft.md", Data: a}, Input{Name: "archive-cable.txt", Data: b}, Options{Moves: true})
	if err != nil {
		t.Fatal(err)
	}
	if c.New.Kind != KindCable || c.Old.Kind != KindMarkdown {
		t.Fatalf("kinds %s/%s", c.Old.Kind, c.New.Kind)
	}
	for _, s := range c.Segments {
		if s.Op != OpEqual {
			t.Fatalf("word change between a draft and its archive copy: %s", redline(c))
		}
	}
	if len(c.Fields) != 0 {
		t.Errorf("field changes: %+v", c.Fields)
	}
	if len(c.Notes) == 0 || !strings.Contains(c.Notes[0], "is a cable") {
		t.Errorf("notes = %q", c.Notes)
	}
	// Read as text, the envelope and the furniture are words.
	c, err = Compare(Input{Name: "archive-draft.md", Data: a}, Input{Name: "archive-cable.txt", Data: b, Kind: KindText}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariant(t, c, c.Text("a"), string(b))
	if c.Stats.InsertedWords == 0 {
		t.Error("--as text should compare the envelope as words")
	}
}

// The 1988 example: the FCO draft against the telegram as sent shows No. 10's
// amendments and nothing that comes from case, wrapping or the envelope.
func TestMoscow1988(t *testing.T) {
	a, err := os.ReadFile("../examples/moscow-1988/fco-draft.md")
	if err != nil {
		t.Skip("example not present:", err)
	}
	b, err := os.ReadFile("../examples/moscow-1988/as-sent.txt")
	if err != nil {
		t.Skip("example not present:", err)
	}
	c, err := Compare(Input{Name: "fco-draft.md", Data: a}, Input{Name: "as-sent.txt", Data: b}, Options{Moves: true})
	if err != nil {
		t.Fatal(err)
	}
	var del, ins []string
	for _, s := range c.Segments {
		switch s.Op {
		case OpDelete, OpMoveFrom:
			del = append(del, strings.Join(strings.Fields(s.A), " "))
		case OpInsert, OpMoveTo:
			ins = append(ins, strings.Join(strings.Fields(s.B), " "))
		}
		if s.Op != OpEqual && s.Op != OpMoveFrom && s.Op != OpMoveTo && strings.EqualFold(strings.TrimSpace(s.A), strings.TrimSpace(s.B)) && s.A != "" {
			t.Errorf("a change of case only: %q / %q", s.A, s.B)
		}
	}
	has := func(list []string, want string) bool {
		for _, x := range list {
			if strings.Contains(x, want) {
				return true
			}
		}
		return false
	}
	for _, w := range []string{"can no longer delay", "people", "on which we insist", "we cannot close our eyes to the fact that",
		"I recognise however that other Western interests", "We have both welcomed President Gorbachev's programme"} {
		if !has(del, w) {
			t.Errorf("deletions lack %q: %q", w, del)
		}
	}
	for _, w := range []string{"SHALL HAVE TO REACH", "VERY SOON", "EXPERTS", "WHICH ARE ESSENTIAL",
		"I FEEL SURE THAT YOU WILL AGREE THAT THIS IS A VITAL POINT", "CHRISTMAS AND THE NEW YEAR"} {
		if !has(ins, w) {
			t.Errorf("insertions lack %q: %q", w, ins)
		}
	}
	for _, bad := range []string{"SECRET", "FM CABINET", "212130Z", "BT"} {
		if has(ins, bad) {
			t.Errorf("the envelope shows as words: %q in %q", bad, ins)
		}
	}
	// The draft had no date-time group or serial: what the send stamped is
	// not a change unless Stamps asks for it.
	names := map[string]bool{}
	for _, f := range c.Fields {
		names[f.Name] = true
	}
	if names["dtg"] || names["serial"] || names["precedence"] || names["classification"] {
		t.Errorf("fields = %+v", c.Fields)
	}
	stamped, err := Compare(Input{Name: "fco-draft.md", Data: a}, Input{Name: "as-sent.txt", Data: b},
		Options{Moves: true, Stamps: true})
	if err != nil {
		t.Fatal(err)
	}
	names = map[string]bool{}
	for _, f := range stamped.Fields {
		names[f.Name] = true
	}
	if !names["dtg"] || !names["serial"] {
		t.Errorf("with Stamps, fields = %+v", stamped.Fields)
	}
}

// One mixed-case line in a teleprinter text does not turn off case folding
// (QA F42): the redline shows that line, not every word.
func TestMostlyUpperFoldsCase(t *testing.T) {
	a := "We shall meet in Moscow next month to settle the matter of the conference.\n"
	b := "WE SHALL MEET IN MOSCOW NEXT MONTH TO SETTLE THE MATTER OF THE CONFERENCE.\nRef: tel No. 1119\n"
	c := compareText(t, a, b, Options{})
	if c.Stats.Changes != 1 || c.Stats.InsertedWords != 4 {
		t.Fatalf("want one insertion of 4 words, got %d changes: %s", c.Stats.Changes, redline(c))
	}
	if len(c.Notes) != 1 || !strings.Contains(c.Notes[0], "b.txt is upper case (") {
		t.Errorf("notes = %q, want one saying why case was ignored", c.Notes)
	}
	// A mixed-case text with a few capitals is not upper case.
	c = compareText(t, "NATO and the USSR met.", "nato and the ussr met.", Options{})
	if !c.HasChanges() {
		t.Errorf("mixed-case sides folded: %s", redline(c))
	}
}

// A compound broken at its own hyphen in a cable, or written solid, matches
// the draft's hyphenated form; each side keeps its own text (QA F12).
func TestHyphenatedCompounds(t *testing.T) {
	a := "guard against the Soviets back-sliding on the long-term refuseniks.\n"
	for _, b := range []string{
		"GUARD AGAINST THE SOVIETS BACK-\nSLIDING ON THE LONG-\n  TERM REFUSENIKS.\n",
		"GUARD AGAINST THE SOVIETS BACKSLIDING ON THE LONGTERM REFUSENIKS.\n",
		"guard against the Soviets back\u2010sliding on the long-term refuseniks.\n",
	} {
		c := compareText(t, a, b, Options{})
		if c.HasChanges() {
			t.Errorf("%q: %s", b, redline(c))
		}
	}
	// A hyphen that is not inside a word is still compared.
	c := compareText(t, "one - two\n", "one two\n", Options{})
	if !c.HasChanges() {
		t.Errorf("a dash between words was not compared")
	}
}

// A draft side carries its front matter as written, so that a view writing
// the new document can give it back whole (QA F4).
func TestSideFrontMatter(t *testing.T) {
	fm := "---\r\ntitle: A  draft\r\nclassification: SECRET\r\n---\r\n"
	c, err := Compare(Input{Name: "a.md", Data: []byte("\ufeff" + fm + "Body one.\n")}, Input{Name: "b.txt", Data: []byte("Body two.\n")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Old.FrontMatter != fm || c.New.FrontMatter != "" {
		t.Fatalf("front matter %q / %q, want %q / none", c.Old.FrontMatter, c.New.FrontMatter, fm)
	}
	if c.Text("a")+"" != "Body one.\n" || c.Old.FrontMatter+c.Text("a") != fm+"Body one.\n" {
		t.Fatalf("front matter and body do not give back the file")
	}
}
