//go:build !unix

package draft

// LockWorkingCopy is a no-op where flock is not available.
func LockWorkingCopy(path string) (func(), error) { return func() {}, nil }
