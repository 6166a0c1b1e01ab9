package docx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/redline-dev/redline/render"
)

// TestOpensInLibreOffice converts the 1988 redline to PDF with
// LibreOffice, a second reader of the format. It takes some seconds, so it
// runs only when REDLINE_SOFFICE=1 asks for it (and fails then without
// soffice).
func TestOpensInLibreOffice(t *testing.T) {
	if os.Getenv("REDLINE_SOFFICE") != "1" {
		t.Skip("set REDLINE_SOFFICE=1 to open the DOCX with LibreOffice (soffice --headless)")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Fatal("REDLINE_SOFFICE=1 but soffice is not installed: install libreoffice-writer-nogui")
	}
	var buf bytes.Buffer
	if err := render.Diff(&buf, moscowComparison(t), "docx", render.DiffOptions{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := writeTemp(t, "moscow.docx", buf.Bytes())
	cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "moscow.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("soffice made no PDF: %v", err)
	}
}
