package cmd

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redline-dev/redline/draft"
)

// The flags reach the options without anything being served.
func TestReviewFlags(t *testing.T) {
	cases := []struct {
		args []string
		want ReviewOptions
		err  string
	}{
		{args: []string{"d.md"}, want: ReviewOptions{File: "d.md", Message: "review"}},
		{args: []string{"d.md", "--port", "8088", "--open", "--author", "Ann", "--office", "FCO", "--json"},
			want: ReviewOptions{File: "d.md", Port: 8088, Open: true, Author: "Ann", Office: "FCO", JSON: true, Message: "review"}},
		{args: []string{"d.md", "--commit", "-m", "No. 10 review"}, want: ReviewOptions{File: "d.md", Commit: true, Message: "No. 10 review"}},
		{args: []string{"d.md", "-m", "x"}, err: "give --commit too"},
		{args: []string{"d.md", "--port", "70000"}, err: "is not a port"},
		{args: []string{}, err: "one draft FILE"},
		{args: []string{"a.md", "a.md@2"}, want: ReviewOptions{File: "a.md", Old: "a.md@2", Message: "review"}},
		{args: []string{"a.md", "b.md", "c.md"}, err: "one draft FILE"},
	}
	for _, c := range cases {
		var got *ReviewOptions
		f := newFactory(strings.NewReader(""), io.Discard, io.Discard)
		cmd := NewCmdReview(f, func(o *ReviewOptions) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.Execute()
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%v: error %v, want one saying %q", c.args, err, c.err)
			}
			continue
		}
		if err != nil || got == nil {
			t.Errorf("%v: %v", c.args, err)
			continue
		}
		g := *got
		g.IO, g.Factory, g.Context, g.OpenBrowser = nil, nil, nil, nil
		if fmt.Sprintf("%+v", g) != fmt.Sprintf("%+v", c.want) {
			t.Errorf("%v: options %+v, want %+v", c.args, g, c.want)
		}
	}
}

// serveReview runs reviewRun with opts in the background, with its own
// cancellable context and a browser that only records the address, and
// returns the address, the cancel function and reviewRun's result.
func serveReview(t *testing.T, opts *ReviewOptions) (string, context.CancelFunc, <-chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	opened := make(chan string, 1)
	opts.Open = true
	opts.Context = func() (context.Context, context.CancelFunc) { return ctx, func() {} }
	opts.OpenBrowser = func(u string) error { opened <- u; return nil }
	done := make(chan error, 1)
	go func() { done <- reviewRun(opts) }()
	select {
	case u := <-opened:
		return u, cancel, done
	case err := <-done:
		cancel()
		t.Fatalf("review returned at once: %v", err)
	case <-time.After(20 * time.Second):
		cancel()
		t.Fatal("review did not start")
	}
	return "", cancel, done
}

// review prints the address with its token, serves the page there, opens
// the browser when asked and stops when its context is cancelled.
func TestReviewServesUntilCancelled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.md")
	if err := os.WriteFile(path, []byte("We {~~can~>shall~~} go.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut := &syncBuffer{}, &syncBuffer{}
	f := newFactory(strings.NewReader(""), out, errOut)
	f.IO.Getenv = func(string) string { return "" }
	url, cancel, done := serveReview(t, &ReviewOptions{IO: f.IO, Factory: f, File: path})
	if !regexp.MustCompile(`^reviewing .*draft.md at http://127\.0\.0\.1:\d+/\?token=[0-9a-f]{48}\n$`).MatchString(out.String()) {
		t.Errorf("printed %q", out.String())
	}
	if !strings.Contains(out.String(), url) {
		t.Errorf("opened %s, printed %s", url, out.String())
	}
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "0 of 1 resolved") {
		t.Errorf("page: %d %.300s", res.StatusCode, body)
	}
	bare, err := http.Get(strings.Split(url, "?")[0])
	if err != nil {
		t.Fatal(err)
	}
	bare.Body.Close()
	if bare.StatusCode != http.StatusForbidden {
		t.Errorf("the page without the token: %d", bare.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("review did not stop when cancelled")
	}
	if !strings.Contains(errOut.String(), "review stopped") {
		t.Errorf("stderr %q", errOut.String())
	}
}

// syncBuffer is a bytes.Buffer safe to write from the server's goroutine
// and read from the test's.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// With --commit, "Finish review" records a revision of the draft as it then
// is, signed as the reviewer, and stops the server; without a workspace
// --commit is refused before anything is served.
func TestReviewCommitWhenFinished(t *testing.T) {
	dir := t.TempDir()
	ws, err := draft.Init(dir)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "draft.md")
	if err := os.WriteFile(path, []byte("We {~~can~>shall~~} go.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	errOut := &syncBuffer{}
	f := newFactory(strings.NewReader(""), io.Discard, errOut)
	f.Getwd = func() (string, error) { return dir, nil }
	f.IO.Getenv = func(string) string { return "" }
	u, cancel, done := serveReview(t, &ReviewOptions{IO: f.IO, Factory: f, File: path, Commit: true, Message: "No. 10 review",
		Author: "Charles Powell", Office: "No. 10"})
	defer cancel()
	token := strings.SplitN(u, "token=", 2)[1]
	base := strings.SplitN(u, "/?", 2)[0]
	data, _ := os.ReadFile(path)
	res, err := http.PostForm(base+"/decide", map[string][]string{"token": {token}, "version": {draft.HexSHA256(data)}, "do": {"accept:1"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	data, _ = os.ReadFile(path)
	res, err = http.PostForm(base+"/finish", map[string][]string{"token": {token}, "version": {draft.HexSHA256(data)}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "revision 1") {
		t.Fatalf("finish: %d %s", res.StatusCode, body)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop after the review was finished")
	}
	if !strings.Contains(errOut.String(), "review finished: "+path+": revision 1 by Charles Powell, No. 10") {
		t.Errorf("stderr %q", errOut.String())
	}
	revs, err := ws.Log(path)
	if err != nil || len(revs) != 1 || revs[0].Message != "No. 10 review" || revs[0].SHA256 != draft.HexSHA256([]byte("We shall go.\n")) {
		t.Errorf("revisions %+v, %v", revs, err)
	}

	outside := filepath.Join(t.TempDir(), "loose.md")
	if err := os.WriteFile(outside, []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runIn(t, filepath.Dir(outside), "review", outside, "--commit")
	if code != ExitError || !strings.Contains(stderr, "in none: run 'redline init' first") {
		t.Errorf("--commit outside a workspace: exit %d, %q", code, stderr)
	}
}

// review FILE OLD: the page lists FILE's changes since OLD; rejecting them
// all brings OLD's text back into FILE (under FILE's front matter), and
// FILE is never given marks of its own.
func TestReviewAgainstOld(t *testing.T) {
	dir := t.TempDir()
	amended := filepath.Join(dir, "no10.md")
	src, err := os.ReadFile(filepath.Join("..", "examples", "moscow-1988", "no10-amended.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(amended, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runIn(t, dir, "accept", amended, "--all"); code != 0 {
		t.Fatal(errOut)
	}
	old := filepath.Join("..", "examples", "moscow-1988", "fco-draft.md")
	f := newFactory(strings.NewReader(""), io.Discard, io.Discard)
	f.Getwd = func() (string, error) { return dir, nil }
	f.IO.Getenv = func(string) string { return "" }
	u, cancel, done := serveReview(t, &ReviewOptions{IO: f.IO, Factory: f, File: amended, Old: old})
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, want := range []string{"<del>can no longer delay</del> → <ins>shall have to reach</ins>", "against <span class=\"file\">", "rejecting a change brings the earlier text back"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(string(page), "Add comment") {
		t.Error("the page offers comments, which it cannot write when comparing")
	}
	version := regexp.MustCompile(`name="version" value="([0-9a-f]{64})"`).FindSubmatch(page)
	if version == nil {
		t.Fatal("no version on the page")
	}
	base, token := strings.SplitN(u, "/?", 2)[0], strings.SplitN(u, "token=", 2)[1]
	res, err = http.PostForm(base+"/decide", map[string][]string{"token": {token}, "version": {string(version[1])}, "do": {"reject-all"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(amended)
	fco, _ := os.ReadFile(old)
	body := func(b []byte) string { return string(b[strings.Index(string(b), "\n---\n")+5:]) }
	if body(got) != body(fco) {
		t.Errorf("after rejecting every change since the FCO draft the body is\n%s\nwant\n%s", body(got), body(fco))
	}
	if !strings.Contains(string(got), "as amended at No. 10") {
		t.Error("the draft's own front matter went")
	}
}

// A draft that has been sent is refused before anything is served.
func TestReviewRefusesSealedDraft(t *testing.T) {
	dir := t.TempDir()
	ws, err := draft.Init(dir)
	if err != nil {
		t.Fatal(err)
	}
	wc := filepath.Join(dir, "telegram.md")
	if err := os.WriteFile(wc, []byte("Dear Ron, we {~~can~>shall~~} decide.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = ws.Commit(draft.CommitRequest{Path: wc, Author: "Charles Powell", Office: "No. 10", Message: "sent",
		Sent: &draft.Sent{Series: "T", Serial: "T 192A/88", DTG: "212130Z DEC 88", Cable: []byte("CABLE\n")}})
	if err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runIn(t, dir, "review", wc)
	if code != ExitError || !strings.Contains(stderr, "was sent as revision 1 and is sealed, so no decision could be written into it: review a copy") {
		t.Errorf("review of a sealed draft: exit %d, %q", code, stderr)
	}
}
