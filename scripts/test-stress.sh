#!/usr/bin/env bash
# The whole suite, several times in a row, while every core is kept busy hashing a large
# file: a test that reads the screen or a file before the thing it waits for has happened
# fails here. STRESS_RUNS (default 3) runs; STRESS_MIB (default 512) the file's size.
set -euo pipefail

runs="${STRESS_RUNS:-3}"
size_mib="${STRESS_MIB:-512}"
cores="$(nproc)"
cd "$(dirname "$0")/.."

work="$(mktemp -d "${TMPDIR:-/tmp}/veil-stress-XXXXXX")"
hog_pids=()

stop_load() {
  local pid hashers
  for pid in "${hog_pids[@]}"; do
    # The loop first, then the sha256sum it was running (which would finish its pass alone).
    hashers="$(pgrep -P "$pid" || true)"
    kill "$pid" 2>/dev/null || true
    [ -z "$hashers" ] || kill $hashers 2>/dev/null || true
  done
  for pid in "${hog_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  hog_pids=()
  rm -rf "$work"
}
trap stop_load EXIT
trap 'exit 130' INT TERM

echo "stress: writing a ${size_mib} MiB file to hash"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$work/load.bin"

for _ in $(seq "$cores"); do
  (while :; do sha256sum "$work/load.bin" >/dev/null; done) &
  hog_pids+=("$!")
done
echo "stress: ${#hog_pids[@]} sha256sum loops running (one per core)"

passed=0
for run in $(seq "$runs"); do
  echo "stress: run $run of $runs"
  started="$(date +%s)"
  if npm test; then
    echo "stress: run $run passed in $(($(date +%s) - started)) s"
    passed=$((passed + 1))
  else
    echo "stress: run $run FAILED after $(($(date +%s) - started)) s; stopping (${passed} of ${runs} runs passed)" >&2
    exit 1
  fi
done
echo "stress: ${passed} of ${runs} runs passed"
