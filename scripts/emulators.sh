#!/usr/bin/env bash
# Starts the local DynamoDB (dynalite) and Azure Table Storage (Azurite) emulators on free loopback ports.
# Meant to be sourced by test.sh: it appends the emulators' PIDs to the caller's `pids` array (the caller
# kills them on exit) and exports the endpoints the store tests read:
#   ESPER_TEST_DYNAMODB_URL             http://127.0.0.1:<port>
#   ESPER_TEST_AZURE_TABLES_CONNECTION  an Azurite connection string (well-known development account)
# Both emulators keep their data in memory only. Azurite's telemetry is always disabled: nothing may leave
# the machine.

esper_emulators_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Installs the pinned emulators when node_modules is missing or older than the lockfile.
esper_emulators_install() {
  local stamp="$esper_emulators_root/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$esper_emulators_root/package-lock.json" -nt "$stamp" ]; then
    (cd "$esper_emulators_root" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  fi
}

# Prints a port that is free on 127.0.0.1 right now.
esper_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

# Waits until something accepts TCP connections on 127.0.0.1:$1, while process $2 is alive (about 30 s).
esper_wait_port() {
  local port=$1 pid=$2 attempt
  for attempt in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || return 1
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  return 1
}

esper_start_emulators() {
  local bin="$esper_emulators_root/node_modules/.bin"
  local work_dir=${log_dir:-$(mktemp -d)}
  local port pid

  esper_emulators_install || { echo "emulators: npm ci failed" >&2; return 1; }

  port=$(esper_free_port)
  "$bin/dynalite" --host 127.0.0.1 --port "$port" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 \
    >"$work_dir/dynalite.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  if ! esper_wait_port "$port" "$pid"; then
    echo "emulators: dynalite did not start" >&2
    cat "$work_dir/dynalite.log" >&2
    return 1
  fi
  export ESPER_TEST_DYNAMODB_URL="http://127.0.0.1:$port"

  port=$(esper_free_port)
  mkdir -p "$work_dir/azurite"
  # Azurite refuses --location with --inMemoryPersistence, so it runs in a scratch directory instead (exec
  # keeps the PID recorded below the emulator's own).
  (cd "$work_dir/azurite" && exec "$bin/azurite-table" --inMemoryPersistence --disableTelemetry --silent \
    --skipApiVersionCheck --loose --tableHost 127.0.0.1 --tablePort "$port" \
    >"$work_dir/azurite.log" 2>&1) &
  pid=$!
  pids+=("$pid")
  if ! esper_wait_port "$port" "$pid"; then
    echo "emulators: azurite-table did not start" >&2
    cat "$work_dir/azurite.log" >&2
    return 1
  fi
  # The well-known Azurite development account (public, documented, only valid against the emulator).
  export ESPER_TEST_AZURE_TABLES_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
}
