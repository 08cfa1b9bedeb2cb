// An HTTP Cloud Function that asks Esper about every request before answering it.
// Allowed requests are forwarded to ORIGIN_URL when it is set, and answered here otherwise.
import { withEsper } from "esper-ts-client/node";

const origin = process.env.ORIGIN_URL;

async function handler(req, res) {
  if (!origin) {
    res.status(200).send(`Hello from behind Esper: ${req.method} ${req.path}`);
    return;
  }

  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const headers = { ...req.headers };
  delete headers.host;
  const answer = await fetch(new URL(req.originalUrl, origin), {
    method: req.method,
    headers,
    body: hasBody ? req.rawBody : undefined,
  });
  res.status(answer.status);
  answer.headers.forEach((value, name) => {
    if (name !== "content-encoding" && name !== "content-length" && name !== "transfer-encoding") {
      res.setHeader(name, value);
    }
  });
  res.send(Buffer.from(await answer.arrayBuffer()));
}

// ESPER_API_KEY and ESPER_API_URL come from the function's environment; a slow or unreachable Esper lets
// requests through after one second (failure: "closed" would refuse them instead).
export const esperProxy = withEsper(handler, {
  failure: process.env.ESPER_FAILURE === "closed" ? "closed" : "open",
  timeoutMs: Number(process.env.ESPER_TIMEOUT_MS ?? 1000),
});
