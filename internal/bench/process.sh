#!/bin/sh
# process.sh measures whole processes on the generated modules: the jwtvet
# command against the two floor commands (multichecker with one no-op
# analyzer, without and with a fact type), each run RUNS times (default 3)
# with warm build caches, printing every run's wall time, CPU time (user +
# system, go list children included) and peak RSS (GNU time's %e, %U+%S
# and %M: the largest of the command and its go list child), and the
# median of each. On a shared machine CPU time is the steadier number.
#
# Run it from the repository root:
#
#	sh internal/bench/process.sh [SHAPE...]    # default: service layered
#
# Needs GNU time at /usr/bin/time. The modules are generated under
# ${TMPDIR:-/tmp}/jwtvet-process, the binaries built under
# ${TMPDIR:-/tmp}/jwtvet-process/bin. The go command runs with
# GOPROXY=off inside the timed runs: dependencies are downloaded before.
set -eu

runs=${RUNS:-3}
shapes=${*:-service layered}
work=${TMPDIR:-/tmp}/jwtvet-process
bin=$work/bin
mkdir -p "$bin"

go build -o "$bin/jwtvet" ./cmd/jwtvet
go build -o "$bin/nofacts" ./internal/bench/floors/nofacts
go build -o "$bin/factfloor" ./internal/bench/floors/factfloor
go test ./internal/bench -run '^$' -args -out "$work" -shape "$(echo $shapes | tr ' ' ,)" >/dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for shape in $shapes; do
	for cmd in nofacts factfloor jwtvet; do
		(
			cd "$work/$shape"
			export GOWORK=off GOPROXY=off
			# Warm-up: fills the build cache with the export data all
			# three commands read.
			# Its output is kept in $work/SHAPE.CMD.out.
			"$bin/$cmd" ./... >"$work/$shape.$cmd.out" 2>&1 || true
			: >"$work/times"
			i=0
			while [ $i -lt "$runs" ]; do
				/usr/bin/time -a -o "$work/times" -f '%e %M %U %S' "$bin/$cmd" ./... >/dev/null 2>&1 || true
				i=$((i + 1))
			done
			# GNU time writes "Command exited with non-zero status N"
			# before the format when a command finds something.
			grep -E '^[0-9.]+ [0-9]+ [0-9.]+ [0-9.]+$' "$work/times" >"$work/times.ok"
			wall=$(cut -d' ' -f1 "$work/times.ok" | median)
			rss=$(cut -d' ' -f2 "$work/times.ok" | median)
			cpu=$(awk '{ print $3 + $4 }' "$work/times.ok" | median)
			printf '%-8s %-10s runs: %s  median: %s s wall, %s s CPU, %s MiB\n' "$shape" "$cmd" \
				"$(awk '{ printf "%ss/%ss/%dMiB  ", $1, $3 + $4, $2 / 1024 }' "$work/times.ok")" "$wall" "$cpu" "$((rss / 1024))"
		)
	done
done
