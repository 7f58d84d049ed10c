#!/usr/bin/env bash
# The speed comparison of issue 16 in one command: both workloads (seed and recipe) for mlp-maven, PyTorch, DJL
# and numpy (seed only), one system after the other on the same machine; the engine's gemm-only floor of the same
# shapes; the ND4J-alternatives table (ND4J's OpenMP threads as the fork leaves them, and with OMP_NUM_THREADS=1);
# `mvn verify` of examples/fashion-mnist from a clean target/; then a summary table with ratios, accuracies, peak
# RSS, GFLOP/s, and the issue's done-when checks.
#
#   bench/run.sh [SEED_EPOCHS=10] [RECIPE_EPOCHS=5] [THREADS=2]
#
# Environment:
#   SYSTEMS    (default "mlp torch djl numpy")    WORKLOADS (default "seed recipe")
#   ROUNDS     (default 1): repeat everything, systems interleaved, and report every round plus the best
#   ACC_SEEDS  (default "1 2"): the recipe trained again by mlp-maven and PyTorch with each of these seeds (besides
#              seed 0), for the accuracy comparison: one run's test accuracy after 5 epochs moves by about 0.01
#              from seed to seed, so the check compares the means over the seeds; "" runs seed 0 only
#   ND4J_TABLE (default 1), EXAMPLE (default 1): 0 skips the ND4J table / the examples/fashion-mnist build
#   MVN_ARGS   extra Maven arguments for every mvn call (e.g. "-o -Dmaven.repo.local=/work/m2/issue16")
#   SKIP_BUILD=1 reuses mlp-bench/target (and skips installing the plugin for EXAMPLE)
#   SHARED_BENCH (default <repo>/../shared/bench, else <repo>/../../shared/bench), DJL_DIR (default /tmp/djl: DJL is copied and built there, never
#   into this repository), FMNIST_DIR, MLP_BENCH_INIT (he or uniform for mlp-maven's init)
# Needs: Java 17, Maven, and once per machine (as root)
#   apt-get install -y dataset-fashion-mnist python3-torch libopenblas0-openmp
# numpy for python3; DJL's jars come from Maven Central the first time. OPENBLAS_CORETYPE is left as the
# environment sets it: every system runs under the same environment.
set -euo pipefail

SEED_EPOCHS="${1:-10}"
RECIPE_EPOCHS="${2:-5}"
THREADS="${3:-2}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -z "${SHARED_BENCH:-}" ]]; then # the repository next to shared/ (or a worktree one level further down)
  SHARED_BENCH="$ROOT/../shared/bench"
  [[ -d "$SHARED_BENCH" || ! -d "$ROOT/../../shared/bench" ]] || SHARED_BENCH="$ROOT/../../shared/bench"
fi
DJL_DIR="${DJL_DIR:-/tmp/djl}"
SYSTEMS="${SYSTEMS:-mlp torch djl numpy}"
WORKLOADS="${WORKLOADS:-seed recipe}"
ROUNDS="${ROUNDS:-1}"
ACC_SEEDS="${ACC_SEEDS-1 2}"
OPENMP_BLAS=/usr/lib/x86_64-linux-gnu/openblas-openmp
APT_LINE="apt-get install -y dataset-fashion-mnist python3-torch libopenblas0-openmp"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/mlp-bench.XXXXXX")"
trap 'echo "logs: $OUT"' EXIT

has() { [[ " $SYSTEMS " == *" $1 "* ]]; }
fail() { echo "bench/run.sh: $1" >&2; exit 2; }

# ---- prerequisites, checked before anything runs
[[ -d "${FMNIST_DIR:-/usr/share/datasets/fashion-mnist}" ]] \
  || fail "found no ${FMNIST_DIR:-/usr/share/datasets/fashion-mnist}, expected Fashion-MNIST - $APT_LINE"
if has torch; then
  /usr/bin/python3 -c 'import torch' 2>/dev/null || fail "found no PyTorch for /usr/bin/python3 - $APT_LINE"
  [[ -d "$OPENMP_BLAS" ]] || fail "found no $OPENMP_BLAS, expected OpenBLAS's OpenMP build - $APT_LINE"
fi
if has torch || has numpy; then
  [[ -d "$SHARED_BENCH" ]] || fail "found no folder $SHARED_BENCH, expected ../shared/bench next to the repository - set SHARED_BENCH"
fi
if has numpy; then
  python3 -c 'import numpy' 2>/dev/null || fail "found no numpy for python3 - pip install numpy"
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building mlp-bench (mvn -Pbench -pl mlp-bench -am package)"
  (cd "$ROOT" && mvn -q -B ${MVN_ARGS:-} -Pbench -pl mlp-bench -am package -DskipTests)
fi
JAR="$(ls "$ROOT"/mlp-bench/target/mlp-bench-*.jar | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' | head -n 1)"
CP="$JAR:$ROOT/mlp-bench/target/lib/*"

if has djl && [[ ! -f "$DJL_DIR/cp.txt" ]]; then
  [[ -d "$SHARED_BENCH/djl" ]] || fail "found no $SHARED_BENCH/djl, expected the DJL reference - set SHARED_BENCH"
  echo "== setting up DJL in $DJL_DIR (its jars from Maven Central the first time)"
  rm -rf "$DJL_DIR" && cp -r "$SHARED_BENCH/djl" "$DJL_DIR" && chmod -R u+w "$DJL_DIR"
  (cd "$DJL_DIR" && mvn -q -B ${MVN_ARGS:-} compile dependency:build-classpath -Dmdep.outputFile=cp.txt)
fi

# run NAME CMD...: runs CMD with its output in $OUT/NAME.log and its peak RSS (KiB) in $OUT/NAME.rss
run() {
  local name="$1"; shift
  echo "== $name: $(printf '%s ' "$@" | cut -c1-160)"
  /usr/bin/time -f '%M' -o "$OUT/$name.rss" "$@" 2>&1 | grep -v -e '^SLF4J' -e '^\[main\] INFO' | tee "$OUT/$name.log"
}

for round in $(seq 1 "$ROUNDS"); do
  for workload in $WORKLOADS; do
    epochs=$([[ $workload == seed ]] && echo "$SEED_EPOCHS" || echo "$RECIPE_EPOCHS")
    for system in $SYSTEMS; do
      name="r$round-$workload-$system"
      case "$system" in
        mlp) (cd "$ROOT" && run "$name" java -cp "$CP" dev.mlpmaven.bench.TrainBenchmark "$workload" "$epochs" "$THREADS") ;;
        torch)
          script=$([[ $workload == seed ]] && echo torch_mlp.py || echo torch_recipe.py)
          (cd "$SHARED_BENCH" && run "$name" env LD_LIBRARY_PATH="$OPENMP_BLAS" /usr/bin/python3 "$script" "$epochs" "$THREADS") ;;
        djl)
          args=("$epochs"); [[ $workload == recipe ]] && args+=(recipe)
          (cd "$DJL_DIR" && run "$name" java -Dai.djl.offline=true -cp "target/classes:$(cat cp.txt)" Seed "${args[@]}") ;;
        numpy)
          [[ $workload == seed ]] || continue
          (cd "$SHARED_BENCH" && run "$name" python3 numpy_mlp.py "$epochs") ;;
        *) fail "SYSTEMS: found \"$system\", expected mlp, torch, djl or numpy" ;;
      esac
    done
  done
done

# the recipe's accuracy with other seeds (initialisation, split, shuffling, dropout): mlp-maven through
# -Dbench.seed, PyTorch through a copy of torch_recipe.py whose SEED line is the only change
if [[ " $WORKLOADS " == *" recipe "* && -n "$ACC_SEEDS" ]]; then
  for seed in $ACC_SEEDS; do
    if has mlp; then
      (cd "$ROOT" && run "acc$seed-recipe-mlp" java -Dbench.seed="$seed" -cp "$CP" dev.mlpmaven.bench.TrainBenchmark recipe "$RECIPE_EPOCHS" "$THREADS")
    fi
    if has torch; then
      copy="$OUT/torch_recipe_seed$seed.py"
      sed -e "s/^\(BS, LR, WD, DROP, SEED, TOTAL = [^,]*, [^,]*, [^,]*, [^,]*\), 0, \([0-9]*\)$/\1, $seed, \2/" \
        "$SHARED_BENCH/torch_recipe.py" > "$copy"
      [[ "$(diff "$SHARED_BENCH/torch_recipe.py" "$copy" | grep -c '^[<>]')" == 2 ]] \
        || fail "torch_recipe.py: found no line 'BS, LR, WD, DROP, SEED, TOTAL = ..., 0, 20', expected one to set the seed - ACC_SEEDS= skips this"
      (cd "$SHARED_BENCH" && run "acc$seed-recipe-torch" env PYTHONPATH="$SHARED_BENCH" LD_LIBRARY_PATH="$OPENMP_BLAS" /usr/bin/python3 "$copy" "$RECIPE_EPOCHS" "$THREADS")
    fi
  done
fi

if [[ "${ND4J_TABLE:-1}" == 1 ]]; then
  (cd "$ROOT" && run nd4j-omp-unset env -u OMP_NUM_THREADS java -cp "$CP" dev.mlpmaven.engine.train.Nd4jAlternatives "$THREADS")
  (cd "$ROOT" && run nd4j-omp-1 env OMP_NUM_THREADS=1 java -cp "$CP" dev.mlpmaven.engine.train.Nd4jAlternatives "$THREADS")
fi

if [[ "${EXAMPLE:-1}" == 1 ]]; then
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "== installing the plugin (mvn install -DskipTests -DskipITs)"
    (cd "$ROOT" && mvn -q -B ${MVN_ARGS:-} install -DskipTests -DskipITs)
  fi
  echo "== examples/fashion-mnist: mvn verify from a clean target/"
  rm -rf "$ROOT/examples/fashion-mnist/target"
  start=$(date +%s.%N)
  (cd "$ROOT/examples/fashion-mnist" && mvn -B ${MVN_ARGS:-} verify) > "$OUT/example.log" 2>&1 \
    || { tail -n 40 "$OUT/example.log"; fail "examples/fashion-mnist: mvn verify failed (log above)"; }
  end=$(date +%s.%N)
  echo "$start $end" > "$OUT/example.time"
  grep -E 'mlp:|BUILD|Total time' "$OUT/example.log" | tail -n 30 || true
fi

/usr/bin/python3 - "$OUT" "$ROOT" "$ROUNDS" <<'PY'
import glob, json, os, re, statistics, sys
out, root, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
FLOP = {"seed": 60000 * (4 * 784 * 256 + 6 * 256 * 256 + 6 * 256 * 10),
        "recipe": 54000 * (4 * 784 * 512 + 6 * 512 * 256 + 6 * 256 * 10)}
NAMES = {"mlp": "mlp-maven", "torch": "PyTorch", "djl": "DJL (libtorch)", "numpy": "numpy"}

def parse(path):
    text = open(path).read()
    rss = None
    rss_path = path[:-4] + ".rss"
    if os.path.exists(rss_path):
        try:
            rss = int(open(rss_path).read().split()[-1]) / 1024
        except (ValueError, IndexError):
            pass
    m = [l for l in text.splitlines() if l.startswith("SUMMARY {")]
    if m:
        r = json.loads(m[-1][len("SUMMARY "):])
        return {"epochs": r["epoch_s"], "acc": r["final_acc"], "rss": rss or r.get("ru_maxrss_mib"), "raw": r}
    epochs = [float(x) for x in re.findall(r"^epoch \d+: ([0-9.]+) s", text, re.M)]
    accs = [float(x) for x in re.findall(r"^epoch \d+: [0-9.]+ s acc ([0-9.]+)", text, re.M)]
    if not epochs:
        return None
    return {"epochs": epochs, "acc": accs[-1] if accs else float("nan"), "rss": rss, "raw": {}}

runs = {}
for path in sorted(glob.glob(os.path.join(out, "r*-*-*.log"))):
    rnd, workload, system = os.path.basename(path)[:-4].split("-", 2)
    p = parse(path)
    if p:
        runs.setdefault((workload, system), []).append(p)

def med(xs):
    return statistics.median(xs)

summary = {}
print()
print("## Summary (%d round%s; s/epoch is the training loop only)" % (rounds, "" if rounds == 1 else "s"))
for workload in ("seed", "recipe"):
    rows = {s: v for (w, s), v in runs.items() if w == workload}
    if not rows:
        continue
    # per system: the round with the lowest median
    best = {s: min(v, key=lambda p: med(p["epochs"])) for s, v in rows.items()}
    torch = best.get("torch")
    floor = best.get("mlp", {}).get("raw", {}).get("gemm_floor_min_s")
    print()
    print("### %s (%.1f GFLOP an epoch)%s" % (workload, FLOP[workload] / 1e9,
          "; gemm-only floor (the engine's products alone): %.3f s/epoch = %.0f GFLOP/s" % (floor, FLOP[workload] / floor / 1e9) if floor else ""))
    print()
    print("| system | s/epoch min | s/epoch median | median / PyTorch | test acc | acc - PyTorch | peak RSS MiB | GFLOP/s at median | floor / median |")
    print("|---|---|---|---|---|---|---|---|---|")
    for s in ("mlp", "torch", "djl", "numpy"):
        if s not in best:
            continue
        p = best[s]
        m = med(p["epochs"])
        ratio = "%.2f" % (m / med(torch["epochs"])) if torch else "n/a"
        dacc = "%+.4f" % (p["acc"] - torch["acc"]) if torch else "n/a"
        print("| %s | %.3f | %.3f | %s | %.4f | %s | %s | %.0f | %s |" % (
            NAMES[s], min(p["epochs"]), m, ratio, p["acc"], dacc,
            "%.0f" % p["rss"] if p["rss"] else "n/a", FLOP[workload] / m / 1e9,
            "%.2f" % (floor / m) if floor else "n/a"))
    for s in ("mlp", "torch", "djl", "numpy"):
        for i, p in enumerate(rows.get(s, [])):
            print("  %s round %d per epoch: %s" % (NAMES[s], i + 1, " ".join("%.3f" % e for e in p["epochs"])))
    mlp = best.get("mlp")
    if mlp and mlp["raw"].get("profile_s"):
        prof = mlp["raw"]["profile_s"]
        total = sum(prof.values())
        n = len(mlp["epochs"])
        print("  mlp-maven per-phase profile (s/epoch, share): " + ", ".join(
            "%s %.3f (%.0f%%)" % (k, v / n, 100 * v / total) for k, v in prof.items() if v > 0))
    summary[workload] = best

ex = os.path.join(out, "example.time")
example_s = None
adam_s = None
if os.path.exists(ex):
    a, b = map(float, open(ex).read().split())
    example_s = b - a
    print()
    print("### examples/fashion-mnist: mvn verify from a clean target/: %.1f s" % example_s)
    for name in ("fashion-seed", "fashion-adam"):
        mpath = os.path.join(root, "examples/fashion-mnist/target/mlp", name, "metrics.json")
        if os.path.exists(mpath):
            mj = json.load(open(mpath))
            eps = mj.get("epochs", [])
            t = mj.get("timings") or {}
            if name == "fashion-adam" and t:
                adam_s = t["total"] if t.get("total") is not None else sum(
                    v for k, v in t.items() if v is not None)
            print("  %s: %d epochs, %.1f s of training loop, %s, test accuracy %.4f" % (
                name, len(eps), sum(e.get("trainSeconds") or 0 for e in eps),
                ", ".join("%s %.1f s" % (k, v) for k, v in t.items() if v is not None), mj["test"]["accuracy"]))

acc_seeds = {}
acc_logs = glob.glob(os.path.join(out, "acc*-recipe-*.log"))
if "recipe" in summary and acc_logs:
    seed_of = lambda path: int(os.path.basename(path)[3:].split("-")[0])
    seeds = sorted({seed_of(p) for p in acc_logs})
    for s in ("mlp", "torch"):
        first = summary["recipe"].get(s)
        if first:
            acc_seeds[s] = [first["acc"]] + [parse(os.path.join(out, "acc%d-recipe-%s.log" % (x, s)))["acc"]
                                             for x in seeds]
    print()
    print("### recipe: test accuracy after the same epochs, by seed")
    print()
    print("| system | seed 0 | " + " | ".join("seed %d" % x for x in seeds) + " | mean |")
    print("|---|---|" + "---|" * len(seeds) + "---|")
    for s, accs in acc_seeds.items():
        print("| %s | %s | %.4f |" % (NAMES[s], " | ".join("%.4f" % a for a in accs), statistics.mean(accs)))

for tag in ("omp-unset", "omp-1"):
    path = os.path.join(out, "nd4j-%s.log" % tag)
    if os.path.exists(path):
        print()
        print("### ND4J alternatives, OMP_NUM_THREADS %s" % ("unset (as the fork leaves it)" if tag == "omp-unset" else "= 1"))
        for l in open(path):
            if l.startswith("|"):
                print(l.rstrip())

print()
print("### Done-when checks (issue 16)")
def check(label, ok, detail):
    print("- [%s] %s: %s" % ("x" if ok else " ", label, detail))
r = summary.get("recipe", {})
s = summary.get("seed", {})
if "mlp" in r and "torch" in r:
    ratio = med(r["mlp"]["epochs"]) / med(r["torch"]["epochs"])
    check("recipe median <= 1.0 x PyTorch (aim 0.8)", ratio <= 1.0, "%.2f" % ratio)
    d = r["mlp"]["acc"] - r["torch"]["acc"]
    if acc_seeds.get("mlp") and acc_seeds.get("torch"):
        am, at = statistics.mean(acc_seeds["mlp"]), statistics.mean(acc_seeds["torch"])
        check("recipe test accuracy within 0.01 of PyTorch's (or above), mean over %d seeds" % len(acc_seeds["mlp"]),
              am - at >= -0.01, "%.4f against %.4f: %+.4f (seed 0 alone: %+.4f)" % (am, at, am - at, d))
    else:
        check("recipe test accuracy within 0.01 of PyTorch's (or above)", d >= -0.01, "%+.4f" % d)
if "mlp" in s and "torch" in s:
    ratio = med(s["mlp"]["epochs"]) / med(s["torch"]["epochs"])
    check("seed median <= 0.9 x PyTorch (aim 0.8)", ratio <= 0.9, "%.2f" % ratio)
for w, best in summary.items():
    if "mlp" in best and "torch" in best and best["mlp"]["rss"] and best["torch"]["rss"]:
        check("%s peak RSS <= PyTorch's" % w, best["mlp"]["rss"] <= best["torch"]["rss"],
              "%.0f MiB against %.0f MiB" % (best["mlp"]["rss"], best["torch"]["rss"]))
if example_s is not None:
    detail = "%.1f s for the whole build (both experiments)" % example_s
    if adam_s is not None:
        detail += ", fashion-adam's own work (load, train, evaluate, write) %.1f s" % adam_s
    check("examples/fashion-mnist: fashion-adam >= 2 x faster than its 76 s in mvn verify",
          (adam_s if adam_s is not None else example_s) <= 38, detail)
PY
