import { describe, expect, it } from "vitest";
import { checkApiVersion, parseIdempotencyKey, parseRunEventBody } from "./parse-run-event-body";

describe("parseRunEventBody", () => {
  it("accepts the documented envelope", () => {
    expect(parseRunEventBody({ event: "create_invoice", userId: "u1", data: { a: 1 } })).toEqual({
      event: "create_invoice",
      userId: "u1",
      data: { a: 1 },
    });
  });

  it.each([
    [[], "The body must be a JSON object { \"event\", \"userId\", \"data\" }, not an array.", [{ path: "", message: "must be an object", keyword: "type" }]],
    [
      {},
      "Fix the request body: event is required; userId is required; data is required.",
      [
        { path: "/event", message: "event is required", keyword: "required" },
        { path: "/userId", message: "userId is required", keyword: "required" },
        { path: "/data", message: "data is required", keyword: "required" },
      ],
    ],
    [
      { event: 5, userId: "", data: [1] },
      "Fix the request body: event must be a string, not a number; userId must not be empty; data must be an object, not an array.",
      [
        { path: "/event", message: "event must be a string, not a number", keyword: "type" },
        { path: "/userId", message: "userId must not be empty", keyword: "minLength" },
        { path: "/data", message: "data must be an object, not an array", keyword: "type" },
      ],
    ],
    [
      { event: "e", userId: "u", data: null },
      "Fix the request body: data must be an object, not null.",
      [{ path: "/data", message: "data must be an object, not null", keyword: "type" }],
    ],
  ])("refuses %j", (body, message, details) => {
    expect(() => parseRunEventBody(body)).toThrow(message);
    try {
      parseRunEventBody(body);
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid_request", status: 400, details });
    }
  });
});

describe("request headers", () => {
  it("defaults the API version and names the supported ones", () => {
    expect(checkApiVersion(null)).toBe("2025-09");
    expect(checkApiVersion("2025-09")).toBe("2025-09");
    expect(() => checkApiVersion("2024-01")).toThrow('x-api-version "2024-01" is not supported. Supported versions: 2025-09.');
  });

  it("accepts printable idempotency keys only", () => {
    expect(parseIdempotencyKey(null)).toBeUndefined();
    expect(parseIdempotencyKey(" abc-123 ")).toBe("abc-123");
    expect(() => parseIdempotencyKey("")).toThrow("Idempotency-Key must be 1-255 visible ASCII characters");
    expect(() => parseIdempotencyKey("x".repeat(256))).toThrow("Idempotency-Key must be 1-255 visible ASCII characters");
  });
});
