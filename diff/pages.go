package diff

import "unsafe"

// pageSize is the smallest page the kernels we run on map.
const pageSize = 4096

// writtenFirst makes a slice of n zero values and writes to each of its
// pages before anything reads them. It is for tables that are probed or
// counted into (read, then written): fresh memory read first is mapped to
// the kernel's page of zeros and faults a second time at the first write,
// with a flush of the address cache on every core the process runs on,
// which cost a fifth of the tokenizer's time on a 100 KB pair. Written
// first, each page faults once. Memory the process has used before costs a
// store a page.
func writtenFirst[T any](n int) []T {
	s := make([]T, n)
	var zero T
	if size := int(unsafe.Sizeof(zero)); size > 0 {
		for i := 0; i < n; i += max(1, pageSize/size) {
			s[i] = zero
		}
	}
	return s
}
