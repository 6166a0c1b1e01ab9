package review

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/redline-dev/redline/critic"
)

const sample = "---\ntitle: Note\nclassification: SECRET\n---\nWe {~~can no longer delay~>shall have to reach~~} a decision {++very soon ++}on {--the --}{>>@Charles Powell (No. 10): firmer<<}whether.\n\nThe {==conference==}{>>@FCO desk: check the date<<} is in {++Moscow++}.\n"

// newTestServer serves a copy of text with a fixed token; addr is what
// requests name as Host.
func newTestServer(t *testing.T, text string) (*Server, http.Handler, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "draft.md")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Path: path, Name: "draft.md", Token: "tok", Reviewer: "Ann Smith", Office: "FCO"})
	if err != nil {
		t.Fatal(err)
	}
	return s, s.Handler("127.0.0.1:4000"), path
}

func do(h http.Handler, method, target string, form url.Values, hdr map[string]string) *httptest.ResponseRecorder {
	var r *http.Request
	if form != nil {
		r = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		r = httptest.NewRequest(method, target, nil)
	}
	r.Host = "127.0.0.1:4000"
	for k, v := range hdr {
		if k == "Host" {
			r.Host = v
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func fileVersion(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return version(b)
}

// Requests without the token, from another site or for another Host are
// refused, and a refused decision leaves the draft as it was.
func TestGuardRefusesStrangers(t *testing.T) {
	_, h, path := newTestServer(t, sample)
	before, _ := os.ReadFile(path)
	v := fileVersion(t, path)
	decide := url.Values{"token": {"tok"}, "version": {v}, "do": {"accept-all"}}
	cases := []struct {
		name, method, target string
		form                 url.Values
		hdr                  map[string]string
		want                 string
	}{
		{"no token", "GET", "/", nil, nil, "token"},
		{"wrong token", "GET", "/?token=tok2", nil, nil, "token"},
		{"token in the query of a post", "POST", "/decide?token=tok", url.Values{"version": {v}, "do": {"accept-all"}}, nil, "token"},
		{"foreign origin", "POST", "/decide", decide, map[string]string{"Origin": "http://evil.example"}, "another site"},
		{"opaque origin", "POST", "/decide", decide, map[string]string{"Origin": "null"}, "another site"},
		{"other local port", "POST", "/decide", decide, map[string]string{"Origin": "http://127.0.0.1:4001"}, "another site"},
		{"cross-site fetch", "POST", "/decide", decide, map[string]string{"Sec-Fetch-Site": "cross-site"}, "another site"},
		{"rebound host name", "GET", "/?token=tok", nil, map[string]string{"Host": "evil.example:4000"}, "own address"},
		{"wrong port", "POST", "/decide", decide, map[string]string{"Host": "127.0.0.1:4001"}, "own address"},
		{"asset without token", "GET", "/assets/review.js", nil, nil, "token"},
	}
	for _, c := range cases {
		w := do(h, c.method, c.target, c.form, c.hdr)
		if w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), c.want) {
			t.Errorf("%s: %d %q, want 403 saying %q", c.name, w.Code, w.Body.String(), c.want)
		}
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Errorf("a refused request changed the draft:\n%s", after)
	}
	for _, host := range []string{"127.0.0.1:4000", "localhost:4000"} {
		w := do(h, "GET", "/?token=tok", nil, map[string]string{"Host": host, "Origin": "http://" + host})
		if w.Code != http.StatusOK {
			t.Errorf("the page at %s: %d %s", host, w.Code, w.Body.String())
		}
	}
	w := do(h, "GET", "/?token=tok", nil, nil)
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("page's Content-Security-Policy: %q", csp)
	}
	if rp := w.Header().Get("Referrer-Policy"); rp != "same-origin" {
		t.Errorf("Referrer-Policy %q: the token would leak", rp)
	}
}

// The page lists every change with its number, author and office, the
// comments as replies, and "N of M resolved".
func TestPageListsChanges(t *testing.T) {
	_, h, _ := newTestServer(t, sample)
	w := do(h, "GET", "/?token=tok", nil, nil)
	body := w.Body.String()
	for _, want := range []string{
		`0 of 5 resolved`, `<div class="classification top">SECRET</div>`, `<div class="classification bottom">SECRET</div>`,
		`data-n="3" data-author="Charles Powell" data-office="No. 10" data-kind="delete"`,
		`<p class="comment">firmer</p>`, `<span class="author">Charles Powell</span> <span class="office">No. 10</span>`,
		`<option>Charles Powell</option>`, `<option>No. 10</option>`, `value="accept:5"`,
		`title="change 5"`, `comments signed Ann Smith (FCO)`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// The filters of a plain (no script) page hide the other changes.
	w = do(h, "GET", "/?token=tok&office=No.+10", nil, nil)
	if got := strings.Count(w.Body.String(), `class="change kind-`); got != 5 {
		t.Fatalf("%d items, want 5", got)
	}
	if got := strings.Count(w.Body.String(), "\" hidden>\n<div class=\"head\">"); got != 4 {
		t.Errorf("office filter hides %d items, want 4 (all but change 3)", got)
	}
}

// A decision on a plain form post redirects back; a stale one is refused
// and leaves the draft alone; every accepted and rejected change reads as
// 'redline accept' and 'reject' would leave it.
func TestDecideFormsAndStaleVersion(t *testing.T) {
	s, h, path := newTestServer(t, sample)
	v0 := fileVersion(t, path)
	w := do(h, "POST", "/decide", url.Values{"token": {"tok"}, "version": {v0}, "do": {"accept:1"}, "view": {"sbs"}}, nil)
	if w.Code != http.StatusSeeOther || !strings.Contains(w.Header().Get("Location"), "msg=accepted") || !strings.Contains(w.Header().Get("Location"), "view=sbs") {
		t.Fatalf("accept:1: %d %v", w.Code, w.Header())
	}
	// The same page (version v0) again: refused, nothing written.
	before, _ := os.ReadFile(path)
	w = do(h, "POST", "/decide", url.Values{"token": {"tok"}, "version": {v0}, "do": {"reject:1"}}, map[string]string{"Accept": "application/json"})
	var res struct {
		OK, Stale bool
		Message   string
	}
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || w.Code != http.StatusConflict || !res.Stale || !strings.Contains(res.Message, "changed after this page was built") {
		t.Fatalf("stale decision: %d %s", w.Code, w.Body.String())
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("a stale decision changed the draft")
	}
	v1 := fileVersion(t, path)
	w = do(h, "POST", "/decide", url.Values{"token": {"tok"}, "version": {v1}, "do": {"reject-selected"}, "n": {"1", "4"}}, nil)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("reject selected: %d %s", w.Code, w.Body.String())
	}
	w = do(h, "POST", "/decide", url.Values{"token": {"tok"}, "version": {fileVersion(t, path)}, "do": {"accept-office"}, "by-office": {"No. 10"}}, nil)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("accept office: %d %s", w.Code, w.Body.String())
	}
	got, _ := os.ReadFile(path)
	want := "---\ntitle: Note\nclassification: SECRET\n---\nWe shall have to reach a decision on whether.\n\nThe {==conference==}{>>@FCO desk: check the date<<} is in.\n"
	if string(got) != want {
		t.Errorf("after the decisions:\n%s\nwant\n%s", got, want)
	}
	if p, _ := s.page(view{}); p.Resolved != 4 || p.Total != 5 {
		t.Errorf("progress %d of %d, want 4 of 5", p.Resolved, p.Total)
	}
	// A decision that names no version is refused, not made blind.
	before, _ = os.ReadFile(path)
	w = do(h, "POST", "/decide", url.Values{"token": {"tok"}, "do": {"accept-all"}}, nil)
	if after, _ := os.ReadFile(path); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "names no version") || string(after) != string(before) {
		t.Errorf("decision without a version: %d %.200s", w.Code, w.Body.String())
	}
	// A bad selection is refused on the page itself.
	w = do(h, "POST", "/decide", url.Values{"token": {"tok"}, "version": {fileVersion(t, path)}, "do": {"accept:9"}}, nil)
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "has no change 9") {
		t.Errorf("accept:9: %d %s", w.Code, w.Body.String())
	}
}

// Comments are written as CriticMarkup: attached to a change without one,
// as a reply after a change's comments, at the end for the whole draft;
// text that would end the comment is refused.
func TestComments(t *testing.T) {
	s, _, path := newTestServer(t, sample)
	for _, c := range []struct {
		after int
		text  string
	}{{1, "agreed"}, {3, "but  not\nhere"}, {0, "send tonight"}} {
		if _, err := s.Comment(fileVersion(t, path), c.after, c.text); err != nil {
			t.Fatalf("comment on %d: %v", c.after, err)
		}
	}
	b, _ := os.ReadFile(path)
	d, err := critic.Parse("draft.md", b)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range d.Changes() {
		if c.Author != "" {
			got = append(got, c.Kind+"|"+c.Author+"|"+c.Comment)
		}
	}
	want := []string{
		"substitute|Ann Smith (FCO)|agreed",
		"delete|Charles Powell (No. 10)|firmer",
		"comment|Ann Smith (FCO)|but not here",
		"highlight|FCO desk|check the date",
		"comment|Ann Smith (FCO)|send tonight",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("comments:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if items := threads(d.Changes()); len(items[2].Replies) != 1 || items[2].Replies[0].Comment != "but not here" {
		t.Errorf("the reply is not in change 3's thread: %+v", items[2])
	}
	for _, bad := range []string{"", "  ", "end <<} here"} {
		if _, err := s.Comment(fileVersion(t, path), 1, bad); err == nil {
			t.Errorf("comment %q was written", bad)
		}
	}
	if _, err := New(Options{Path: path, Reviewer: "A: B"}); err == nil {
		t.Error("a reviewer with a colon would not read back as the author")
	}
}

// Decisions from several pages and goroutines at once lose nothing: each
// is made or refused as stale, and the draft ends with exactly the changes
// nobody resolved.
func TestConcurrentDecisionsLoseNothing(t *testing.T) {
	var b strings.Builder
	b.WriteString("Start.\n")
	for i := 0; i < 40; i++ {
		b.WriteString("Word {++x++} and {--y--}.\n\n")
	}
	s, _, path := newTestServer(t, b.String())
	var wg sync.WaitGroup
	var mu sync.Mutex
	made := 0
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				for {
					o, err := s.Decide(fileVersion(t, path), Selection{Numbers: []int{1}}, true)
					if _, stale := err.(*StaleError); stale {
						continue
					}
					if err != nil {
						t.Error(err)
						return
					}
					if len(o.Numbers) == 1 {
						mu.Lock()
						made++
						mu.Unlock()
					}
					break
				}
			}
		}()
	}
	wg.Wait()
	got, _ := os.ReadFile(path)
	d, err := critic.Parse("draft.md", got)
	if err != nil {
		t.Fatal(err)
	}
	if made != 40 || len(d.Changes()) != 40 {
		t.Errorf("%d decisions made, %d changes left; want 40 and 40", made, len(d.Changes()))
	}
}

func TestOfOffice(t *testing.T) {
	for _, c := range []struct {
		author, office string
		want           bool
	}{
		{"Charles Powell (No. 10)", "no. 10", true},
		{"No. 10", "No. 10", true},
		{"revision 2 (No. 10), revision 3 (FCO)", "FCO", true},
		{"Charles Powell (No. 10)", "FCO", false},
		{"", "FCO", false},
	} {
		if got := ofOffice(c.author, c.office); got != c.want {
			t.Errorf("ofOffice(%q, %q) = %v", c.author, c.office, got)
		}
	}
}

func TestSplitOffice(t *testing.T) {
	for in, want := range map[string][2]string{
		"Charles Powell (No. 10)": {"Charles Powell", "No. 10"},
		"FCO desk":                {"FCO desk", ""},
		"(No. 10)":                {"(No. 10)", ""},
		"":                        {"", ""},
	} {
		if n, o := splitOffice(in); n != want[0] || o != want[1] {
			t.Errorf("splitOffice(%q) = %q, %q; want %q", in, n, o, want)
		}
	}
}

// The filters list each author, office and kind once, in the order they
// first appear, however many items name them.
func TestFacetsOncePerValueInOrder(t *testing.T) {
	var items []item
	for i := 0; i < 3000; i++ {
		items = append(items, item{Change: critic.Change{Kind: []string{"insert", "delete"}[i%2]}, Name: fmt.Sprintf("author%d", i%7), Office: []string{"", "FCO", "No. 10"}[i%3]})
	}
	authors, offices, kinds := facets(items)
	if len(authors) != 7 || authors[0] != "author0" || authors[6] != "author6" {
		t.Errorf("authors %q", authors)
	}
	if strings.Join(offices, "|") != "FCO|No. 10" || strings.Join(kinds, "|") != "insert|delete" {
		t.Errorf("offices %q, kinds %q", offices, kinds)
	}
}
