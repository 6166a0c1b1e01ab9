package cmd

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// attribCommands builds blame, verify, clear, approve and clearances, each
// with a runF that records that it ran and the JSON flags it was given.
func attribCommands(f *Factory, ran *bool, got **jsonExporter) map[string]*cobra.Command {
	return map[string]*cobra.Command{
		"blame":      NewCmdBlame(f, func(o *BlameOptions) error { *ran, *got = true, o.JSON; return nil }),
		"verify":     NewCmdVerify(f, func(o *VerifyOptions) error { *ran, *got = true, o.JSON; return nil }),
		"clear":      NewCmdClear(f, func(o *ClearOptions) error { *ran, *got = true, o.JSON; return nil }),
		"approve":    NewCmdApprove(f, func(o *ClearOptions) error { *ran, *got = true, o.JSON; return nil }),
		"clearances": NewCmdClearances(f, func(o *ClearancesOptions) error { *ran, *got = true, o.JSON; return nil }),
	}
}

// Each of them takes --json=FIELDS, --jq and --json-template like the other
// listings, and refuses an unknown field (naming the valid ones) or --jq
// with --json-template while parsing, before it runs: clear and approve
// would otherwise record the clearance and then exit 2.
func TestAttribJSONFlags(t *testing.T) {
	fields := map[string][]string{
		"blame": {"ref", "words"}, "verify": {"clean", "changes"}, "clear": {"record", "state"},
		"approve": {"record", "state"}, "clearances": {"records", "missing"},
	}
	for _, name := range []string{"blame", "verify", "clear", "approve", "clearances"} {
		f, _, _ := testFactory(t)
		var ran bool
		var got *jsonExporter
		if err := parseOnly(t, attribCommands(f, &ran, &got)[name], "message.md", "--json="+strings.Join(fields[name], ",")); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !ran || got == nil || !got.Enabled() || !reflect.DeepEqual(got.selected(), fields[name]) {
			t.Errorf("%s --json=%s: ran %v, fields %v", name, strings.Join(fields[name], ","), ran, got)
		}

		ran, got = false, nil
		if err := parseOnly(t, attribCommands(f, &ran, &got)[name], "message.md", "--jq", ".x"); err != nil || !ran || got.jq != ".x" || !got.Enabled() {
			t.Errorf("%s --jq .x: err %v, ran %v", name, err, ran)
		}

		for _, bad := range [][]string{
			{"--json=" + fields[name][0] + ",bogus"},
			{"--jq", ".x", "--json-template", "{{.}}"},
			{"--jq", ".["},
		} {
			ran = false
			err := parseOnly(t, attribCommands(f, &ran, &got)[name], append([]string{"message.md"}, bad...)...)
			var ue *usageError
			if !errors.As(err, &ue) || ran {
				t.Errorf("%s %q: err = %v, ran %v; want a usage error before running", name, bad, err, ran)
			}
			if bad[0] != "--jq" && (err == nil || !strings.Contains(err.Error(), `unknown field "bogus": use `+strings.Join(got.known, ", "))) {
				t.Errorf("%s %q: err = %v; want the field named with the valid ones", name, bad, err)
			}
		}
	}
}
