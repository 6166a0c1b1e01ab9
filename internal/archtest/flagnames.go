package archtest

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
)

// flagName finds a command-line flag in text: two dashes and a lower-case
// word, not inside a longer run of dashes (a Markdown rule, "---").
var flagName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|[^-\w])(--[a-z][a-z0-9-]*)`) })

// errorMakers are the calls that make an error from a format or text.
var errorMakers = map[string]map[string]bool{
	"fmt":    {"Errorf": true},
	"errors": {"New": true},
}

// CheckFlagNames parses the non-test Go files of every package outside cmd
// and returns one message (file, line, flag) for each error made from a
// string literal that names a command-line flag. Packages state what was
// wrong; which flag to give is cmd's advice (errorWithHint).
func CheckFlagNames(pkgs []Package) ([]string, error) {
	return checkLibraryFiles(pkgs, fileFlagNames)
}

// fileFlagNames finds the flag names in one file's error literals, under
// whatever name the file imports fmt and errors.
func fileFlagNames(fset *token.FileSet, pkg string, f *ast.File) []string {
	local := importNames(f, func(p string) bool { return errorMakers[p] != nil })
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		id, ok := sel.X.(*ast.Ident)
		if !ok || !errorMakers[local[id.Name]][sel.Sel.Name] {
			return true
		}
		for _, arg := range call.Args {
			lit, ok := arg.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				continue
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				continue
			}
			if m := flagName().FindStringSubmatch(s); m != nil {
				pos := fset.Position(lit.Pos())
				out = append(out, fmt.Sprintf("%s:%d: %s makes an error naming the flag %s: say what is wrong (a typed or sentinel error) and let cmd add the hint with errorWithHint", filepath.ToSlash(relFile(pos.Filename)), pos.Line, pkg, m[1]))
			}
		}
		return true
	})
	return out
}
