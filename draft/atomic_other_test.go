//go:build !unix

package draft

import "errors"

func mkfifo(string) error { return errors.New("no FIFOs on this system") }
