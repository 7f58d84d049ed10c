#!/usr/bin/env bash
# Start-up of `mvn mlp:train` (issue 7): where the time goes from the mvn command to the first training step.
#
#   bench/startup.sh PROJECT_DIR [RUNS=3] [extra Maven arguments...]
#
# e.g. bench/startup.sh examples/fashion-mnist 3 -Dmlp.experiment=src/main/mlp/fashion-seed.yaml
#      -Dmlp.set.training.epochs=1
# Runs `mvn -B -o -X mlp:train -Dmlp.force` RUNS times with time-stamped log lines, and prints per run and as
# medians (with min-max): Maven start to the train goal, the goal's own work up to the fork, fork start to main,
# natives loaded (in the background), data loaded, first training step, and the whole command. Needs the plugin
# installed in ~/.m2 (mvn -o -q -B install -DskipTests -DskipITs from the repository root).
set -euo pipefail
PROJECT="${1:?usage: bench/startup.sh PROJECT_DIR [RUNS] [maven args...]}"
RUNS="${2:-3}"
shift $(( $# >= 2 ? 2 : 1 ))
OUT="$(mktemp -d "${TMPDIR:-/tmp}/mlp-startup.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  (cd "$PROJECT" && mvn -B -o -X -Dorg.slf4j.simpleLogger.showDateTime=true \
      -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS mlp:train -Dmlp.force "$@") > "$OUT/run$i.log" 2>&1 \
    || { echo "run $i failed, log follows" >&2; tail -40 "$OUT/run$i.log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$start $end" > "$OUT/run$i.times"
done
python3 - "$OUT" "$RUNS" <<'PY'
import re, sys, statistics, datetime
out, runs = sys.argv[1], int(sys.argv[2])
def ts(line, day):
    h, m, s = line[:12].split(":")
    return day + int(h) * 3600 + int(m) * 60 + float(s)
rows = []
for i in range(1, runs + 1):
    start, end = map(float, open(f"{out}/run{i}.times").read().split())
    midnight = datetime.datetime.fromtimestamp(start).replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
    r = {}
    for line in open(f"{out}/run{i}.log", errors="replace"):
        if not re.match(r"\d\d:\d\d:\d\d\.\d{3} ", line):
            continue
        t = ts(line, midnight)
        if "--- mlp-maven-plugin" in line and ":train " in line and "goal" not in r:
            r["goal"] = t
        elif "mlp: forking " in line:
            r["fork"] = t
        m = re.search(r"mlp: fork: main reached ([\d.]+) s", line)
        if m: r["main"] = float(m.group(1))
        m = re.search(r"ND4J natives loaded in ([\d.]+) s, in the background \(([\d.]+) s", line)
        if m: r["natives"] = float(m.group(2)); r["nativesLoad"] = float(m.group(1))
        m = re.search(r": data .* loaded in ([\d.]+) s", line)
        if m and "data" not in r: r["dataAt"] = t; r["data"] = float(m.group(1))
        m = re.search(r"first training step done ([\d.]+) s", line)
        if m and "first" not in r: r["first"] = float(m.group(1))
    row = {
        "maven start to goal": r["goal"] - start,
        "goal to fork": r["fork"] - r["goal"],
        "fork to main": r["main"],
        "native load (background)": r.get("nativesLoad", float("nan")),
        "data load": r["data"],
        "fork to data loaded": r["dataAt"] - r["fork"],
        "fork to natives loaded": r.get("natives", float("nan")),
        "fork to first step": r["first"],
        "mvn to first step": r["fork"] - start + r["first"],
        "whole command": end - start,
    }
    rows.append(row)
keys = list(rows[0])
print("%-26s %s   median (min-max)" % ("s", "  ".join("run%-3d" % (i + 1) for i in range(runs))))
for k in keys:
    v = [row[k] for row in rows]
    print("%-26s %s   %.2f (%.2f-%.2f)" % (k, "  ".join("%6.2f" % x for x in v), statistics.median(v), min(v), max(v)))
PY
