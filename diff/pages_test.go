package diff

import "testing"

func TestWrittenFirstGivesZeroValues(t *testing.T) {
	type big struct{ b [5000]byte }
	for _, n := range []int{0, 1, 255, 256, 257, 4096, 100_000} {
		s := writtenFirst[islot](n)
		if len(s) != n || cap(s) != n {
			t.Fatalf("writtenFirst(%d): len %d cap %d", n, len(s), cap(s))
		}
		for i, v := range s {
			if v != (islot{}) {
				t.Fatalf("writtenFirst(%d)[%d] = %v, want zero", n, i, v)
			}
		}
	}
	if s := writtenFirst[big](3); len(s) != 3 || s[2].b[4999] != 0 {
		t.Fatal("writtenFirst of values larger than a page")
	}
	if s := writtenFirst[struct{}](10); len(s) != 10 {
		t.Fatal("writtenFirst of empty values")
	}
}
