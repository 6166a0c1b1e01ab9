#!/usr/bin/env bash
# bench-compare.sh: time `redline diff --format plain` against
# `git diff --no-index --word-diff=porcelain`, `wdiff` and `dwdiff` on the
# generated benchmark documents (10 KB, 100 KB, 1 MB, 4 MB and 16 MB
# revisions, two pairs of unrelated texts of 200 KB and 1 MB). Each command
# runs once to warm up, then RUNS times (default 5), the tools taking turns
# run by run (A/B alternating), so that a change in the machine's load
# falls on all of them alike. The script prints the median wall time, the
# median CPU time (user + system; steadier than wall time on a busy
# machine), the peak resident memory, and each tool's ratios to git's
# figures in the same run (dwdiff on pairs up to 1 MB only). With
# BASELINE=/path/to/an/older/redline that binary is timed in the same turns
# as "before". With FORMATS=1 it then times every other redline format on
# the same pairs (and BASELINE's, as before:FORMAT) and prints its multiple
# of plain.
#
#   scripts/bench-compare.sh            # all cases
#   RUNS=9 scripts/bench-compare.sh 1m  # one case, more runs
#   BASELINE=/tmp/redline-old scripts/bench-compare.sh 10k 1m
#   FORMATS=1 RUNS=3 scripts/bench-compare.sh 100k 1m 4m 16m
#
# It is a benchmark, not a test: it never runs under `go test`. It needs go,
# git and bash 5 (EPOCHREALTIME); wdiff, dwdiff and /usr/bin/time (for
# memory) are used when present. Wall time is read from EPOCHREALTIME and
# CPU time from the shell's `times` (children's user and system time, to
# the millisecond) around each run.
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
# Static, as README installs it: a dynamically linked binary spends a
# few milliseconds in the loader at every start.
(cd "$root" && CGO_ENABLED=0 go build -o "$work/redline" ./cmd/redline)
(cd "$root" && go test ./diff -run '^TestWriteBenchFiles$' -count=1 -benchfiles "$work/docs" >/dev/null)

have_time=0
if [ -x /usr/bin/time ]; then have_time=1; fi

# childcpu FILE: the CPU seconds (user + system) used so far by this
# shell's finished children, from `times` (its second line). `times` runs
# in this shell, not in a subshell, whose children would be others.
childcpu() {
	sed -n 2p "$1" | awk '{
		t = 0
		for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] }
		print t }'
}

# runonce FILE CMD...: runs CMD once and appends "wall cpu" to FILE.
runonce() {
	local f=$1 w0 w1
	shift
	times >"$work/times0"
	w0=$EPOCHREALTIME
	"$@" >/dev/null 2>&1 || true
	w1=$EPOCHREALTIME
	times >"$work/times1"
	echo "$w0 $w1 $(childcpu "$work/times0") $(childcpu "$work/times1")" | awk '{ printf "%.6f %.6f\n", $2 - $1, $4 - $3 }' >>"$f"
}

# median COLUMN FILE: the median of a column.
median() {
	awk -v c="$1" '{ print $c }' "$2" | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) m = a[(NR + 1) / 2]; else m = (a[NR / 2] + a[NR / 2 + 1]) / 2; print m }'
}

# peakkb CMD...: the largest resident set of three runs, in KB (0 without
# /usr/bin/time).
peakkb() {
	local peak=0 kb i
	if [ $have_time = 1 ]; then
		for ((i = 0; i < 3; i++)); do
			/usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true
			kb=$(tail -n 1 "$work/rss")
			if [ "$kb" -gt "$peak" ]; then peak=$kb; fi
		done
	fi
	echo "$peak"
}

# measure NAME=CMD...: each argument is a tool's name, "=" and its command
# line (split at spaces). The tools run in turns: one warm-up turn, then
# RUNS turns. Prints "name median_wall median_cpu peak_kb" per tool.
measure() {
	local spec name i
	local -a names cmds
	for spec in "$@"; do
		names+=("${spec%%=*}")
		cmds+=("${spec#*=}")
		: >"$work/t.${spec%%=*}"
	done
	for ((i = 0; i <= runs; i++)); do
		for k in "${!names[@]}"; do
			if [ $i = 0 ]; then
				${cmds[$k]} >/dev/null 2>&1 || true
			else
				# shellcheck disable=SC2086
				runonce "$work/t.${names[$k]}" ${cmds[$k]}
			fi
		done
	done
	for k in "${!names[@]}"; do
		# shellcheck disable=SC2086
		echo "${names[$k]} $(median 1 "$work/t.${names[$k]}") $(median 2 "$work/t.${names[$k]}") $(peakkb ${cmds[$k]})"
	done
}

printf '%-11s %-8s %11s %9s %10s %9s %9s\n' case tool "median (s)" "vs git" "cpu (s)" "vs git" "peak (MB)"
for c in "${cases[@]}"; do
	old="$work/docs/$c-old.txt"
	new="$work/docs/$c-new.txt"
	if [ ! -f "$old" ]; then
		echo "unknown case $c (use 10k, 100k, 1m, 4m, 16m, worst-200k or worst-1m)" >&2
		exit 2
	fi
	tools=("git=git diff --no-index --word-diff=porcelain $old $new" "redline=$work/redline diff --format plain --no-pager $old $new")
	if [ -n "${BASELINE:-}" ]; then tools+=("before=$BASELINE diff --format plain --no-pager $old $new"); fi
	if command -v wdiff >/dev/null; then tools+=("wdiff=wdiff $old $new"); fi
	# dwdiff grows faster than its input (30 s and more a run on the 4 MB
	# pair): it is timed on pairs up to about 1 MB a side.
	if command -v dwdiff >/dev/null && [ "$(wc -c <"$old")" -le 1100000 ]; then tools+=("dwdiff=dwdiff $old $new"); fi
	measure "${tools[@]}" >"$work/m"
	read -r _ git_s git_cpu git_kb < <(grep '^git ' "$work/m")
	row() {
		awk -v c="$1" -v t="$2" -v s="$3" -v cpu="$4" -v kb="$5" -v gs="$git_s" -v gc="$git_cpu" 'BEGIN {
			mb = (kb > 0) ? sprintf("%.1f", kb / 1024) : "?"
			cs = sprintf("%.3f", cpu); cr = (gc > 0) ? sprintf("%.2f", cpu / gc) : "?"
			printf "%-11s %-8s %11.3f %9.2f %10s %9s %9s\n", c, t, s, s / gs, cs, cr, mb }'
	}
	while read -r t ts tc tk; do row "$c" "$t" "$ts" "$tc" "$tk"; done <"$work/m"
done
if [ "${FORMATS:-0}" = 1 ]; then
	formats=(json stat ansi side-by-side critic html pdf)
	printf '\n%-11s %-19s %11s %9s %10s %9s %9s\n' case format "median (s)" "x plain" "cpu (s)" "x plain" "peak (MB)"
	for c in "${cases[@]}"; do
		old="$work/docs/$c-old.txt"
		new="$work/docs/$c-new.txt"
		specs=()
		for f in plain "${formats[@]}"; do
			specs+=("$f=$work/redline diff --format $f --no-pager $old $new")
			if [ -n "${BASELINE:-}" ]; then specs+=("before:$f=$BASELINE diff --format $f --no-pager $old $new"); fi
		done
		measure "${specs[@]}" >"$work/m"
		while read -r f fs fc fk; do
			# Each tool's multiple of its own plain in the same turns.
			base=plain
			case $f in before:*) base=before:plain ;; esac
			read -r _ pl_s pl_cpu _ < <(grep "^$base " "$work/m")
			awk -v c="$c" -v f="$f" -v s="$fs" -v cpu="$fc" -v kb="$fk" -v ps="$pl_s" -v pc="$pl_cpu" 'BEGIN {
				mb = (kb > 0) ? sprintf("%.1f", kb / 1024) : "?"
				printf "%-11s %-19s %11.3f %9.2f %10.3f %9.2f %9s\n", c, f, s, s / ps, cpu, (pc > 0) ? cpu / pc : 0, mb }'
		done <"$work/m"
	done
fi
for c in "${cases[@]}"; do
	"$work/redline" diff --stat --no-pager "$work/docs/$c-old.txt" "$work/docs/$c-new.txt" 2>/dev/null | sed -n "s/^note: /$c: note: /p" >&2 || true
done
