package critic

import (
	"strings"
	"testing"
	"time"
)

// Each shape of deep nesting is read up to MaxNesting and refused past it,
// naming the line, and 10,000 levels are refused in well under a second.
func TestNestingLimit(t *testing.T) {
	shapes := map[string]func(n int) string{
		"indented list": func(n int) string { return string(nestedList(n)) },
		"list markers on one line": func(n int) string {
			return "intro\n\n" + strings.Repeat("- ", n) + "deep {++x++}\n"
		},
		"block quotes on one line": func(n int) string {
			return "intro\n\n" + strings.Repeat("> ", n) + "deep {++x++}\n"
		},
		"quotes in list items": func(n int) string { return strings.Repeat("1. > ", n/2) + "x {++y++}\n" },
	}
	for name, shape := range shapes {
		t.Run(name, func(t *testing.T) {
			if _, err := Parse("ok.md", []byte(shape(MaxNesting))); err != nil {
				t.Errorf("%d levels: %v", MaxNesting, err)
			}
			deep := 10000
			if name == "indented list" {
				deep = 2000 // its text grows as the square of the depth: 4 MB
			}
			for _, n := range []int{MaxNesting + 2, deep} {
				src := []byte(shape(n))
				start := time.Now()
				_, err := Parse("deep.md", src)
				if took := time.Since(start); took > 500*time.Millisecond {
					t.Errorf("%d levels took %v", n, took)
				}
				if err == nil || !strings.HasPrefix(err.Error(), "deep.md:") || !strings.Contains(err.Error(), "flatten the nesting") {
					t.Errorf("%d levels: error %v, want one naming deep.md:LINE and saying to flatten the nesting", n, err)
				}
			}
		})
	}
}

// Text that only looks like markers (a rule, emphasis, numbers, a long
// indented code line) opens no container and is not refused.
func TestNestingIgnoresNonContainers(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("-", 5000) + "\n",
		strings.Repeat("*", 5000) + "x" + strings.Repeat("*", 5000) + "\n",
		strings.Repeat("12345 ", 1000) + "\n",
		strings.Repeat(" ", 1000) + "indented code {++x++}\n",
		strings.Repeat("[", 5000) + "x" + strings.Repeat("]", 5000) + "\n",
	} {
		if _, err := Parse("flat.md", []byte(src)); err != nil {
			t.Errorf("%.40q…: %v", src, err)
		}
	}
}

func TestLineNesting(t *testing.T) {
	for _, tc := range []struct {
		line string
		want int
	}{
		{"text", 0},
		{"- item", 1},
		{"> - > quote", 3},
		{"      - item", 4},
		{"-    - item", 3},
		{"\t- item", 3},
		{"1. one", 1},
		{"1.5 is a number", 0},
		{"-not a marker", 0},
		{"- - -", 3},
		{"-\r\n", 1},
	} {
		if got, _ := lineNesting([]byte(tc.line), 0); got != tc.want {
			t.Errorf("lineNesting(%q) = %d, want %d", tc.line, got, tc.want)
		}
	}
}
