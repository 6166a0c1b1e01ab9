package diff

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// benchFiles, when set, makes TestWriteBenchFiles write the generated
// benchmark documents there (scripts/bench-compare.sh uses it):
// go test ./diff -run TestWriteBenchFiles -benchfiles DIR
var benchFiles = flag.String("benchfiles", "", "write the generated benchmark documents to this folder")

// The benchmark documents: pairs of about 10 KB, 100 KB, 1 MB, 4 MB and
// 16 MB (about 2% of words replaced, 1% of sentences deleted and 1%
// inserted, two paragraphs moved, a region re-wrapped) and two pairs of
// unrelated texts, 200 KB and 1 MB.
var benchCases = []struct {
	name string
	make func() (string, string)
}{
	{"10k", func() (string, string) { return benchPair(10, 10_000) }},
	{"100k", func() (string, string) { return benchPair(100, 100_000) }},
	{"1m", func() (string, string) { return benchPair(1000, 1_000_000) }},
	{"4m", func() (string, string) { return benchPair(4000, 4_000_000) }},
	{"16m", func() (string, string) { return benchPair(16000, 16_000_000) }},
	{"worst-200k", func() (string, string) { return unrelatedPair(200_000) }},
	{"worst-1m", func() (string, string) { return unrelatedPair(1_000_000) }},
}

func TestWriteBenchFiles(t *testing.T) {
	if *benchFiles == "" {
		t.Skip("set -benchfiles DIR to write the benchmark documents")
	}
	if err := os.MkdirAll(*benchFiles, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, bc := range benchCases {
		a, b := bc.make()
		if err := os.WriteFile(filepath.Join(*benchFiles, bc.name+"-old.txt"), []byte(a), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*benchFiles, bc.name+"-new.txt"), []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	for _, bc := range benchCases {
		b.Run(bc.name, func(b *testing.B) {
			x, y := bc.make()
			b.SetBytes(int64(len(x) + len(y)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Compare(Input{Data: []byte(x), Kind: KindText}, Input{Data: []byte(y), Kind: KindText}, Options{Moves: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkTokenize(b *testing.B) {
	x, _ := benchPair(1000, 1_000_000)
	b.SetBytes(int64(len(x)))
	for b.Loop() {
		tokenize(x, nil, tokenizeOptions{}, newInterner())
	}
}

// BenchmarkCompareGuess is BenchmarkCompare as the command runs it: each
// side's kind guessed from its name and content.
func BenchmarkCompareGuess(b *testing.B) {
	for _, bc := range benchCases {
		b.Run(bc.name, func(b *testing.B) {
			x, y := bc.make()
			b.SetBytes(int64(len(x) + len(y)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Compare(Input{Name: "old.txt", Data: []byte(x)}, Input{Name: "new.txt", Data: []byte(y)}, Options{Moves: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
