#!/bin/bash
# Times `mvn mlp:train -Dmlp.force` of this example with one fork and with two forks at once, alternated, so the
# two are measured side by side (docs/sweeps.md, "Sequential vs parallel, measured"). Usage: ./time-parallel.sh [rounds]
# Pass Maven options in MAVEN_ARGS, e.g. MAVEN_ARGS="-o -Dmaven.repo.local=/path/to/repo".
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-2}
for round in $(seq 1 "$rounds"); do
  for p in 1 2; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    mvn -B -q ${MAVEN_ARGS:-} mlp:train -Dmlp.force -Dmlp.parallel="$p" > "target/time-parallel-$p-$round.log" 2>&1
    end=$(date +%s.%N)
    printf 'round %d  mlp.parallel=%d  %.1f s  (load average before %s, after %s)\n' "$round" "$p" \
      "$(echo "$end - $start" | bc)" "$load" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
