#!/usr/bin/env bash
# bench-compare.sh: time `redline diff --format plain` against
# `git diff --no-index --word-diff=porcelain`, `wdiff` and `dwdiff` on the
# generated benchmark documents (10 KB, 100 KB, 1 MB, 4 MB and 16 MB
# revisions, two pairs of unrelated texts of 200 KB and 1 MB). Each command
# runs once to warm up, then RUNS times (default 5). The script prints the
# median wall time, the mean CPU time (user + system; steadier than wall
# time on a busy machine), the peak resident memory, and each tool's ratios
# to git's figures in the same run (dwdiff on pairs up to 1 MB only). With FORMATS=1 it then times every
# other redline format on the same pairs and prints its multiple of plain.
#
#   scripts/bench-compare.sh            # all cases
#   RUNS=9 scripts/bench-compare.sh 1m  # one case, more runs
#   FORMATS=1 RUNS=3 scripts/bench-compare.sh 100k 1m 4m 16m
#
# It is a benchmark, not a test: it never runs under `go test`. It needs go
# and git; wdiff, dwdiff, hyperfine (for CPU times) and /usr/bin/time (for
# memory) are used when present.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/redline-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
	cases=(10k 100k 1m 4m 16m worst-200k worst-1m)
fi

echo "building redline and writing the documents in $work ..." >&2
(cd "$root" && go build -o "$work/redline" ./cmd/redline)
(cd "$root" && go test ./diff -run '^TestWriteBenchFiles$' -count=1 -benchfiles "$work/docs" >/dev/null)

have_hyperfine=0
if command -v hyperfine >/dev/null; then have_hyperfine=1; fi
have_time=0
if [ -x /usr/bin/time ]; then have_time=1; fi

# jsonnum FILE KEY: the first number after "KEY": in a hyperfine export.
jsonnum() { grep -o "\"$2\": *[0-9.e+-]*" "$1" | head -n 1 | sed 's/.*: *//'; }

# measure CMD...: prints "median_seconds cpu_seconds peak_kb" (cpu "?"
# without hyperfine, peak 0 without /usr/bin/time).
measure() {
	local median cpu peak=0 kb i
	if [ $have_hyperfine = 1 ]; then
		hyperfine -N -i --warmup 1 --runs "$runs" --style none --export-json "$work/h.json" -- "$*" >/dev/null 2>&1
		median=$(jsonnum "$work/h.json" median)
		cpu=$(awk -v u="$(jsonnum "$work/h.json" user)" -v s="$(jsonnum "$work/h.json" system)" 'BEGIN { print u + s }')
	else
		local times=() start end
		"$@" >/dev/null 2>&1 || true # warm-up
		for ((i = 0; i < runs; i++)); do
			start=$(date +%s%N)
			"$@" >/dev/null 2>&1 || true
			end=$(date +%s%N)
			times+=($(((end - start) / 1000)))
		done
		median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {if (NR%2) m=a[(NR+1)/2]; else m=(a[NR/2]+a[NR/2+1])/2; print m/1e6}')
		cpu="?"
	fi
	if [ $have_time = 1 ]; then
		for ((i = 0; i < 3; i++)); do
			/usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true
			kb=$(tail -n 1 "$work/rss")
			if [ "$kb" -gt "$peak" ]; then peak=$kb; fi
		done
	fi
	echo "$median $cpu $peak"
}

printf '%-11s %-8s %11s %9s %10s %9s %9s\n' case tool "median (s)" "vs git" "cpu (s)" "vs git" "peak (MB)"
for c in "${cases[@]}"; do
	old="$work/docs/$c-old.txt"
	new="$work/docs/$c-new.txt"
	if [ ! -f "$old" ]; then
		echo "unknown case $c (use 10k, 100k, 1m, 4m, 16m, worst-200k or worst-1m)" >&2
		exit 2
	fi
	read -r git_s git_cpu git_kb < <(measure git diff --no-index --word-diff=porcelain "$old" "$new")
	read -r rl_s rl_cpu rl_kb < <(measure "$work/redline" diff --format plain --no-pager "$old" "$new")
	wd_s="" dw_s=""
	if command -v wdiff >/dev/null; then
		read -r wd_s wd_cpu wd_kb < <(measure wdiff "$old" "$new")
	fi
	# dwdiff grows faster than its input (30 s and more a run on the 4 MB
	# pair): it is timed on pairs up to about 1 MB a side.
	if command -v dwdiff >/dev/null && [ "$(wc -c <"$old")" -le 1100000 ]; then
		read -r dw_s dw_cpu dw_kb < <(measure dwdiff "$old" "$new")
	fi
	row() {
		awk -v c="$1" -v t="$2" -v s="$3" -v cpu="$4" -v kb="$5" -v gs="$git_s" -v gc="$git_cpu" 'BEGIN {
			mb = (kb > 0) ? sprintf("%.1f", kb / 1024) : "?"
			if (cpu == "?") { cs = "?"; cr = "?" } else { cs = sprintf("%.3f", cpu); cr = sprintf("%.2f", cpu / gc) }
			printf "%-11s %-8s %11.3f %9.2f %10s %9s %9s\n", c, t, s, s / gs, cs, cr, mb }'
	}
	row "$c" redline "$rl_s" "$rl_cpu" "$rl_kb"
	row "$c" git "$git_s" "$git_cpu" "$git_kb"
	if [ -n "$wd_s" ]; then row "$c" wdiff "$wd_s" "$wd_cpu" "$wd_kb"; fi
	if [ -n "$dw_s" ]; then row "$c" dwdiff "$dw_s" "$dw_cpu" "$dw_kb"; fi
done
if [ "${FORMATS:-0}" = 1 ]; then
	formats=(json stat ansi side-by-side critic html pdf)
	printf '\n%-11s %-13s %11s %9s %10s %9s %9s\n' case format "median (s)" "x plain" "cpu (s)" "x plain" "peak (MB)"
	for c in "${cases[@]}"; do
		old="$work/docs/$c-old.txt"
		new="$work/docs/$c-new.txt"
		read -r pl_s pl_cpu pl_kb < <(measure "$work/redline" diff --format plain --no-pager "$old" "$new")
		for f in plain "${formats[@]}"; do
			if [ "$f" = plain ]; then
				fs=$pl_s fc=$pl_cpu fk=$pl_kb
			else
				read -r fs fc fk < <(measure "$work/redline" diff --format "$f" --no-pager "$old" "$new")
			fi
			awk -v c="$c" -v f="$f" -v s="$fs" -v cpu="$fc" -v kb="$fk" -v ps="$pl_s" -v pc="$pl_cpu" 'BEGIN {
				mb = (kb > 0) ? sprintf("%.1f", kb / 1024) : "?"
				if (cpu == "?") { cs = "?"; cr = "?" } else { cs = sprintf("%.3f", cpu); cr = sprintf("%.2f", cpu / pc) }
				printf "%-11s %-13s %11.3f %9.2f %10s %9s %9s\n", c, f, s, s / ps, cs, cr, mb }'
		done
	done
fi
for c in "${cases[@]}"; do
	"$work/redline" diff --stat --no-pager "$work/docs/$c-old.txt" "$work/docs/$c-new.txt" 2>/dev/null | sed -n "s/^note: /$c: note: /p" >&2 || true
done
