// Package archtest checks the module's packages against the rules written
// in docs/architecture.md: which package may import which, which libraries
// only some packages may use, and that nothing outside cmd prints, exits
// or imports cobra. The test in this package runs the check on the module
// itself; the functions take their inputs as values so that the check can
// be tried on a made-up package graph.
package archtest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"slices"
	"sort"
	"strings"
)

// Rules are the two tables of docs/architecture.md.
type Rules struct {
	// Allowed maps a package (relative to the module, "render/pdf") to
	// the packages of the module it may import; "*" allows any.
	Allowed map[string][]string
	// Legacy holds the arrows marked † (being removed): allowed, reported.
	Legacy map[string]map[string]bool
	// Libraries maps an outside import path to the packages that alone may
	// import it (or any package below it).
	Libraries map[string][]string
}

// ParseRules reads the "Packages" and "Libraries" tables of the document.
func ParseRules(doc []byte) (*Rules, error) {
	r := &Rules{Allowed: map[string][]string{}, Legacy: map[string]map[string]bool{}, Libraries: map[string][]string{}}
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(doc))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(text, "## ") {
			section = strings.TrimSpace(strings.TrimPrefix(text, "## "))
			continue
		}
		if !strings.HasPrefix(text, "|") || strings.HasPrefix(text, "|---") {
			continue
		}
		cells := strings.Split(strings.Trim(text, "|"), "|")
		if len(cells) < 2 {
			continue
		}
		names := codeNames(cells[0])
		if len(names) != 1 {
			continue // the header row
		}
		name := names[0]
		switch section {
		case "Packages":
			if _, dup := r.Allowed[name]; dup {
				return nil, fmt.Errorf("architecture.md:%d: package %s is listed twice", line, name)
			}
			r.Allowed[name] = []string{}
			for _, item := range strings.Split(cells[1], ",") {
				item = strings.TrimSpace(item)
				if item == "" {
					continue
				}
				if item == "`*`" {
					r.Allowed[name] = append(r.Allowed[name], "*")
					continue
				}
				dep := codeNames(item)
				if len(dep) != 1 {
					return nil, fmt.Errorf("architecture.md:%d: cannot read %q in the imports of %s: write `pkg`, or `pkg`† for an arrow being removed", line, item, name)
				}
				r.Allowed[name] = append(r.Allowed[name], dep[0])
				if strings.HasSuffix(item, "†") {
					if r.Legacy[name] == nil {
						r.Legacy[name] = map[string]bool{}
					}
					r.Legacy[name][dep[0]] = true
				}
			}
		case "Libraries":
			for _, item := range strings.Split(cells[1], ",") {
				if dep := codeNames(item); len(dep) == 1 {
					r.Libraries[name] = append(r.Libraries[name], dep[0])
					if strings.HasSuffix(strings.TrimSpace(item), "†") {
						if r.Legacy[dep[0]] == nil {
							r.Legacy[dep[0]] = map[string]bool{}
						}
						r.Legacy[dep[0]][name] = true
					}
				}
			}
		}
	}
	if len(r.Allowed) == 0 {
		return nil, fmt.Errorf("architecture.md has no table under \"## Packages\"")
	}
	return r, nil
}

// codeNames returns the `quoted` names in a table cell.
func codeNames(cell string) []string {
	var out []string
	parts := strings.Split(cell, "`")
	for i := 1; i < len(parts); i += 2 {
		out = append(out, parts[i])
	}
	return out
}

// Package is what the check needs of one package: its path relative to
// the module ("" for the module's root), its non-test imports, and its
// folder and non-test Go files for the source checks.
type Package struct {
	Path    string
	Imports []string
	Dir     string
	GoFiles []string
}

// List runs `go list -json ./...` in dir and returns the module's
// packages with paths relative to the module.
func List(dir string) (module string, pkgs []Package, err error) {
	mcmd := exec.Command("go", "list", "-m")
	mcmd.Dir = dir
	out, err := mcmd.Output()
	if err != nil {
		return "", nil, fmt.Errorf("go list -m: %w", err)
	}
	module = strings.TrimSpace(string(out))
	cmd := exec.Command("go", "list", "-json", "./...")
	cmd.Dir = dir
	data, err := cmd.Output()
	if err != nil {
		return "", nil, fmt.Errorf("go list ./...: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
			Dir        string
			GoFiles    []string
		}
		if err := dec.Decode(&p); err != nil {
			return "", nil, err
		}
		pkgs = append(pkgs, Package{Path: relPath(module, p.ImportPath), Imports: p.Imports, Dir: p.Dir, GoFiles: p.GoFiles})
	}
	return module, pkgs, nil
}

func relPath(module, p string) string {
	if p == module {
		return ""
	}
	if strings.HasPrefix(p, module+"/") {
		return strings.TrimPrefix(p, module+"/")
	}
	return p
}

// CheckImports returns one message per broken rule: a package the table
// does not name, an import of one of ours that the table does not allow,
// a library outside the packages it is kept to, and any import of cmd.
// legacy lists the † arrows in use, for the log.
func CheckImports(module string, r *Rules, pkgs []Package) (problems, legacy []string) {
	for _, p := range pkgs {
		allowed, known := r.Allowed[p.Path]
		if !known {
			problems = append(problems, fmt.Sprintf("package %s is not in docs/architecture.md: add %s to its Packages table with the packages it may import", p.Path, p.Path))
			continue
		}
		for _, imp := range p.Imports {
			if imp == module || strings.HasPrefix(imp, module+"/") {
				dep := relPath(module, imp)
				switch {
				case dep == "cmd" && p.Path != "cmd/redline":
					problems = append(problems, fmt.Sprintf("%s imports cmd: nothing but cmd/redline may (move what it needs below cmd)", p.Path))
				case slices.Contains(allowed, "*"):
				case !slices.Contains(allowed, dep):
					problems = append(problems, fmt.Sprintf("%s imports %s, against docs/architecture.md (%s may import %s): invert the arrow, or change the table if the design changed", p.Path, dep, p.Path, listOrNothing(allowed)))
				case r.Legacy[p.Path][dep]:
					legacy = append(legacy, p.Path+" -> "+dep)
				}
				continue
			}
			for lib, only := range r.Libraries {
				if imp != lib && !strings.HasPrefix(imp, lib+"/") {
					continue
				}
				switch {
				case !slices.Contains(only, p.Path):
					problems = append(problems, fmt.Sprintf("%s imports %s, which docs/architecture.md keeps to %s", p.Path, imp, strings.Join(only, ", ")))
				case r.Legacy[p.Path][lib]:
					legacy = append(legacy, p.Path+" -> "+lib)
				}
			}
		}
	}
	sort.Strings(problems)
	return problems, legacy
}

func listOrNothing(list []string) string {
	if len(list) == 0 {
		return "nothing of ours"
	}
	return strings.Join(list, ", ")
}
