// Configures tenants over Esper's HTTP API, as an operator would with curl.
import { createHash } from "node:crypto";

let counter = 0;

export async function call(host, key, method, path, body) {
  const res = await fetch(host.url + path, {
    method,
    headers: { "x-esper-api-key": key, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) {
    throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
  }

  return text === "" ? undefined : JSON.parse(text);
}

/** A fresh tenant on the host; answers its admin key. */
export async function createTenant(host, label) {
  const slug = `${label}-${process.pid}-${++counter}`.toLowerCase().slice(0, 40);
  const res = await fetch(`${host.url}/api/v1/tenants`, {
    method: "POST",
    headers: { authorization: `Bearer ${host.operatorToken}`, "content-type": "application/json" },
    body: JSON.stringify({ name: label, slug }),
  });
  const body = await res.json();
  if (res.status !== 201) {
    throw new Error(`tenant creation failed: ${res.status} ${JSON.stringify(body)}`);
  }

  return body.admin_key.secret;
}

/**
 * The README's login-burst policy (more than five POST /login in 60 s from one IP + user agent: block for ten
 * minutes) plus what the edge tests need: a challenge on /protected whose visitors may return to `origin`, and
 * blocks keyed on a forwarded authorization header, a session cookie and Cloudflare's country.
 */
export async function configureTenant(host, key, { origin }) {
  const post = (kind, body) => call(host, key, "POST", `/api/v1/${kind}`, body);
  await post("actions", { id: "login", name: "Login", expression: 'request.method == "POST" && request.path == "/login"' });
  await post("mitigations", { id: "block-10m", name: "Block for ten minutes", mode: "block", duration_seconds: 600 });
  await post("mitigations", { id: "deny", name: "Deny this request", mode: "block", duration_seconds: 0 });
  await post("mitigations", {
    id: "verify",
    name: "Verify humans",
    mode: "challenge",
    challenge: { provider: "proof_of_work", allowed_origins: [origin] },
  });
  await post("policies", {
    id: "login-burst",
    name: "Login burst",
    clauses: [{ action_ids: ["login"], entity_id: "ip-user-agent", window: { seconds: 60, threshold: 5 }, mitigation_id: "block-10m" }],
  });
  await post("policies", { id: "protected", name: "Protected area", clauses: [{ match: 'request.path == "/protected"', mitigation_id: "verify" }] });
  await post("policies", {
    id: "secrets",
    name: "Secrets reached Esper",
    clauses: [
      { match: 'request.headers.authorization == "Bearer s3cret"', mitigation_id: "deny" },
      { match: 'request.cookies.session == "sess-1"', mitigation_id: "deny" },
      { match: 'fields.cf_country == "KP"', mitigation_id: "deny" },
      { match: 'fields.plan == "suspended"', mitigation_id: "deny" },
    ],
  });
  await post("policies", { id: "probe", name: "Retry probe", clauses: [{ match: 'request.path == "/retry-probe"', mitigation_id: "monitor" }] });
}

export async function policyResults(host, key, id) {
  return call(host, key, "GET", `/api/v1/results/policies/${id}`);
}

/** Solves Esper's proof-of-work page the way its script does and answers the 303 target carrying the proof. */
export async function solveChallenge(redirectUrl) {
  const page = await (await fetch(redirectUrl)).text();
  const form = /action="([^"]+)"[^>]*data-challenge="([0-9a-f]{64})"[^>]*data-difficulty="(\d+)"/.exec(page);
  if (form === null) {
    throw new Error(`no proof-of-work form on ${redirectUrl}:\n${page.slice(0, 400)}`);
  }

  const [, action, challenge, difficultyText] = form;
  const difficulty = Number(difficultyText);
  let nonce = 0;
  while (!leadingZeroBits(createHash("sha256").update(challenge + nonce).digest(), difficulty)) {
    nonce++;
  }

  const res = await fetch(new URL(action, redirectUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `nonce=${nonce}`,
    redirect: "manual",
  });
  if (res.status !== 303) {
    throw new Error(`solve answered ${res.status}: ${await res.text()}`);
  }

  return res.headers.get("location");
}

function leadingZeroBits(hash, bits) {
  for (let i = 0; i < bits; i++) {
    if ((hash[i >> 3] >> (7 - (i & 7))) & 1) {
      return false;
    }
  }

  return true;
}
