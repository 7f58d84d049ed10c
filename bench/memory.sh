#!/usr/bin/env bash
# Memory across experiments in one build (issue 7): ten copies of one experiment, with different names, trained
# by one `mvn mlp:train` (one fork trains them in turn); prints the fork's peak RSS (VmHWM) and RSS (VmRSS) after
# each, from its DEBUG lines (mvn -X).
#
#   bench/memory.sh [EXPERIMENT_YAML=examples/fashion-mnist/src/main/mlp/fashion-seed.yaml] [COUNT=10] [maven args...]
#
# The copies train 1 epoch each (-Dmlp.set.training.epochs=1) in a temporary project with the pom of
# examples/fashion-mnist. Needs the plugin installed in the local repository.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
YAML="${1:-$ROOT/examples/fashion-mnist/src/main/mlp/fashion-seed.yaml}"
COUNT="${2:-10}"
shift $(( $# >= 2 ? 2 : $# ))
PROJECT="$(mktemp -d "${TMPDIR:-/tmp}/mlp-memory.XXXXXX")"
trap 'rm -rf "$PROJECT"' EXIT
mkdir -p "$PROJECT/src/main/mlp"
cp "$ROOT/examples/fashion-mnist/pom.xml" "$PROJECT/pom.xml"
for i in $(seq -w 1 "$COUNT"); do
  sed -E "s/^name: .*/name: memory-$i/" "$YAML" > "$PROJECT/src/main/mlp/memory-$i.yaml"
done
(cd "$PROJECT" && /usr/bin/time -v mvn -B -o -X mlp:train -Dmlp.force -Dmlp.set.training.epochs=1 "$@") \
  > "$PROJECT/build.log" 2>&1 || { tail -40 "$PROJECT/build.log" >&2; exit 1; }
grep -o 'memory-[0-9]*: fork memory after the experiment: .*\|memory-[0-9]*: test accuracy [0-9.]*' "$PROJECT/build.log"
grep 'Elapsed (wall clock)\|Maximum resident' "$PROJECT/build.log" | sed 's/^\s*/mvn (largest of Maven and the fork): /'
