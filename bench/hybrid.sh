#!/usr/bin/env bash
# Hybrid mode, two comparisons in one run:
# 1. Decisions: the latency a customer sees from the local daemon (`esper run`) against the same request answered by
#    origin (the Esper host) on loopback. Same body generator (bench/wrk/runtime.lua), same policy, same key.
# 2. Proxy: `esper run --proxy` (a decision per request, then YARP) against a bare YARP proxy (bench/BareYarp), both in
#    front of the same app (`esper capture test-server`), alternating bare, esper, bare, esper (bench/wrk/proxy.lua).
# Between the two, a fixed-rate phase: origin and the daemon each at half of the peak wrk just measured for it, driven
# by bench/LoadGen in rate mode (open loop: latency counts from when a request was due, so a stall is not hidden).
# Builds the host, the CLI and the bare proxy (Release), starts everything on free 127.0.0.1 ports over fresh
# temporary data, creates a window policy, runs wrk, stops every process by PID and prints both tables.
#
#   bench/hybrid.sh                       15 s per run, 2 wrk threads, 32 connections
#   HYBRID_SECONDS=5 HYBRID_CONNECTIONS=8 bench/hybrid.sh
#   HYBRID_PROXY=0 bench/hybrid.sh        decisions only
#   HYBRID_RATE=0 bench/hybrid.sh         no fixed-rate phase
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${HYBRID_SECONDS:-15}
connections=${HYBRID_CONNECTIONS:-32}
proxy_runs=${HYBRID_PROXY:-1}
rate_runs=${HYBRID_RATE:-1}
work=$(mktemp -d)
pids=()
admin_key=esk_default_hybridbenchadminkey

cleanup() {
  local pid
  for pid in "${pids[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v wrk >/dev/null 2>&1 || { echo "wrk is required (apt-get install wrk)"; exit 1; }
command -v jq >/dev/null 2>&1 || { echo "jq is required"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo $((20000 + RANDOM % 20000)); }
wait_http() { # url pid
  local attempt
  for attempt in $(seq 1 300); do
    kill -0 "$2" 2>/dev/null || return 1
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.2
  done
  return 1
}
admin() { # method path [json]
  curl -fsS -X "$1" -H "x-esper-api-key: $admin_key" -H 'Content-Type: application/json' ${3:+--data "$3"} "$origin_url$2"
}

echo "run at $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), .NET $(dotnet --version)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "building functions/Esper.Host, connectors/Esper.Cli, bench/BareYarp and bench/LoadGen (Release)"
for project in functions/Esper.Host connectors/Esper.Cli bench/BareYarp bench/LoadGen; do
  if ! dotnet build "$project" -c Release -nologo -v q >"$work/build.log" 2>&1; then
    grep -E " error " "$work/build.log" | sort -u | head -n 5
    echo "build of $project failed"
    exit 1
  fi
done
host_dll=functions/Esper.Host/bin/Release/net10.0/Esper.Host.dll
esper_dll=connectors/Esper.Cli/bin/Release/net10.0/esper.dll
yarp_dll=bench/BareYarp/bin/Release/net10.0/Esper.Bench.BareYarp.dll
loadgen_dll=bench/LoadGen/bin/Release/net10.0/Esper.Bench.LoadGen.dll

# Origin: the host over the embedded store. As in bench/run.sh, the per-key rate limit stays on but far above the load.
origin_port=$(free_port)
origin_url="http://127.0.0.1:$origin_port"
mkdir -p "$work/origin"
ASPNETCORE_URLS="$origin_url" ESPER_DATA_DIR="$work/origin" ESPER_BOOTSTRAP_ADMIN_KEY="$admin_key" \
  ESPER_RATE_LIMIT_PER_MINUTE=100000000 Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$host_dll" >"$work/origin.log" 2>&1 &
origin_pid=$!
pids+=("$origin_pid")
wait_http "$origin_url/healthz" "$origin_pid" || { echo "origin did not start"; tail -n 20 "$work/origin.log"; exit 1; }

# The window policy: block the 6th request of one IP + user agent within 60 s (the hybrid tests' burst policy).
admin POST /api/v1/mitigations '{"id":"block-5m","name":"Block five minutes","mode":"block","duration_seconds":300}' >/dev/null || exit 1
admin POST /api/v1/policies '{"id":"burst","name":"Burst","clauses":[{"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":5},"mitigation_id":"block-5m"}]}' >/dev/null || exit 1
key=$(admin POST /api/v1/api-keys '{"name":"hybrid bench daemon","scope":"runtime"}' | jq -r .secret)
[ -n "$key" ] && [ "$key" != null ] || { echo "no runtime key"; exit 1; }

# The daemon: init, one sync, then `esper run` with its workspace in a temporary ESPER_HOME.
export ESPER_HOME="$work/home"
unset ESPER_API_KEY ESPER_API_URL
dotnet "$esper_dll" init --api-base "$origin_url/" --api-key "$key" >"$work/init.log" 2>&1 || { cat "$work/init.log"; exit 1; }
dotnet "$esper_dll" sync >"$work/sync.log" 2>&1 || { cat "$work/sync.log"; exit 1; }
daemon_port=$(free_port)
daemon_url="http://127.0.0.1:$daemon_port"

# The app both proxies front, the bare YARP proxy, and the daemon's enforcing proxy on a port of its own.
app_url="http://127.0.0.1:$(free_port)"
yarp_url="http://127.0.0.1:$(free_port)"
esper_proxy_url="http://127.0.0.1:$(free_port)"
dotnet "$esper_dll" capture test-server --port "${app_url##*:}" >"$work/app.log" 2>&1 &
app_pid=$!
pids+=("$app_pid")
wait_http "$app_url/" "$app_pid" || { echo "the test server did not start"; tail -n 20 "$work/app.log"; exit 1; }
ASPNETCORE_URLS="$yarp_url" UPSTREAM="$app_url" dotnet "$yarp_dll" >"$work/yarp.log" 2>&1 &
yarp_pid=$!
pids+=("$yarp_pid")
wait_http "$yarp_url/" "$yarp_pid" || { echo "the bare YARP proxy did not start"; tail -n 20 "$work/yarp.log"; exit 1; }

dotnet "$esper_dll" run --listen "$daemon_url" --proxy "$esper_proxy_url=$app_url" >"$work/daemon.log" 2>&1 &
daemon_pid=$!
pids+=("$daemon_pid")
wait_http "$daemon_url/readyz" "$daemon_pid" || { echo "the daemon did not become ready"; tail -n 20 "$work/daemon.log"; exit 1; }

run_wrk() { # label url
  local out="$work/$1.json"
  WRK_OUT="$out" WRK_LABEL="$1" WRK_CONNECTIONS="$connections" ESPER_API_KEY="$key" \
    timeout $((seconds + 30)) wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/wrk/runtime.lua "$2/api/v1/runtime/mitigation" >"$work/wrk-$1.log" 2>&1
  [ -f "$out" ] || { echo "wrk against $1 wrote no summary"; cat "$work/wrk-$1.log"; exit 1; }
}

# A short warm-up of each (JIT, caches), then the measured runs: origin first, then the daemon. The warm-up is
# authenticated (an unauthenticated one would warm only the 401 path) and uses its own seed, so its idempotency keys
# and IPs are not the measured run's.
for target in origin daemon; do
  url_var="${target}_url"
  WRK_SEED=424242 ESPER_API_KEY="$key" timeout 20 wrk -t1 -c4 -d3s -s bench/wrk/runtime.lua "${!url_var}/api/v1/runtime/mitigation" >/dev/null 2>&1
done
run_wrk origin "$origin_url"
load_mid=$(cut -d' ' -f1-3 /proc/loadavg)
run_wrk daemon "$daemon_url"
echo "daemon /stats after the decision runs: $(curl -fs "$daemon_url/stats" || echo '?')"

# Fixed rate: each target at half of its own peak above, same connections, its own body seed (fresh idempotency keys).
rate_labels=()
if [ "$rate_runs" != 0 ]; then
  for target in origin daemon; do
    url_var="${target}_url"
    rate=$(jq '.rps / 2 | floor | if . < 1 then 1 else . end' "$work/$target.json")
    timeout $((seconds + 60)) dotnet "$loadgen_dll" rate --url "${!url_var}/api/v1/runtime/mitigation" --api-key "$key" \
      --label "$target-rate" --connections "$connections" --rate "$rate" --duration "$seconds" --warmup 1 --seed 9$RANDOM \
      --out "$work/$target-rate.json" >"$work/loadgen-$target.log" 2>&1
    [ -f "$work/$target-rate.json" ] || { echo "loadgen against $target wrote no summary"; cat "$work/loadgen-$target.log"; exit 1; }
    rate_labels+=("$target-rate")
  done
fi

proxy_wrk() { # label url
  local out="$work/$1.json"
  WRK_OUT="$out" WRK_LABEL="$1" WRK_CONNECTIONS="$connections" \
    timeout $((seconds + 30)) wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/wrk/proxy.lua "$2" >"$work/wrk-$1.log" 2>&1
  [ -f "$out" ] || { echo "wrk against $1 wrote no summary"; cat "$work/wrk-$1.log"; exit 1; }
}
proxy_labels=()
if [ "$proxy_runs" != 0 ]; then
  for target in yarp esper_proxy; do
    url_var="${target}_url"
    WRK_SEED=424242 timeout 20 wrk -t1 -c4 -d3s -s bench/wrk/proxy.lua "${!url_var}/" >/dev/null 2>&1
  done
  for round in 1 2; do
    proxy_wrk "bare-yarp-$round" "$yarp_url"
    proxy_wrk "esper-proxy-$round" "$esper_proxy_url"
    proxy_labels+=("bare-yarp-$round" "esper-proxy-$round")
  done
fi

echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg) (between the decision runs: $load_mid)"
echo "daemon /stats: $(curl -fs "$daemon_url/stats" || echo '?')"
echo
echo "POST /api/v1/runtime/mitigation, wrk -t2 -c$connections -d${seconds}s, bench/wrk/runtime.lua bodies"
printf '%-8s %10s %10s %10s %10s %10s\n' target req/s p50_ms p90_ms p99_ms errors
for target in origin daemon; do
  jq -r '[.label, (.rps|floor), .p50_ms, .p90_ms, .p99_ms, "\(.errors)/\(.requests)"] | @tsv' "$work/$target.json" |
    awk -F'\t' '{ printf "%-8s %10s %10.2f %10.2f %10.2f %10s\n", $1, $2, $3, $4, $5, $6 }'
done

if [ "${#rate_labels[@]}" -gt 0 ]; then
  echo
  echo "POST /api/v1/runtime/mitigation at a fixed rate, half of each target's peak above, bench/LoadGen rate -c$connections, ${seconds}s"
  printf '%-13s %10s %10s %10s %10s %10s %10s\n' target rate req/s p50_ms p99_ms p99.9_ms errors
  for label in "${rate_labels[@]}"; do
    jq -r '[.label, .target_rate, (.rps|floor), .p50_ms, .p99_ms, .p999_ms, "\(.errors)/\(.requests)"] | @tsv' "$work/$label.json" |
      awk -F'\t' '{ printf "%-13s %10s %10s %10.2f %10.2f %10.2f %10s\n", $1, $2, $3, $4, $5, $6, $7 }'
  done
fi

if [ "${#proxy_labels[@]}" -gt 0 ]; then
  echo
  echo "GET through a proxy to esper capture test-server, wrk -t2 -c$connections -d${seconds}s, bench/wrk/proxy.lua, alternating"
  printf '%-14s %10s %10s %10s %10s %10s %10s\n' run req/s p50_ms p90_ms p99_ms errors non_2xx
  for label in "${proxy_labels[@]}"; do
    jq -r '[.label, (.rps|floor), .p50_ms, .p90_ms, .p99_ms, "\(.errors)/\(.requests)", .status_errors] | @tsv' "$work/$label.json" |
      awk -F'\t' '{ printf "%-14s %10s %10.2f %10.2f %10.2f %10s %10s\n", $1, $2, $3, $4, $5, $6, $7 }'
  done
  bare=$(cat "$work"/bare-yarp-*.json | jq -s 'map(.requests) | add')
  esper=$(cat "$work"/esper-proxy-*.json | jq -s 'map(.requests) | add')
  echo "esper run --proxy / bare YARP (requests over both rounds): $(jq -n "$esper / $bare * 100 | floor / 100")"
fi

# Stop every process by PID (the daemon first, so its queue flushes to a running origin).
kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null
kill "$yarp_pid" 2>/dev/null && wait "$yarp_pid" 2>/dev/null
kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
kill "$origin_pid" 2>/dev/null && wait "$origin_pid" 2>/dev/null
pids=()
