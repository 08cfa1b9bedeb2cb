#!/usr/bin/env bash
# Soak test (not in CI): the Esper host on the embedded store under a fixed rate of 70 % of its measured peak for N
# minutes, sampling the host once a minute. Prints one row per minute and fails (exit 1) on any error or on growth
# beyond the tolerances below. Everything runs on 127.0.0.1.
#
#   bench/soak.sh                  10 minutes
#   SOAK_MINUTES=3 bench/soak.sh   a shorter run
#
# Each minute is one 60-second fixed-rate run of bench/LoadGen (wrk2-style: latency counted from when a request
# was due), so p99 is per minute. At 50 s into each minute (load still running) the script samples:
#   rss     VmRSS of the host process (/proc/PID/status)
#   heap    managed heap after the last GC, all generations (dotnet-counters, when installed; else "-")
#   fds     open file descriptors (/proc/PID/fd): files, the SQLite database and its WAL, sockets
#   threads /proc/PID/status Threads
# Tolerances (growth = mean of the last three samples minus mean of the first three; needs SOAK_MINUTES >= 6):
#   rss and heap: at most SOAK_MEMORY_GROWTH_PCT percent (default 25) of the first three samples' mean
#   fds: at most SOAK_FD_GROWTH more descriptors (default 16; the 32 load connections are open at every sample)
#   errors: none (any non-2xx answer, timeout or refused connection counts)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

minutes=${SOAK_MINUTES:-10}
fraction=${SOAK_FRACTION:-0.7}
connections=${SOAK_CONNECTIONS:-32}
memory_growth_pct=${SOAK_MEMORY_GROWTH_PCT:-25}
fd_growth=${SOAK_FD_GROWTH:-16}
work=$(mktemp -d)
host_pid=""

cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
loadgen="$root/bench/LoadGen/bin/Release/net10.0/Esper.Bench.LoadGen.dll"
inprocess="$root/bench/InProcess/bin/Release/net10.0/Esper.Bench.InProcess.dll"
host_dll="$root/functions/Esper.Host/bin/Release/net10.0/Esper.Host.dll"
counters=$(command -v dotnet-counters || { [ -x "$HOME/.dotnet/tools/dotnet-counters" ] && echo "$HOME/.dotnet/tools/dotnet-counters"; } || true)

echo "soak: ${minutes} min at ${fraction} of peak, ${connections} connections; start $(date -u '+%Y-%m-%d %H:%M:%S UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "uptime at start: $(uptime)"

if [ "${SOAK_NO_BUILD:-0}" != 1 ]; then
  for project in functions/Esper.Host/Esper.Host.csproj bench/LoadGen/Esper.Bench.LoadGen.csproj bench/InProcess/Esper.Bench.InProcess.csproj; do
    dotnet build "$project" -c Release -nologo -v q >"$work/build.log" 2>&1 || { echo "build of $project failed:"; tail -n 20 "$work/build.log"; exit 1; }
  done
fi

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});" 2>/dev/null || echo $((20000 + RANDOM % 20000)))
admin_key="esk_default_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
mkdir -p "$work/data"
# The same settings as bench/run.sh: the rate limit stays on (its store call is on the real path) but far above one key.
ASPNETCORE_URLS="http://127.0.0.1:$port" ESPER_DATA_DIR="$work/data" ESPER_BOOTSTRAP_ADMIN_KEY="$admin_key" \
  ESPER_RATE_LIMIT_PER_MINUTE=100000000 Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$host_dll" >"$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 300); do
  kill -0 "$host_pid" 2>/dev/null || { echo "the host exited:"; tail -n 20 "$work/host.log"; exit 1; }
  curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
  sleep 0.2
done
url="http://127.0.0.1:$port/api/v1/runtime/mitigation"
key=$(dotnet "$inprocess" setup-http --url "http://127.0.0.1:$port" --admin-key "$admin_key" 2>"$work/setup.log")
[ -n "$key" ] || { echo "tenant setup failed:"; tail -n 20 "$work/setup.log"; exit 1; }

# Peak: closed loop after a warm-up (JIT tiering, connection pools, database pages), then 70 % of it.
dotnet "$loadgen" closed --url "$url" --api-key "$key" --label warm --connections "$connections" --duration 15 --warmup 0 >/dev/null
dotnet "$loadgen" closed --url "$url" --api-key "$key" --label peak --connections "$connections" --duration 20 --warmup 0 --out "$work/peak.json" >/dev/null
peak=$(jq -r '.rps' "$work/peak.json")
rate=$(jq -n --argjson p "$peak" --argjson f "$fraction" '$p * $f | floor | if . < 1 then 1 else . end')
echo "peak: $(jq -r '"\(.rps|floor) req/s, p99 \(.p99_ms) ms, errors \(.errors)/\(.requests)"' "$work/peak.json"); soak rate: $rate req/s"

heap_bytes() { # managed heap after the last GC, summed over generations; "-" without dotnet-counters
  [ -n "$counters" ] || { echo "-"; return; }
  "$counters" collect -p "$host_pid" --counters System.Runtime --format csv -o "$work/counters.csv" \
    --refresh-interval 2 --duration 00:00:00:05 </dev/null >/dev/null 2>&1 || { echo "-"; return; }
  awk -F, '/last_collection\.heap\.size \(By\)/ { t=$1; sum[t]+=$5; last=t } END { if (last=="") print "-"; else printf "%d\n", sum[last] }' "$work/counters.csv"
}

printf '%-6s %8s %8s %6s %7s %10s %10s %8s %8s %8s\n' minute requests errors rps p99_ms rss_mib heap_mib fds threads load1
: >"$work/samples"
total_errors=0
for minute in $(seq 1 "$minutes"); do
  dotnet "$loadgen" rate --url "$url" --api-key "$key" --label "minute-$minute" --connections "$connections" \
    --rate "$rate" --duration 60 --warmup 0 --out "$work/minute-$minute.json" >/dev/null &
  loadgen_pid=$!
  sleep 45
  heap=$(heap_bytes)
  rss_kib=$(awk '/^VmRSS/ {print $2}' "/proc/$host_pid/status" 2>/dev/null || echo 0)
  threads=$(awk '/^Threads/ {print $2}' "/proc/$host_pid/status" 2>/dev/null || echo 0)
  fds=$(ls "/proc/$host_pid/fd" 2>/dev/null | wc -l)
  load1=$(cut -d' ' -f1 /proc/loadavg)
  wait "$loadgen_pid"
  if [ ! -f "$work/minute-$minute.json" ]; then
    echo "minute $minute: the load generator wrote no result"; total_errors=$((total_errors + 1)); continue
  fi
  read -r requests errors rps p99 < <(jq -r '"\(.requests) \(.errors) \(.rps|floor) \(.p99_ms)"' "$work/minute-$minute.json")
  total_errors=$((total_errors + errors))
  heap_mib=$([ "$heap" = "-" ] && echo "-" || awk -v b="$heap" 'BEGIN { printf "%.1f", b / 1048576 }')
  printf '%-6s %8s %8s %6s %7s %10.1f %10s %8s %8s %8s\n' "$minute" "$requests" "$errors" "$rps" "$p99" "$(awk -v k="$rss_kib" 'BEGIN { print k / 1024 }')" "$heap_mib" "$fds" "$threads" "$load1"
  echo "$rss_kib $heap $fds" >>"$work/samples"
  kill -0 "$host_pid" 2>/dev/null || { echo "the host exited during minute $minute:"; tail -n 20 "$work/host.log"; exit 1; }
done

echo "end $(date -u '+%Y-%m-%d %H:%M:%S UTC'); uptime at end: $(uptime)"
failed=0
[ "$total_errors" -eq 0 ] || { echo "FAIL: $total_errors errors"; failed=1; }
if [ "$minutes" -ge 6 ]; then
  # column: 1 rss (KiB), 2 heap (bytes or -), 3 fds
  growth() { # column -> "first_mean last_mean"
    awk -v c="$1" '{ v[NR]=$c } END { n=NR; if (v[1]=="-") { print "- -"; exit } f=(v[1]+v[2]+v[3])/3; l=(v[n]+v[n-1]+v[n-2])/3; printf "%.0f %.0f\n", f, l }' "$work/samples"
  }
  read -r rss_first rss_last < <(growth 1)
  read -r heap_first heap_last < <(growth 2)
  read -r fd_first fd_last < <(growth 3)
  rss_limit=$(awk -v f="$rss_first" -v p="$memory_growth_pct" 'BEGIN { printf "%.0f", f * (1 + p / 100) }')
  echo "rss: first three $(awk -v k="$rss_first" 'BEGIN { printf "%.1f", k / 1024 }') MiB, last three $(awk -v k="$rss_last" 'BEGIN { printf "%.1f", k / 1024 }') MiB (limit +${memory_growth_pct} %)"
  [ "$rss_last" -le "$rss_limit" ] || { echo "FAIL: resident memory grew beyond ${memory_growth_pct} %"; failed=1; }
  if [ "$heap_first" != "-" ]; then
    heap_limit=$(awk -v f="$heap_first" -v p="$memory_growth_pct" 'BEGIN { printf "%.0f", f * (1 + p / 100) }')
    echo "heap: first three $(awk -v b="$heap_first" 'BEGIN { printf "%.1f", b / 1048576 }') MiB, last three $(awk -v b="$heap_last" 'BEGIN { printf "%.1f", b / 1048576 }') MiB (limit +${memory_growth_pct} %)"
    [ "$heap_last" -le "$heap_limit" ] || { echo "FAIL: the managed heap grew beyond ${memory_growth_pct} %"; failed=1; }
  else
    echo "heap: not sampled (install dotnet-counters: dotnet tool install -g dotnet-counters)"
  fi
  echo "fds: first three $fd_first, last three $fd_last (limit +$fd_growth)"
  [ "$fd_last" -le $((fd_first + fd_growth)) ] || { echo "FAIL: open descriptors grew by more than $fd_growth"; failed=1; }
else
  echo "growth not judged: fewer than 6 minutes"
fi
[ "$failed" -eq 0 ] && { [ "$minutes" -ge 6 ] && echo "PASS: no errors; memory and descriptors within tolerance" || echo "PASS: no errors"; }
exit "$failed"
