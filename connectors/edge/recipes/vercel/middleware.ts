// Vercel Edge Middleware: Esper decides about every matched request before the route runs.
import { esperMiddleware } from "esper-ts-client/vercel";

// ESPER_API_KEY and ESPER_API_URL come from the project's environment variables.
export const middleware = esperMiddleware({
  failure: "open",
  timeoutMs: 1000,
  allowCookies: ["session"],
});

// Which paths run the middleware: everything but Next's static files and images.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
