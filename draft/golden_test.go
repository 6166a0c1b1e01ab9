package draft

import "flag"

// update rewrites golden files instead of comparing with them:
// go test ./draft -update
var update = flag.Bool("update", false, "rewrite golden files under testdata/")

var _ = update
