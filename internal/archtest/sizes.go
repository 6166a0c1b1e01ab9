package archtest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The house sizes: a file holds one idea and a function one step, so no
// non-test file is longer than MaxFileLines and no function than
// MaxFuncLines (a longer one is split by idea, not by line count).
const (
	MaxFileLines = 500
	MaxFuncLines = 80
)

// CheckSizes parses the non-test Go files of every package, cmd's too, and
// returns one message per file or function over the house sizes, with
// file and line.
func CheckSizes(pkgs []Package) ([]string, error) {
	var problems []string
	fset := token.NewFileSet()
	for _, p := range pkgs {
		for _, name := range p.GoFiles {
			path := filepath.Join(p.Dir, name)
			src, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			if n := strings.Count(string(src), "\n"); n > MaxFileLines {
				problems = append(problems, fmt.Sprintf("%s: %d lines, more than %d: split it by idea", relFile(path), n, MaxFileLines))
			}
			f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
			if err != nil {
				return nil, err
			}
			problems = append(problems, longFuncs(fset, f)...)
		}
	}
	sort.Strings(problems)
	return problems, nil
}

// longFuncs names the functions of f longer than MaxFuncLines.
func longFuncs(fset *token.FileSet, f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		start, end := fset.Position(fd.Pos()), fset.Position(fd.End())
		if n := end.Line - start.Line + 1; n > MaxFuncLines {
			out = append(out, fmt.Sprintf("%s:%d: func %s is %d lines, more than %d: split it by idea",
				relFile(start.Filename), start.Line, fd.Name.Name, n, MaxFuncLines))
		}
	}
	return out
}
