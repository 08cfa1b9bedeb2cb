#!/usr/bin/env bash
# Measures the Lambda function's cold start here: from starting the "bootstrap" process to the first invocation
# answered, for a self-contained JIT build and a Native AOT build side by side. A Runtime API stand-in on
# 127.0.0.1 hands each fresh process one HTTP API (payload 2.0) event: a runtime decision on the embedded store.
# Writes docs/benchmarks-cold-start.md. Not a test: timings depend on the machine and what else it runs.
#   scripts/lambda-cold-start.sh [runs]   (default 10 runs per build)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "publishing the JIT (self-contained) build..."
dotnet publish functions/Esper.Functions.Aws -c Release -r linux-x64 --self-contained -p:DebugType=none \
  -o "$work/jit" >"$work/jit.log" 2>&1 || { cat "$work/jit.log"; exit 1; }
echo "publishing the Native AOT build..."
dotnet publish functions/Esper.Functions.Aws -c Release -r linux-x64 -p:PublishAot=true -p:DebugType=none -p:StripSymbols=true \
  -o "$work/aot" >"$work/aot.log" 2>&1 || { cat "$work/aot.log"; exit 1; }

python3 - "$work" "$runs" "$root/docs/benchmarks-cold-start.md" <<'PY'
import base64, json, os, platform, shutil, statistics, subprocess, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

work, runs, report = sys.argv[1], int(sys.argv[2]), sys.argv[3]
admin_key = "esk_default_" + "0f" * 24
decision = json.dumps({"request": {"method": "POST", "path": "/login", "client_ip": "203.0.113.10", "user_agent": "Mozilla/5.0"}})
event = json.dumps({
    "version": "2.0", "routeKey": "$default", "rawPath": "/api/v1/runtime/mitigation", "rawQueryString": "",
    "headers": {"content-type": "application/json", "x-esper-api-key": admin_key},
    "requestContext": {"http": {"method": "POST", "path": "/api/v1/runtime/mitigation", "sourceIp": "203.0.113.10"}, "stage": "$default"},
    "body": base64.b64encode(decision.encode()).decode(), "isBase64Encoded": True,
}).encode()

state = {"served": False, "answered": threading.Event(), "answered_at": 0.0, "status": None}

class RuntimeApi(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if state["served"]:
            time.sleep(3600)  # a second invocation never comes: the process is killed first
            return
        state["served"] = True
        self.send_response(200)
        self.send_header("Lambda-Runtime-Aws-Request-Id", "cold-start")
        self.send_header("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 60000))
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(event)))
        self.end_headers()
        self.wfile.write(event)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        state["answered_at"] = time.perf_counter()
        state["status"] = json.loads(body).get("statusCode") if self.path.endswith("/response") else self.path
        self.send_response(202)
        self.end_headers()
        state["answered"].set()

server = ThreadingHTTPServer(("127.0.0.1", 0), RuntimeApi)
server.daemon_threads = True
threading.Thread(target=server.serve_forever, daemon=True).start()
address = f"127.0.0.1:{server.server_address[1]}"

def cold_start(build, data_dir):
    state.update(served=False, answered_at=0.0, status=None)
    state["answered"].clear()
    env = dict(os.environ, AWS_LAMBDA_RUNTIME_API=address, ESPER_STORE="sqlite", ESPER_DATA_DIR=data_dir,
               ESPER_BOOTSTRAP_ADMIN_KEY=admin_key)
    started = time.perf_counter()
    process = subprocess.Popen([os.path.join(work, build, "bootstrap")], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not state["answered"].wait(60):
            raise SystemExit(f"{build}: no answer within 60 s")
        if state["status"] != 200:
            raise SystemExit(f"{build}: the first invocation answered {state['status']}")
        return (state["answered_at"] - started) * 1000
    finally:
        process.kill()
        process.wait()

results = {}
for build in ("jit", "aot"):
    data_dir = os.path.join(work, f"data-{build}")
    cold_start(build, data_dir)  # first start creates the store file and the default tenant; not measured
    results[build] = [cold_start(build, data_dir) for _ in range(runs)]

def size_mb(build):
    folder = os.path.join(work, build)
    # What Lambda gets: the executable and native libraries, not separate debug symbols.
    return sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder) if not f.endswith((".dbg", ".pdb"))) / 1e6

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
lines = [
    "# Lambda cold start",
    "",
    "Time from starting the function's `bootstrap` process to its first invocation answered (the Runtime API",
    "receiving the response), measured by `scripts/lambda-cold-start.sh` with a Runtime API stand-in on loopback.",
    "The invocation is an HTTP API (payload 2.0) event for `POST /api/v1/runtime/mitigation` on the embedded store",
    "(the store file and default tenant already exist), so the figure covers process start, runtime start, settings,",
    "dependency injection, opening the store, the tenant check and one decision. On AWS, Lambda adds its own",
    "sandbox start and code download, and the DynamoDB store adds its client start and network round trips.",
    "",
    f"Machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, shared with other work while measured.",
    f"Runs per build: {runs} (after one unmeasured start).",
    "",
    "| build | publish command | size on disk | median | min | max |",
    "|---|---|---|---|---|---|",
]
commands = {
    "jit": "`dotnet publish functions/Esper.Functions.Aws -c Release -r linux-x64 --self-contained`",
    "aot": "`dotnet publish functions/Esper.Functions.Aws -c Release -r linux-x64 -p:PublishAot=true`",
}
names = {"jit": "self-contained (JIT)", "aot": "Native AOT"}
for build, times in results.items():
    lines.append(f"| {names[build]} | {commands[build]} | {size_mb(build):.1f} MB | {statistics.median(times):.0f} ms | {min(times):.0f} ms | {max(times):.0f} ms |")
lines += ["", "Re-run: `scripts/lambda-cold-start.sh [runs]`.", ""]
open(report, "w").write("\n".join(lines))
print("\n".join(lines))
PY
