#!/usr/bin/env bash
# Measures `gatehouse check --batch` throughput on one core with the published (ReadyToRun) binary.
# Usage: bench/batch-throughput.sh [LINES]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-100000}
out=$(mktemp -d)
dotnet publish src/Gatehouse.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/bin" >/dev/null
python3 - "$lines" > "$out/batch.jsonl" <<'PY'
import json, sys
commands = [
    "git status", "npm run build && npm test", "rm -rf ./build node_modules", "kubectl get pods -n staging",
    "sudo rm -rf /var/lib/postgresql", "psql -h db.prod.internal -c \"DELETE FROM users WHERE id = 4\"",
    "find . -name '*.pyc' -delete", "echo cm0gLXJmIH4= | base64 -d | sh", "docker compose up -d --build",
    "aws s3 ls s3://acme-assets", "terraform plan -out plan.tfplan", "git commit -m 'fix: handle DROP TABLE'",
]
n = int(sys.argv[1])
for i in range(n):
    print(json.dumps({"id": str(i), "kind": "shell", "input": commands[i % len(commands)]}))
PY
start=$(date +%s.%N)
taskset -c 0 "$out/bin/gatehouse" check --batch "$out/batch.jsonl" > "$out/results.jsonl"
end=$(date +%s.%N)
count=$(wc -l < "$out/results.jsonl")
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'{n} commands in {s:.2f} s on one core: {n/s:,.0f} commands/s')" "$start" "$end" "$count"
rm -rf "$out"
