package cmd

import (
	"encoding/json"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *VersionOptions
	c := NewCmdVersion(f, func(o *VersionOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "--json=version,dirty"); err != nil {
		t.Fatal(err)
	}
	if got == nil || !got.JSON.Enabled() || strings.Join(got.JSON.selected(), ",") != "version,dirty" {
		t.Fatalf("options = %+v", got)
	}
	got = nil
	c = NewCmdVersion(f, func(o *VersionOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "extra"); err == nil || got != nil {
		t.Fatalf("an argument must be refused before the run, got %v", err)
	}
}

func fakeBuild() (*debug.BuildInfo, bool) {
	return &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/redline-dev/redline", Version: "v1.4.0"},
		Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"},
			{Key: "vcs.modified", Value: "true"},
			{Key: "vcs.time", Value: "2026-12-02T10:00:00Z"},
		},
	}, true
}

func TestVersionFromBuildInfo(t *testing.T) {
	f, out, _ := testFactory(t)
	opts := &VersionOptions{IO: f.IO, Build: fakeBuild, JSON: &jsonExporter{}}
	if err := versionRun(opts); err != nil {
		t.Fatal(err)
	}
	line := out.String()
	for _, want := range []string{"redline v1.4.0", "rev 0123456789ab", "dirty", "2026-12-02T10:00:00Z"} {
		if !strings.Contains(line, want) {
			t.Errorf("version line %q lacks %q", line, want)
		}
	}
	out.Reset()
	opts.JSON = &jsonExporter{fields: "revision,dirty", known: jsonFieldNames(reflect.TypeOf(versionInfo{}))}
	if err := versionRun(opts); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if len(m) != 2 || m["dirty"] != true || m["revision"] != "0123456789abcdef0123" {
		t.Fatalf("--json=revision,dirty gave %v", m)
	}
}

func TestVersionFlagMatchesCommand(t *testing.T) {
	var a, b strings.Builder
	Main([]string{"version"}, strings.NewReader(""), &a, &a)
	Main([]string{"--version"}, strings.NewReader(""), &b, &b)
	if a.String() != b.String() || !strings.HasPrefix(a.String(), "redline ") {
		t.Fatalf("version printed %q, --version %q", a.String(), b.String())
	}
}
