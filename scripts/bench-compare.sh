#!/usr/bin/env bash
# bench-compare.sh: time `redline diff --format plain` against
# `git diff --no-index --word-diff=porcelain` and `wdiff` on the generated
# benchmark documents (10 KB, 100 KB and 1 MB revisions, two unrelated
# 200 KB texts). Each command runs once to warm up, then RUNS times (default
# 5); the script prints the median wall time, the peak resident memory and
# the ratio of each tool's median to git's.
#
#   scripts/bench-compare.sh            # all cases
#   RUNS=9 scripts/bench-compare.sh 1m  # one case, more runs
#
# It is a benchmark, not a test: it never runs under `go test`. It needs go
# and git; wdiff and /usr/bin/time are used when present.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/redline-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
	cases=(10k 100k 1m worst-200k)
fi

echo "building redline and writing the documents in $work ..." >&2
(cd "$root" && go build -o "$work/redline" ./cmd/redline)
(cd "$root" && go test ./diff -run '^TestWriteBenchFiles$' -count=1 -benchfiles "$work/docs" >/dev/null)

have_time=0
if [ -x /usr/bin/time ]; then have_time=1; fi

# measure NAME CMD...: prints "median_seconds peak_kb"
measure() {
	local times=() peak=0 i start end kb
	"$@" >/dev/null 2>&1 || true # warm-up
	for ((i = 0; i < runs; i++)); do
		start=$(date +%s%N)
		if [ $have_time = 1 ]; then
			/usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true
		else
			"$@" >/dev/null 2>&1 || true
		fi
		end=$(date +%s%N)
		times+=($(((end - start) / 1000)))
		if [ $have_time = 1 ]; then
			kb=$(tail -n 1 "$work/rss")
			if [ "$kb" -gt "$peak" ]; then peak=$kb; fi
		fi
	done
	local median
	median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}')
	echo "$median $peak"
}

printf '%-11s %-8s %12s %12s %10s\n' case tool "median (s)" "peak (MB)" "vs git"
for c in "${cases[@]}"; do
	old="$work/docs/$c-old.txt"
	new="$work/docs/$c-new.txt"
	if [ ! -f "$old" ]; then
		echo "unknown case $c (use 10k, 100k, 1m or worst-200k)" >&2
		exit 2
	fi
	read -r git_us git_kb < <(measure git diff --no-index --word-diff=porcelain "$old" "$new")
	read -r rl_us rl_kb < <(measure "$work/redline" diff --format plain --no-pager "$old" "$new")
	wd_us=""
	if command -v wdiff >/dev/null; then
		read -r wd_us wd_kb < <(measure wdiff "$old" "$new")
	fi
	row() {
		awk -v c="$1" -v t="$2" -v us="$3" -v kb="$4" -v g="$git_us" 'BEGIN {
			mb = (kb > 0) ? sprintf("%.1f", kb / 1024) : "?"
			printf "%-11s %-8s %12.3f %12s %10.2f\n", c, t, us / 1e6, mb, us / g }'
	}
	row "$c" redline "$rl_us" "$rl_kb"
	row "$c" git "$git_us" "$git_kb"
	if [ -n "$wd_us" ]; then row "$c" wdiff "$wd_us" "$wd_kb"; fi
done
if [ -x "$work/redline" ]; then
	"$work/redline" diff --stat --no-pager "$work/docs/worst-200k-old.txt" "$work/docs/worst-200k-new.txt" 2>/dev/null | grep '^note:' >&2 || true
fi
