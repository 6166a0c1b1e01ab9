package archtest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// forbidden are the package-level names that print, exit or reach the
// process's standard streams; only cmd may use them.
var forbidden = map[string]map[string]bool{
	"fmt": {"Print": true, "Println": true, "Printf": true},
	"os":  {"Exit": true, "Stdout": true, "Stderr": true, "Stdin": true},
	"log": {"Print": true, "Println": true, "Printf": true, "Fatal": true, "Fatalln": true,
		"Fatalf": true, "Panic": true, "Panicln": true, "Panicf": true, "SetOutput": true},
}

// MayPrint reports whether a package (relative to the module) may print
// and exit: cmd and the main package below it.
func MayPrint(pkg string) bool { return pkg == "cmd" || strings.HasPrefix(pkg, "cmd/") }

// CheckEffects parses the non-test Go files of every package that may not
// print and returns one message per use of a forbidden name (with file
// and line), and per call of the builtins print and println.
func CheckEffects(pkgs []Package) ([]string, error) {
	return checkLibraryFiles(pkgs, fileEffects)
}

// checkLibraryFiles parses the non-test Go files of every package that may
// not print and gathers, sorted, what check finds in each.
func checkLibraryFiles(pkgs []Package, check func(*token.FileSet, string, *ast.File) []string) ([]string, error) {
	return checkFiles(pkgs, func(p Package) bool { return !MayPrint(p.Path) }, check)
}

// checkFiles parses the non-test Go files of every package that include
// accepts and gathers, sorted, what check finds in each.
func checkFiles(pkgs []Package, include func(Package) bool, check func(*token.FileSet, string, *ast.File) []string) ([]string, error) {
	var problems []string
	fset := token.NewFileSet()
	for _, p := range pkgs {
		if !include(p) {
			continue
		}
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
			if err != nil {
				return nil, err
			}
			problems = append(problems, check(fset, p.Path, f)...)
		}
	}
	sort.Strings(problems)
	return problems, nil
}

// importNames maps the name under which f imports each wanted package
// (its own or a renamed one) to the package's import path.
func importNames(f *ast.File, wanted func(path string) bool) map[string]string {
	local := map[string]string{}
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if !wanted(p) {
			continue
		}
		name := p
		if imp.Name != nil {
			name = imp.Name.Name
		}
		local[name] = p
	}
	return local
}

// fileEffects finds the forbidden names in one file, under whatever name
// the file imports their package.
func fileEffects(fset *token.FileSet, pkg string, f *ast.File) []string {
	local := importNames(f, func(p string) bool { return forbidden[p] != nil })
	var out []string
	report := func(n ast.Node, what string) {
		pos := fset.Position(n.Pos())
		out = append(out, fmt.Sprintf("%s:%d: %s uses %s: only cmd prints, exits or touches the standard streams (return the text or an error instead)", filepath.ToSlash(relFile(pos.Filename)), pos.Line, pkg, what))
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok {
				if p, ok := local[id.Name]; ok && forbidden[p][x.Sel.Name] {
					report(x, p+"."+x.Sel.Name)
				}
			}
		case *ast.CallExpr:
			if id, ok := x.Fun.(*ast.Ident); ok && (id.Name == "print" || id.Name == "println") && id.Obj == nil {
				report(x, "the builtin "+id.Name)
			}
		}
		return true
	})
	return out
}

// relFile shortens a path to its last two elements (package folder and
// file) for messages.
func relFile(p string) string {
	dir, file := filepath.Split(p)
	return filepath.Join(filepath.Base(dir), file)
}
