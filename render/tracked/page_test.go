package tracked

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func draftHTML(t *testing.T, src string, opts DraftOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := DraftHTML(&b, "t.md", []byte(src), opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// mainOf returns the page's rendered draft, between <main> and </main>.
func mainOf(page string) string {
	_, after, _ := strings.Cut(page, "<main>\n")
	before, _, _ := strings.Cut(after, "</main>")
	return before
}

func TestTrackedHTMLInline(t *testing.T) {
	got := mainOf(draftHTML(t, "We {~~can no longer delay~>shall have to reach~~} a **decision {++very soon++}**.\n\n"+
		"Our {--people--}{++experts++}{>>@CDP No. 10: more precise<<} and {==this==}{>>check<<} `{++code++}` \\{++x\n", DraftOptions{HideNumbers: true}))
	want := `<p>We <del class="critic critic-delete">can no longer delay</del><ins class="critic critic-insert">shall have to reach</ins> a <strong>decision <ins class="critic critic-insert">very soon</ins></strong>.</p>
<p>Our <del class="critic critic-delete">people</del><ins class="critic critic-insert">experts</ins><span class="critic critic-comment" role="note"><span class="critic-author">CDP No. 10</span> more precise</span> and <mark class="critic critic-highlight">this</mark><span class="critic critic-comment" role="note">check</span> <code>{++code++}</code> {++x</p>
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTrackedHTMLBlocks(t *testing.T) {
	src := "Intro.\n\n{++New para one.\n\nNew para *two*.\n\n++}{--- gone\n- also gone\n--}- kept\n\n{~~## Old~>## New~~}\n"
	got := mainOf(draftHTML(t, src, DraftOptions{}))
	for _, want := range []string{
		`<p><sup class="critic-number" title="change 1">1</sup><ins class="critic critic-insert">New para one.</ins></p>`,
		`<p><ins class="critic critic-insert">New para <em>two</em>.</ins></p>`,
		`<li><sup class="critic-number" title="change 2">2</sup><del class="critic critic-delete">gone</del></li>`,
		`<li><del class="critic critic-delete">also gone</del></li>`,
		`<li>kept</li>`,
		`<h2><sup class="critic-number" title="change 3">3</sup><del class="critic critic-delete">Old</del><ins class="critic critic-insert">New</ins></h2>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	if strings.Contains(got, "{++") || strings.Contains(got, "--}") {
		t.Errorf("delimiters left in\n%s", got)
	}
}

func TestTrackedHTMLPage(t *testing.T) {
	page := draftHTML(t, "---\ntitle: To the <President>\nclassification: secret\nfrom: CABINET OFFICE\n---\nText {++x++}.\n", DraftOptions{})
	for _, want := range []string{"<title>To the &lt;President&gt;</title>", `<div class="classification">SECRET</div>`,
		"1 tracked change: 1 insertion", "<dt>From</dt><dd>CABINET OFFICE</dd>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := strings.Count(page, `<div class="classification">`); n != 2 {
		t.Errorf("%d classification banners, want 2", n)
	}
	var b bytes.Buffer
	if err := DraftHTML(&b, "bad.md", []byte("a {++b\n"), DraftOptions{}); err == nil || !strings.HasPrefix(err.Error(), "bad.md:1:3: unclosed {++") {
		t.Errorf("unclosed mark: %v", err)
	}
}

func TestTrackedANSI(t *testing.T) {
	src := "---\ntitle: x\n---\nWe {~~a~>b~~} c {--d--}{>>@Jane: why<<}\n{==e\nf==}\n"
	var b bytes.Buffer
	if err := DraftANSI(&b, []byte(src), false); err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: x\n---\nWe #1[-a-]{+b+} c #2[-d-]{>Jane: why<}\n#3[=e\nf=]\n"
	if b.String() != want {
		t.Errorf("plain:\n got %q\nwant %q", b.String(), want)
	}
	b.Reset()
	if err := DraftANSI(&b, []byte("x {++a\nb++}\n"), true); err != nil {
		t.Fatal(err)
	}
	want = "x \x1b[2m#1\x1b[0m\x1b[32;4ma\x1b[0m\n\x1b[32;4mb\x1b[0m\n"
	if b.String() != want {
		t.Errorf("colour:\n got %q\nwant %q", b.String(), want)
	}
}

// The 1988 example as a page and in the terminal, against golden files.
func TestTrackedMoscowGolden(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "examples", "moscow-1988", "no10-amended.md"))
	if err != nil {
		t.Skip(err)
	}
	var h, a bytes.Buffer
	if err := DraftHTML(&h, "no10-amended.md", src, DraftOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := DraftANSI(&a, src, true); err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"moscow.html": h.Bytes(), "moscow.ansi": a.Bytes()} {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./render/tracked -run TrackedMoscow -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the golden file (go test ./render/tracked -run TrackedMoscow -update, then review the diff)", name)
		}
	}
	if strings.Contains(h.String(), "{++") || strings.Contains(h.String(), "~>") {
		t.Error("CriticMarkup delimiters left in the page")
	}
}

func FuzzDraftHTML(f *testing.F) {
	for _, s := range []string{
		"Intro.\n\n{++New para one.\n\nNew para *two*.\n\n++}{--- gone\n- also gone\n--}- kept\n\n{~~## Old~>## New~~}\n",
		"> {++quoted\n> more++} **b {--c--}** [link {==x==}](http://x)\n",
		"```\n{++\n```\n{++a\n```\nb\n```\n++}\n",
		"{>>@A: note\n\nmore<<} x {~~a\n\nb~>c~~}{>>@B<<}\n",
		"| a | {++b++} |\n|---|---|\n| {--c--} | d |\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var h, a bytes.Buffer
		errH := DraftHTML(&h, "f.md", []byte(src), DraftOptions{})
		errA := DraftANSI(&a, []byte(src), false)
		if (errH == nil) != (errA == nil) {
			t.Fatalf("html error %v, ansi error %v", errH, errA)
		}
	})
}

// The extension on its own, in any goldmark pipeline: marks inside a block.
func TestCriticMarkupExtension(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(CriticMarkup(), extension.Strikethrough))
	var b bytes.Buffer
	if err := md.Convert([]byte("a {++b++} ~~c~~ {~~d~>e~~} x ++} y ~> z {==f==}{>>@G: h<<}\n"), &b); err != nil {
		t.Fatal(err)
	}
	want := `<p>a <ins class="critic critic-insert">b</ins> <del>c</del> <del class="critic critic-delete">d</del><ins class="critic critic-insert">e</ins> x ++} y ~&gt; z <mark class="critic critic-highlight">f</mark><span class="critic critic-comment" role="note"><span class="critic-author">G</span> h</span></p>` + "\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// A draft's own HTML is shown as text and never reaches the browser as
// markup: drafts come from other offices and from received cables.
func TestDraftHTMLEscapesRawHTML(t *testing.T) {
	src := []byte("Hello <script>alert(1)</script> {++world++}.\n\n<div onclick=\"x()\">block</div>\n\nWith <img src=x onerror=alert(2)> inline.\n")
	var b bytes.Buffer
	if err := DraftHTML(&b, "x.md", src, DraftOptions{}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script>alert", "<div onclick", "<img src=x"} {
		if strings.Contains(page, bad) {
			t.Errorf("page passes %q through as markup", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;div onclick=", "&lt;img src=x onerror=alert(2)&gt;", "Content-Security-Policy", "<ins"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}
