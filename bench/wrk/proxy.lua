-- wrk script for a reverse proxy in front of an app (bench/hybrid.sh, the `esper run --proxy` part): plain GETs over
-- a few paths, each with one of WRK_AGENTS user agents (default 50000) so the daemon's ip + user-agent entities spread
-- and its window policy rarely blocks. Writes the same JSON summary as runtime.lua, plus non-2xx/3xx answers apart.
-- Env: WRK_OUT (summary file), WRK_LABEL, WRK_CONNECTIONS, WRK_AGENTS, WRK_SEED (default 2000).
local paths = { "/", "/articles/how-to-bake-bread", "/api/search?q=bread&page=2", "/checkout", "/static/app.js" }
local agents = tonumber(os.getenv("WRK_AGENTS") or "50000")
local seed = tonumber(os.getenv("WRK_SEED") or "2000")
local threads = {}
thread_id = 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(seed + 7919 * thread_id)
  wrk.method = "GET"
end

function request()
  local agent = "bench-agent/" .. math.random(0, agents - 1)
  return wrk.format("GET", paths[math.random(#paths)], { ["User-Agent"] = agent, ["Accept"] = "text/html" })
end

function done(summary, latency, requests)
  local out = os.getenv("WRK_OUT")
  if not out then return end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local seconds = summary.duration / 1e6
  local f = io.open(out, "w")
  f:write(string.format(
    '{"label":"%s","connections":%d,"seconds":%.3f,"requests":%d,"errors":%d,"status_errors":%d,"rps":%.1f,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f}\n',
    os.getenv("WRK_LABEL") or "target", tonumber(os.getenv("WRK_CONNECTIONS") or "0"), seconds, summary.requests,
    errors, summary.errors.status, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  f:close()
end
