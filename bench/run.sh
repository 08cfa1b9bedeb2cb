#!/usr/bin/env bash
# Runs the whole benchmark suite in one go (5 to 10 minutes on 2 cores) and writes bench/results/latest.md plus
# the raw figures in bench/results/raw/. Everything runs on 127.0.0.1; every load loop is bounded in count and time.
#
#   bench/run.sh                 full suite
#   BENCH_QUICK=1 bench/run.sh   short runs, to check the harness itself (figures are not comparable)
#   BENCH_ONLY="http stores" bench/run.sh   only some sections: engine http stores scale replay coldstart
#   BENCH_RATE_LIMIT=0 bench/run.sh         the hosts with the per-key rate limit off (default: on, above the load)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/bench/results"
raw="$results/raw"
log_dir=$(mktemp -d)
pids=()
suite_start=$(date +%s)

cleanup() {
  local pid
  for pid in "${pids[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  rm -rf "$log_dir"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
quick=${BENCH_QUICK:-0}
only=${BENCH_ONLY:-engine http stores scale replay coldstart}
wants() { [[ " $only " == *" $1 "* ]]; }
elapsed() { echo $(($(date +%s) - suite_start)); }
section() { echo; echo "== $1 (t+$(elapsed)s)"; }
bin() { echo "$root/bench/$1/bin/Release/net10.0/$2.dll"; }

# A full run starts from an empty raw/; a partial run (BENCH_ONLY) replaces only its sections' files.
[ -z "${BENCH_ONLY:-}" ] && rm -rf "$raw"
mkdir -p "$raw"

# --- prerequisites ----------------------------------------------------------------------------------
section "prerequisites"
if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && apt-get install -y -qq wrk) >"$log_dir/apt.log" 2>&1 || echo "wrk could not be installed; peak runs use the bundled load generator"
fi
command -v wrk >/dev/null 2>&1 && echo "wrk: $(wrk -v 2>&1 | head -n 1)"

load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
if [ -n "${BENCH_ONLY:-}" ] && [ -f "$raw/env.md" ]; then
  echo "- Sections re-run alone (\`BENCH_ONLY=\"$only\"\`) at $(date -u '+%Y-%m-%d %H:%M UTC'), commit \`$(git rev-parse --short HEAD 2>/dev/null || echo '?')\`, load average $(load_avg)" >>"$raw/env.md"
else {
  echo "- Run at: $(date -u '+%Y-%m-%d %H:%M UTC'), commit \`$(git rev-parse --short HEAD 2>/dev/null || echo '?')\`, quick mode: $quick"
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB, .NET $(dotnet --version)"
  echo "- Load average at start: $(load_avg) (the machine is shared: compare ratios measured in the same run, not absolute numbers across runs)"
} >"$raw/env.md"
fi

section "build"
# One build of the bench projects and the host (Release), through a solution filter.
dotnet build bench/bench.slnf -c Release -nologo -v q 2>&1 | grep -E " error |rror\(s\)|Elapsed" | sort -u | tail -n 5
if [ "${PIPESTATUS[0]}" -ne 0 ]; then
  echo "build failed"
  exit 1
fi

# --- 1. engine (BenchmarkDotNet, owned by tests/Esper.Benchmarks) ----------------------------------
if wants engine; then
  section "engine"
  if [ -d tests/Esper.Benchmarks ]; then
    # The project's own job (ShortRun) keeps the suite inside its budget. Quick mode runs the project's rough
    # per-stage timing loop instead (a BenchmarkDotNet run needs its own build).
    if [ "$quick" = 1 ]; then
      (cd tests/Esper.Benchmarks && timeout 240 dotnet run -c Release -- --quick) >"$log_dir/engine.log" 2>&1
      rc=$?
      { echo "Command: \`cd tests/Esper.Benchmarks && dotnet run -c Release -- --quick\` (exit $rc; quick mode: rough timings)"; echo; echo '```'; grep -v '^\s*$' "$log_dir/engine.log" | tail -n 20; echo '```'; } >"$raw/engine.md"
    else
      (cd tests/Esper.Benchmarks && timeout 330 dotnet run -c Release -- --filter '*EncodeAndDecide*' '*Expressions*' --exporters github --artifacts "$log_dir/bdn") >"$log_dir/engine.log" 2>&1
      rc=$?
      if ls "$log_dir"/bdn/results/*-report-github.md >/dev/null 2>&1; then
        {
          echo "Command: \`cd tests/Esper.Benchmarks && dotnet run -c Release -- --filter '*EncodeAndDecide*' '*Expressions*'\` (exit $rc; the suite leaves out PrepareAndFinish to stay within its budget). The engine's own page: [docs/benchmarks-engine.md](../../docs/benchmarks-engine.md)."
          echo
          for f in "$log_dir"/bdn/results/*-report-github.md; do
            echo "### $(basename "$f" -report-github.md)"
            echo
            sed -n '/^|/,$p' "$f"
            echo
          done
        } >"$raw/engine.md"
        cp "$log_dir"/bdn/results/*.csv "$raw/" 2>/dev/null
      else
        { echo "The engine benchmarks did not produce a report (exit $rc). Last lines:"; echo '```'; tail -n 15 "$log_dir/engine.log"; echo '```'; } >"$raw/engine.md"
      fi
    fi
  else
    echo "tests/Esper.Benchmarks is not in this tree yet." >"$raw/engine.md"
  fi
fi

# --- 2. HTTP path: Esper runtime endpoint vs bare Kestrel endpoint ---------------------------------
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});" 2>/dev/null || echo $((20000 + RANDOM % 20000)); }
wait_http() { # url pid
  local attempt
  for attempt in $(seq 1 150); do
    kill -0 "$2" 2>/dev/null || return 1
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.2
  done
  return 1
}

# Every wrk run gets a seed of its own: with one seed, each run sent the idempotency keys of the runs before it again,
# so a keyed run after the warm-up measured stored answers being replayed rather than decisions.
peak_seed=1000
peak_run() { # label url key file
  local label=$1 url=$2 key=$3 out=$4
  peak_seed=$((peak_seed + 1))
  if command -v wrk >/dev/null 2>&1; then
    WRK_OUT="$out" WRK_LABEL="$label" WRK_CONNECTIONS="$connections" ESPER_API_KEY="$key" WRK_NO_IDEMPOTENCY="${no_idempotency:-0}" WRK_SEED="$peak_seed" \
      timeout 60 wrk -t2 -c"$connections" -d"${peak_seconds}s" --latency -s bench/wrk/runtime.lua "$url" >"$log_dir/wrk-$label.log" 2>&1
  else
    timeout 60 dotnet "$(bin LoadGen Esper.Bench.LoadGen)" closed --url "$url" --api-key "$key" --label "$label" \
      --connections "$connections" --duration "$peak_seconds" --warmup 0 --out "$out" >/dev/null
  fi
  [ -f "$out" ] && jq -r '"  \(.label) round: \(.rps|floor) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, errors \(.errors)/\(.requests)"' "$out"
}

# Starts the Esper host on the embedded store in $2 (data dir) on port $1; prints its PID.
# Bench-only setting: the per-key rate limit stays on (its store call is on the real path) but far above the
# load generator's one key; everything else is the host's default.
start_esper() {
  mkdir -p "$2"
  ASPNETCORE_URLS="http://127.0.0.1:$1" ESPER_DATA_DIR="$2" ESPER_BOOTSTRAP_ADMIN_KEY="$admin_key" \
    ESPER_RATE_LIMIT_PER_MINUTE="${BENCH_RATE_LIMIT:-100000000}" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
    dotnet functions/Esper.Host/bin/Release/net10.0/Esper.Host.dll >>"$log_dir/esper-host.log" 2>&1 &
  echo $!
}

# Diagnostic: the same host program over an in-memory store (bench/MemStoreHost, never shipped), so the store costs
# almost nothing and the run measures everything else on the request path. Prints its PID.
start_memstore() {
  ASPNETCORE_URLS="http://127.0.0.1:$1" ESPER_DATA_DIR="$2" ESPER_BOOTSTRAP_ADMIN_KEY="$admin_key" \
    ESPER_RATE_LIMIT_PER_MINUTE="${BENCH_RATE_LIMIT:-100000000}" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$(bin MemStoreHost Esper.Bench.MemStoreHost)" >>"$log_dir/esper-memstore.log" 2>&1 &
  echo $!
}

if wants http; then
  section "http"
  rm -f "$raw"/http-*.json
  if [ -d functions/Esper.Host ]; then
    admin_key="esk_default_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    esper_port=$(free_port)
    bare_port=$(free_port)
    esper_pid=$(start_esper "$esper_port" "$log_dir/esper-data")
    pids+=("$esper_pid")
    ASPNETCORE_URLS="http://127.0.0.1:$bare_port" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
      dotnet "$(bin BareEndpoint Esper.Bench.BareEndpoint)" >"$log_dir/bare.log" 2>&1 &
    bare_pid=$!
    pids+=("$bare_pid")
    # The same host with its database on tmpfs, where a commit's sync costs nothing: it separates the host's CPU
    # cost from the disk's sync cost (diagnostic; the targets are judged on the default, on disk).
    tmpfs_pid=""
    if [ -d /dev/shm ] && [ "$quick" != 1 ]; then
      tmpfs_port=$(free_port)
      tmpfs_dir=$(mktemp -d /dev/shm/esper-bench.XXXXXX)
      tmpfs_pid=$(start_esper "$tmpfs_port" "$tmpfs_dir")
      pids+=("$tmpfs_pid")
    fi
    memstore_pid=""
    if [ "$quick" != 1 ]; then
      memstore_port=$(free_port)
      memstore_pid=$(start_memstore "$memstore_port" "$log_dir/memstore-data")
      pids+=("$memstore_pid")
    fi
    targets_ok=1
    wait_http "http://127.0.0.1:$esper_port/healthz" "$esper_pid" || targets_ok=0
    wait_http "http://127.0.0.1:$bare_port/healthz" "$bare_pid" || targets_ok=0
    if [ -n "$tmpfs_pid" ] && ! wait_http "http://127.0.0.1:$tmpfs_port/healthz" "$tmpfs_pid"; then tmpfs_pid=""; fi
    if [ -n "$memstore_pid" ] && ! wait_http "http://127.0.0.1:$memstore_port/healthz" "$memstore_pid"; then memstore_pid=""; fi
    runtime_key=""
    tmpfs_key=""
    memstore_key=""
    if [ "$targets_ok" = 1 ]; then
      runtime_key=$(dotnet "$(bin InProcess Esper.Bench.InProcess)" setup-http --url "http://127.0.0.1:$esper_port" --admin-key "$admin_key" 2>"$log_dir/setup.log")
      [ -z "$runtime_key" ] && { echo "tenant setup failed:"; tail -n 20 "$log_dir/setup.log"; }
      if [ -n "$tmpfs_pid" ]; then
        tmpfs_key=$(dotnet "$(bin InProcess Esper.Bench.InProcess)" setup-http --url "http://127.0.0.1:$tmpfs_port" --admin-key "$admin_key" 2>>"$log_dir/setup.log")
      fi
      if [ -n "$memstore_pid" ]; then
        memstore_key=$(dotnet "$(bin InProcess Esper.Bench.InProcess)" setup-http --url "http://127.0.0.1:$memstore_port" --admin-key "$admin_key" 2>>"$log_dir/setup.log")
      fi
    else
      echo "a server did not start:"; tail -n 20 "$log_dir/esper-host.log" "$log_dir/bare.log"
    fi
    if [ -n "$runtime_key" ]; then
      esper_url="http://127.0.0.1:$esper_port/api/v1/runtime/mitigation"
      bare_url="http://127.0.0.1:$bare_port/api/v1/runtime/mitigation"
      tmpfs_url="http://127.0.0.1:${tmpfs_port:-0}/api/v1/runtime/mitigation"
      memstore_url="http://127.0.0.1:${memstore_port:-0}/api/v1/runtime/mitigation"
      connections=32
      rounds=3
      [ "$quick" = 1 ] && rounds=1
      # Warm every target (JIT tiering and dynamic PGO, connection pools, database pages) before the first
      # measured round: Esper's throughput still climbed across 3-second warm-ups, so its targets get longer ones.
      peak_seconds=10
      [ "$quick" = 1 ] && peak_seconds=3
      peak_run esper "$esper_url" "$runtime_key" "$log_dir/warm-esper.json" >/dev/null
      [ -n "$tmpfs_key" ] && peak_run esper-tmpfs "$tmpfs_url" "$tmpfs_key" "$log_dir/warm-tmpfs.json" >/dev/null
      [ -n "$memstore_key" ] && peak_run esper-memstore "$memstore_url" "$memstore_key" "$log_dir/warm-memstore.json" >/dev/null
      peak_seconds=3
      peak_run bare "$bare_url" "" "$log_dir/warm-bare.json" >/dev/null
      peak_seconds=6
      [ "$quick" = 1 ] && peak_seconds=3
      for round in $(seq 1 "$rounds"); do
        peak_run esper "$esper_url" "$runtime_key" "$raw/http-peak-r${round}-a-esper.json"
        peak_run bare "$bare_url" "" "$raw/http-peak-r${round}-b-bare.json"
        [ -n "$tmpfs_key" ] && peak_run esper-tmpfs "$tmpfs_url" "$tmpfs_key" "$raw/http-peak-r${round}-c-esper-tmpfs.json"
        [ -n "$memstore_key" ] && peak_run esper-memstore "$memstore_url" "$memstore_key" "$raw/http-peak-r${round}-e-esper-memstore.json"
        # The same Esper host with bodies that carry no idempotency key (wrk only; the fallback generator sends keys).
        command -v wrk >/dev/null 2>&1 && no_idempotency=1 peak_run esper-nokey "$esper_url" "$runtime_key" "$raw/http-peak-r${round}-d-esper-nokey.json"
      done
      # Fixed rate at half of Esper's median peak, same generator, same connections, for both targets.
      rate=$(jq -s 'map(.rps) | sort | .[(length/2|floor)] / 2 | floor | if . < 1 then 1 else . end' "$raw"/http-peak-*-esper.json)
      rate_seconds=8
      [ "$quick" = 1 ] && rate_seconds=3
      for label in esper bare; do
        url=$esper_url; key=$runtime_key
        [ "$label" = bare ] && url=$bare_url && key=""
        timeout 90 dotnet "$(bin LoadGen Esper.Bench.LoadGen)" rate --url "$url" ${key:+--api-key "$key"} --label "$label" \
          --connections "$connections" --rate "$rate" --duration "$rate_seconds" --warmup 1 --out "$raw/http-rate-$label.json" | sed 's/^/  /'
      done
      # One decision, to show what the runtime answers.
      curl -s -X POST -H 'content-type: application/json' -H "x-esper-api-key: $runtime_key" \
        --data '{"source":"bench","request":{"method":"POST","path":"/login","client_ip":"198.18.0.9","user_agent":"curl/8.5.0","headers":{}},"fields":{"probe":"1"}}' \
        "$esper_url" >"$raw/http-sample-decision.json"
    fi
    for pid in "$esper_pid" "$bare_pid" $tmpfs_pid $memstore_pid; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
    [ -n "${tmpfs_dir:-}" ] && rm -rf "$tmpfs_dir"
  else
    echo "functions/Esper.Host is not in this tree yet: HTTP comparison skipped."
  fi
fi

# --- 3. store round trips and 4. scale (in-process, through the shared handler) ---------------------
inproc() { timeout "$1" dotnet "$(bin InProcess Esper.Bench.InProcess)" "${@:2}"; }
if wants stores; then
  section "stores"
  store_args=()
  if [ -f scripts/emulators.sh ]; then
    # shellcheck source=/dev/null
    source scripts/emulators.sh
    if esper_start_emulators; then
      store_args+=(--dynamodb-url "$ESPER_TEST_DYNAMODB_URL" --azure-connection "$ESPER_TEST_AZURE_TABLES_CONNECTION")
    else
      echo "emulators failed to start: cloud stores skipped"
    fi
  fi
  inproc 180 stores --out "$raw" --quick "$quick" "${store_args[@]}"
fi

if wants scale; then
  section "scale"
  inproc 300 scale --out "$raw" --quick "$quick"
fi

# --- 4b. replay: a DryRun job over 100,000 recorded events (10,000 in quick mode) ---------------------
if wants replay; then
  section "replay"
  inproc 900 replay --out "$raw" --quick "$quick"
fi

# --- 5. cold start (owned by the serverless host) ---------------------------------------------------
if wants coldstart; then
  section "cold start"
  if [ -x scripts/lambda-cold-start.sh ]; then
    # The script (owned by the serverless host) rewrites docs/benchmarks-cold-start.md; the suite keeps its table
    # in raw/ and puts the committed page back, so a bench run never leaves another page modified.
    cp docs/benchmarks-cold-start.md "$log_dir/cold-start-committed.md" 2>/dev/null
    timeout 300 scripts/lambda-cold-start.sh "${BENCH_COLD_RUNS:-3}" >"$log_dir/cold-start.log" 2>&1
    rc=$?
    if [ "$rc" = 0 ] && [ -f docs/benchmarks-cold-start.md ]; then
      { echo "From \`scripts/lambda-cold-start.sh ${BENCH_COLD_RUNS:-3}\` (owned by the Lambda host; its page: [docs/benchmarks-cold-start.md](../../docs/benchmarks-cold-start.md)):"; echo; sed -n '/^|/p' docs/benchmarks-cold-start.md; echo; grep -E "^(Runs|Machine|Measured)" docs/benchmarks-cold-start.md; } >"$raw/cold-start.md"
    else
      { echo "scripts/lambda-cold-start.sh exited $rc. Last lines:"; echo '```'; tail -n 10 "$log_dir/cold-start.log"; echo '```'; } >"$raw/cold-start.md"
    fi
    if [ -f "$log_dir/cold-start-committed.md" ]; then
      cp "$log_dir/cold-start-committed.md" docs/benchmarks-cold-start.md
    else
      rm -f docs/benchmarks-cold-start.md
    fi
  else
    echo "scripts/lambda-cold-start.sh is not in this tree yet: cold start not measured." >"$raw/cold-start.md"
  fi
fi

# --- report -----------------------------------------------------------------------------------------
section "report"
echo "- Load average at end: $(load_avg); this invocation took $(elapsed) s" >>"$raw/env.md"
dotnet "$(bin Report Esper.Bench.Report)" "$raw" "$results/latest.md"
echo "suite took $(elapsed) s"
