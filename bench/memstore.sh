#!/usr/bin/env bash
# The ceiling of the request path outside the store, over HTTP: the Esper host program over the diagnostic in-memory
# store (bench/MemStoreHost) and the bare endpoint, driven by bench/run.sh's wrk load in alternating rounds. Besides
# req/s it reports each target's process CPU time per request (from /proc), which a shared machine disturbs far less
# than the rate: compare builds on it. Loopback only; every run is bounded in time.
#
#   bench/memstore.sh [rounds] [seconds]      (default 3 rounds of 6 s, after a 10 s warm-up)
#   MEMSTORE_NO_IDEMPOTENCY=1 bench/memstore.sh   bodies without an idempotency key
#   MEMSTORE_BUILDS="/tmp/a /tmp/b" bench/memstore.sh   A/B: one host per copied bench/MemStoreHost output directory,
#                                                       labelled memstore-1, memstore-2 …, in alternating rounds
set -uo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-6}
log_dir=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$log_dir"
}
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null 2>&1
dotnet build bench/bench.slnf -c Release -nologo -v q 2>&1 | grep -E " error |rror\(s\)" | sort -u

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
admin_key="esk_default_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
builds=${MEMSTORE_BUILDS:-bench/MemStoreHost/bin/Release/net10.0}
labels=(); ports=(); host_pids=(); keys=()
n=0
for build in $builds; do
  n=$((n + 1))
  port=$(free_port)
  ASPNETCORE_URLS="http://127.0.0.1:$port" ESPER_DATA_DIR="$log_dir/data-$n" ESPER_BOOTSTRAP_ADMIN_KEY="$admin_key" \
    ESPER_RATE_LIMIT_PER_MINUTE=100000000 Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$build/Esper.Bench.MemStoreHost.dll" >"$log_dir/memstore-$n.log" 2>&1 &
  pids+=("$!"); host_pids+=("$!"); ports+=("$port")
  if [ -z "${MEMSTORE_BUILDS:-}" ]; then labels+=("esper-memstore"); else labels+=("memstore-$n"); fi
done
bare_port=$(free_port)
ASPNETCORE_URLS="http://127.0.0.1:$bare_port" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet bench/BareEndpoint/bin/Release/net10.0/Esper.Bench.BareEndpoint.dll >"$log_dir/bare.log" 2>&1 &
bare_pid=$!
pids+=("$bare_pid")
for port in "${ports[@]}" "$bare_port"; do
  for _ in $(seq 1 150); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
done
for i in "${!ports[@]}"; do
  keys+=("$(dotnet bench/InProcess/bin/Release/net10.0/Esper.Bench.InProcess.dll setup-http --url "http://127.0.0.1:${ports[$i]}" --admin-key "$admin_key")")
  [ -n "${keys[$i]}" ] || { echo "tenant setup failed"; tail -n 20 "$log_dir/memstore-$((i + 1)).log"; exit 1; }
done
echo "uptime at start: $(uptime)"

seed=3000
run() { # label port pid key seconds
  seed=$((seed + 1))
  local before after
  before=$(cpu_ticks "$3")
  WRK_OUT="$log_dir/$1.json" WRK_LABEL="$1" WRK_CONNECTIONS=32 ESPER_API_KEY="$4" WRK_SEED="$seed" WRK_NO_IDEMPOTENCY="${MEMSTORE_NO_IDEMPOTENCY:-0}" \
    timeout 60 wrk -t2 -c32 -d"$5s" --latency -s bench/wrk/runtime.lua "http://127.0.0.1:$2/api/v1/runtime/mitigation" >/dev/null 2>&1
  after=$(cpu_ticks "$3")
  jq -r --arg ticks "$((after - before))" --arg hz "$(getconf CLK_TCK)" \
    '"  \(.label): \(.rps|floor) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, errors \(.errors)/\(.requests), host CPU \((($ticks|tonumber) / ($hz|tonumber) * 1e6 / .requests)|floor) µs/request"' "$log_dir/$1.json"
}
for i in "${!ports[@]}"; do run "warm-${labels[$i]}" "${ports[$i]}" "${host_pids[$i]}" "${keys[$i]}" 10 >/dev/null; done
run warm-bare "$bare_port" "$bare_pid" "" 3 >/dev/null
for round in $(seq 1 "$rounds"); do
  echo "round $round"
  for i in "${!ports[@]}"; do run "${labels[$i]}" "${ports[$i]}" "${host_pids[$i]}" "${keys[$i]}" "$seconds"; done
  run bare "$bare_port" "$bare_pid" "" "$seconds"
done
echo "uptime at end: $(uptime)"
