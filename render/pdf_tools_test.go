package render

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// needPDFTools skips the test when poppler's pdftotext and pdftoppm are not
// installed, unless REDLINE_REQUIRE_PDFTOOLS=1 (set by .ci/run) makes their
// absence a failure.
func needPDFTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("REDLINE_REQUIRE_PDFTOOLS") == "1" {
				t.Fatalf("%s not found but REDLINE_REQUIRE_PDFTOOLS=1: install poppler-utils", tool)
			}
			t.Skipf("%s not found: install poppler-utils to run the PDF checks", tool)
		}
	}
}

// writeTemp writes data to a file in the test's temporary folder.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfPages extracts the text of every page with pdftotext -layout; pages
// come back in order, one string each.
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	p := writeTemp(t, "doc.pdf", pdf)
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	// pdftotext ends the last page with a form feed too.
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

var spaceRun = regexp.MustCompile(`\s+`)

// squash collapses every run of white space to one space, so that text
// compares without regard to how pdftotext spaced it.
func squash(s string) string {
	return strings.TrimSpace(spaceRun.ReplaceAllString(s, " "))
}

// pdfPagePNG renders one page at the given resolution with pdftoppm and
// decodes it. When REDLINE_PDF_KEEP names a folder, the PNG is kept there
// for a person to look at.
func pdfPagePNG(t *testing.T, pdf []byte, page, dpi int, keepAs string) image.Image {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	pg := strconv.Itoa(page)
	root := filepath.Join(dir, "page")
	if msg, err := exec.Command("pdftoppm", "-png", "-r", strconv.Itoa(dpi), "-f", pg, "-l", pg, "-singlefile", p, root).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, msg)
	}
	out, err := os.ReadFile(root + ".png")
	if err != nil {
		t.Fatalf("pdftoppm wrote no PNG: %v", err)
	}
	if keep := os.Getenv("REDLINE_PDF_KEEP"); keep != "" && keepAs != "" {
		_ = os.WriteFile(filepath.Join(keep, keepAs), out, 0o644)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("decoding pdftoppm's PNG: %v", err)
	}
	return img
}

// keepPDF writes a rendered document to the folder REDLINE_PDF_KEEP names,
// if any, so that a person can look at what the tests drew.
func keepPDF(t *testing.T, data []byte) {
	t.Helper()
	if keep := os.Getenv("REDLINE_PDF_KEEP"); keep != "" {
		name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name()) + ".pdf"
		if err := os.WriteFile(filepath.Join(keep, name), data, 0o644); err != nil {
			t.Logf("keeping %s: %v", name, err)
		}
	}
}
