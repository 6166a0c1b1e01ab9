package draft

import (
	"strings"
	"testing"
)

func TestConfigRequirements(t *testing.T) {
	c := DefaultConfig()
	c.Require = []SendRequirement{{Series: "T", Clearances: []string{"FCO", "Cabinet Office:RBUTLER"}, Approval: true}}
	back, err := ParseConfig("c.yaml", c.Marshal())
	if err != nil {
		t.Fatalf("%v\n%s", err, c.Marshal())
	}
	r := back.RequirementFor("t")
	if r.Series != "T" || strings.Join(r.Clearances, "|") != "FCO|Cabinet Office:RBUTLER" || !r.Approval {
		t.Errorf("round trip: %+v", r)
	}
	if r := back.RequirementFor("TELNO"); len(r.Clearances) != 0 || r.Approval {
		t.Errorf("a series without requirements: %+v", r)
	}
	base := "series:\n  - {name: T, format: \"T {n}/{yy}\"}\n"
	for src, want := range map[string]string{
		base + "require:\n  - series: X\n    approval: true\n":          `c.yaml:4:5: require: there is no series "X" (the series are T)`,
		base + "require:\n  - approval: true\n":                         `c.yaml:4:5: require[0] names no series`,
		base + "require:\n  - {series: T}\n  - {series: t}\n":           `c.yaml:5:5: require: series "t" is given twice`,
		base + "require:\n  - series: T\n    clearances: [\":NAME\"]\n": `c.yaml:4:5: require: series "T": clearance ":NAME" names no office`,
		base + "require:\n  - series: T\n    approval: yes please\n":    `c.yaml:5:15: require[0].approval must be true or false`,
		base + "require:\n  - series: T\n    aproval: true\n":           `c.yaml:5:5: unknown key "aproval"`,
	} {
		_, err := ParseConfig("c.yaml", []byte(src))
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: got %v, want %s", src, err, want)
		}
	}
}

// FuzzConfigRequirements: whatever require: list is accepted is written
// back by Marshal and read the same.
func FuzzConfigRequirements(f *testing.F) {
	base := "series:\n  - {name: T, format: \"T {n}/{yy}\"}\n  - {name: STATE, format: \"STATE {n}\"}\n"
	f.Add(base + "require:\n  - series: T\n    clearances: [FCO, \"Cabinet Office:RBUTLER\"]\n    approval: true\n")
	f.Add(base + "require:\n  - {series: state, approval: false}\n  - {series: T, clearances: [\"No. 10: Private Office:CDP\"]}\n")
	f.Add(base + "require: []\n")
	f.Fuzz(func(t *testing.T, src string) {
		c, err := ParseConfig("c.yaml", []byte(src))
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error: %q", err)
			}
			return
		}
		back, err := ParseConfig("c.yaml", c.Marshal())
		if err != nil {
			t.Fatalf("Marshal gave a config that does not parse: %v\n%s", err, c.Marshal())
		}
		if len(back.Require) != len(c.Require) {
			t.Fatalf("require: %+v != %+v", back.Require, c.Require)
		}
		for i, r := range c.Require {
			b := back.Require[i]
			if b.Series != r.Series || b.Approval != r.Approval || strings.Join(b.Clearances, "\x00") != strings.Join(r.Clearances, "\x00") {
				t.Fatalf("require[%d]: %+v != %+v", i, b, r)
			}
		}
	})
}
