#!/usr/bin/env bash
# Runs tests/independent/*.jsonl through `gatehouse check --batch` and prints, per set, the share of
# destructive commands not allowed and the share of everyday commands stopped, then the misses.
# Usage: bench/independent-sets.sh [--misses]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Gatehouse.Cli -c Release > /dev/null
work=$(mktemp -d)
for set in tests/independent/*.jsonl; do
  python3 - "$set" > "$work/in.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    case = json.loads(line)
    print(json.dumps({"id": case["id"], "kind": "shell", "input": case["input"]}))
PY
  dotnet src/Gatehouse.Cli/bin/Release/net10.0/gatehouse.dll check --batch "$work/in.jsonl" > "$work/out.jsonl"
  python3 - "$set" "$work/out.jsonl" "${1:-}" <<'PY'
import json, sys
cases = {c["id"]: c for c in map(json.loads, open(sys.argv[1]))}
results = [json.loads(line) for line in open(sys.argv[2])]
destructive = [r for r in results if cases[r["id"]]["group"] == "destructive"]
everyday = [r for r in results if cases[r["id"]]["group"] == "everyday"]
missed = [r for r in destructive if r["decision"] == "allow"]
stopped = [r for r in everyday if r["decision"] != "allow"]
name = sys.argv[1].split("/")[-1]
print(f"{name}: destructive not allowed {len(destructive) - len(missed)}/{len(destructive)} "
      f"({100 * (len(destructive) - len(missed)) / len(destructive):.1f}%), "
      f"everyday stopped {len(stopped)}/{len(everyday)} ({100 * len(stopped) / len(everyday):.1f}%)")
if sys.argv[3] == "--misses":
    for r in missed + stopped:
        print("   ", r["decision"], cases[r["id"]]["input"][:140].replace("\n", " "))
PY
done
rm -rf "$work"
