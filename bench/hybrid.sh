#!/usr/bin/env bash
# Hybrid mode, two comparisons in one run:
# 1. Decisions: the latency a customer sees from the local daemon (`esper run`) against the same request answered by
#    origin (the Esper host) on loopback. Same body generator (bench/wrk/runtime.lua), same policy, same key.
# 2. Proxy: `esper run --proxy` (a decision per request, then YARP) against a bare YARP proxy (bench/BareYarp), both in
#    front of the same app (`esper capture test-server`), alternating bare, esper, bare, esper (bench/wrk/proxy.lua).
# Between the two, a fixed-rate phase: origin and the daemon each at half of the peak wrk just measured for it, driven
# by bench/LoadGen in rate mode (open loop: latency counts from when a request was due, so a stall is not hidden).
# After the proxy rounds, a second fixed-rate phase: bare YARP, then `esper run --proxy`, both at half of the esper
# proxy's peak, so the proxy's p99 at half its peak sits beside the forward's own at the same rate.
# Builds the host, the CLI and the bare proxy (Release), starts everything on free 127.0.0.1 ports over fresh
# temporary data, creates a window policy, runs wrk, stops every process by PID and prints the tables.
#
#   bench/hybrid.sh                       15 s per run, 2 wrk threads, 32 connections
#   HYBRID_SECONDS=5 HYBRID_CONNECTIONS=8 bench/hybrid.sh
#   HYBRID_PROXY=0 bench/hybrid.sh        decisions only
#   HYBRID_RATE=0 bench/hybrid.sh         no fixed-rate phases
#   HYBRID_SINK=0 bench/hybrid.sh         the daemon forwards its events to origin itself (see the beacon sink below)
#   HYBRID_DAEMON_ENV='DOTNET_GCHeapCount=1' bench/hybrid.sh   extra environment for `esper run` only (A/B of settings)
#   HYBRID_ESPER_DLL=/tmp/old/esper.dll bench/hybrid.sh   the daemon from another build (A/B of builds; default: this tree's)
#   HYBRID_PROFILE=dir bench/hybrid.sh    also: GC counters (dotnet-counters) of each target during its fixed-rate
#                                         phase, and after the measured runs a dotnet-trace thread-time sample of the
#                                         daemon at half its peak and of the proxy under wrk, summarised into dir
#                                         (HYBRID_TRACE=0: the counters only)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${HYBRID_SECONDS:-15}
connections=${HYBRID_CONNECTIONS:-32}
proxy_runs=${HYBRID_PROXY:-1}
rate_runs=${HYBRID_RATE:-1}
profile_dir=${HYBRID_PROFILE:-}
daemon_env=${HYBRID_DAEMON_ENV:-}
beacon_sink=${HYBRID_SINK:-1}
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
if [ -n "$profile_dir" ]; then
  export PATH="$PATH:$HOME/.dotnet/tools"
  for tool in dotnet-counters dotnet-trace; do
    command -v $tool >/dev/null 2>&1 || dotnet tool install -g $tool >/dev/null || { echo "$tool unavailable"; exit 1; }
  done
  mkdir -p "$profile_dir"
  profile_dir=$(cd "$profile_dir" && pwd)
fi

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

echo "building functions/Esper.Host, connectors/Esper.Cli, bench/BareYarp, bench/LoadGen and bench/Report (Release)"
for project in functions/Esper.Host connectors/Esper.Cli bench/BareYarp bench/LoadGen bench/Report; do
  if ! dotnet build "$project" -c Release -nologo -v q >"$work/build.log" 2>&1; then
    grep -E " error " "$work/build.log" | sort -u | head -n 5
    echo "build of $project failed"
    exit 1
  fi
done
host_dll=functions/Esper.Host/bin/Release/net10.0/Esper.Host.dll
esper_dll=${HYBRID_ESPER_DLL:-connectors/Esper.Cli/bin/Release/net10.0/esper.dll}
yarp_dll=bench/BareYarp/bin/Release/net10.0/Esper.Bench.BareYarp.dll
loadgen_dll=bench/LoadGen/bin/Release/net10.0/Esper.Bench.LoadGen.dll
report_dll=bench/Report/bin/Release/net10.0/Esper.Bench.Report.dll

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

# The daemon's origin. The daemon forwards every event it decides to origin's beacon (every sync round, 30 s), and
# origin records each one: CPU that, on this one machine, would compete with the daemon only while the daemon is
# measured, and never with bare YARP (in production origin runs elsewhere). So by default the daemon talks to a beacon
# sink in front of origin (bench/BareYarp with BEACON_SINK=1): batches are read and answered 202 there, config and
# mitigations come from origin. The daemon still pays for its whole forward path. HYBRID_SINK=0: straight to origin.
daemon_origin_url=$origin_url
if [ "$beacon_sink" != 0 ]; then
  daemon_origin_url="http://127.0.0.1:$(free_port)"
  ASPNETCORE_URLS="$daemon_origin_url" UPSTREAM="$origin_url" BEACON_SINK=1 dotnet "$yarp_dll" >"$work/sink.log" 2>&1 &
  sink_pid=$!
  pids+=("$sink_pid")
  wait_http "$daemon_origin_url/healthz" "$sink_pid" || { echo "the beacon sink did not start"; tail -n 20 "$work/sink.log"; exit 1; }
fi

# The daemon: init, one sync, then `esper run` with its workspace in a temporary ESPER_HOME.
export ESPER_HOME="$work/home"
unset ESPER_API_KEY ESPER_API_URL
dotnet "$esper_dll" init --api-base "$daemon_origin_url/" --api-key "$key" >"$work/init.log" 2>&1 || { cat "$work/init.log"; exit 1; }
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

[ -z "$daemon_env" ] || echo "daemon environment: $daemon_env"
# shellcheck disable=SC2086 # the extra environment is a list of NAME=value words
env $daemon_env dotnet "$esper_dll" run --listen "$daemon_url" --proxy "$esper_proxy_url=$app_url" >"$work/daemon.log" 2>&1 &
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

# GC counters of one process for the next fixed-rate run (HYBRID_PROFILE only): dotnet-counters, one line a second.
counters_start() { # label pid
  counters_pid=
  [ -n "$profile_dir" ] || return 0
  dotnet-counters collect -p "$2" --counters System.Runtime --refresh-interval 1 --format csv \
    -o "$profile_dir/counters-$1.csv" --duration "00:00:00:$(printf %02d $((seconds + 1)))" >/dev/null 2>&1 &
  counters_pid=$!
}
counters_wait() { [ -z "$counters_pid" ] || wait "$counters_pid" 2>/dev/null; }

rate_run() { # label url rate [loadgen options...]: bench/LoadGen rate, its summary in $work/label.json
  local label=$1 url=$2 rate=$3
  shift 3
  timeout $((seconds + 60)) dotnet "$loadgen_dll" rate --url "$url" --label "$label" --connections "$connections" \
    --rate "$rate" --duration "$seconds" --warmup 1 --seed 9$RANDOM --out "$work/$label.json" "$@" >"$work/loadgen-$label.log" 2>&1
  [ -f "$work/$label.json" ] || { echo "loadgen against $label wrote no summary"; cat "$work/loadgen-$label.log"; exit 1; }
}

rate_table() { # first-column width, its header, the last column's header, labels...: prints their fixed-rate summaries
  local width=$1 first=$2 last=$3 label
  shift 3
  printf "%-${width}s %10s %10s %10s %10s %10s %10s\n" "$first" rate req/s p50_ms p99_ms p99.9_ms "$last"
  for label in "$@"; do
    jq -r '[.label, .target_rate, (.rps|floor), .p50_ms, .p99_ms, .p999_ms, "\(.errors)/\(.requests)"] | @tsv' "$work/$label.json" |
      awk -F'\t' -v w="$width" '{ printf "%-" w "s %10s %10s %10.2f %10.2f %10.2f %10s\n", $1, $2, $3, $4, $5, $6, $7 }'
  done
}

# Fixed rate: each target at half of its own peak above, same connections, its own body seed (fresh idempotency keys).
rate_labels=()
if [ "$rate_runs" != 0 ]; then
  for target in origin daemon; do
    url_var="${target}_url"
    pid_var="${target}_pid"
    rate=$(jq '.rps / 2 | floor | if . < 1 then 1 else . end' "$work/$target.json")
    counters_start "$target-rate" "${!pid_var}"
    rate_run "$target-rate" "${!url_var}/api/v1/runtime/mitigation" "$rate" --api-key "$key"
    counters_wait
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

# The proxies at a fixed rate: half of the esper proxy's peak (both rounds' mean), bare YARP first, then esper, the
# same GETs as bench/wrk/proxy.lua. A 403 (the window policy's block) counts as an error in LoadGen's summary.
proxy_rate_labels=()
if [ "$proxy_runs" != 0 ] && [ "$rate_runs" != 0 ]; then
  proxy_rate=$(cat "$work"/esper-proxy-*.json | jq -s 'map(.rps) | add / length / 2 | floor | if . < 1 then 1 else . end')
  counters_start "bare-yarp-rate" "$yarp_pid"
  rate_run "bare-yarp-rate" "$yarp_url/" "$proxy_rate" --gets 1
  counters_wait
  counters_start "esper-proxy-rate" "$daemon_pid"
  rate_run "esper-proxy-rate" "$esper_proxy_url/" "$proxy_rate" --gets 1
  counters_wait
  proxy_rate_labels+=("bare-yarp-rate" "esper-proxy-rate")
fi

# Where the daemon's threads spend their time (HYBRID_PROFILE only, after every measured run so the sampling slows
# none of them): the decision endpoint at half its peak, then the proxy under wrk, each sampled by dotnet-trace.
if [ -n "$profile_dir" ] && [ "${HYBRID_TRACE:-1}" != 0 ]; then
  trace_run() { # label
    dotnet-trace collect -p "$daemon_pid" --profile dotnet-sampled-thread-time --duration "00:00:00:$(printf %02d "$seconds")" \
      --format Speedscope -o "$profile_dir/$1.nettrace" >"$work/trace-$1.log" 2>&1
    rm -f "$profile_dir/$1.nettrace"
    dotnet "$report_dll" profile "$profile_dir/$1.speedscope.json" >"$profile_dir/$1.txt" 2>&1
  }
  rate=$(jq '.rps / 2 | floor | if . < 1 then 1 else . end' "$work/daemon.json")
  (sleep 2; trace_run trace-daemon-rate) &
  tracer=$!
  seconds=$((seconds + 6)) rate_run "traced-daemon-rate" "$daemon_url/api/v1/runtime/mitigation" "$rate" --api-key "$key"
  wait "$tracer"
  (sleep 2; trace_run trace-esper-proxy) &
  tracer=$!
  seconds=$((seconds + 6)) proxy_wrk "traced-esper-proxy" "$esper_proxy_url"
  wait "$tracer"
fi

echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg) (between the decision runs: $load_mid)"
echo "daemon /stats: $(curl -fs "$daemon_url/stats" || echo '?')"
[ "$beacon_sink" = 0 ] || echo "beacon batches the sink answered in place of origin: $(curl -fs "$daemon_origin_url/sink/beacons" || echo '?')"
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
  rate_table 13 target errors "${rate_labels[@]}"
fi

if [ "${#proxy_labels[@]}" -gt 0 ]; then
  echo
  echo "GET through a proxy to esper capture test-server, wrk -t2 -c$connections -d${seconds}s, bench/wrk/proxy.lua, alternating"
  printf '%-14s %10s %10s %10s %10s %10s %10s\n' run req/s p50_ms p90_ms p99_ms errors non_2xx
  for label in "${proxy_labels[@]}"; do
    jq -r '[.label, (.rps|floor), .p50_ms, .p90_ms, .p99_ms, "\(.errors)/\(.requests)", .status_errors] | @tsv' "$work/$label.json" |
      awk -F'\t' '{ printf "%-14s %10s %10.2f %10.2f %10.2f %10s %10s\n", $1, $2, $3, $4, $5, $6, $7 }'
  done
  bare=$(cat "$work"/bare-yarp-[0-9]*.json | jq -s 'map(.requests) | add')
  esper=$(cat "$work"/esper-proxy-[0-9]*.json | jq -s 'map(.requests) | add')
  echo "esper run --proxy / bare YARP (requests over both rounds): $(jq -n "$esper / $bare * 100 | floor / 100")"
fi

if [ "${#proxy_rate_labels[@]}" -gt 0 ]; then
  echo
  echo "GET through a proxy at a fixed rate, half of the esper proxy's peak above, bench/LoadGen rate --gets 1 -c$connections, ${seconds}s"
  rate_table 17 run non_2xx "${proxy_rate_labels[@]}"
fi

if [ -n "$profile_dir" ]; then
  echo
  echo "GC during each fixed-rate run (dotnet-counters, System.Runtime, one sample a second), files in $profile_dir"
  for file in "$profile_dir"/counters-*.csv; do
    [ -f "$file" ] && dotnet "$report_dll" counters "$file"
  done
  echo "thread-time profiles: $profile_dir/trace-daemon-rate.txt, $profile_dir/trace-esper-proxy.txt"
fi

# Stop every process by PID (the daemon first, so its queue flushes to a running origin).
kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null
kill "$yarp_pid" 2>/dev/null && wait "$yarp_pid" 2>/dev/null
[ -z "${sink_pid:-}" ] || { kill "$sink_pid" 2>/dev/null && wait "$sink_pid" 2>/dev/null; }
kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
kill "$origin_pid" 2>/dev/null && wait "$origin_pid" 2>/dev/null
pids=()
