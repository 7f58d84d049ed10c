#!/usr/bin/env bash
# The seed network on other batch sizes and thread counts, mlp-maven against PyTorch, one after the other on the same
# machine (issue 16, item 2): for each (batch, threads) pair, TrainBenchmark seed with -Dbench.batch and a copy of
# ../shared/bench/torch_mlp.py whose "BS, LR, SEED = 256, ..." line is the only change. Prints the median s/epoch
# of each and the ratio. Run after bench/run.sh has built mlp-bench (or `mvn -Pbench -pl mlp-bench -am package`).
#
#   bench/paths.sh [EPOCHS=4] ["BATCH:THREADS ..." = "32:2 128:2 1024:2 256:1"]
set -euo pipefail
EPOCHS="${1:-4}"
PAIRS="${2:-32:2 128:2 1024:2 256:1}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED_BENCH="${SHARED_BENCH:-$ROOT/../shared/bench}"
[[ -d "$SHARED_BENCH" || ! -d "$ROOT/../../shared/bench" ]] || SHARED_BENCH="$ROOT/../../shared/bench"
OPENMP_BLAS=/usr/lib/x86_64-linux-gnu/openblas-openmp
JAR="$(ls "$ROOT"/mlp-bench/target/mlp-bench-*.jar | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' | head -n 1)"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/mlp-paths.XXXXXX")"
median() { python3 -c 'import json,sys; r=json.loads(sys.stdin.read()); print(r["median_s"], r["final_acc"])'; }
printf '| batch | threads | mlp-maven s/epoch (median) | PyTorch | ratio | acc mlp-maven | acc PyTorch |\n|---|---|---|---|---|---|---|\n'
for pair in $PAIRS; do
  b="${pair%%:*}"; t="${pair##*:}"
  (cd "$ROOT" && java -Dbench.batch="$b" -cp "$JAR:$ROOT/mlp-bench/target/lib/*" dev.mlpmaven.bench.TrainBenchmark seed "$EPOCHS" "$t") \
    > "$OUT/mlp-$b-$t.log" 2>&1
  sed -e "s/^BS, LR, SEED = 256, /BS, LR, SEED = $b, /" "$SHARED_BENCH/torch_mlp.py" > "$OUT/torch_mlp_$b.py"
  grep -q "^BS, LR, SEED = $b, " "$OUT/torch_mlp_$b.py" || { echo "torch_mlp.py: found no line 'BS, LR, SEED = 256, ...'" >&2; exit 2; }
  env PYTHONPATH="$SHARED_BENCH" LD_LIBRARY_PATH="$OPENMP_BLAS" /usr/bin/python3 "$OUT/torch_mlp_$b.py" "$EPOCHS" "$t" \
    > "$OUT/torch-$b-$t.log" 2>&1
  read -r m ma < <(grep '^SUMMARY ' "$OUT/mlp-$b-$t.log" | tail -n 1 | cut -d' ' -f2- | median)
  read -r p pa < <(grep '^SUMMARY ' "$OUT/torch-$b-$t.log" | tail -n 1 | cut -d' ' -f2- | median)
  printf '| %s | %s | %.3f | %.3f | %.2f | %.4f | %.4f |\n' "$b" "$t" "$m" "$p" "$(echo "$m / $p" | bc -l)" "$ma" "$pa"
done
echo "logs: $OUT"
