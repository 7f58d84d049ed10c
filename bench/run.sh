#!/usr/bin/env bash
# Speed benchmark of the seed workload (issue 7): builds mlp-bench and runs it, then the PyTorch and numpy
# references from ../shared/bench, one after the other on the same machine, and prints a table with ratios.
#
#   bench/run.sh [EPOCHS=10] [THREADS=2]
#
# Environment: SHARED_BENCH (default <repo>/../shared/bench), FMNIST_DIR (default /usr/share/datasets/fashion-mnist),
# MLP_BENCH_INIT (he, the default, or uniform: PyTorch's nn.Linear initialisation, for a like-for-like accuracy),
# MVN_ARGS (extra Maven arguments, e.g. -o), SKIP_BUILD=1 (reuse mlp-bench/target), SKIP_REFERENCES=1,
# REFERENCES (default "torch numpy").
# Needs: Java 17, Maven, dataset-fashion-mnist; for the references python3-torch and libopenblas0-openmp
# (apt-get install -y dataset-fashion-mnist python3-torch libopenblas0-openmp) and numpy for python3.
# Leaves OPENBLAS_CORETYPE as the environment sets it: compare all systems under the same environment.
set -euo pipefail

EPOCHS="${1:-10}"
THREADS="${2:-2}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED_BENCH="${SHARED_BENCH:-$ROOT/../shared/bench}"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/mlp-bench.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building mlp-bench (mvn -Pbench -pl mlp-bench -am package)"
  (cd "$ROOT" && mvn -q -B ${MVN_ARGS:-} -Pbench -pl mlp-bench -am package -DskipTests)
fi
JAR="$(ls "$ROOT"/mlp-bench/target/mlp-bench-*.jar | head -n 1)"

echo "== mlp-maven: $EPOCHS epochs, $THREADS BLAS threads"
java -cp "$JAR:$ROOT/mlp-bench/target/lib/*" dev.mlpmaven.bench.SeedBenchmark "$EPOCHS" "$THREADS" 2>&1 \
  | grep -v '^SLF4J' | tee "$OUT/java.log"

if [[ "${SKIP_REFERENCES:-0}" != 1 ]]; then
  if [[ ! -d "$SHARED_BENCH" ]]; then
    echo "references: found no folder $SHARED_BENCH, expected ../shared/bench next to the repository - set SHARED_BENCH" >&2
    exit 2
  fi
  for ref in ${REFERENCES:-torch numpy}; do
    case "$ref" in
      torch)
        echo "== PyTorch (OpenBLAS-openmp, $THREADS threads)"
        (cd "$SHARED_BENCH" && env LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp \
            /usr/bin/python3 torch_mlp.py "$EPOCHS" "$THREADS") 2>&1 | tee "$OUT/torch.log" ;;
      numpy)
        echo "== numpy"
        (cd "$SHARED_BENCH" && python3 numpy_mlp.py "$EPOCHS") 2>&1 | tee "$OUT/numpy.log" ;;
      *) echo "REFERENCES: found \"$ref\", expected torch or numpy" >&2; exit 2 ;;
    esac
  done
fi

/usr/bin/python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
rows = []
for name in ("java", "torch", "numpy"):
    path = os.path.join(out, name + ".log")
    if not os.path.exists(path):
        continue
    lines = [l for l in open(path) if l.startswith("SUMMARY ")]
    if lines:
        rows.append(json.loads(lines[-1][len("SUMMARY "):]))
torch = next((r for r in rows if r["system"] == "torch"), None)
print()
print("| system | s/epoch min | s/epoch median | min / PyTorch min | median / PyTorch median | samples/s (all epochs) | test acc | peak RSS MiB |")
print("|---|---|---|---|---|---|---|---|")
for r in rows:
    rmin = "%.2f" % (r["min_s"] / torch["min_s"]) if torch else "n/a"
    rmed = "%.2f" % (r["median_s"] / torch["median_s"]) if torch else "n/a"
    sps = r.get("samples_per_s") or round(60000 * len(r["epoch_s"]) / r["total_train_s"])
    print("| %s | %.3f | %.3f | %s | %s | %.0f | %.4f | %.0f |" % (
        r["system"], r["min_s"], r["median_s"], rmin, rmed, sps, r["final_acc"], r["ru_maxrss_mib"]))
print()
print("s/epoch per epoch: " + "; ".join(r["system"] + " " + " ".join("%.2f" % s for s in r["epoch_s"]) for r in rows))
java = next((r for r in rows if r["system"] == "mlp-maven"), None)
if java:
    print()
    print("mlp-maven start-up: JVM start to main %.3f s, ND4J init %.3f s, data load %.3f s; BLAS: %s" % (
        java["jvm_start_to_main_s"], java["nd4j_init_s"], java["load_s"], java["blas"]))
PY
