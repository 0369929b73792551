#!/usr/bin/env bash
# One Cedar decision over 100 policies and 1,000 entities, side by side in one run: Gatehouse.Cedar in process
# (Release build) and the official engine as cedar-wasm under Node.js with its preparsed-policy-set API
# (preparsePolicySet + statefulIsAuthorized, so policy parsing is not counted against it).
# Prints both medians (µs per decision) and their ratio; both sides must agree on how many requests are allowed.
# Usage: bench/cedar-vs-wasm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -d tests/oracles/cedar/node_modules/@cedar-policy/cedar-wasm ]; then
  (cd tests/oracles/cedar && npm ci --no-audit --no-fund --loglevel=error)
fi
dotnet build bench/Gatehouse.Benchmarks -c Release -o "$work/bin" >/dev/null

ours=$(dotnet "$work/bin/Gatehouse.Benchmarks.dll" cedar-side-by-side "$work/workload")
theirs=$(cd tests/oracles/cedar && node cedar-bench.mjs "$work/workload")
echo "$ours"
echo "$theirs"

python3 - "$ours" "$theirs" <<'PY'
import sys
def fields(line):
    return dict(part.split('=') for part in line.split()[1:])
ours, theirs = fields(sys.argv[1]), fields(sys.argv[2])
if ours['allowed'] != theirs['allowed']:
    sys.exit(f"the engines disagree on the workload: Gatehouse allowed {ours['allowed']}, cedar-wasm {theirs['allowed']}")
ratio = float(theirs['median_us']) / float(ours['median_us'])
print(f"Gatehouse.Cedar {float(ours['median_us']):.2f} µs vs cedar-wasm {float(theirs['median_us']):.1f} µs per decision: {ratio:.0f}x faster")
PY
