package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/redline-dev/redline/render"
	"github.com/redline-dev/redline/render/pdffont"
)

// pdfSetup reads what a PDF takes from the environment: the creation date
// from SOURCE_DATE_EPOCH (reproducible builds' convention; unset means the
// view's fixed date) and the fallback fonts pdffont.FallbackFontEnv names,
// separated as in PATH.
func pdfSetup(getenv func(string) string) (render.PDFSetup, error) {
	var s render.PDFSetup
	if v := strings.TrimSpace(getenv("SOURCE_DATE_EPOCH")); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return s, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a count of seconds since 1970: unset it or give an integer", v)
		}
		s.Created = time.Unix(n, 0).UTC()
	}
	for _, p := range filepath.SplitList(getenv(pdffont.FallbackFontEnv)) {
		if p = strings.TrimSpace(p); p != "" {
			s.FallbackFonts = append(s.FallbackFonts, p)
		}
	}
	return s, nil
}

// pdfSetupFromEnv is pdfSetup over the process's environment.
func pdfSetupFromEnv() (render.PDFSetup, error) { return pdfSetup(os.Getenv) }
