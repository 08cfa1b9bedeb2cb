#!/usr/bin/env bash
# Runs every test of the repository: restores what the tests need, starts the local emulators on free
# loopback ports, runs the .NET test projects, stops what it started and prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
log_dir=$(mktemp -d)
pids=()

cleanup() {
  for pid in "${pids[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
  done
  rm -rf "$log_dir"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- system packages ------------------------------------------------------------------------------
# Headless Chromium drives the challenge page end to end (Debian package; installed once per machine).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will fail"
  else
    echo "warning: chromium is missing and this user cannot apt-get install it; browser tests will fail"
  fi
fi

# libpcap lets esper capture sniff lo in the hybrid capture tests (Debian package; installed once per machine).
if ! ldconfig -p 2>/dev/null | grep -q 'libpcap\.so'; then
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpcap0.8 >/dev/null) \
      || echo "warning: could not install libpcap0.8; capture tests will fail"
  else
    echo "warning: libpcap is missing and this user cannot apt-get install it; capture tests will fail"
  fi
fi

# --- services ---------------------------------------------------------------------------------------
# dynalite (DynamoDB) and Azurite (Azure Tables), pinned in package.json, in memory on free loopback ports.
# shellcheck source=scripts/emulators.sh
source "$root/scripts/emulators.sh"
if ! esper_start_emulators; then
  echo "emulators failed to start"
  echo "0 passed, 1 failed"
  exit 1
fi

# --- tests ------------------------------------------------------------------------------------------
dotnet build Esper.Serverless.sln -c Release 2>&1 | tail -n 3
build_rc=${PIPESTATUS[0]}
if [ "$build_rc" -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# --- edge connector (npm) ---------------------------------------------------------------------------
# connectors/edge (esper-ts-client) installs from its lockfile and runs its tests inside workerd, the Edge runtime
# and the Functions Framework against Esper.Host as just built. It runs beside dotnet test; its output is shown
# after dotnet test's, and its line "esper-ts-client: N passed, N failed" joins the totals.
(
  cd connectors/edge && npm ci --no-audit --no-fund --loglevel=error && npm test
) >"$log_dir/edge.log" 2>&1 &
edge_pid=$!
pids+=("$edge_pid")

dotnet test Esper.Serverless.sln -c Release --no-build 2>&1 | tee "$log_dir/test.log"
test_rc=${PIPESTATUS[0]}

wait "$edge_pid"
edge_rc=$?
cat "$log_dir/edge.log"

passed=$(grep -Eo 'Passed: +[0-9]+' "$log_dir/test.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log_dir/test.log" | awk '{s+=$2} END {print s+0}')
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

edge_line=$(grep -E '^esper-ts-client: [0-9]+ passed, [0-9]+ failed$' "$log_dir/edge.log" | tail -n 1)
edge_passed=$(echo "$edge_line" | awk '{print $2+0}')
edge_failed=$(echo "$edge_line" | awk '{print $4+0}')
if [ "$edge_rc" -ne 0 ] && [ "$edge_failed" -eq 0 ]; then
  edge_failed=1
fi
passed=$((passed + edge_passed))
failed=$((failed + edge_failed))
if [ "$edge_rc" -ne 0 ]; then
  test_rc=1
fi
echo "$passed passed, $failed failed"
[ "$test_rc" -eq 0 ] && [ "$failed" -eq 0 ]
