package telegram

import "flag"

// update rewrites golden files instead of comparing with them:
// go test ./telegram -update
var update = flag.Bool("update", false, "rewrite golden files under testdata/")
