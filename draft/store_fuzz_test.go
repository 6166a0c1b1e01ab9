package draft

import (
	"strings"
	"testing"
)

func FuzzParseConfig(f *testing.F) {
	f.Add(DefaultConfig().Marshal())
	f.Add([]byte("author: A\noffice: B\nnames: [CSCE]\n"))
	f.Add([]byte("series:\n  - {name: T, format: \"T {n}/{yy}\", yearly: true}\n"))
	f.Add([]byte("series: x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseConfig("c.yaml", data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error: %q", err)
			}
			return
		}
		// What was accepted is written back and read the same.
		back, err := ParseConfig("c.yaml", c.Marshal())
		if err != nil {
			t.Fatalf("Marshal gave a config that does not parse: %v\n%s", err, c.Marshal())
		}
		if back.Author != c.Author || back.Office != c.Office || len(back.Series) != len(c.Series) || len(back.Names) != len(c.Names) {
			t.Fatalf("round trip: %+v != %+v", back, c)
		}
		for i := range c.Series {
			if back.Series[i] != c.Series[i] {
				t.Fatalf("series %d: %+v != %+v", i, back.Series[i], c.Series[i])
			}
		}
		for i := range c.Names {
			if back.Names[i] != c.Names[i] {
				t.Fatalf("name %d: %q != %q", i, back.Names[i], c.Names[i])
			}
		}
	})
}

func FuzzDecodeRecord(f *testing.F) {
	s := "Dear Ron,\n"
	r := &record{Format: storeFormat, Draft: "a.md", Number: 1, Author: "a", Office: "b", Time: "1988-12-21T21:30:00Z", SHA256: HexSHA256([]byte(s)), Content: &s}
	f.Add(r.encode())
	f.Add([]byte(`{"format":1}`))
	f.Add([]byte(`{`))
	e := &labelEvent{Format: storeFormat, Seq: 1, Draft: "a.md", Label: "x", Revision: 1, After: 1, Time: "1988-12-21T21:30:00Z"}
	f.Add(e.encode())
	f.Fuzz(func(t *testing.T, data []byte) {
		if r, err := decodeRecord("f.json", data); err == nil {
			if HexSHA256(r.content) != r.SHA256 {
				t.Fatal("accepted a record whose content does not match its hash")
			}
		}
		decodeLabelEvent("f.json", data)
	})
}
