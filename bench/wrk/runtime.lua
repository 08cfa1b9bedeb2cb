-- wrk script for the runtime endpoint: varied bodies (many client IPs from 198.18.0.0/15 so entity keys spread,
-- mixed routes and user agents, unique idempotency keys) and a JSON summary written by done().
-- Env: ESPER_API_KEY (optional), WRK_OUT (summary file), WRK_LABEL, WRK_IPS (distinct IPs, default 50000),
-- WRK_NO_IDEMPOTENCY=1 (leave the idempotency key out of every body), WRK_SEED (default 1000: another seed gives
-- other IPs and idempotency keys, e.g. for a warm-up that must not repeat the measured run's keys).
local agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
  "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
  "python-requests/2.32.3",
  "curl/8.5.0",
}
local routes = {
  {"GET", "/"}, {"GET", "/articles/how-to-bake-bread"}, {"GET", "/api/search"}, {"POST", "/login"},
  {"POST", "/login"}, {"POST", "/checkout"}, {"GET", "/admin/settings"}, {"POST", "/api/comments"},
}
local ips = tonumber(os.getenv("WRK_IPS") or "50000")
local key = os.getenv("ESPER_API_KEY")
local idempotency = os.getenv("WRK_NO_IDEMPOTENCY") ~= "1"
local seed = tonumber(os.getenv("WRK_SEED") or "1000")
local key_prefix = (seed == 1000) and "wrk-" or ("wrk-s" .. seed .. "-")
local counter = 0
local threads = {}
-- thread_id is a global on purpose: setup() sets it in each thread's own Lua state (a local would shadow it and
-- every thread would send the same idempotency keys and IPs).
thread_id = 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(seed + 7919 * thread_id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if key and key ~= "" then wrk.headers["x-esper-api-key"] = key end
end

function request()
  counter = counter + 1
  local i = math.random(0, ips - 1)
  local ip = string.format("198.%d.%d.%d", 18 + math.floor(i / 65536) % 2, math.floor(i / 256) % 256, i % 256)
  local route = routes[math.random(#routes)]
  local agent = agents[math.random(#agents)]
  local plan = (math.random(4) == 1) and "pro" or "free"
  local idem = idempotency and ('"idempotency_key":"' .. key_prefix .. thread_id .. '-' .. counter .. '-' .. math.random(1, 2147483647) .. '",') or ''
  local body = '{"source":"bench","observed_at":"2026-01-01T00:00:00Z",' .. idem .. '"return_url":"https://shop.example' .. route[2] ..
    '","request":{"method":"' .. route[1] .. '","path":"' .. route[2] .. '","client_ip":"' .. ip ..
    '","user_agent":"' .. agent .. '","headers":{"user-agent":"' .. agent ..
    '","accept":"text/html","accept-language":"en-US,en;q=0.9","x-forwarded-for":"' .. ip ..
    '"},"query_params":{"q":"bread","page":"' .. math.random(1, 8) .. '"},"cookies":{"session":"s' ..
    math.random(0, 99999) .. '"},"route_params":{}},"fields":{"probe":"1","plan":"' .. plan .. '"}}'
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local out = os.getenv("WRK_OUT")
  if not out then return end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  local seconds = summary.duration / 1e6
  local f = io.open(out, "w")
  f:write(string.format(
    '{"label":"%s","mode":"closed","generator":"wrk","connections":%d,"target_rate":0,"seconds":%.3f,"requests":%d,' ..
    '"errors":%d,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,"max_ms":%.3f,' ..
    '"service_p50_ms":%.3f,"service_p99_ms":%.3f}\n',
    os.getenv("WRK_LABEL") or "target", tonumber(os.getenv("WRK_CONNECTIONS") or "0"), seconds, summary.requests, errors,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  f:close()
end
