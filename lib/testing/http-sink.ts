import http from "node:http";
import type { AddressInfo } from "node:net";

// An HTTP endpoint that records what it receives, for the flaky-endpoint tests and the
// benchmark: it fails the first `failTimes` requests (503 unless told otherwise, with
// Retry-After when asked), then answers 200. Cheap per request; keeps the last 10,000.

export type TSinkRequest = {
  method: string;
  /** Path and query, as received ("/hook?x=1"). */
  path: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The raw body text (parse it yourself: signatures are over this exact text). */
  body: string;
};

export type THttpSinkOptions = {
  /** Fail this many requests first (default 0). */
  failTimes?: number;
  /** Status of those failures (default 503). */
  failStatus?: number;
  /** Sent as Retry-After on failures. */
  retryAfterSeconds?: number;
  /** Every request waits this long before its answer. */
  delayMs?: number;
  port?: number;
};

export type THttpSink = {
  url: string;
  /** The last 10,000 requests, oldest first (a live array). */
  requests: TSinkRequest[];
  /** All requests received, including those no longer kept. */
  readonly received: number;
  /** Fail the next `count` requests (with the configured status). */
  failNext(count: number): void;
  setDelay(ms: number): void;
  /** Forgets recorded requests and pending failures. */
  reset(): void;
  close(): Promise<void>;
};

export const MAX_SINK_REQUESTS = 10_000;

export async function startHttpSink(options: THttpSinkOptions = {}): Promise<THttpSink> {
  const requests: TSinkRequest[] = [];
  const failStatus = options.failStatus ?? 503;
  let failures = options.failTimes ?? 0;
  let delayMs = options.delayMs ?? 0;
  let received = 0;
  const timers = new Set<NodeJS.Timeout>();

  const answer = (res: http.ServerResponse) => {
    if (failures > 0) {
      failures--;
      const body = JSON.stringify({ error: `The sink fails on purpose (HTTP ${failStatus}).` });
      const headers: http.OutgoingHttpHeaders = { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) };
      if (options.retryAfterSeconds !== undefined) headers["Retry-After"] = String(options.retryAfterSeconds);
      res.writeHead(failStatus, headers);
      res.end(body);
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": 11 });
    res.end('{"ok":true}');
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received++;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      requests.push({
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers,
        body: chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"),
      });
      if (requests.length > MAX_SINK_REQUESTS) requests.splice(0, requests.length - MAX_SINK_REQUESTS);
      if (delayMs <= 0) {
        answer(res);
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(res);
      }, delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get received() {
      return received;
    },
    failNext(count: number) {
      failures = count;
    },
    setDelay(ms: number) {
      delayMs = ms;
    },
    reset() {
      requests.length = 0;
      failures = 0;
      received = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
