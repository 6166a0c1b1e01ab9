package archtest

import (
	"fmt"
	"go/ast"
	"go/token"
)

// CheckInitWork parses the non-test Go files of every package and returns
// one message, with file and line, for each regular expression compiled
// while the package is initialised: a package-level variable whose value
// calls regexp.MustCompile or regexp.Compile outside a function literal.
// Every redline command, `redline version` too, pays for such a pattern
// at start-up; compile it on first use (sync.OnceValue, cable's lazyRE).
func CheckInitWork(pkgs []Package) ([]string, error) {
	return checkFiles(pkgs, func(Package) bool { return true }, initRegexps)
}

// initRegexps names the regexp compilations in f's package-level values.
func initRegexps(fset *token.FileSet, _ string, f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				ast.Inspect(v, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncLit:
						return false // runs when called, not at init
					case *ast.CallExpr:
						if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
							if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "regexp" && (sel.Sel.Name == "MustCompile" || sel.Sel.Name == "Compile") {
								pos := fset.Position(n.Pos())
								out = append(out, fmt.Sprintf("%s:%d: regexp.%s runs at package init: compile the pattern on first use", relFile(pos.Filename), pos.Line, sel.Sel.Name))
							}
						}
					}
					return true
				})
			}
		}
	}
	return out
}
