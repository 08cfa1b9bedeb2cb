// A Worker in front of your origin: Esper decides about every request before it is forwarded.
import { withEsper } from "esper-ts-client/cloudflare";

export default withEsper(
  {
    // Allowed requests go on to the origin (the route's zone), unchanged.
    async fetch(request: Request): Promise<Response> {
      return fetch(request);
    },
  },
  {
    // ESPER_API_KEY (a secret) and ESPER_API_URL (a var) are read from env.
    // Esper slow or down: let visitors through after one second ("closed" would answer 503 instead).
    failure: "open",
    timeoutMs: 1000,
    // Static assets are not worth a decision.
    exclude: ["/assets/", "/favicon.ico", /\.(css|js|png|jpg|svg|woff2)$/],
    // Forward the session cookie so a policy can key on it; other cookie values stay at the edge.
    allowCookies: ["session"],
  },
);
