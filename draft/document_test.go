package draft

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestParseFrontMatter(t *testing.T) {
	src := "---\n" +
		"title: Message to President Reagan\n" +
		"classification: secret\n" +
		"precedence: o\n" +
		"to: [THE WHITE HOUSE]\n" +
		"info: WASHINGTON\n" +
		"passing: {for: GENERAL POWELL, from: \"CHARLES POWELL, NO. 10\"}\n" +
		"---\n" +
		"Dear Ron,\n\nIf the present Vienna CSCE meeting ...\n"
	d, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := Fields{
		Title: "Message to President Reagan", Classification: "SECRET", Precedence: "IMMEDIATE",
		To: []string{"THE WHITE HOUSE"}, Info: []string{"WASHINGTON"},
		Passing: Passing{For: "GENERAL POWELL", From: "CHARLES POWELL, NO. 10"},
	}
	if !reflect.DeepEqual(d.Fields, want) {
		t.Errorf("fields = %+v\nwant %+v", d.Fields, want)
	}
	if !d.HasFrontMatter || d.BodyLine != 9 || string(d.Body) != "Dear Ron,\n\nIf the present Vienna CSCE meeting ...\n" {
		t.Errorf("body at line %d = %q", d.BodyLine, d.Body)
	}
	if !bytes.Equal(d.Bytes(), []byte(src)) {
		t.Errorf("Bytes() does not round-trip")
	}
}

func TestParseWithoutFrontMatter(t *testing.T) {
	for _, src := range []string{"", "Dear Ron,\n", "# Heading\n\n---\n\ntext\n", "--- \nnot closed? no: text only\n"[4:]} {
		d, err := Parse("t.md", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if d.HasFrontMatter || string(d.Body) != src || d.BodyLine != 1 || string(d.Bytes()) != src {
			t.Errorf("%q: %+v", src, d)
		}
	}
}

func TestParseBOMAndCRLF(t *testing.T) {
	src := "\xEF\xBB\xBF---\r\ntitle: T\r\nclassification: CONFIDENTIAL\r\n---\r\nBody line\r\n"
	d, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if d.Fields.Title != "T" || d.Fields.Classification != "CONFIDENTIAL" || string(d.Body) != "Body line\r\n" || d.BodyLine != 5 {
		t.Errorf("got %+v body %q", d.Fields, d.Body)
	}
	if string(d.Bytes()) != src {
		t.Errorf("round trip: %q", d.Bytes())
	}
	d.Fields.Title = "New title"
	got := string(d.Bytes())
	if !strings.HasPrefix(got, "\xEF\xBB\xBF---\r\n") || !strings.Contains(got, "title: New title\r\n") || !strings.HasSuffix(got, "---\r\nBody line\r\n") {
		t.Errorf("rewritten: %q", got)
	}
	if d2, err := Parse("t.md", []byte(got)); err != nil || d2.Fields.Title != "New title" || d2.Fields.Classification != "CONFIDENTIAL" {
		t.Errorf("reparse: %v %+v", err, d2)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"---\ntitle: x\ntitel: y\n---\n", `t.md:3:1: unknown key "titel" in front matter: did you mean "title"? allowed keys: title, template,`},
		{"---\nclassification: SEKRET\n---\n", `t.md:2:17: unknown classification "SEKRET": use one of UNCLASSIFIED, LIMITED OFFICIAL USE, RESTRICTED, CONFIDENTIAL, SECRET, TOP SECRET`},
		{"---\nprecedence: URGENT\n---\n", `t.md:2:13: precedence: unknown precedence "URGENT": use one of FLASH, IMMEDIATE, PRIORITY, ROUTINE`},
		{"---\ninfo: [PARIS, MOSCOW (ROUTNE)]\n---\n", `t.md:2:7: info: "MOSCOW (ROUTNE)": unknown precedence "ROUTNE" in brackets: did you mean (ROUTINE)?`},
		{"---\ndeskby: 170600\n---\n", `t.md:2:9: deskby "170600" is not a time DDHHMMZ (day, hour and minute, then the zone letter): write it as 170600Z`},
		{"---\ntitle: [a, b]\n---\n", `t.md:2:8: title must be text, not a list`},
		{"---\nto: {a: b}\n---\n", `t.md:2:5: to must be a list, not a mapping`},
		{"---\npassing: {for: X, via: Y}\n---\n", `t.md:2:19: unknown key "via" in passing: allowed keys: for, from`},
		{"---\npassing: X\n---\n", `t.md:2:10: passing must be a mapping of keys, not "X"`},
		{"---\ntitle: a\ntitle: b\n---\n", `t.md:3:1: key "title" is given twice`},
		{"---\n- a\n- b\n---\n", `t.md:2:1: the front matter must be a mapping of keys, not a list`},
		{"---\ntitle: x\n", `t.md:1:1: front matter opened with --- is never closed`},
		{"---\ntitle: \"x\n---\n", `t.md:`},
		{"---\ntitle: a: b\n---\n", `t.md:2: front matter is not valid YAML`},
		{"ok\x00", `t.md: NUL byte at byte offset 2`},
		{"caf\xe9\n", `t.md: invalid UTF-8 at byte offset 3`},
		{"\xEF\xBB\xBF---\r\nbogus: 1\r\n---\r\n", `t.md:2:1: unknown key "bogus"`},
	} {
		_, err := Parse("t.md", []byte(tc.src))
		if err == nil {
			t.Errorf("%q: accepted", tc.src)
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\n got %v\nwant %s...", tc.src, err, tc.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error has more than one line: %q", tc.src, err)
		}
	}
}

func TestBytesKeepsCommentsAndOrder(t *testing.T) {
	src := "---\n# the message\ntitle: Old   # short\nprecedence: immediate\nto: [A]\n---\nBody\n"
	d, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d.Fields.Title = "New"
	d.Fields.To = nil
	d.Fields.Serial = "T 123/88"
	got := string(d.Bytes())
	want := "---\n# the message\ntitle: New # short\nprecedence: immediate\nserial: T 123/88\n---\nBody\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// A body edit alone keeps the front matter's bytes.
	d2, _ := Parse("t.md", []byte(src))
	d2.Body = []byte("New body\n")
	if got := string(d2.Bytes()); got != strings.Replace(src, "Body\n", "New body\n", 1) {
		t.Errorf("body edit: %q", got)
	}
}

func TestAddFrontMatter(t *testing.T) {
	d, err := Parse("t.md", []byte("\xEF\xBB\xBFDear Ron,\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	d.Fields.Title = "T"
	if got := string(d.Bytes()); got != "\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\nDear Ron,\r\n" {
		t.Errorf("got %q", got)
	}
}

func TestNewDocument(t *testing.T) {
	d := New("n.md", Fields{Title: "T", To: []string{"WASHINGTON"}}, []byte("Text\n"))
	got := string(d.Bytes())
	if got != "---\ntitle: T\nto:\n  - WASHINGTON\n---\nText\n" {
		t.Errorf("got %q", got)
	}
	p, err := Parse("n.md", d.Bytes())
	if err != nil || p.Fields.Title != "T" || string(p.Body) != "Text\n" {
		t.Errorf("reparse: %v %+v", err, p)
	}
	if got := string(New("n.md", Fields{}, []byte("x")).Bytes()); got != "x" {
		t.Errorf("no fields: %q", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "Dear Ron,\n", "---\n---\n", "---\ntitle: x\n---\nbody\n",
		"\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\nb\r\n",
		"---\npassing: {for: A, from: B}\nto: [X, Y]\nclassification: secret\n---\n",
		"---\ntitle: &a x\ntemplate: *a\n...\nbody",
		"---\n# only a comment\n---\n",
		"---\nprecedence: [\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("fuzz.md", data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error: %q", err)
			}
			return
		}
		if !bytes.Equal(d.Bytes(), data) {
			t.Fatalf("round trip differs")
		}
		// Changing a field must still give a parseable file with that value.
		d.Fields.Serial = "T 1/88"
		out := d.Bytes()
		d2, err := Parse("fuzz.md", out)
		if err != nil {
			t.Fatalf("rewritten file does not parse: %v\n%q", err, out)
		}
		if d2.Fields.Serial != "T 1/88" || !bytes.Equal(d2.Body, d.Body) {
			t.Fatalf("rewritten file: serial %q body %q, want body %q", d2.Fields.Serial, d2.Body, d.Body)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	src := []byte("---\ntitle: Message\nclassification: SECRET\nprecedence: IMMEDIATE\nto: [THE WHITE HOUSE]\n---\n" +
		strings.Repeat("If the present Vienna CSCE meeting is to be concluded during your Administration.\n\n", 200))
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse("b.md", src); err != nil {
			b.Fatal(err)
		}
	}
}
