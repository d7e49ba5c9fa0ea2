import { describe, expect, it } from "vitest";
import { MAX_SINK_REQUESTS, startHttpSink } from "@/lib/testing/http-sink";

describe("startHttpSink", () => {
  it("fails the first requests as told, then answers 200, recording everything", async () => {
    const sink = await startHttpSink({ failTimes: 2, failStatus: 429, retryAfterSeconds: 3 });
    try {
      const first = await fetch(`${sink.url}/a?x=1`, { method: "POST", body: "hello", headers: { "X-Test": "1" } });
      expect(first.status).toBe(429);
      expect(first.headers.get("retry-after")).toBe("3");
      expect((await fetch(sink.url)).status).toBe(429);
      expect((await fetch(sink.url)).status).toBe(200);
      expect(sink.requests).toHaveLength(3);
      expect(sink.requests[0]).toMatchObject({ method: "POST", path: "/a?x=1", body: "hello", headers: expect.objectContaining({ "x-test": "1" }) });
    } finally {
      await sink.close();
    }
  });

  it(`keeps only the last ${MAX_SINK_REQUESTS} requests`, async () => {
    const sink = await startHttpSink();
    try {
      const total = MAX_SINK_REQUESTS + 50;
      for (let i = 0; i < total; i += 500) {
        await Promise.all(Array.from({ length: Math.min(500, total - i) }, (_, j) => fetch(`${sink.url}/${i + j}`).then((r) => r.arrayBuffer())));
      }
      expect(sink.received).toBe(total);
      expect(sink.requests).toHaveLength(MAX_SINK_REQUESTS);
    } finally {
      await sink.close();
    }
  }, 30_000);
});
