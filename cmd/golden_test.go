package cmd

import "flag"

// update rewrites golden files instead of comparing with them:
// go test ./cmd -update (the txtar scripts themselves update with UPDATE_SCRIPTS=1).
var update = flag.Bool("update", false, "rewrite golden files under testdata/")

var _ = update
