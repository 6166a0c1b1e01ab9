package render

// Tests of the html redline in a real browser: headless Chromium loads the
// page, reports computed styles, proves that text from a draft never runs
// as script, and prints the page to PDF so that pdftotext can check the
// classification on every page. They skip when Chromium (or pdftotext) is
// missing, unless REDLINE_REQUIRE_BROWSER=1, which CI sets.

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/redline-dev/redline/diff"
	"github.com/redline-dev/redline/render/tracked"
)

// needTool finds a program or skips the test (fails it when the browser
// is required).
func needTool(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("%s not found: install it (Debian: apt-get install chromium poppler-utils) to run the browser tests", strings.Join(names, " or "))
	if os.Getenv("REDLINE_REQUIRE_BROWSER") == "1" {
		t.Fatal(msg + "; REDLINE_REQUIRE_BROWSER=1 makes this a failure")
	}
	t.Skip(msg)
	return ""
}

// chromium runs headless Chromium with a fresh profile on the page at
// path, with extra flags, and returns its standard output.
func chromium(t *testing.T, path string, flags ...string) string {
	t.Helper()
	bin := needTool(t, "chromium", "chromium-browser", "google-chrome")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir(),
	}
	args = append(args, flags...)
	args = append(args, "file://"+path)
	cmd := exec.CommandContext(ctx, bin, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, tail(errOut.String(), 2000))
	}
	return out.String()
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// writePage writes html to a temporary file and returns its path.
func writePage(t *testing.T, html string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "redline.html")
	if err := os.WriteFile(path, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy"[^>]*>\n?`)

// withProbe removes the page's Content-Security-Policy and adds a test
// script before </body> that writes what it measures into the page.
func withProbe(t *testing.T, html, script string) string {
	t.Helper()
	if !cspMeta.MatchString(html) {
		t.Fatal("the page has no Content-Security-Policy")
	}
	html = cspMeta.ReplaceAllString(html, "")
	probe := "<script>(function(){var out=[];" + script +
		";var p=document.createElement('pre');p.id='probe';p.textContent=out.join('\\n');document.body.appendChild(p);})();</script>\n</body>"
	return strings.Replace(html, "</body>", probe, 1)
}

var probeResult = regexp.MustCompile(`(?s)<pre id="probe">(.*?)</pre>`)

func probe(t *testing.T, dom string) string {
	t.Helper()
	m := probeResult.FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("the test script did not run; dump:\n%s", tail(dom, 3000))
	}
	return m[1]
}

func TestBrowserComputedStyles(t *testing.T) {
	page := withProbe(t, renderString(t, "html", moveCase(), DiffOptions{}), `
		function deco(sel){var e=document.querySelector(sel);return e?getComputedStyle(e).textDecorationLine:'missing';}
		out.push('del='+deco('.redline del.del'));
		out.push('ins='+deco('.redline ins.ins'));
		out.push('move-from='+deco('.redline del.move-from'));
		out.push('move-to='+deco('.redline ins.move-to'));
		out.push('anchor3='+(document.getElementById('change-3')?'yes':'no'));
		out.push('links='+document.querySelectorAll('ol.changes a[href^="#change-"]').length);
		out.push('external='+document.querySelectorAll('[src],link,iframe,object,embed').length)`)
	got := probe(t, chromium(t, writePage(t, page), "--virtual-time-budget=2000", "--dump-dom"))
	for _, want := range []string{"del=line-through", "ins=underline", "move-from=line-through", "move-to=underline", "anchor3=yes", "links=3", "external=0"} {
		if !strings.Contains(got, want) {
			t.Errorf("computed in the browser: %q, want %s", got, want)
		}
	}
}

// hostile is a comparison whose every text tries to run script.
func hostile() *diff.Comparison {
	const (
		s1 = `<script>document.body.setAttribute('data-pwned','script')</script>`
		s2 = `<img src=x onerror="document.body.setAttribute('data-pwned','img')">`
		s3 = `</title><script>document.body.setAttribute('data-pwned','title')</script>`
		s4 = `"><svg onload="document.body.setAttribute('data-pwned','svg')">`
	)
	return &diff.Comparison{
		Old:    diff.Side{Name: "old" + s3 + ".md", Author: s2, Classification: "SECRET" + s1},
		New:    diff.Side{Name: "new" + s4 + ".md", Office: s1, Label: s4},
		Notes:  []string{"note " + s1},
		Fields: []diff.FieldChange{{Name: "subject" + s2, Old: s1, New: s4}},
		Stats:  diff.Stats{Changes: 2},
		Segments: []diff.Segment{
			{Op: diff.OpEqual, A: "Text " + s1 + " ", B: "Text " + s1 + " "},
			{Op: diff.OpDelete, A: s2, Change: 1},
			{Op: diff.OpInsert, B: s3 + s4, Change: 1},
			{Op: diff.OpEqual, A: "\n\nmore " + s2, B: "\n\nmore " + s2},
			{Op: diff.OpInsert, B: " javascript:alert(1) ", Change: 2},
		},
	}
}

var pwnedBody = regexp.MustCompile(`<body[^>]*data-pwned`)

func TestBrowserDraftRunsNoScript(t *testing.T) {
	html := renderString(t, "html", hostile(), DiffOptions{Title: "<script>document.body.setAttribute('data-pwned','t')</script>"})
	// As written (with its Content-Security-Policy).
	dom := chromium(t, writePage(t, html), "--virtual-time-budget=2000", "--dump-dom")
	if pwnedBody.MatchString(dom) {
		t.Fatalf("a script from the draft ran:\n%s", tail(dom, 3000))
	}
	if !strings.Contains(dom, "&lt;script&gt;document.body.setAttribute") {
		t.Errorf("the draft's <script> is not shown as text")
	}
	// Without the policy, escaping alone must hold; the probe shows that
	// scripts do run on this page.
	dom = chromium(t, writePage(t, withProbe(t, html, "out.push('probe ran')")), "--virtual-time-budget=2000", "--dump-dom")
	if got := probe(t, dom); got != "probe ran" {
		t.Fatalf("probe: %q", got)
	}
	if pwnedBody.MatchString(dom) {
		t.Fatalf("a script from the draft ran once the policy was removed:\n%s", tail(dom, 3000))
	}
}

// longComparison is a redline long enough to print on several pages.
func longComparison(classification string) *diff.Comparison {
	c := &diff.Comparison{
		Old: diff.Side{Name: "fco-draft.md", Classification: classification},
		New: diff.Side{Name: "as-sent.txt", Classification: classification},
	}
	for i := 1; i <= 40; i++ {
		// Paragraphs of four or five printed lines: long enough that a
		// page break could split them two and two.
		p := fmt.Sprintf("Paragraph %d. We must make it clear to Moscow, publicly and privately, that our agreement to attend is strictly conditional on continued progress meanwhile, which we will monitor closely. ", i)
		p += strings.Repeat("The Soviet side knows our position on human rights and on the family reunification cases. ", 1+i%2)
		c.Segments = append(c.Segments,
			diff.Segment{Op: diff.OpEqual, A: p, B: p},
			diff.Segment{Op: diff.OpDelete, A: "We can no longer delay a decision.", Change: i},
			diff.Segment{Op: diff.OpInsert, B: "We shall have to reach a decision very soon.", Change: i},
			diff.Segment{Op: diff.OpEqual, A: "\n\n", B: "\n\n"})
	}
	c.Stats.Changes = 40
	return c
}

func TestBrowserPrintsClassificationOnEveryPage(t *testing.T) {
	for _, paper := range []string{"a4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			pdftotext := needTool(t, "pdftotext")
			page := writePage(t, renderString(t, "html", longComparison("SECRET"), DiffOptions{Paper: paper}))
			pdf := filepath.Join(t.TempDir(), "redline.pdf")
			chromium(t, page, "--print-to-pdf="+pdf, "--no-pdf-header-footer", "--print-to-pdf-no-header")
			out, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			pages := strings.Split(strings.TrimRight(string(out), "\f\n"), "\f")
			if len(pages) < 3 {
				t.Fatalf("only %d pages printed; the test needs several", len(pages))
			}
			sideBySide := false
			for i, p := range pages {
				var lines []string
				number := false
				for _, l := range strings.Split(p, "\n") {
					l = strings.Join(strings.Fields(l), "")
					// The page number stands in the page's margin, below
					// the classification at its foot.
					if l == fmt.Sprintf("Page%dof%d", i+1, len(pages)) {
						number = true
						continue
					}
					if l != "" {
						lines = append(lines, l)
					}
				}
				// Each paragraph of the redline (the pages before the
				// side-by-side view) is a few lines: none is split.
				joined := strings.Join(lines, "")
				sideBySide = sideBySide || strings.Contains(joined, "Sidebyside")
				if starts, ends := strings.Count(joined, "Paragraph"), strings.Count(joined, "verysoon."); starts != ends && !sideBySide {
					t.Errorf("page %d of %d: %d paragraphs start and %d end on it: a short paragraph was split", i+1, len(pages), starts, ends)
				}
				if !number {
					t.Errorf("page %d of %d has no page number \"Page %d of %d\"", i+1, len(pages), i+1, len(pages))
				}
				if len(lines) < 2 || lines[0] != "SECRET" || lines[len(lines)-1] != "SECRET" {
					first, last := "", ""
					if len(lines) > 0 {
						first, last = lines[0], lines[len(lines)-1]
					}
					t.Errorf("page %d of %d: first line %q, last line %q; want SECRET at the top and bottom", i+1, len(pages), first, last)
				}
			}
			if info, err := exec.LookPath("pdfinfo"); err == nil {
				out, err := exec.Command(info, pdf).Output()
				if err != nil {
					t.Fatal(err)
				}
				want := map[string]string{"a4": "(A4)", "letter": "(letter)"}[paper]
				if !strings.Contains(string(out), want) {
					t.Errorf("pdfinfo does not report %s paper:\n%s", want, out)
				}
			}
		})
	}
}

// Without a classification, nothing is printed in its place.
func TestHTMLWithoutClassification(t *testing.T) {
	c := moveCase()
	c.Old.Classification, c.New.Classification = "", ""
	html := renderString(t, "html", c, DiffOptions{})
	if strings.Contains(html, `class="classification`) {
		t.Error("a page without a classification shows a classification banner")
	}
	html = renderString(t, "html", moveCase(), DiffOptions{})
	if strings.Count(html, `<div class="classification top">SECRET</div>`) != 1 || strings.Count(html, `<div class="classification bottom">SECRET</div>`) != 1 {
		t.Error("the higher of CONFIDENTIAL and SECRET is not printed at the top and bottom")
	}
	for _, bad := range []string{"<link", " src=", "@import", "url(", "<script", "http://", "https://"} {
		if strings.Contains(html, bad) {
			t.Errorf("the page is not self-contained: it holds %q", bad)
		}
	}
}

// TestBrowserNumbersDraftPages prints a long tracked draft (render --format
// html) and checks that every printed page carries "Page N of M".
func TestBrowserNumbersDraftPages(t *testing.T) {
	pdftotext := needTool(t, "pdftotext")
	var src strings.Builder
	src.WriteString("---\ntitle: Moscow conference\n---\n")
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&src, "Paragraph %d. We must make it clear to Moscow that our agreement is {--strictly--}{++wholly++} conditional on progress.\n\n", i)
	}
	var page bytes.Buffer
	if err := tracked.DraftHTML(&page, "draft.md", []byte(src.String()), tracked.DraftOptions{}); err != nil {
		t.Fatal(err)
	}
	path := writePage(t, page.String())
	pdf := filepath.Join(t.TempDir(), "draft.pdf")
	chromium(t, path, "--print-to-pdf="+pdf, "--no-pdf-header-footer", "--print-to-pdf-no-header")
	out, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f\n"), "\f")
	if len(pages) < 2 {
		t.Fatalf("only %d page printed; the test needs several", len(pages))
	}
	for i, p := range pages {
		if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(strings.Join(strings.Fields(p), " "), want) {
			t.Errorf("printed page %d lacks %q", i+1, want)
		}
	}
}
