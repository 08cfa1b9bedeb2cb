// The benchmark Worker: `x-bench` picks a bare handler, one raw fetch to the stub, or withEsper in front of it.
import { withEsper } from "esper-ts-client/cloudflare";

const origin = { fetch: () => new Response("ok") };
let protectedWorker;
let withoutMemo;

export default {
  async fetch(request, env, ctx) {
    switch (request.headers.get("x-bench")) {
      case "bare":
        return origin.fetch(request);
      case "raw": {
        // What a hand-written Worker does at the least: one POST to Esper and a look at the action.
        const answer = await fetch(`${env.ESPER_API_URL}/api/v1/runtime/mitigation`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-esper-api-key": env.ESPER_API_KEY },
          body: JSON.stringify({ request: { method: request.method, path: new URL(request.url).pathname } }),
        });
        const decision = await answer.json();
        return decision.action === "block" ? new Response("blocked", { status: 403 }) : origin.fetch(request);
      }
      case "esper-no-memo":
        withoutMemo ??= withEsper(origin, { memo: false });
        return withoutMemo.fetch(request, env, ctx);
      default:
        protectedWorker ??= withEsper(origin);
        return protectedWorker.fetch(request, env, ctx);
    }
  },
};
