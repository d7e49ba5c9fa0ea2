import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";

// Serves a route handler (Web Request -> Response) straight from the Node server, bypassing
// Next's router for the one hot endpoint, POST /run/event (see docs/decisions.md, "fast path").

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route's params shape
type TRouteHandler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;

export async function serveWebHandler(handler: TRouteHandler, req: IncomingMessage, res: ServerResponse) {
  // req.headers, not rawHeaders: it carries the request id the server assigned.
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const request = new NextRequest(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: req.method === "GET" || req.method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream),
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
  const response = await handler(request, { params: Promise.resolve({}) });
  const body = Buffer.from(await response.arrayBuffer());
  const outgoing: Record<string, string> = {};
  response.headers.forEach((value, key) => (outgoing[key] = value));
  outgoing["content-length"] = String(body.length);
  res.writeHead(response.status, outgoing);
  res.end(body);
}
