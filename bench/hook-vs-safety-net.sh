#!/usr/bin/env bash
# Side by side, in one run: Gatehouse's command hook and cc-safety-net's hook as whole processes (hyperfine, median of
# repeated runs) on the same Claude Code PreToolUse payloads, then Gatehouse's resident HTTP hook (`gatehouse serve`)
# on the same payloads over a keep-alive loopback connection.
# Usage: bench/hook-vs-safety-net.sh [RUNS]   (default 30 runs per payload and tool)
#        GATEHOUSE_BIN=/path/to/published/gatehouse bench/hook-vs-safety-net.sh   (skip the publish step)
# Needs: dotnet, node + npm, hyperfine, python3. cc-safety-net installs from bench/peers/safety-net's lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
out=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$out"
}
trap cleanup EXIT

if [ -n "${GATEHOUSE_BIN:-}" ]; then
  gatehouse="$GATEHOUSE_BIN"
else
  # The shipped build: self-contained, app and framework in one composite ReadyToRun image (see Gatehouse.Cli.csproj).
  echo "publishing gatehouse (self-contained composite ReadyToRun) …" >&2
  dotnet publish src/Gatehouse.Cli -c Release -r linux-x64 -o "$out/bin" >/dev/null
  gatehouse="$out/bin/gatehouse"
fi

peer_dir=bench/peers/safety-net
if [ ! -x "$peer_dir/node_modules/.bin/cc-safety-net" ]; then
  echo "installing cc-safety-net from the lockfile …" >&2
  (cd "$peer_dir" && npm ci --no-audit --no-fund >/dev/null)
fi
safety_net="$(cd "$peer_dir" && pwd)/node_modules/.bin/cc-safety-net"

load_start=$(cut -d' ' -f1 /proc/loadavg)

# Both tools write their logs under HOME: keep the bench away from the real one.
export HOME="$out/home"
mkdir -p "$HOME" "$out/payloads"
python3 - "$out/payloads" <<'PY'
import json, sys, os
commands = {
    "read": "git status",
    "build": "npm run build && npm test",
    "rm-home": "rm -rf ~",
    "force-push": "git push --force origin main",
    "find-delete": "find . -name '*.log' -delete",
    "wrapped": "bash -c 'git reset --hard HEAD~3'",
}
for name, command in commands.items():
    payload = {"session_id": "bench", "transcript_path": "/tmp/bench.jsonl", "cwd": "/tmp", "permission_mode": "default",
               "hook_event_name": "PreToolUse", "tool_name": "Bash",
               "tool_input": {"command": command, "description": "benchmark"}, "tool_use_id": "toolu_bench"}
    with open(os.path.join(sys.argv[1], name + ".json"), "w") as f:
        json.dump(payload, f)
PY

for payload in "$out"/payloads/*.json; do
  name=$(basename "$payload" .json)
  echo "timing $name …" >&2
  hyperfine --warmup 3 --runs "$runs" -i --style none --export-json "$out/$name.hyperfine.json" \
    -n gatehouse "$gatehouse hook claude < $payload" \
    -n cc-safety-net "$safety_net hook --claude-code < $payload" >/dev/null
  # What each answered, so the timing compares like with like.
  { "$gatehouse" hook claude < "$payload" 2>/dev/null; echo " exit=$?"; } > "$out/$name.gatehouse.answer" || true
  { "$safety_net" hook --claude-code < "$payload" 2>/dev/null; echo " exit=$?"; } > "$out/$name.safety-net.answer" || true
done

echo "starting gatehouse serve …" >&2
"$gatehouse" serve --listen 127.0.0.1:0 > "$out/serve.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  if grep -q 'listening on' "$out/serve.out" 2>/dev/null; then break; fi
  sleep 0.1
done
url=$(grep -o 'http://[^ ]*' "$out/serve.out")

python3 - "$out" "$url" "$runs" "$load_start" <<'PY'
import glob, http.client, json, os, statistics, sys, time, urllib.parse
out, url, runs, load_start = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
parsed = urllib.parse.urlparse(url)
connection = http.client.HTTPConnection(parsed.hostname, parsed.port)
requests = max(200, runs * 10)

def post(body):
    connection.request("POST", "/v1/hooks/claude", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    return response.status, response.read()

def decision(text):
    if '"deny"' in text or "exit=2" in text: return "deny"
    if '"ask"' in text: return "ask"
    return "allow"

rows, gh_all, sn_all, http_all = [], [], [], []
for path in sorted(glob.glob(os.path.join(out, "payloads", "*.json"))):
    name = os.path.basename(path)[:-5]
    results = {r["command"]: r for r in json.load(open(os.path.join(out, name + ".hyperfine.json")))["results"]}
    gh, sn = results["gatehouse"], results["cc-safety-net"]
    body = open(path, "rb").read()
    for _ in range(20):
        post(body)
    samples = []
    for _ in range(requests):
        start = time.perf_counter()
        status, answer = post(body)
        samples.append(time.perf_counter() - start)
        assert status == 200, status
    resident = statistics.median(samples)
    gh_all.append(gh["median"]); sn_all.append(sn["median"]); http_all.append(resident)
    rows.append((name, gh["median"], gh["user"] + gh["system"], sn["median"], sn["user"] + sn["system"], resident,
                 decision(open(os.path.join(out, name + ".gatehouse.answer")).read()),
                 decision(open(os.path.join(out, name + ".safety-net.answer")).read()), decision(answer.decode())))

print(f"{'payload':<12} {'gatehouse':>10} {'(cpu)':>8} {'safety-net':>11} {'(cpu)':>8} {'ratio':>6} {'resident':>9}   decisions gh/sn/http")
for name, g, gc, s, sc, r, gd, sd, rd in rows:
    print(f"{name:<12} {g*1000:>8.1f}ms {gc*1000:>6.1f}ms {s*1000:>9.1f}ms {sc*1000:>6.1f}ms {s/g:>5.2f}x {r*1000:>7.3f}ms   {gd}/{sd}/{rd}")
g, s, r = statistics.median(gh_all), statistics.median(sn_all), statistics.median(http_all)
gc = statistics.median([row[2] for row in rows]); sc = statistics.median([row[4] for row in rows])
print(f"\nmedian of medians: gatehouse command hook {g*1000:.1f} ms, cc-safety-net {s*1000:.1f} ms "
      f"(gatehouse {s/g:.2f}x faster), gatehouse resident HTTP hook {r*1000:.3f} ms")
print(f"median CPU (user+system) per process: gatehouse {gc*1000:.1f} ms, cc-safety-net {sc*1000:.1f} ms ({sc/gc:.2f}x)")
print(f"runs: {runs} per tool and payload (hyperfine, shell overhead subtracted); resident: {requests} requests per payload; "
      f"load average at start {load_start}, at end {os.getloadavg()[0]:.2f}")
PY
