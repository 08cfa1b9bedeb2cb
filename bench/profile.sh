#!/usr/bin/env bash
# Profiles the Esper host under the peak load of bench/run.sh: starts the host on the embedded store, applies the
# realistic tenant, drives it with wrk and samples its threads with dotnet-trace (dotnet-sampled-thread-time),
# then prints where the threads spent their time. Loopback only; the load stops by itself.
#
#   bench/profile.sh [seconds]        (default 10 s of tracing inside 16 s of load)
#   PROFILE_TARGET=memstore bench/profile.sh   the same host program over the diagnostic in-memory store
#                                              (bench/MemStoreHost): the request path without the store's cost;
#                                              its summary goes to summary-memstore.txt
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-10}
out="$root/bench/results/profile"
log_dir=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null; done
  rm -rf "$log_dir"
}
trap cleanup EXIT
export PATH="$PATH:$HOME/.dotnet/tools" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v dotnet-trace >/dev/null 2>&1 || dotnet tool install -g dotnet-trace >/dev/null || { echo "dotnet-trace unavailable"; exit 1; }
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null 2>&1
dotnet build bench/bench.slnf -c Release -nologo -v q 2>&1 | grep -E " error |rror\(s\)" | sort -u
mkdir -p "$out"

host_dll=functions/Esper.Host/bin/Release/net10.0/Esper.Host.dll
summary="$out/summary.txt"
if [ "${PROFILE_TARGET:-}" = memstore ]; then
  host_dll=bench/MemStoreHost/bin/Release/net10.0/Esper.Bench.MemStoreHost.dll
  summary="$out/summary-memstore.txt"
fi
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});")
admin_key="esk_default_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
data_dir=${ESPER_PROFILE_DATA_DIR:-$log_dir/data}
mkdir -p "$data_dir"
ASPNETCORE_URLS="http://127.0.0.1:$port" ESPER_DATA_DIR="$data_dir" ESPER_BOOTSTRAP_ADMIN_KEY="$admin_key" \
  ESPER_RATE_LIMIT_PER_MINUTE=100000000 Logging__LogLevel__Default=Warning \
  dotnet "$host_dll" >"$log_dir/host.log" 2>&1 &
host_pid=$!
pids+=("$host_pid")
for _ in $(seq 1 150); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
key=$(dotnet bench/InProcess/bin/Release/net10.0/Esper.Bench.InProcess.dll setup-http --url "http://127.0.0.1:$port" --admin-key "$admin_key")
url="http://127.0.0.1:$port/api/v1/runtime/mitigation"
ESPER_API_KEY="$key" timeout 30 wrk -t2 -c32 -d3s -s bench/wrk/runtime.lua "$url" >/dev/null
# A seed of its own: the warm-up's idempotency keys sent again would be answered from storage, not decided.
WRK_SEED=2000 ESPER_API_KEY="$key" timeout 60 wrk -t2 -c32 -d"$((seconds + 6))s" -s bench/wrk/runtime.lua "$url" >"$log_dir/wrk.log" &
wrk_pid=$!
pids+=("$wrk_pid")
sleep 3
dotnet-trace collect -p "$host_pid" --profile dotnet-sampled-thread-time --duration "00:00:00:$(printf %02d "$seconds")" \
  --format Speedscope -o "$out/esper-host.nettrace" >"$log_dir/trace.log" 2>&1
wait "$wrk_pid"
grep -E "Requests/sec|Latency" "$log_dir/wrk.log"
dotnet bench/Report/bin/Release/net10.0/Esper.Bench.Report.dll profile "$out/esper-host.speedscope.json" | tee "$summary"
rm -f "$out/esper-host.nettrace"
