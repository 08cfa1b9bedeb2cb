#!/usr/bin/env bash
# Tail latency at a fixed rate, A/B: several variants of the Esper host (other environment, or another build) and,
# as the load generator's own floor, the bare endpoint, each answering bench/LoadGen in rate mode at the same fixed
# rate, in alternating rounds inside one run. Each variant's fixed-rate runs also collect dotnet-counters (the
# runtime's GC figures and the embedded store's own meter, Esper.Storage.Sqlite), summarised per run.
#
#   bench/tail.sh [rounds] [seconds]        default 3 rounds of 6 s
#   TAIL_VARIANTS='server|;workstation|DOTNET_gcServer=0' bench/tail.sh
#       variants separated by ';', each label|ENV=value ENV2=value|host dll (the dll defaults to this tree's build;
#       give a copy of another build's bin directory to compare builds). The label "bare" runs the bare endpoint.
#   TAIL_RATE=1200 bench/tail.sh            the fixed rate (default: half the first variant's closed-loop peak)
#   TAIL_WARM=20 bench/tail.sh              seconds of closed-loop wrk load on each variant before the rounds (default
#                                           20: fills the counter cache and the database as bench/run.sh's rounds do)
#   TAIL_COUNTERS=0 bench/tail.sh           no dotnet-counters (the counters client costs the target a little CPU)
#   TAIL_GCLOG=0 bench/tail.sh              no per-collection GC log (bench/GcLog, a startup hook that polls
#                                           GC.GetGCMemoryInfo every 2 ms: generation, pause and promoted bytes of each GC)
# Loopback only, every process stopped by PID. Benchmarks, not assertions: compare variants inside one run.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=${1:-3}
seconds=${2:-6}
variants=${TAIL_VARIANTS:-"default|;bare"}
warm=${TAIL_WARM:-20}
counters=${TAIL_COUNTERS:-1}
gclog=${TAIL_GCLOG:-1}
work=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
export PATH="$PATH:$HOME/.dotnet/tools" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v wrk >/dev/null 2>&1 || { echo "wrk is required (apt-get install wrk)"; exit 1; }
if [ "$counters" = 1 ] && ! command -v dotnet-counters >/dev/null 2>&1; then
  dotnet tool install -g dotnet-counters >/dev/null || counters=0
fi
if [ -z "${TAIL_NO_BUILD:-}" ]; then
  dotnet build bench/bench.slnf -c Release -nologo -v q 2>&1 | grep -E " error |rror\(s\)" | sort -u
  [ "$gclog" = 1 ] && dotnet build bench/GcLog -c Release -nologo -v q 2>&1 | grep -E " error |rror\(s\)" | sort -u
fi
hook="$root/bench/GcLog/bin/Release/net10.0/Esper.Bench.GcLog.dll"
[ -f "$hook" ] || gclog=0
loadgen=bench/LoadGen/bin/Release/net10.0/Esper.Bench.LoadGen.dll
report=bench/Report/bin/Release/net10.0/Esper.Bench.Report.dll
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
admin_key="esk_default_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"

echo "run at $(date -u '+%Y-%m-%d %H:%M:%S UTC'), commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg)"
labels=()
declare -A url pid key
IFS=';' read -ra specs <<<"$variants"
for spec in "${specs[@]}"; do
  IFS='|' read -r label env dll <<<"$spec"
  port=$(free_port)
  mkdir -p "$work/$label"
  echo "variant $label: ${env:-(no extra environment)} ${dll:-}"
  [ "$gclog" = 1 ] && env="DOTNET_STARTUP_HOOKS=$hook ESPER_GC_LOG=$work/gc-$label.tsv $env"
  if [ "$label" = bare ]; then
    # shellcheck disable=SC2086
    env ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production $env \
      dotnet "${dll:-bench/BareEndpoint/bin/Release/net10.0/Esper.Bench.BareEndpoint.dll}" >"$work/$label.log" 2>&1 &
  else
    # shellcheck disable=SC2086
    env ASPNETCORE_URLS="http://127.0.0.1:$port" ESPER_DATA_DIR="$work/$label/data" ESPER_BOOTSTRAP_ADMIN_KEY="$admin_key" \
      ESPER_RATE_LIMIT_PER_MINUTE=100000000 Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production $env \
      dotnet "${dll:-functions/Esper.Host/bin/Release/net10.0/Esper.Host.dll}" >"$work/$label.log" 2>&1 &
  fi
  pid[$label]=$!
  pids+=("${pid[$label]}")
  url[$label]="http://127.0.0.1:$port"
  labels+=("$label")
done
for label in "${labels[@]}"; do
  for _ in $(seq 1 150); do curl -fs -o /dev/null "${url[$label]}/healthz" && break; sleep 0.2; done
  key[$label]=""
  if [ "$label" != bare ]; then
    key[$label]=$(dotnet bench/InProcess/bin/Release/net10.0/Esper.Bench.InProcess.dll setup-http --url "${url[$label]}" --admin-key "$admin_key" 2>>"$work/setup.log")
    [ -n "${key[$label]}" ] || { echo "tenant setup failed on $label"; tail -n 20 "$work/$label.log" "$work/setup.log"; exit 1; }
  fi
done

peak=""
for label in "${labels[@]}"; do
  WRK_OUT="$work/warm-$label.json" WRK_LABEL="$label" WRK_CONNECTIONS=32 ESPER_API_KEY="${key[$label]}" WRK_SEED=3001 \
    timeout $((warm + 30)) wrk -t2 -c32 -d"${warm}s" -s bench/wrk/runtime.lua "${url[$label]}/api/v1/runtime/mitigation" >/dev/null 2>&1
  echo "warm-up $label: $(jq -r '"\(.rps|floor) req/s closed loop, p99 \(.p99_ms) ms"' "$work/warm-$label.json")"
  [ -z "$peak" ] && [ "$label" != bare ] && peak=$(jq '.rps' "$work/warm-$label.json")
done
rate=${TAIL_RATE:-$(jq -n "$peak / 2 | floor")}
echo "fixed rate: $rate req/s, $rounds rounds of $seconds s, 32 connections"

for round in $(seq 1 "$rounds"); do
  for label in "${labels[@]}"; do
    run="r$round-$label"
    cpid=""
    gc_from=$( [ -f "$work/gc-$label.tsv" ] && wc -l <"$work/gc-$label.tsv" || echo 1)
    if [ "$counters" = 1 ]; then
      dotnet-counters collect -p "${pid[$label]}" --counters System.Runtime,Esper.Storage.Sqlite --refresh-interval 1 --format csv \
        -o "$work/counters-$run.csv" --duration "00:00:00:$(printf %02d $((seconds + 2)))" >/dev/null 2>&1 &
      cpid=$!
    fi
    timeout $((seconds + 60)) dotnet "$loadgen" rate --url "${url[$label]}/api/v1/runtime/mitigation" ${key[$label]:+--api-key "${key[$label]}"} \
      --label "$run" --connections 32 --rate "$rate" --duration "$seconds" --warmup 1 --seed "$((round * 100 + ${#run}))$RANDOM" \
      --out "$work/$run.json" >/dev/null 2>&1
    [ -z "$cpid" ] || wait "$cpid" 2>/dev/null
    jq -r '[.label, (.rps|floor), .p50_ms, .p90_ms, .p99_ms, .p999_ms, .max_ms, "\(.errors)/\(.requests)"] | @tsv' "$work/$run.json" |
      awk -F'\t' '{ printf "%-22s %6s req/s  p50 %7.2f  p90 %7.2f  p99 %8.2f  p99.9 %8.2f  max %8.2f ms  errors %s\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
    [ -f "$work/counters-$run.csv" ] && dotnet "$report" counters "$work/counters-$run.csv" | sed 's/^/    /'
    # The collections of this run only (the log's lines written while it ran), by generation: count, pauses, promoted.
    [ -f "$work/gc-$label.tsv" ] && tail -n +"$((gc_from + 1))" "$work/gc-$label.tsv" | awk -F'\t' '
      { n[$3]++; p[$3]+=$5; if ($5>m[$3]) m[$3]=$5; pr[$3]+=$6; h=$7 }
      END { line="    GCs seen:"; for (g=0; g<=2; g++) if (n[g]) line=line sprintf(" gen%d %d (pause %.1f ms total, max %.1f, promoted %.0f KB avg);", g, n[g], p[g], m[g], pr[g]/n[g]); print (h == "" ? "    GCs seen: none" : line " heap " h " MB") }'
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%H:%M:%S UTC')"
[ -z "${TAIL_KEEP:-}" ] || { mkdir -p "$TAIL_KEEP" && cp "$work"/*.json "$work"/*.csv "$work"/*.tsv "$work"/*.log "$TAIL_KEEP"/ 2>/dev/null; echo "raw files in $TAIL_KEEP"; }
