package cmd

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
)

// runIn runs redline in-process with dir as the working folder.
func runIn(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	f := newFactory(strings.NewReader(""), &out, &errOut)
	f.Getwd = func() (string, error) { return dir, nil }
	root := NewRootCmd(f)
	root.SetArgs(args)
	err := root.Execute()
	if err != nil {
		errOut.WriteString("redline: " + err.Error() + "\n")
	}
	return out.String(), errOut.String(), exitCode(err)
}

// A draft that has been sent is not rewritten by accept or reject; -o
// still writes the result elsewhere.
func TestAcceptRefusesSealedDraft(t *testing.T) {
	dir := t.TempDir()
	ws, err := draft.Init(dir)
	if err != nil {
		t.Fatal(err)
	}
	wc := filepath.Join(dir, "telegram.md")
	text := "Dear Ron, we {~~can no longer delay~>shall have to reach~~} a decision.\n"
	if err := os.WriteFile(wc, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	sealFixture(t, ws, draft.CommitRequest{Path: wc, Author: "Charles Powell", Office: "No. 10", Message: "sent",
		Sent: &draft.Sent{Series: "T", Serial: "T 192A/88", DTG: "212130Z DEC 88", Cable: []byte("CABLE\n")}})
	for _, verb := range []string{"accept", "reject"} {
		_, stderr, code := runIn(t, dir, verb, wc, "--all")
		if code != ExitError || !strings.Contains(stderr, "was sent as revision 1 and is sealed: write the result elsewhere with -o OUT") {
			t.Errorf("%s on a sealed draft: exit %d, %q", verb, code, stderr)
		}
		if b, _ := os.ReadFile(wc); string(b) != text {
			t.Errorf("%s changed the sealed draft: %q", verb, b)
		}
	}
	if _, stderr, code := runIn(t, dir, "accept", wc, "1", "-o", wc); code != ExitError || !strings.Contains(stderr, "is sealed") {
		t.Errorf("accept -o onto the sealed draft itself: exit %d, %q", code, stderr)
	}
	out := filepath.Join(dir, "reply.md")
	if _, stderr, code := runIn(t, dir, "accept", wc, "--all", "-o", out); code != 0 {
		t.Fatalf("accept -o: exit %d, %s", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "Dear Ron, we shall have to reach a decision.\n" {
		t.Errorf("accept -o wrote %q", b)
	}
	// A draft in the workspace that has not been sent is rewritten.
	other := filepath.Join(dir, "other.md")
	if err := os.WriteFile(other, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if stdout, stderr, code := runIn(t, dir, "reject", other, "1"); code != 0 || !strings.Contains(stdout, "rejected change 1 in") {
		t.Fatalf("reject: exit %d, %s %s", code, stdout, stderr)
	}
	if b, _ := os.ReadFile(other); string(b) != "Dear Ron, we can no longer delay a decision.\n" {
		t.Errorf("reject wrote %q", b)
	}
}

func TestParseChangeNumbers(t *testing.T) {
	rs, err := parseChangeRanges([]string{"7", "3-5", "1,4", " 9 "})
	if err != nil {
		t.Fatal(err)
	}
	got, err := expandChangeRanges(rs, 9)
	if err != nil {
		t.Fatal(err)
	}
	if want := "1, 3-5, 7, 9"; formatNumbers(got) != want {
		t.Errorf("got %v (%s), want %s", got, formatNumbers(got), want)
	}
	for _, bad := range []string{"0", "5-3", "x", "3-", "-2", "1.5"} {
		if _, err := parseChangeRanges([]string{bad}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	// A huge range is refused against the number of changes before it is
	// expanded (it once grew to gigabytes).
	rs, err = parseChangeRanges([]string{"1-100000000000"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := expandChangeRanges(rs, 7); err == nil || err.Error() != "no change 8-100000000000" {
		t.Errorf("huge range: %v", err)
	}
	rs, _ = parseChangeRanges([]string{"9"})
	if _, err := expandChangeRanges(rs, 7); err == nil || err.Error() != "no change 9" {
		t.Errorf("one missing number: %v", err)
	}
}

func TestResolveFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	for _, build := range []func(*Factory, func(*ResolveOptions) error) *cobra.Command{NewCmdAccept, NewCmdReject} {
		var got *ResolveOptions
		c := build(f, func(o *ResolveOptions) error { got = o; return nil })
		if err := parseOnly(t, c, "d.md", "2", "5-7", "--json", "-o", "out.md", "--force"); err != nil {
			t.Fatal(err)
		}
		if got == nil || got.Ref != "d.md" || len(got.Args) != 2 || got.Args[1] != "5-7" || !got.JSON || got.Output != "out.md" || !got.Force || got.All {
			t.Fatalf("options %+v", got)
		}
		for _, ok := range [][]string{{"d.md", "--all"}, {"d.md", "--author", "CDP No. 10"}, {"d.md", "--office", "No. 10", "-n"}} {
			got = nil
			c := build(f, func(o *ResolveOptions) error { got = o; return nil })
			if err := parseOnly(t, c, ok...); err != nil || got == nil {
				t.Errorf("%q: %v", ok, err)
			}
		}
		for _, bad := range [][]string{{}, {"d.md"}, {"d.md", "1", "--all"}, {"d.md", "--all", "--author", "X"}, {"d.md", "--all", "-n", "-o", "x.md"}, {"d.md", "0"}, {"d.md", "3-1"}} {
			got = nil
			c := build(f, func(o *ResolveOptions) error { got = o; return nil })
			if err := parseOnly(t, c, bad...); err == nil || got != nil {
				t.Errorf("%q was accepted", bad)
			}
		}
	}
}

func TestChangesFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *ChangesOptions
	c := NewCmdChanges(f, func(o *ChangesOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "d.md@3", "--json"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Ref != "d.md@3" || !got.JSON.Enabled() {
		t.Fatalf("options %+v", got)
	}
	for _, bad := range [][]string{{}, {"a.md", "b.md"}, {"a.md", "--all"}} {
		got = nil
		c := NewCmdChanges(f, func(o *ChangesOptions) error { got = o; return nil })
		if err := parseOnly(t, c, bad...); err == nil || got != nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

func TestImportHandwrittenFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *ImportHandwrittenOptions
	c := NewCmdImportHandwritten(f, func(o *ImportHandwrittenOptions) error { got = o; return nil })
	if err := parseOnly(t, c, "scan.md", "-o", "amended.md", "-f"); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Ref != "scan.md" || got.Output != "amended.md" || !got.Force {
		t.Fatalf("options %+v", got)
	}
	for _, bad := range [][]string{{}, {"a.md", "b.md"}, {"a.md", "--json"}} {
		got = nil
		c := NewCmdImportHandwritten(f, func(o *ImportHandwrittenOptions) error { got = o; return nil })
		if err := parseOnly(t, c, bad...); err == nil || got != nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

// The report says the changes left are renumbered exactly when one
// numbered after the first resolved change is left, for any choice of
// changes resolved.
func TestResolveReportRenumbered(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for trial := 0; trial < 2000; trial++ {
		total := 1 + r.IntN(12)
		var nums []int
		for n := 1; n <= total; n++ {
			if r.IntN(2) == 0 {
				nums = append(nums, n)
			}
		}
		want := false
		for n := 1; n <= total && len(nums) > 0; n++ {
			if n > nums[0] && !slices.Contains(nums, n) {
				want = true
			}
		}
		rep := newResolveReport("d.md", "d.md", "accepted", critic.Outcome{Numbers: nums, Total: total})
		if rep.Renumbered != want {
			t.Fatalf("resolved %v of %d: renumbered %v, want %v", nums, total, rep.Renumbered, want)
		}
	}
}

// Accepting every change of a draft whose marks stand on one line grows
// with the number of marks, not its square (ns/op by size).
func BenchmarkAcceptMarksOneLine(b *testing.B) {
	for _, n := range []int{1000, 4000, 16000, 64000} {
		var sb strings.Builder
		sb.WriteString("---\ntitle: x\n---\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&sb, "w{++a%d++} ", i)
		}
		path := filepath.Join(b.TempDir(), "one-line.md")
		if err := os.WriteFile(path, []byte(sb.String()+"\n"), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if rc := Main([]string{"accept", path, "--all", "--dry-run"}, strings.NewReader(""), io.Discard, io.Discard); rc != 0 {
					b.Fatalf("accept: exit %d", rc)
				}
			}
		})
	}
}
